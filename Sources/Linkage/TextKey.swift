/// A text compared and hashed by its UTF-8 bytes. Linkage's keys (names, numbers) are
/// normalised (NFKC) before it sees them, so bytes and characters agree, and bytes order them
/// as `String` does; `String`'s own hashing and comparison normalise every non-ASCII key
/// again, which dominated grouping a month of Chinese names.
struct TextKey: Hashable, Comparable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: TextKey, b: TextKey) -> Bool {
        a.text.hasSameUTF8(as: b.text)
    }

    func hash(into hasher: inout Hasher) {
        text.hashUTF8(into: &hasher)
    }

    static func < (a: TextKey, b: TextKey) -> Bool {
        a.text.utf8Precedes(b.text)
    }
}
