import RegistryModel

extension InstitutionProfile {
    /// The profile as the JSON its synthesized `Codable` conformance reads back (absent values
    /// left out), written by hand: the ledger stores one per institution a month, and
    /// `JSONEncoder` took a tenth of a million-record batch. `InstitutionMemoryTests` decodes
    /// it with `JSONDecoder` to keep the two in step.
    public var jsonText: String {
        var members: [(String, String)] = [
            ("id", JSONText.string(id.rawValue)),
            ("creditCodes", JSONText.array(creditCodes)),
            ("formerCreditCodes", JSONText.array(formerCreditCodes)),
            ("otherNumbers", JSONText.array(otherNumbers)),
            ("nameCounties", JSONText.array(nameCounties)),
            ("cores", JSONText.array(cores)),
            ("counties", JSONText.array(counties.map(\.rawValue))),
            ("legalRepresentatives", JSONText.array(legalRepresentatives)),
            ("addresses", JSONText.array(addresses)),
            ("hasEnterprise", JSONText.bool(hasEnterprise)),
            ("hasCivil", JSONText.bool(hasCivil)),
        ]
        if let scopeTrains { members.append(("scopeTrains", JSONText.bool(scopeTrains))) }
        if let civilRegisteredOn { members.append(("civilRegisteredOn", JSONText.string(civilRegisteredOn.iso))) }
        if let enterpriseEstablishedOn { members.append(("enterpriseEstablishedOn", JSONText.string(enterpriseEstablishedOn.iso))) }
        return JSONText.object(members)
    }
}
