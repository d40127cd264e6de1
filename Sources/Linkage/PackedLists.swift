/// Many short lists in one array, with where each ends. A list of its own per item is an
/// allocation per item, a 32-byte header before a few elements, and linkage keeps one per
/// record of the month (its matches with the known), per group of records (its members) and
/// per known institution (its code categories).
struct PackedLists<Element: Sendable>: RandomAccessCollection, Sendable {
    private var elements: [Element] = []
    /// Where each list ends in `elements`.
    private var ends: [Int32] = []

    init(reservingLists lists: Int = 0) { ends.reserveCapacity(lists) }

    /// Lists already laid out: the i-th ends at `ends[i]` in `elements`.
    init(_ elements: [Element], ends: [Int32]) {
        precondition(ends.last.map { Int($0) == elements.count } ?? elements.isEmpty, "the last list ends with the elements")
        self.elements = elements
        self.ends = ends
    }

    var startIndex: Int { 0 }
    /// The number of lists.
    var endIndex: Int { ends.count }

    subscript(list: Int) -> ArraySlice<Element> {
        elements[(list == 0 ? 0 : Int(ends[list - 1])) ..< Int(ends[list])]
    }

    /// Appends one list, whose elements `fill` appends.
    mutating func appendList(_ fill: (inout [Element]) -> Void) {
        fill(&elements)
        ends.append(Int32(elements.count))
    }

    /// Appends every list of `other`, in order.
    mutating func append(contentsOf other: PackedLists) {
        let offset = Int32(elements.count)
        elements.append(contentsOf: other.elements)
        ends.append(contentsOf: other.ends.lazy.map { $0 + offset })
    }

    /// `parts` one after the other.
    init(joining parts: [PackedLists]) {
        self.init(reservingLists: parts.reduce(0) { $0 + $1.count })
        elements.reserveCapacity(parts.reduce(0) { $0 + $1.elements.count })
        for part in parts { append(contentsOf: part) }
    }
}

/// Which members hold each key: the key's slot in a dictionary, and every key's members in
/// one `PackedLists`, in member order. A list per key was an allocation for each of the
/// hundreds of thousands of brands, names and premises that step 3 blocks on.
struct Postings<Key: Hashable & Sendable>: Sendable {
    private var slots: [Key: Int32] = [:]
    private let members: PackedLists<Int32>

    /// `keys(member)`: the keys member `member` (of `0 ..< count`) holds, each once; asked twice.
    init(members count: Int, keys: (Int) -> some Sequence<Key>) {
        var sizes: [Int32] = []
        for member in 0 ..< count {
            for key in keys(member) {
                if let slot = slots[key] {
                    sizes[Int(slot)] += 1
                } else {
                    slots[key] = Int32(sizes.count)
                    sizes.append(1)
                }
            }
        }
        var ends: [Int32] = []
        ends.reserveCapacity(sizes.count)
        var total: Int32 = 0
        for size in sizes {
            total += size
            ends.append(total)
        }
        // Each key's members written from its start, which ends at its end.
        var next = zip(ends, sizes).map { $0 - $1 }
        var members = [Int32](repeating: 0, count: Int(total))
        for member in 0 ..< count {
            for key in keys(member) {
                let slot = Int(slots[key]!)
                members[Int(next[slot])] = Int32(member)
                next[slot] += 1
            }
        }
        self.members = PackedLists(members, ends: ends)
    }

    /// The members holding `key`, in member order; nil when none does.
    subscript(key: Key) -> ArraySlice<Int32>? {
        slots[key].map { members[Int($0)] }
    }
}
