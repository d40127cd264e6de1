import RegistryModel

/// Step 2's lookup: which known institution an identifier belongs to.
struct KnownIndex {
    private var byCode: [String: InstitutionID] = [:]
    private var byFormerCode: [String: InstitutionID] = [:]
    private var byNumber: [String: InstitutionID] = [:]
    private var byNameCounty: [String: InstitutionID] = [:]

    init(_ profiles: some Sequence<InstitutionProfile>) {
        // Sorted, so that when two profiles claim one key the older id wins every run.
        for profile in profiles.sorted(by: { $0.id < $1.id }) {
            for code in profile.creditCodes where byCode[code] == nil { byCode[code] = profile.id }
            for code in profile.formerCreditCodes where byFormerCode[code] == nil { byFormerCode[code] = profile.id }
            for number in profile.otherNumbers where byNumber[number] == nil { byNumber[number] = profile.id }
            for name in profile.nameCounties where byNameCounty[name] == nil { byNameCounty[name] = profile.id }
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
        if let name = keys.nameCounty, let id = byNameCounty[name] { found.append((id, .nameCounty)) }
        return found
    }
}
