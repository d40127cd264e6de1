import RegistryModel

extension InstitutionProfile {
    /// The profile as the JSON its synthesized `Codable` conformance reads back (absent values
    /// left out), written by hand: the ledger stores one per institution a month, and
    /// `JSONEncoder` took a tenth of a million-record batch. `InstitutionMemoryTests` decodes
    /// it with `JSONDecoder` to keep the two in step.
    public var jsonText: String {
        var object = JSONText.Object()
        object.add("id", id.rawValue)
        object.add("creditCodes", strings: creditCodes)
        object.add("formerCreditCodes", strings: formerCreditCodes)
        object.add("otherNumbers", strings: otherNumbers)
        object.add("nameCounties", strings: nameCounties)
        object.add("cores", strings: cores)
        object.add("counties", strings: counties.map(\.rawValue))
        object.add("legalRepresentatives", strings: legalRepresentatives)
        object.add("addresses", strings: addresses)
        object.add("hasEnterprise", hasEnterprise)
        object.add("hasCivil", hasCivil)
        if let scopeTrains { object.add("scopeTrains", scopeTrains) }
        object.addIfPresent("civilRegisteredOn", civilRegisteredOn?.iso)
        object.addIfPresent("enterpriseEstablishedOn", enterpriseEstablishedOn?.iso)
        return object.close()
    }
}
