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
    /// Per root: the valid codes of its records, by category (`91`, `52` …). A code that
    /// fails its check is likely a typo of another and proves no difference.
    private var codesByRoot: [Int: [String: String]] = [:]
    /// Per root: the counties its records are placed in.
    private var countiesByRoot: [Int: Set<County>] = [:]

    init(_ records: [SourceRecord], keys: [RecordKeys]) {
        parent = Array(records.indices)
        rank = Array(repeating: 0, count: records.count)
        for (index, key) in keys.enumerated() {
            if let code = key.creditCode, records[index].creditCode?.isValid == true {
                codesByRoot[index] = [String(code.prefix(2)): code]
            }
            if let county = records[index].county.county { countiesByRoot[index] = [county] }
        }

        var firstByIdentifier: [String: Int] = [:]
        func join(_ identifier: String, _ index: Int, guarded: Bool) {
            if let first = firstByIdentifier[identifier] {
                union(first, index, guarded: guarded)
            } else {
                firstByIdentifier[identifier] = index
            }
        }
        for (index, key) in keys.enumerated() {
            if let code = key.creditCode { join("code:" + code, index, guarded: false) }
            for number in key.otherNumbers { join(number, index, guarded: true) }
        }
        // A former code joins its record to the record that carries that code.
        for (index, key) in keys.enumerated() {
            if let former = key.formerCreditCode, let holder = firstByIdentifier["code:" + former] {
                union(holder, index, guarded: false)
            }
        }
        var byName: [String: [Int]] = [:]
        for (index, key) in keys.enumerated() {
            if let name = key.name { byName[name, default: []].append(index) }
        }
        for name in byName.keys.sorted() {
            let members = byName[name]!
            guard members.count > 1 else { continue }
            let codedRoots = Set(members.map { root($0) }.filter { codesByRoot[$0] != nil })
            guard codedRoots.count <= 1 || compatible(codedRoots) else { continue }
            for member in members.dropFirst() { union(members[0], member, guarded: true) }
        }
    }

    /// Whether groups' valid codes can be one institution's: at most one code of each kind
    /// (an enterprise's 91… and the 52… of the non-profit that kept its name, as step 2
    /// joins across months). Two codes of one kind are two registrations.
    private func compatible(_ roots: Set<Int>) -> Bool {
        var seen: [String: String] = [:]
        for root in roots {
            for (category, code) in codesByRoot[root] ?? [:] {
                if let other = seen[category], other != code { return false }
                seen[category] = code
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
        let codesA = codesByRoot[rootA] ?? [:]
        let codesB = codesByRoot[rootB] ?? [:]
        let countiesA = countiesByRoot[rootA] ?? []
        let countiesB = countiesByRoot[rootB] ?? []
        if guarded {
            if codesA.contains(where: { category, code in codesB[category].map { $0 != code } ?? false }) { return }
            if !countiesA.isEmpty, !countiesB.isEmpty, countiesA.isDisjoint(with: countiesB) { return }
        }
        if rank[rootA] < rank[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = rootA
        if rank[rootA] == rank[rootB] { rank[rootA] += 1 }
        if !codesB.isEmpty {
            codesByRoot[rootA] = codesA.merging(codesB) { first, _ in first }
            codesByRoot[rootB] = nil
        }
        if !countiesB.isEmpty {
            countiesByRoot[rootA] = countiesA.union(countiesB)
            countiesByRoot[rootB] = nil
        }
    }
}
