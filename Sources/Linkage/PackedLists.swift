/// Many short lists in one array, with where each ends. A list of its own per item is an
/// allocation per item, a 32-byte header before a few elements, and linkage keeps one per
/// record of the month (its matches with the known), per group of records (its members) and
/// per known institution (its code categories).
struct PackedLists<Element: Sendable>: RandomAccessCollection, Sendable {
    private var elements: [Element] = []
    /// Where each list ends in `elements`.
    private var ends: [Int32] = []

    init(reservingLists lists: Int = 0) { ends.reserveCapacity(lists) }

    /// Members `0 ..< count` written into the lists `lists(member)` names, each list in member
    /// order; `sizes[i]` is how many members list i holds, counted by the caller beforehand.
    init(sizes: [Int32], members count: Int, lists: (Int) -> some Sequence<Int>) where Element == Int32 {
        var end: Int32 = 0
        ends = sizes.map { size in
            end += size
            return end
        }
        // Each list is written from its start onwards.
        var next = zip(ends, sizes).map { $0 - $1 }
        elements = [Int32](repeating: 0, count: Int(end))
        for member in 0 ..< count {
            for list in lists(member) {
                elements[Int(next[list])] = Int32(member)
                next[list] += 1
            }
        }
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
/// hundreds of thousands of brands, names and premises that step 4 blocks on.
struct Postings<Key: Hashable & Sendable>: Sendable {
    private var slots: [Key: Int32] = [:]
    private let members: PackedLists<Int32>

    /// `keys(member)`: the keys member `member` (of `0 ..< count`) holds, each once; asked twice.
    init(members count: Int, keys: (Int) -> some Sequence<Key>) {
        var sizes: [Int32] = []
        // Each key's slot, in the order keys are first met, and how many members hold it.
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
        let slots = slots
        members = PackedLists(sizes: sizes, members: count) { keys($0).lazy.map { Int(slots[$0]!) } }
    }

    /// The members holding `key`, in member order; nil when none does.
    subscript(key: Key) -> ArraySlice<Int32>? {
        slots[key].map { members[Int($0)] }
    }
}
