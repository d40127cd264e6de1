import RegistryModel
import Support

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
    /// Each code, former code and number's first holder in id order. The profiles are kept,
    /// to tell a text from another with the same hash.
    private let profiles: [InstitutionProfile]
    private var byCode = TextPositions()
    private var byFormerCode = TextPositions()
    private var byNumber = TextPositions()
    /// The known institution holding each name (in the county), or, below zero, which of
    /// `nameOwners` lists the institutions holding it (`-1` the first). Names are Chinese:
    /// hashed as bytes (`TextKey`), not as Strings, which normalise every non-ASCII key again.
    private var byNameCounty: [TextKey: Int32] = [:]
    /// The institutions holding each name that several hold, in id order. Nearly every name is
    /// one institution's: a list per name was an allocation for each of half a million.
    private var nameOwners: [[Int32]] = []
    /// The code categories (`91`, `52` …) each institution already holds, by position, as the
    /// two bytes of each (`category(of:)`).
    private let categories: PackedLists<UInt16>

    init(_ profiles: [InstitutionProfile]) {
        self.profiles = profiles
        byNameCounty.reserveCapacity(profiles.count)
        var categories = PackedLists<UInt16>(reservingLists: profiles.count)
        for profile in profiles {
            categories.appendList { list in
                for code in profile.creditCodes where CreditCodeRules.isValid(code) { list.append(Self.category(of: code)) }
            }
        }
        self.categories = categories
        // In id order, so that when two profiles claim one key the older id wins every run.
        // Positions are sorted, not the profiles, which are large to move.
        for index in profiles.indices.sorted(by: { profiles[$0].id < profiles[$1].id }) {
            let profile = profiles[index], position = Int32(index)
            for code in profile.creditCodes {
                _ = byCode.recorded(code, else: position, holds: Self.holds(code, \.creditCodes, in: profiles))
            }
            for code in profile.formerCreditCodes {
                _ = byFormerCode.recorded(code, else: position, holds: Self.holds(code, \.formerCreditCodes, in: profiles))
            }
            for number in profile.otherNumbers {
                _ = byNumber.recorded(number, else: position, holds: Self.holds(number, \.otherNumbers, in: profiles))
            }
            for name in profile.nameCounties.lazy.map(TextKey.init) {
                switch byNameCounty[name] {
                case nil: byNameCounty[name] = position
                case let owner? where owner >= 0:
                    nameOwners.append([owner, position])
                    byNameCounty[name] = -Int32(nameOwners.count)
                case let list?: nameOwners[Int(-list - 1)].append(position)
                }
            }
        }
    }

    /// Whether the profile at a position lists `text` among its texts of one kind. Takes the
    /// profiles, not the index: a closure holding the index while one of its tables grows
    /// would copy the table at every insertion.
    private static func holds(
        _ text: String, _ kind: KeyPath<InstitutionProfile, ArraySlice<String>>, in profiles: [InstitutionProfile]
    ) -> (Int32) -> Bool {
        { profiles[Int($0)][keyPath: kind].contains { $0.hasSameUTF8(as: text) } }
    }

    /// A code's category, positions 1-2 (`91`, `52` …), as two bytes.
    private static func category(of code: some StringProtocol) -> UInt16 {
        code.utf8.prefix(2).reduce(0) { $0 << 8 | UInt16($1) }
    }

    /// The one institution a name identifies for this record, if any. A name held by one
    /// institution identifies it; a name several hold identifies, for a record without a
    /// valid code, only the one of them that has no valid code either (an application seen
    /// before), and otherwise no one.
    private func owner(of name: String, for keys: RecordKeys) -> Int32? {
        guard let owner = byNameCounty[TextKey(name)] else { return nil }
        if owner >= 0 { return owner }
        guard keys.validCategory == nil else { return nil }
        let uncoded = nameOwners[Int(-owner - 1)].filter { categories[Int($0)].isEmpty }
        return uncoded.count == 1 ? uncoded[0] : nil
    }

    /// Every record's matches with the known, by record position. Made a span of records
    /// at a time, on every core, each span's matches in one list.
    func matches(of keys: [RecordKeys]) -> PackedLists<KnownMatch> {
        let span = 16_384
        let spans = stride(from: 0, to: keys.count, by: span).map { $0 ..< min(keys.count, $0 + span) }
        return PackedLists(joining: Parallel.map(spans, minimumPerWorker: 1) { records in
            var matches = PackedLists<KnownMatch>(reservingLists: records.count)
            for record in records { matches.appendList { addMatches(of: keys[record], to: &$0) } }
            return matches
        })
    }

    /// Adds the known institutions a record's identifiers point to, strongest rule first.
    private func addMatches(of keys: RecordKeys, to found: inout [KnownMatch]) {
        if let code = keys.creditCode {
            if let known = byCode.position(of: code, holds: Self.holds(code, \.creditCodes, in: profiles)) {
                found.append(KnownMatch(known: known, rule: .creditCode))
            }
            // Its code is what another institution's records call their former code.
            if let known = byFormerCode.position(of: code, holds: Self.holds(code, \.formerCreditCodes, in: profiles)) {
                found.append(KnownMatch(known: known, rule: .formerCreditCode))
            }
        }
        if let former = keys.formerCreditCode, let known = byCode.position(of: former, holds: Self.holds(former, \.creditCodes, in: profiles)) {
            found.append(KnownMatch(known: known, rule: .formerCreditCode))
        }
        for number in keys.otherNumbers {
            if let known = byNumber.position(of: number, holds: Self.holds(number, \.otherNumbers, in: profiles)) {
                found.append(KnownMatch(known: known, rule: .registrationNumber))
            }
        }
        // A name fills a gap only: a record with a valid 52… code joins by name an
        // institution that has no 52… code yet (its application), never one that has.
        if let name = keys.nameCounty, let known = owner(of: name, for: keys),
           !(keys.validCategory.map { category in categories[Int(known)].contains(Self.category(of: category)) } ?? false) {
            found.append(KnownMatch(known: known, rule: .nameCounty))
        }
    }
}
