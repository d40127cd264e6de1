import RegistryModel

/// Step 1: groups one batch's records that share an identifier: the same credit code, a
/// former code naming another record's code, the same registration or organisation
/// number, or the same full name in the same county. Exact duplicates fall together by
/// the same rules.
///
/// A name never joins two groups that hold different well-formed codes of the same kind
/// (two 91… codes): names can repeat, codes cannot.
struct RecordGroups {
    private var parent: [Int]
    private var rank: [UInt8]
    /// Per root: the well-formed codes of its records, by category (`91`, `52` …).
    private var codesByRoot: [Int: [String: String]] = [:]

    init(_ records: [SourceRecord], keys: [RecordKeys]) {
        parent = Array(records.indices)
        rank = Array(repeating: 0, count: records.count)
        for (index, key) in keys.enumerated() {
            if let code = key.creditCode { codesByRoot[index] = [String(code.prefix(2)): code] }
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
            for number in key.otherNumbers { join(number, index, guarded: false) }
        }
        // A former code joins its record to the record that carries that code.
        for (index, key) in keys.enumerated() {
            if let former = key.formerCreditCode, let holder = firstByIdentifier["code:" + former] {
                union(holder, index, guarded: false)
            }
        }
        for (index, key) in keys.enumerated() {
            if let nameCounty = key.nameCounty { join("name:" + nameCounty, index, guarded: true) }
        }
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
        if guarded, codesA.contains(where: { category, code in codesB[category].map { $0 != code } ?? false }) {
            return
        }
        if rank[rootA] < rank[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = rootA
        if rank[rootA] == rank[rootB] { rank[rootA] += 1 }
        if !codesB.isEmpty {
            codesByRoot[rootA] = codesA.merging(codesB) { first, _ in first }
            codesByRoot[rootB] = nil
        }
    }
}
