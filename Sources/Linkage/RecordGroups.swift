import RegistryModel

/// Step 1: groups one batch's records that share an identifier: the same credit code, a
/// former code naming another record's code, the same registration or organisation
/// number, or the same full name in the same county. Exact duplicates fall together by
/// the same rules.
///
/// Only a credit code joins unconditionally. A name, a registration or certificate number
/// or an organisation code never joins two groups that hold different valid codes
/// of the same kind (two 52… codes), nor two groups placed in different counties: those
/// identifiers can repeat or be mistyped, codes are unique. A county that one record does
/// not show is no disagreement (a city-level name whose address is missing). And a name
/// that two coded groups with codes of one kind share joins nothing: which of them a
/// code-less record belongs to is not for a name to say. Coded groups whose codes are of
/// different kinds (an enterprise whose non-profit kept its name) are joined.
struct RecordGroups {
    private var parent: [Int]
    private var rank: [UInt8]
    /// Per root: the valid codes of its records, at most one per category (`91`, `52` …). A
    /// code that fails its check is likely a typo of another and proves no difference.
    private var codesByRoot: [[String]]
    /// Per root: the counties its records are placed in, one bit per county.
    private var countiesByRoot: [UInt8]

    init(_ records: [SourceRecord], keys: [RecordKeys]) {
        parent = Array(records.indices)
        rank = Array(repeating: 0, count: records.count)
        codesByRoot = Array(repeating: [], count: records.count)
        countiesByRoot = Array(repeating: 0, count: records.count)
        // By position, reading only the field each pass needs: iterating the keys whole
        // copied every record's seven references for each pass.
        for index in keys.indices {
            if let code = keys[index].creditCode, records[index].creditCode?.isValid == true { codesByRoot[index] = [code] }
            if let county = records[index].county.county { countiesByRoot[index] = Self.bit(county) }
        }

        var firstByCode: [TextKey: Int] = [:]
        var firstByNumber: [TextKey: Int] = [:]
        firstByCode.reserveCapacity(keys.count)
        for index in keys.indices {
            if let code = keys[index].creditCode {
                if let first = firstByCode[TextKey(code)] { union(first, index, guarded: false) } else { firstByCode[TextKey(code)] = index }
            }
            for number in keys[index].otherNumbers {
                if let first = firstByNumber[TextKey(number)] { union(first, index, guarded: true) } else { firstByNumber[TextKey(number)] = index }
            }
        }
        // A former code joins its record to the record that carries that code.
        for index in keys.indices {
            if let former = keys[index].formerCreditCode, let holder = firstByCode[TextKey(former)] {
                union(holder, index, guarded: false)
            }
        }
        var byName: [TextKey: [Int]] = [:]
        byName.reserveCapacity(keys.count)
        for index in keys.indices {
            if let name = keys[index].name { byName[TextKey(name), default: []].append(index) }
        }
        // Names in byte order, so that every run joins the same way; a name only one record
        // holds joins nothing, and is not sorted.
        for name in byName.compactMap({ $0.value.count > 1 ? $0.key : nil }).sorted() {
            let members = byName[name]!
            let codedRoots = Set(members.map { root($0) }.filter { !codesByRoot[$0].isEmpty })
            guard codedRoots.count <= 1 || compatible(codedRoots) else { continue }
            for member in members.dropFirst() { union(members[0], member, guarded: true) }
        }
    }

    private static func bit(_ county: County) -> UInt8 {
        1 << UInt8(County.allCases.firstIndex(of: county)!)
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
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    /// The groups, each a list of record indices in input order, ordered by first record.
    mutating func groups() -> [[Int]] {
        var byRoot: [Int: [Int]] = [:]
        var order: [Int] = []
        for index in parent.indices {
            let root = root(index)
            if byRoot[root] == nil { order.append(root) }
            byRoot[root, default: []].append(index)
        }
        return order.map { byRoot[$0]! }
    }

    private mutating func union(_ a: Int, _ b: Int, guarded: Bool) {
        var rootA = root(a)
        var rootB = root(b)
        guard rootA != rootB else { return }
        if guarded {
            let codesB = codesByRoot[rootB]
            if codesByRoot[rootA].contains(where: { code in codesB.contains { Self.sameCategory($0, code) && $0 != code } }) { return }
            let countiesA = countiesByRoot[rootA], countiesB = countiesByRoot[rootB]
            if countiesA != 0, countiesB != 0, countiesA & countiesB == 0 { return }
        }
        // The joined group holds both sides' codes and counties; where both have a code of one
        // category (joined by a code, unguarded), the first side's is kept.
        let codes = codesByRoot[rootA] + codesByRoot[rootB].filter { code in
            !codesByRoot[rootA].contains { Self.sameCategory($0, code) }
        }
        let counties = countiesByRoot[rootA] | countiesByRoot[rootB]
        if rank[rootA] < rank[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = rootA
        if rank[rootA] == rank[rootB] { rank[rootA] += 1 }
        codesByRoot[rootA] = codes
        codesByRoot[rootB] = []
        countiesByRoot[rootA] = counties
        countiesByRoot[rootB] = 0
    }
}
