import Support

// The history as the ledger stores it (absent values left out), written and read by hand for
// the same reason as `InstitutionProfile.jsonObject`.

extension RegistrationHistory {
    public var jsonObject: JSONText.Object {
        var object = JSONText.Object()
        object.add("registrations", objects: registrations.map(\.jsonObject))
        object.add("first_seen_batch", firstSeenBatch)
        object.add("last_seen_batch", lastSeenBatch)
        object.add("first_seen_on", firstSeenOn.iso)
        return object
    }

    public init(json: JSONValue) throws {
        self.init(registrations: try json.objects("registrations", TrackedRegistration.init(json:)),
                  firstSeenBatch: try json.requiredString("first_seen_batch"),
                  lastSeenBatch: try json.requiredString("last_seen_batch"), firstSeenOn: try json.requiredDay("first_seen_on"))
    }
}

extension TrackedRegistration {
    var jsonObject: JSONText.Object {
        var object = JSONText.Object()
        object.add("registry", registry.rawValue)
        object.addIfPresent("credit_code", creditCode)
        object.add("credit_code_valid", creditCodeValid)
        object.addIfPresent("other_number", otherNumber)
        object.addIfPresent("name", name)
        object.addIfPresent("name_key", nameKey)
        object.addIfPresent("form", form?.rawValue)
        object.addIfPresent("established_on", establishedOn?.iso)
        object.add("sightings", objects: sightings.map(\.jsonObject))
        object.add("business", objects: business.map(\.jsonObject))
        object.add("first_seen_batch", firstSeenBatch)
        object.add("last_seen_batch", lastSeenBatch)
        return object
    }

    init(json: JSONValue) throws {
        self.init(
            registry: try json.required("registry", as: SourceKind.self), creditCode: try json.optionalString("credit_code"),
            creditCodeValid: try json.requiredBool("credit_code_valid"), otherNumber: try json.optionalString("other_number"),
            name: try json.optionalString("name"), nameKey: try json.optionalString("name_key"),
            form: try json.optional("form", as: OrganizationForm.self), establishedOn: try json.optionalDay("established_on"),
            sightings: try json.objects("sightings", StatusSighting.init(json:)),
            business: try json.objects("business", BusinessEvent.init(json:)),
            firstSeenBatch: try json.requiredString("first_seen_batch"), lastSeenBatch: try json.requiredString("last_seen_batch"))
    }
}

extension StatusSighting {
    var jsonObject: JSONText.Object {
        var object = JSONText.Object()
        object.add("on", on.iso)
        object.add("batch", batch)
        object.add("word", word)
        object.addIfPresent("status", status)
        return object
    }

    init(json: JSONValue) throws {
        self.init(on: try json.requiredDay("on"), batch: try json.requiredString("batch"), word: try json.requiredString("word"),
                  status: try json.optionalString("status"))
    }
}

extension BusinessEvent {
    var jsonObject: JSONText.Object {
        var object = JSONText.Object()
        object.add("type", type)
        object.add("word", word)
        object.addIfPresent("completed_on", completedOn?.iso)
        object.add("seen_on", seenOn.iso)
        object.add("batch", batch)
        return object
    }

    init(json: JSONValue) throws {
        self.init(type: try json.requiredString("type"), word: try json.requiredString("word"),
                  completedOn: try json.optionalDay("completed_on"), seenOn: try json.requiredDay("seen_on"),
                  batch: try json.requiredString("batch"))
    }
}

extension RequirementDecision {
    public var jsonObject: JSONText.Object {
        var object = JSONText.Object()
        object.add("requirement", requirement.rawValue)
        object.add("referenceDay", referenceDay.iso)
        object.add("reason", reason)
        return object
    }

    public init(json: JSONValue) throws {
        self.init(requirement: try json.required("requirement", as: Requirement.self),
                  referenceDay: try json.requiredDay("referenceDay"), reason: try json.requiredString("reason"))
    }
}
