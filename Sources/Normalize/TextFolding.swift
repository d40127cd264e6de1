import Foundation

/// Text normalisation shared by every field: NFKC (with a byte-level fast path), whitespace
/// folding, null tokens. Everything works on UTF-8 bytes; Foundation's NFKC runs at most
/// once per value, and only when a character needs more than a width mapping.
public enum TextFolding {
    /// The null tokens exports use for "no value", compared after NFKC and whitespace
    /// folding, ASCII letters case-insensitively.
    public static let nullTokens: Set<String> = ["", "N/A", "NA", "无", "-", "--", "—", "——", "/", "NULL", "NONE"]

    /// NFKC, with a fast path: a value whose characters are all NFKC-stable (ASCII, CJK
    /// unified ideographs, common CJK punctuation) is returned as is; full-width ASCII
    /// (U+FF01-FF5E) and U+3000 are mapped on the bytes; anything else goes through
    /// Foundation's NFKC once.
    public static func nfkc(_ text: String) -> String {
        var text = text
        text.makeContiguousUTF8()
        let verdict = text.utf8.withContiguousStorageIfAvailable(scan) ?? 2
        switch verdict {
        case 0: return text
        case 1: return mapWidth(text)
        default: return text.precomposedStringWithCompatibilityMapping
        }
    }

    /// 0: stable, 1: only simple width mappings, 2: needs full NFKC.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        let count = bytes.count
        var result = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            if byte >= 0xE4 && byte <= 0xE9 {  // U+4000-U+9FFF: CJK, NFKC-stable
                index += 3
                continue
            }
            guard byte >= 0xC2, byte < 0xF0, index + (byte >= 0xE0 ? 2 : 1) < count else {
                return 2
            }
            let scalar: UInt32
            if byte < 0xE0 {
                scalar = (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else {
                scalar = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                    | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            }
            switch scalar {
            case 0xB7, 0x2010, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2030,
                 0x3001, 0x3002, 0x3008...0x3011, 0x3014...0x301B, 0x30FB, 0xFEFF:
                continue
            case 0x3000, 0xFF01...0xFF5E:
                result = 1
            default:
                return 2
            }
        }
        return result
    }

    /// Full-width ASCII → ASCII and U+3000 → space, on the bytes.
    private static func mapWidth(_ text: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0xEF, index + 2 < bytes.count {
                let b1 = bytes[index + 1], b2 = bytes[index + 2]
                // U+FF01-FF3F: EF BC 81-BF; U+FF40-FF5E: EF BD 80-9E.
                if b1 == 0xBC, b2 >= 0x81 {
                    out.append(b2 - 0x81 + 0x21)
                    index += 3
                    continue
                }
                if b1 == 0xBD, b2 <= 0x9E {
                    out.append(b2 - 0x80 + 0x60)
                    index += 3
                    continue
                }
            } else if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
                out.append(0x20)
                index += 3
                continue
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// NFKC, then whitespace folded: runs of whitespace (and the zero-width characters and
    /// BOM that exports glue on) become one space, trimmed at both ends. Null tokens → nil.
    public static func fold(_ text: String) -> String? {
        let folded = foldWhitespace(nfkc(text), removeAll: false)
        return isNullToken(folded) ? nil : folded
    }

    /// Like `fold`, with every space removed (names, codes, status words).
    public static func compact(_ text: String) -> String? {
        let folded = foldWhitespace(nfkc(text), removeAll: true)
        return isNullToken(folded) ? nil : folded
    }

    public static func isNullToken(_ folded: String) -> Bool {
        let utf8 = folded.utf8
        if utf8.isEmpty { return true }
        if utf8.count > 6 { return false }
        if nullTokens.contains(folded) { return true }
        if utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return nullTokens.contains(folded.uppercased()) }
        return false
    }

    /// Whitespace: ASCII space and controls \t \n \v \f \r, U+0085, U+00A0, U+2000-200A,
    /// U+2028, U+2029, U+202F, U+205F, U+3000. Removed outright: U+200B-200D, U+2060, U+FEFF.
    static func foldWhitespace(_ text: String, removeAll: Bool) -> String {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> String in
            // First pass: is there anything to change? Most values have nothing.
            if !needsFolding(bytes, removeAll: removeAll) { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let (kind, length) = whitespaceKind(bytes, index)
                switch kind {
                case 0:
                    if pendingSpace {
                        if !out.isEmpty && !removeAll { out.append(0x20) }
                        pendingSpace = false
                    }
                    for k in index..<(index + length) { out.append(bytes[k]) }
                case 1:
                    pendingSpace = true
                default:
                    break
                }
                index += length
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func needsFolding(_ bytes: UnsafeBufferPointer<UInt8>, removeAll: Bool) -> Bool {
        var index = 0
        var previousSpace = true  // a leading space needs trimming
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x21 && byte < 0x80 || (byte >= 0xE4 && byte <= 0xE9) {
                previousSpace = false
                index += byte < 0x80 ? 1 : 3
                continue
            }
            let (kind, length) = whitespaceKind(bytes, index)
            switch kind {
            case 0: previousSpace = false
            case 1:
                if byte != 0x20 || previousSpace || removeAll { return true }
                previousSpace = true
            default: return true
            }
            index += length
        }
        return previousSpace && bytes.count > 0
    }

    /// 0 keep, 1 whitespace, 2 remove; and the length in bytes of the character at `index`.
    @inline(__always)
    private static func whitespaceKind(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Int, Int) {
        let byte = bytes[index]
        let remaining = bytes.count - index
        switch byte {
        case 0x20, 0x09...0x0D:
            return (1, 1)
        case 0xC2 where remaining >= 2:
            let b1 = bytes[index + 1]
            return b1 == 0x85 || b1 == 0xA0 ? (1, 2) : (0, 2)
        case 0xE2 where remaining >= 3:
            let b1 = bytes[index + 1], b2 = bytes[index + 2]
            if b1 == 0x80 {
                switch b2 {
                case 0x80...0x8A, 0xA8, 0xA9, 0xAF: return (1, 3)
                case 0x8B...0x8D: return (2, 3)
                default: return (0, 3)
                }
            }
            if b1 == 0x81 && b2 == 0x9F { return (1, 3) }
            if b1 == 0x81 && b2 == 0xA0 { return (2, 3) }
            return (0, 3)
        case 0xE3 where remaining >= 3:
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? (1, 3) : (0, 3)
        case 0xEF where remaining >= 3:
            return bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF ? (2, 3) : (0, 3)
        default:
            // Keep the whole UTF-8 sequence together.
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            return (0, min(length, remaining))
        }
    }

    /// A name as registries print it: NFKC (digits and Latin half-width), spaces removed,
    /// round brackets full-width `（）`.
    public static func displayName(_ text: String) -> String? {
        guard let compacted = compact(text) else { return nil }
        return fullWidthBrackets(compacted)
    }

    /// `(` → `（`, `)` → `）`.
    public static func fullWidthBrackets(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x28 || $0 == 0x29 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case 0x28: out.append(contentsOf: [0xEF, 0xBC, 0x88])
            case 0x29: out.append(contentsOf: [0xEF, 0xBC, 0x89])
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Upper-cases ASCII letters only.
    static func asciiUpper(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// Byte offset of the first occurrence of `needle` at or after `from`, or nil.
    func firstOffset(of needle: [UInt8], from start: Int = 0) -> Int? {
        let n = needle.count
        guard n > 0, count - start >= n else { return nil }
        return withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { nd in
                let first = nd[0]
                var index = start
                let last = hay.count - n
                while index <= last {
                    if hay[index] == first {
                        var k = 1
                        while k < n && hay[index + k] == nd[k] { k += 1 }
                        if k == n { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
    }

    func hasPrefix(_ prefix: [UInt8]) -> Bool {
        count >= prefix.count && self[0..<prefix.count].elementsEqual(prefix)
    }

    func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
