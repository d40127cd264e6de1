extension Sequence where Element: Comparable {
    /// The elements in order, each once. Sorting brings equal elements together, so nothing is
    /// hashed: for the handful of phrases or numbers a record or institution has, cheaper than
    /// `Array(Set(…)).sorted()`, which was in the profiles of classifying and linking.
    /// Inlinable, so that the modules calling it get it specialised: unspecialised, it made
    /// linkage do measurably more work (BENCHMARKS.md, history, `8eb6a3a`).
    @inlinable public func sortedWithoutDuplicates() -> [Element] {
        var result: [Element] = []
        for element in sorted() where element != result.last { result.append(element) }
        return result
    }
}
