import RegistryModel

// The history as the JSON its synthesized `Codable` conformances read back (absent values left
// out), written by hand for the same reason as `InstitutionProfile.jsonText`.

extension RegistrationHistory {
    public var jsonText: String {
        var object = JSONText.Object()
        object.add("registrations", json: JSONText.array(json: registrations.map(\.jsonText)))
        object.add("first_seen_batch", firstSeenBatch)
        object.add("last_seen_batch", lastSeenBatch)
        object.add("first_seen_on", firstSeenOn.iso)
        return object.close()
    }
}

extension TrackedRegistration {
    var jsonText: String {
        var object = JSONText.Object()
        object.add("registry", registry.rawValue)
        object.addIfPresent("credit_code", creditCode)
        object.add("credit_code_valid", creditCodeValid)
        object.addIfPresent("other_number", otherNumber)
        object.addIfPresent("name", name)
        object.addIfPresent("name_key", nameKey)
        object.addIfPresent("form", form?.rawValue)
        object.addIfPresent("established_on", establishedOn?.iso)
        object.add("sightings", json: JSONText.array(json: sightings.map(\.jsonText)))
        object.add("business", json: JSONText.array(json: business.map(\.jsonText)))
        object.add("first_seen_batch", firstSeenBatch)
        object.add("last_seen_batch", lastSeenBatch)
        return object.close()
    }
}

extension StatusSighting {
    var jsonText: String {
        var object = JSONText.Object()
        object.add("on", on.iso)
        object.add("batch", batch)
        object.add("word", word)
        object.addIfPresent("status", status)
        return object.close()
    }
}

extension BusinessEvent {
    var jsonText: String {
        var object = JSONText.Object()
        object.add("type", type)
        object.add("word", word)
        object.addIfPresent("completed_on", completedOn?.iso)
        object.add("seen_on", seenOn.iso)
        object.add("batch", batch)
        return object.close()
    }
}

extension RequirementDecision {
    public var jsonText: String {
        var object = JSONText.Object()
        object.add("requirement", requirement.rawValue)
        object.add("referenceDay", referenceDay.iso)
        object.add("reason", reason)
        return object.close()
    }
}
