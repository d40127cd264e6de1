/// Aho-Corasick over UTF-8 bytes, compiled once into a full transition table: one pass over
/// a text finds every occurrence of every phrase, however many phrases the rules hold.
struct PhraseMatcher: Sendable {
    struct Match: Sendable, Hashable {
        /// Index of the phrase in the list the matcher was built from.
        let phrase: Int
        /// Byte range in the text.
        let start: Int
        let end: Int
    }

    private let table: [Int32]          // states × 256
    /// Per state, the phrases ending there (suffix outputs merged): `outputs[outputStart[s] ..<
    /// outputStart[s + 1]]`. One flat array, so that reading a state's phrases touches no
    /// reference count.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    private let lengths: [Int]

    init(phrases: [[UInt8]]) {
        var goto: [[Int32]] = [Array(repeating: -1, count: 256)]
        var out: [[Int32]] = [[]]
        for (index, bytes) in phrases.enumerated() where !bytes.isEmpty {
            var state = 0
            for byte in bytes {
                let next = goto[state][Int(byte)]
                if next >= 0 {
                    state = Int(next)
                } else {
                    goto.append(Array(repeating: -1, count: 256))
                    out.append([])
                    goto[state][Int(byte)] = Int32(goto.count - 1)
                    state = goto.count - 1
                }
            }
            out[state].append(Int32(index))
        }
        // Breadth-first: failure links, then the full table.
        var fail = Array(repeating: 0, count: goto.count)
        var table = Array(repeating: Int32(0), count: goto.count * 256)
        var queue: [Int] = []
        for byte in 0..<256 {
            let next = goto[0][byte]
            if next > 0 {
                fail[Int(next)] = 0
                queue.append(Int(next))
                table[byte] = next
            } else {
                table[byte] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            out[state].append(contentsOf: out[fail[state]])
            for byte in 0..<256 {
                let next = goto[state][byte]
                if next > 0 {
                    fail[Int(next)] = Int(table[fail[state] * 256 + byte])
                    queue.append(Int(next))
                    table[state * 256 + byte] = next
                } else {
                    table[state * 256 + byte] = table[fail[state] * 256 + byte]
                }
            }
        }
        self.table = table
        var outputStart: [Int32] = [0]
        outputStart.reserveCapacity(out.count + 1)
        for phrases in out { outputStart.append(outputStart[outputStart.count - 1] + Int32(phrases.count)) }
        self.outputStart = outputStart
        self.outputs = out.flatMap { $0 }
        self.lengths = phrases.map(\.count)
    }

    /// Every occurrence, ordered by end position, then the longest first (the same phrase
    /// listed twice: in list order).
    func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        var result: [Match] = []
        var state = 0
        table.withUnsafeBufferPointer { table in
            outputStart.withUnsafeBufferPointer { outputStart in
                for (position, byte) in bytes.enumerated() {
                    state = Int(table[state &* 256 &+ Int(byte)])
                    let first = Int(outputStart[state]), end = Int(outputStart[state &+ 1])
                    guard first < end else { continue }
                    for phrase in outputs[first ..< end] {
                        result.append(Match(phrase: Int(phrase), start: position + 1 - lengths[Int(phrase)], end: position + 1))
                    }
                }
            }
        }
        return result
    }
}
