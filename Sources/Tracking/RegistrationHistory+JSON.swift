import RegistryModel

// The history as the JSON its synthesized `Codable` conformances read back (absent values left
// out), written by hand for the same reason as `InstitutionProfile.jsonText`.

extension RegistrationHistory {
    public var jsonText: String {
        JSONText.object([
            ("registrations", "[" + registrations.map(\.jsonText).joined(separator: ",") + "]"),
            ("first_seen_batch", JSONText.string(firstSeenBatch)),
            ("last_seen_batch", JSONText.string(lastSeenBatch)),
            ("first_seen_on", JSONText.string(firstSeenOn.iso)),
        ])
    }
}

extension TrackedRegistration {
    var jsonText: String {
        var members: [(String, String)] = [("registry", JSONText.string(registry.rawValue))]
        if let creditCode { members.append(("credit_code", JSONText.string(creditCode))) }
        members.append(("credit_code_valid", JSONText.bool(creditCodeValid)))
        if let otherNumber { members.append(("other_number", JSONText.string(otherNumber))) }
        if let name { members.append(("name", JSONText.string(name))) }
        if let nameKey { members.append(("name_key", JSONText.string(nameKey))) }
        if let form { members.append(("form", JSONText.string(form.rawValue))) }
        if let establishedOn { members.append(("established_on", JSONText.string(establishedOn.iso))) }
        members += [
            ("sightings", "[" + sightings.map(\.jsonText).joined(separator: ",") + "]"),
            ("business", "[" + business.map(\.jsonText).joined(separator: ",") + "]"),
            ("first_seen_batch", JSONText.string(firstSeenBatch)),
            ("last_seen_batch", JSONText.string(lastSeenBatch)),
        ]
        return JSONText.object(members)
    }
}

extension StatusSighting {
    var jsonText: String {
        var members = [("on", JSONText.string(on.iso)), ("batch", JSONText.string(batch)), ("word", JSONText.string(word))]
        if let status { members.append(("status", JSONText.string(status))) }
        return JSONText.object(members)
    }
}

extension BusinessEvent {
    var jsonText: String {
        var members = [("type", JSONText.string(type)), ("word", JSONText.string(word))]
        if let completedOn { members.append(("completed_on", JSONText.string(completedOn.iso))) }
        members += [("seen_on", JSONText.string(seenOn.iso)), ("batch", JSONText.string(batch))]
        return JSONText.object(members)
    }
}

extension RequirementDecision {
    public var jsonText: String {
        JSONText.object([
            ("requirement", JSONText.string(requirement.rawValue)),
            ("referenceDay", JSONText.string(referenceDay.iso)),
            ("reason", JSONText.string(reason)),
        ])
    }
}
