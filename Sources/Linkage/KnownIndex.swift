import RegistryModel

/// Step 2's lookup: which known institution an identifier belongs to.
struct KnownIndex {
    private var byCode: [String: InstitutionID] = [:]
    private var byFormerCode: [String: InstitutionID] = [:]
    private var byNumber: [String: InstitutionID] = [:]
    /// Names held by exactly one known institution; a shared name identifies no one.
    private var byNameCounty: [String: InstitutionID] = [:]
    /// The code categories (`91`, `52` …) each institution already holds.
    private var categories: [InstitutionID: Set<Substring>] = [:]

    init(_ profiles: some Sequence<InstitutionProfile>) {
        var sharedNames = Set<String>()
        // Sorted, so that when two profiles claim one key the older id wins every run.
        for profile in profiles.sorted(by: { $0.id < $1.id }) {
            for code in profile.creditCodes where byCode[code] == nil { byCode[code] = profile.id }
            for code in profile.formerCreditCodes where byFormerCode[code] == nil { byFormerCode[code] = profile.id }
            for number in profile.otherNumbers where byNumber[number] == nil { byNumber[number] = profile.id }
            for name in profile.nameCounties {
                if byNameCounty[name] == nil, !sharedNames.contains(name) {
                    byNameCounty[name] = profile.id
                } else {
                    byNameCounty[name] = nil
                    sharedNames.insert(name)
                }
            }
            categories[profile.id] = Set(profile.creditCodes.filter(CreditCodeRules.isValid).map { $0.prefix(2) })
        }
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
        if let name = keys.nameCounty, let id = byNameCounty[name],
           !(keys.validCategory.map { categories[id]?.contains($0) ?? false } ?? false) {
            found.append((id, .nameCounty))
        }
        return found
    }
}
