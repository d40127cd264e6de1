/// A list that nearly always holds one element or none, that one held in place: a list of
/// its own is an allocation, a 32-byte header before it, and linkage keeps one per record
/// (its numbers, its group's codes) for a million records.
struct ShortList<Element: Equatable & Sendable>: Sequence, Sendable, ExpressibleByArrayLiteral {
    private var first: Element?
    private var others: [Element] = []

    init() {}

    init(_ elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    init(arrayLiteral elements: Element...) { self.init(elements) }

    var isEmpty: Bool { first == nil }

    mutating func append(_ element: Element) {
        if first == nil { first = element } else { others.append(element) }
    }

    func makeIterator() -> Iterator { Iterator(first: first, others: others.makeIterator()) }

    struct Iterator: IteratorProtocol {
        fileprivate var first: Element?
        fileprivate var others: IndexingIterator<[Element]>

        mutating func next() -> Element? {
            if let element = first {
                first = nil
                return element
            }
            return others.next()
        }
    }
}
