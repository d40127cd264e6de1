import RegistryModel

extension Array {
    /// The positions of the elements in the order `areInIncreasingOrder` gives, without moving
    /// the elements: lines and records are large to move (a dozen references each), and come
    /// from the ledger in this order already, which is checked first.
    func positions(sortedBy areInIncreasingOrder: (Element, Element) -> Bool) -> [Int] {
        let inOrder = indices.dropFirst().allSatisfy { !areInIncreasingOrder(self[$0], self[$0 - 1]) }
        return inOrder ? [Int](indices) : indices.sorted { areInIncreasingOrder(self[$0], self[$1]) }
    }
}

extension Array where Element == LedgerLine {
    /// The lines' positions by institution id.
    var positionsInIdOrder: [Int] { positions(sortedBy: { $0.institutionID < $1.institutionID }) }
}

/// Each of this month's lines with the same institution's line last month (nil for an
/// institution new to the ledger), in id order: both months walked side by side, not looked
/// up in a table of last month's lines (measured: BENCHMARKS.md, history, `b6e286e`).
func forEachWithPrevious(_ lines: [LedgerLine], previous: [LedgerLine], _ body: (LedgerLine, LedgerLine?) throws -> Void) rethrows {
    let earlier = previous.positionsInIdOrder
    var next = earlier.startIndex
    for position in lines.positionsInIdOrder {
        let line = lines[position]
        while next < earlier.endIndex, previous[earlier[next]].institutionID < line.institutionID { next += 1 }
        let matching = next < earlier.endIndex && previous[earlier[next]].institutionID == line.institutionID
        try body(line, matching ? previous[earlier[next]] : nil)
    }
}
