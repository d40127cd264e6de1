import RegistryModel

/// Decides a file's encoding from all of its bytes, once per file, never per row.
///
/// Counting runs over the whole file because exports are often ASCII for thousands of
/// rows before the first Chinese name; a guess from the first block would be a coin toss.
/// A file that is mostly valid in one encoding with a few damaged sequences is read in
/// that encoding: the damaged rows are then rejected one by one.
struct EncodingSniffer {
    private var utf8 = SequenceCounter(scan: scanUTF8)
    private var gb18030 = SequenceCounter(scan: scanGB18030)

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) {
        utf8.feed(chunk)
        gb18030.feed(chunk)
    }

    mutating func finish() {
        utf8.finish()
        gb18030.finish()
    }

    /// The encoding to read the file in, or nil when neither fits.
    var verdict: TextEncoding? {
        if utf8.invalid == 0 { return .utf8 }
        if gb18030.invalid == 0 { return .gb18030 }
        // Damaged sequences are tolerated only when rare (≤ 1% of the multi-byte ones).
        let (encoding, counter) = utf8.invalid <= gb18030.invalid ? (TextEncoding.utf8, utf8) : (.gb18030, gb18030)
        return counter.invalid * 100 <= counter.valid ? encoding : nil
    }

    /// What a clerk is told when `verdict` is nil.
    var failureDetail: String {
        "UTF-8 有 \(utf8.invalid) 处无效字节（首处在第 \(utf8.firstInvalidOffset ?? 0) 字节），"
            + "GB18030 有 \(gb18030.invalid) 处"
    }
}

/// Counts the valid and invalid multi-byte sequences of one encoding over a stream of
/// chunks, carrying a sequence cut by a chunk end over to the next chunk.
private struct SequenceCounter {
    /// Scans whole sequences from the start of the bytes, counting into the tally; returns
    /// how many bytes it consumed (fewer than all when the last sequence may be cut).
    typealias Scan = (UnsafeBufferPointer<UInt8>, Bool, inout Tally) -> Int

    struct Tally {
        var valid = 0
        var invalid = 0
        var firstInvalid: Int?
        var offset = 0

        mutating func invalid(at index: Int) {
            invalid += 1
            if firstInvalid == nil { firstInvalid = offset + index }
        }
    }

    let scan: Scan
    private var tally = Tally()
    private var carry: [UInt8] = []

    init(scan: @escaping Scan) { self.scan = scan }

    var valid: Int { tally.valid }
    var invalid: Int { tally.invalid }
    var firstInvalidOffset: Int? { tally.firstInvalid }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) {
        if carry.isEmpty {
            consume(chunk, final: false)
        } else {
            let joined = carry + chunk
            joined.withUnsafeBufferPointer { consume($0, final: false) }
        }
    }

    mutating func finish() {
        let tail = carry
        tail.withUnsafeBufferPointer { consume($0, final: true) }
    }

    private mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool) {
        let consumed = scan(bytes, final, &tally)
        tally.offset += consumed
        carry = Array(bytes[consumed...])
    }
}

private func scanUTF8(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool, tally: inout SequenceCounter.Tally) -> Int {
    var i = 0
    let n = bytes.count
    while i < n {
        let lead = bytes[i]
        if lead < 0x80 { i += 1; continue }
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: tally.invalid(at: i); i += 1; continue
        }
        if i + length > n {
            if final { tally.invalid(at: i); i += 1; continue }
            break
        }
        var ok = true
        for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { ok = false }
        let second = bytes[i + 1]
        // Overlong forms and UTF-16 surrogates are not UTF-8.
        if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)
            || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) { ok = false }
        if ok { tally.valid += 1; i += length } else { tally.invalid(at: i); i += 1 }
    }
    return i
}

private func scanGB18030(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool, tally: inout SequenceCounter.Tally) -> Int {
    var i = 0
    let n = bytes.count
    while i < n {
        let lead = bytes[i]
        if lead < 0x80 { i += 1; continue }
        guard (0x81...0xFE).contains(lead) else { tally.invalid(at: i); i += 1; continue }
        guard i + 1 < n else {
            if final { tally.invalid(at: i); i += 1; continue }
            break
        }
        let second = bytes[i + 1]
        if (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) {
            tally.valid += 1; i += 2; continue
        }
        if (0x30...0x39).contains(second) {
            guard i + 3 < n else {
                if final { tally.invalid(at: i); i += 1; continue }
                break
            }
            if (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) {
                tally.valid += 1; i += 4; continue
            }
        }
        tally.invalid(at: i); i += 1
    }
    return i
}
