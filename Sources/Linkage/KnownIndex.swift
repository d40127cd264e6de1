import RegistryModel

/// A record's match with a known institution: the institution's position in the list of the
/// known given to linkage, and the rule. Eight bytes, where an id alone is 32: a month keeps
/// every record's matches to the end of linkage.
struct KnownMatch {
    let known: Int32
    let rule: LinkRule

    /// The id of the institution matched, among the `known` given to linkage.
    func id(in known: [InstitutionProfile]) -> InstitutionID { known[Int(self.known)].id }
}

/// Step 2's lookup: which known institution an identifier belongs to.
struct KnownIndex {
    private var byCode: [String: Int32] = [:]
    private var byFormerCode: [String: Int32] = [:]
    private var byNumber: [String: Int32] = [:]
    /// The known institutions holding each name (in the county). Names are Chinese: hashed
    /// as bytes (`TextKey`), not as Strings, which normalise every non-ASCII key again.
    private var byNameCounty: [TextKey: [Int32]] = [:]
    /// The code categories (`91`, `52` …) each institution already holds, by position: a few
    /// at most.
    private var categories: [[Substring]]

    init(_ profiles: [InstitutionProfile]) {
        byCode.reserveCapacity(profiles.count)
        byNameCounty.reserveCapacity(profiles.count)
        categories = profiles.map { $0.creditCodes.filter(CreditCodeRules.isValid).map { $0.prefix(2) } }
        // In id order, so that when two profiles claim one key the older id wins every run.
        // Positions are sorted, not the profiles, which are large to move.
        for index in profiles.indices.sorted(by: { profiles[$0].id < profiles[$1].id }) {
            let profile = profiles[index], position = Int32(index)
            for code in profile.creditCodes where byCode[code] == nil { byCode[code] = position }
            for code in profile.formerCreditCodes where byFormerCode[code] == nil { byFormerCode[code] = position }
            for number in profile.otherNumbers where byNumber[number] == nil { byNumber[number] = position }
            for name in profile.nameCounties { byNameCounty[TextKey(name), default: []].append(position) }
        }
    }

    /// The one institution a name identifies for this record, if any. A name held by one
    /// institution identifies it; a name several hold identifies, for a record without a
    /// valid code, only the one of them that has no valid code either (an application seen
    /// before), and otherwise no one.
    private func owner(of name: String, for keys: RecordKeys) -> Int32? {
        guard let owners = byNameCounty[TextKey(name)] else { return nil }
        if owners.count == 1 { return owners[0] }
        guard keys.validCategory == nil else { return nil }
        let uncoded = owners.filter { categories[Int($0)].isEmpty }
        return uncoded.count == 1 ? uncoded[0] : nil
    }

    /// The known institutions a record's identifiers point to, strongest rule first.
    func matches(_ keys: RecordKeys) -> [KnownMatch] {
        var found: [KnownMatch] = []
        if let code = keys.creditCode {
            if let known = byCode[code] { found.append(KnownMatch(known: known, rule: .creditCode)) }
            // Its code is what another institution's records call their former code.
            if let known = byFormerCode[code] { found.append(KnownMatch(known: known, rule: .formerCreditCode)) }
        }
        if let former = keys.formerCreditCode, let known = byCode[former] {
            found.append(KnownMatch(known: known, rule: .formerCreditCode))
        }
        for number in keys.otherNumbers {
            if let known = byNumber[number] { found.append(KnownMatch(known: known, rule: .registrationNumber)) }
        }
        // A name fills a gap only: a record with a valid 52… code joins by name an
        // institution that has no 52… code yet (its application), never one that has.
        if let name = keys.nameCounty, let known = owner(of: name, for: keys),
           !(keys.validCategory.map { category in categories[Int(known)].contains { $0 == category } } ?? false) {
            found.append(KnownMatch(known: known, rule: .nameCounty))
        }
        return found
    }
}

/// Every record's matches with the known in one list, with the end of each record's run. A
/// list per record was an allocation for each of a million records, held to the end of
/// linkage: the 1M second month's peak fell from 1,796–1,813 to 1,699 MiB with this and
/// `KnownMatch`.
struct KnownMatches {
    private let matches: [KnownMatch]
    private let ends: [Int32]

    init(_ perRecord: [[KnownMatch]]) {
        var matches: [KnownMatch] = [], ends: [Int32] = []
        matches.reserveCapacity(perRecord.reduce(0) { $0 + $1.count })
        ends.reserveCapacity(perRecord.count)
        for recordMatches in perRecord {
            matches.append(contentsOf: recordMatches)
            ends.append(Int32(matches.count))
        }
        self.matches = matches
        self.ends = ends
    }

    subscript(record: Int) -> ArraySlice<KnownMatch> {
        matches[(record == 0 ? 0 : Int(ends[record - 1])) ..< Int(ends[record])]
    }
}
