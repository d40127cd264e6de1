/// A text compared and hashed by its UTF-8 bytes. Linkage's keys (names, numbers) are
/// normalised (NFKC) before it sees them, so bytes and characters agree, and bytes order them
/// as `String` does; `String`'s own hashing and comparison normalise every non-ASCII key
/// again, which dominated grouping a month of Chinese names. Texts that must stay byte for
/// byte as they are (a stored reason shared between memories) are keyed by it too.
public struct TextKey: Hashable, Comparable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: TextKey, b: TextKey) -> Bool {
        a.text.hasSameUTF8(as: b.text)
    }

    public func hash(into hasher: inout Hasher) {
        text.hashUTF8(into: &hasher)
    }

    public static func < (a: TextKey, b: TextKey) -> Bool {
        a.text.utf8Precedes(b.text)
    }
}
