/// A text compared and hashed by its UTF-8 bytes. Linkage's keys (names, numbers) are
/// normalised (NFKC) before it sees them, so bytes and characters agree, and bytes order them
/// as `String` does; `String`'s own hashing and comparison normalise every non-ASCII key
/// again, which dominated grouping a month of Chinese names. `TextPool` below shares texts by
/// the same bytes.
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

/// Equal texts kept once. Every `String` over 15 bytes is an allocation of its own, so a
/// million records held through linkage carried a copy of each text for each record that
/// repeats it. Texts are pooled by their bytes (as `TextKey` compares them): a pooled text is
/// always exactly the one given.
public struct TextPool {
    // Open addressing, not a `Set<TextKey>`, which hashes every text through a seeded
    // `Hasher`, again at each growth (tried: BENCHMARKS.md, "Tried and not kept").
    private var slots = HashSlots(placeholder: "")

    public init() {}

    /// `text`, or the pool's text with the same bytes.
    public mutating func shared(_ text: String) -> String {
        // Up to 15 bytes a String keeps its text inline: there is nothing to share.
        guard text.utf8.count > 15 else { return text }
        return slots.value(hash: Self.hash(text), where: { $0.hasSameUTF8(as: text) }, elseAdding: text) ?? text
    }

    /// Eight bytes at a time, each word (and the tail as one more) multiplied in and folded
    /// down, then MurmurHash3's finaliser, so that the low bits, which pick the slot, depend on
    /// every byte. Not seeded: a month's texts are not chosen to collide.
    public static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            var offset = 0
            while offset + 8 <= bytes.count {
                hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 32
                offset += 8
            }
            var tail: UInt64 = 0
            while offset < bytes.count {
                tail = tail << 8 | UInt64(bytes[offset])
                offset += 1
            }
            hash = (hash ^ tail) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 33
            hash &*= 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 33
            hash &*= 0xC4CE_B9FE_1A85_EC53
            hash ^= hash >> 33
            return hash
        }
    }
}
