import RegistryModel
import Support

extension InstitutionProfile {
    /// The profile as the ledger stores it (absent values left out), written and read by hand:
    /// the ledger stores one per institution a month, and `Codable` is too slow for that many
    /// (measured: BENCHMARKS.md, history, `faa614b` and `ec9bf44`). `InstitutionMemoryTests`
    /// keeps `jsonObject` and `init(json:)` in step.
    public var jsonObject: JSONText.Object {
        var object = JSONText.Object()
        object.add("id", id.rawValue)
        for kind in [TextKind.creditCodes, .formerCreditCodes, .otherNumbers, .nameCounties, .cores] {
            object.add(kind.jsonKey, strings: texts(kind))
        }
        object.add("counties", strings: counties.map(\.rawValue))
        if let otherCounties { object.add("otherCounties", strings: otherCounties.map(\.rawValue)) }
        for kind in [TextKind.legalRepresentatives, .addresses] { object.add(kind.jsonKey, strings: texts(kind)) }
        object.add("hasEnterprise", hasEnterprise)
        object.add("hasCivil", hasCivil)
        object.addIfPresent("enterpriseTeaching", enterpriseTeaching?.rawValue)
        object.addIfPresent("civilTeaching", civilTeaching?.rawValue)
        object.addIfPresent("civilRegisteredOn", civilRegisteredOn?.iso)
        object.addIfPresent("enterpriseEstablishedOn", enterpriseEstablishedOn?.iso)
        return object
    }

    public init(json: JSONValue) throws {
        self.init(id: InstitutionID(rawValue: try json.requiredString("id")))
        setTexts(try TextKind.allCases.map { try json.strings($0.jsonKey)[...] })
        counties = CountySet(try json.strings("counties", as: County.self))
        otherCounties = try json["otherCounties"].flatMap { $0 == .null ? nil : CountySet(try json.strings("otherCounties", as: County.self)) }
        // A profile stored before what is taught was read says only whether its enterprise trains.
        enterpriseTeaching = try json.optional("enterpriseTeaching", as: ScopeTeaching.self)
            ?? json["scopeTrains"]?.bool.map { $0 ? .unstated : .none }
        civilTeaching = try json.optional("civilTeaching", as: ScopeTeaching.self)
        hasEnterprise = try json.requiredBool("hasEnterprise")
        hasCivil = try json.requiredBool("hasCivil")
        civilRegisteredOn = try json.optionalDay("civilRegisteredOn")
        enterpriseEstablishedOn = try json.optionalDay("enterpriseEstablishedOn")
    }
}

extension InstitutionProfile.TextKind {
    /// Its member in the stored profile.
    var jsonKey: String {
        switch self {
        case .creditCodes: "creditCodes"
        case .formerCreditCodes: "formerCreditCodes"
        case .otherNumbers: "otherNumbers"
        case .nameCounties: "nameCounties"
        case .cores: "cores"
        case .legalRepresentatives: "legalRepresentatives"
        case .addresses: "addresses"
        }
    }
}
