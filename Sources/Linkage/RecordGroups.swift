import RegistryModel
import Support

/// Step 1: groups one batch's records that share an identifier: the same credit code, a
/// former code naming another record's code, the same registration or organisation
/// number, or the same name (regions stripped, `NameKeys.regionless`) in the same county. Exact duplicates fall together by
/// the same rules.
///
/// Only a credit code joins unconditionally. A name, a registration or certificate number
/// or an organisation code never joins two groups that hold different valid codes
/// of the same kind (two 52… codes), nor two groups placed in different counties: those
/// identifiers can repeat or be mistyped, codes are unique. A county that one record does
/// not show is no disagreement (a city-level name whose address is missing). And a name
/// that two coded groups with codes of one kind share in a county joins nothing there: which
/// of them a code-less record belongs to is not for a name to say. Coded groups whose codes are of
/// different kinds (an enterprise whose non-profit kept its name) are joined.
struct RecordGroups {
    /// 32-bit positions, as in every per-record table here: a million records' tables are
    /// alive beside the index of the known.
    private var parent: [Int32]
    private var rank: [UInt8]
    /// Per root: the valid codes of its records, at most one per category (`91`, `52` …). A
    /// code that fails its check is likely a typo of another and proves no difference.
    private var codesByRoot: [ShortList<String>]
    /// Per root: the counties its records are placed in.
    private var countiesByRoot: [CountySet]

    init(_ records: [SourceRecord], keys: [RecordKeys]) {
        parent = records.indices.map(Int32.init)
        rank = Array(repeating: 0, count: records.count)
        codesByRoot = Array(repeating: [], count: records.count)
        countiesByRoot = Array(repeating: [], count: records.count)
        // By position, reading only the field each pass needs: iterating the keys whole
        // copied every record's seven references for each pass.
        for index in keys.indices {
            if let code = keys[index].creditCode, records[index].creditCode?.isValid == true { codesByRoot[index] = [code] }
            if let county = records[index].county.county { countiesByRoot[index] = [county] }
        }

        // Each table lives only through its own pass, beside the index of the known being
        // built, so that they are never all held at step 1's peak (measured: BENCHMARKS.md,
        // history, `928216b`). Each grows to what it holds, not to room reserved for every
        // record (2^21 slots at a million), as records repeat their codes and names.
        do {
            var firstByCode = TextPositions()
            func holdsCode(_ code: String) -> (Int32) -> Bool {
                { keys[Int($0)].creditCode?.hasSameUTF8(as: code) == true }
            }
            do {
                var firstByNumber = TextPositions()
                for index in keys.indices {
                    if let code = keys[index].creditCode,
                       let first = firstByCode.recorded(code, else: Int32(index), holds: holdsCode(code)) {
                        union(Int(first), index, guarded: false)
                    }
                    for number in keys[index].otherNumbers {
                        let holdsNumber = { (position: Int32) in keys[Int(position)].otherNumbers.contains { $0.hasSameUTF8(as: number) } }
                        if let first = firstByNumber.recorded(number, else: Int32(index), holds: holdsNumber) {
                            union(Int(first), index, guarded: true)
                        }
                    }
                }
            }
            // A former code joins its record to the record that carries that code.
            for index in keys.indices {
                if let former = keys[index].formerCreditCode, let holder = firstByCode.position(of: former, holds: holdsCode(former)) {
                    union(Int(holder), index, guarded: false)
                }
            }
        }
        // Only names two or more records hold are listed: a list per name was an allocation
        // for each of half a million names, nearly all held once.
        var membersByName: [TextKey: [Int]] = [:]
        do {
            var firstByName = TextPositions()
            for index in keys.indices {
                guard let name = keys[index].name else { continue }
                let holdsName = { (position: Int32) in keys[Int(position)].name?.hasSameUTF8(as: name) == true }
                if let first = firstByName.recorded(name, else: Int32(index), holds: holdsName) {
                    membersByName[TextKey(name), default: [Int(first)]].append(index)
                }
            }
        }
        // Names in byte order, so that every run joins the same way. A name without its region
        // is shared by a chain's schools in several counties: each member joins the first
        // earlier one it can (same county, or one of them without a county), not only the
        // first member, which may be another county's.
        for name in membersByName.keys.sorted() {
            var members = membersByName[name]!
            let codedRoots = Set(members.map { root($0) }.filter { !codesByRoot[$0].isEmpty })
            if codedRoots.count > 1, !compatible(codedRoots) {
                // Two registrations of one kind under the name: a member joins by it only where
                // the coded groups it could join (its county's, or those without a county) are
                // one institution's, as a chain's schools are in their own counties.
                members = members.filter { member in
                    let counties = countiesByRoot[root(member)]
                    let reachable = Set(codedRoots.filter { coded in
                        counties.isEmpty || countiesByRoot[coded].isEmpty || !counties.intersection(countiesByRoot[coded]).isEmpty
                    })
                    return reachable.count <= 1 || compatible(reachable)
                }
            }
            var anchors: [Int] = []
            for member in members {
                var joined = false
                for anchor in anchors where !joined {
                    union(anchor, member, guarded: true)
                    joined = root(anchor) == root(member)
                }
                if !joined { anchors.append(member) }
            }
        }
    }

    /// A code's category: its first two characters (`91`, `52` …).
    private static func sameCategory(_ a: String, _ b: String) -> Bool {
        a.utf8.prefix(2).elementsEqual(b.utf8.prefix(2))
    }

    /// Whether groups' valid codes can be one institution's: at most one code of each kind
    /// (an enterprise's 91… and the 52… of the non-profit that kept its name, as step 2
    /// joins across months). Two codes of one kind are two registrations.
    private func compatible(_ roots: Set<Int>) -> Bool {
        var seen: [String] = []
        for root in roots {
            for code in codesByRoot[root] {
                if seen.contains(where: { Self.sameCategory($0, code) && $0 != code }) { return false }
                seen.append(code)
            }
        }
        return true
    }

    mutating func root(_ index: Int) -> Int {
        var node = index
        while parent[node] != node {
            parent[node] = parent[Int(parent[node])]
            node = Int(parent[node])
        }
        return node
    }

    /// The groups, each a list of record indices in input order, ordered by first record.
    mutating func groups() -> PackedLists<Int32> {
        // Counted first, then each record written to its group's place: a list per group was
        // an allocation for each of half a million groups, held to the end of linkage.
        var groupOfRoot = [Int32](repeating: -1, count: parent.count)
        var sizes: [Int32] = []
        for index in parent.indices {
            let root = root(index)
            if groupOfRoot[root] < 0 {
                groupOfRoot[root] = Int32(sizes.count)
                sizes.append(0)
            }
            sizes[Int(groupOfRoot[root])] += 1
        }
        return PackedLists(sizes: sizes, members: parent.count) { CollectionOfOne(Int(groupOfRoot[root($0)])) }
    }

    private mutating func union(_ a: Int, _ b: Int, guarded: Bool) {
        var rootA = root(a)
        var rootB = root(b)
        guard rootA != rootB else { return }
        if guarded {
            let codesB = codesByRoot[rootB]
            if codesByRoot[rootA].contains(where: { code in codesB.contains { Self.sameCategory($0, code) && $0 != code } }) { return }
            let countiesA = countiesByRoot[rootA], countiesB = countiesByRoot[rootB]
            if !countiesA.isEmpty, !countiesB.isEmpty, countiesA.intersection(countiesB).isEmpty { return }
        }
        // The joined group holds both sides' codes and counties; where both have a code of one
        // category (joined by a code, unguarded), the first side's is kept.
        var codes = codesByRoot[rootA]
        for code in codesByRoot[rootB] where !codesByRoot[rootA].contains(where: { Self.sameCategory($0, code) }) {
            codes.append(code)
        }
        let counties = countiesByRoot[rootA].union(countiesByRoot[rootB])
        if rank[rootA] < rank[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = Int32(rootA)
        if rank[rootA] == rank[rootB] { rank[rootA] += 1 }
        codesByRoot[rootA] = codes
        codesByRoot[rootB] = []
        countiesByRoot[rootA] = counties
        countiesByRoot[rootB] = []
    }
}
