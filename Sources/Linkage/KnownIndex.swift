import RegistryModel

/// Step 2's lookup: which known institution an identifier belongs to.
struct KnownIndex {
    private var byCode: [String: InstitutionID] = [:]
    private var byFormerCode: [String: InstitutionID] = [:]
    private var byNumber: [String: InstitutionID] = [:]
    /// The known institutions holding each name (in the county). Names are Chinese: hashed
    /// as bytes (`TextKey`), not as Strings, which normalise every non-ASCII key again.
    private var byNameCounty: [TextKey: [InstitutionID]] = [:]
    /// The code categories (`91`, `52` …) each institution already holds: a few at most.
    private var categories: [InstitutionID: [String]] = [:]

    init(_ profiles: [InstitutionProfile]) {
        byCode.reserveCapacity(profiles.count)
        byNameCounty.reserveCapacity(profiles.count)
        categories.reserveCapacity(profiles.count)
        // In id order, so that when two profiles claim one key the older id wins every run.
        // Positions are sorted, not the profiles, which are large to move.
        for index in profiles.indices.sorted(by: { profiles[$0].id < profiles[$1].id }) {
            let profile = profiles[index]
            for code in profile.creditCodes where byCode[code] == nil { byCode[code] = profile.id }
            for code in profile.formerCreditCodes where byFormerCode[code] == nil { byFormerCode[code] = profile.id }
            for number in profile.otherNumbers where byNumber[number] == nil { byNumber[number] = profile.id }
            for name in profile.nameCounties { byNameCounty[TextKey(name), default: []].append(profile.id) }
            categories[profile.id] = profile.creditCodes.filter(CreditCodeRules.isValid).map { String($0.prefix(2)) }
        }
    }

    /// The one institution a name identifies for this record, if any. A name held by one
    /// institution identifies it; a name several hold identifies, for a record without a
    /// valid code, only the one of them that has no valid code either (an application seen
    /// before), and otherwise no one.
    private func owner(of name: String, for keys: RecordKeys) -> InstitutionID? {
        guard let owners = byNameCounty[TextKey(name)] else { return nil }
        if owners.count == 1 { return owners[0] }
        guard keys.validCategory == nil else { return nil }
        let uncoded = owners.filter { categories[$0]?.isEmpty ?? true }
        return uncoded.count == 1 ? uncoded[0] : nil
    }

    /// The known institutions a record's identifiers point to, strongest rule first.
    func matches(_ keys: RecordKeys) -> [(id: InstitutionID, rule: LinkRule)] {
        var found: [(InstitutionID, LinkRule)] = []
        if let code = keys.creditCode {
            if let id = byCode[code] { found.append((id, .creditCode)) }
            // Its code is what another institution's records call their former code.
            if let id = byFormerCode[code] { found.append((id, .formerCreditCode)) }
        }
        if let former = keys.formerCreditCode, let id = byCode[former] { found.append((id, .formerCreditCode)) }
        for number in keys.otherNumbers { if let id = byNumber[number] { found.append((id, .registrationNumber)) } }
        // A name fills a gap only: a record with a valid 52… code joins by name an
        // institution that has no 52… code yet (its application), never one that has.
        if let name = keys.nameCounty, let id = owner(of: name, for: keys),
           !(keys.validCategory.map { category in categories[id]?.contains { $0 == category } ?? false } ?? false) {
            found.append((id, .nameCounty))
        }
        return found
    }
}
