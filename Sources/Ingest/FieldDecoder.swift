#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RegistryModel

/// Turns a field's bytes into a String in the file's encoding, refusing bytes that are
/// not valid in it rather than replacing them.
final class FieldDecoder {
    let encoding: TextEncoding
    // glibc iconv: streams GB18030 at ≈175 MB/s here and reports the exact bad byte
    // (tech-notes.md). Only opened for GB18030 files.
    private let converter: iconv_t?
    private var output: [UInt8] = Array(repeating: 0, count: 4096)
    /// U+FFFD as this encoding writes it.
    private let encodedReplacementCharacter: [UInt8]

    init(encoding: TextEncoding) {
        self.encoding = encoding
        encodedReplacementCharacter = switch encoding {
        case .utf8: [0xEF, 0xBF, 0xBD]
        case .gb18030: [0x84, 0x31, 0xA4, 0x37]
        }
        if encoding == .gb18030 {
            let handle = iconv_open("UTF-8", "GB18030")
            // Every glibc has GB18030; a missing converter is a broken system, not bad input.
            precondition(handle != iconv_t(bitPattern: -1), "iconv cannot convert GB18030 on this system")
            converter = handle
        } else {
            converter = nil
        }
    }

    deinit {
        if let converter { iconv_close(converter) }
    }

    /// The decoded text, or nil when the bytes are not valid in the file's encoding.
    func decode(_ bytes: UnsafeRawBufferPointer) -> String? {
        switch encoding {
        case .utf8:
            // Decoding repairs what it cannot read, so the bytes were valid exactly when the
            // text holds them unchanged. (`String(validating:as:)` is generic and looks up its
            // metadata for every field. Measured: BENCHMARKS.md, history, `5632289`.)
            guard !bytes.isEmpty else { return "" }
            var text = String(decoding: bytes, as: UTF8.self)
            let unchanged = text.withUTF8 { $0.count == bytes.count && memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
            return unchanged ? text : nil
        case .gb18030:
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            return convertFromGB18030(bytes)
        }
    }

    /// Whether bytes in this encoding may decode to damaged text (U+FFFD, a NUL byte): asked of
    /// a whole row before any of its values is searched, as nearly no row is damaged.
    func mayHoldDamage(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let mark = encodedReplacementCharacter
        guard var next = bytes.baseAddress else { return false }
        if memchr(next, 0, bytes.count) != nil { return true }
        guard bytes.count >= mark.count else { return false }
        let end = next + bytes.count
        // memchr finds each candidate first byte; the rest of the mark is compared there.
        while let found = memchr(next, Int32(mark[0]), end - next) {
            let start = UnsafeRawPointer(found)
            if end - start >= mark.count, mark.indices.allSatisfy({ start.load(fromByteOffset: $0, as: UInt8.self) == mark[$0] }) {
                return true
            }
            next = start + 1
        }
        return false
    }

    private func convertFromGB18030(_ bytes: UnsafeRawBufferPointer) -> String? {
        // GB18030 → UTF-8 grows at most 1.5× (two bytes become three).
        let needed = bytes.count * 2 + 4
        if output.count < needed { output = Array(repeating: 0, count: needed) }
        iconv(converter, nil, nil, nil, nil)
        return output.withUnsafeMutableBytes { outputBuffer -> String? in
            var inPointer = UnsafeMutablePointer(mutating: bytes.baseAddress!.assumingMemoryBound(to: CChar.self))
            var inLeft = bytes.count
            var outPointer: UnsafeMutablePointer<CChar>? = outputBuffer.baseAddress!.assumingMemoryBound(to: CChar.self)
            var outLeft = outputBuffer.count
            let result = withUnsafeMutablePointer(to: &inPointer) { inPointerPointer in
                inPointerPointer.withMemoryRebound(to: UnsafeMutablePointer<CChar>?.self, capacity: 1) {
                    iconv(converter, $0, &inLeft, &outPointer, &outLeft)
                }
            }
            guard result != -1, inLeft == 0 else { return nil }
            // Flush any shift state (none for GB18030, but iconv asks for it).
            guard iconv(converter, nil, nil, &outPointer, &outLeft) != -1 else { return nil }
            let written = outputBuffer.count - outLeft
            return String(decoding: UnsafeRawBufferPointer(rebasing: outputBuffer[..<written]), as: UTF8.self)
        }
    }
}

/// What damaged text shows: U+FFFD, the mark an earlier program left where it could not
/// decode a character, or a NUL byte, which no export writes and a broken copy does. Such
/// text cannot be repaired.
enum DamageMark { case replacementCharacter, nul }

extension String {
    /// The first damage mark in the text, read in one pass over its bytes (every field of
    /// every record passes here).
    var damageMark: DamageMark? {
        let found = utf8.withContiguousStorageIfAvailable { bytes -> DamageMark? in
            for i in bytes.indices {
                if bytes[i] == 0 { return .nul }
                if bytes[i] == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBD { return .replacementCharacter }
            }
            return nil
        }
        if let found { return found }
        return unicodeScalars.contains("\u{0}") ? .nul : unicodeScalars.contains("\u{FFFD}") ? .replacementCharacter : nil
    }
}
