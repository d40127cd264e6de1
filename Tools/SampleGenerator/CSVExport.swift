/// How often a CSV file's rows are damaged as a whole.
struct RowMessProfile {
    var duplicateRate = 0.0
    var blankLineRate = 0.0
    var raggedRate = 0.0
    /// UTF-8 files only: rows already decoded wrongly somewhere upstream.
    var mojibakeRate = 0.0

    static let none = RowMessProfile()
}

/// Writes one CSV export and records, for every record as contract.md counts them, what
/// the pipeline should do with it.
final class CSVExport {
    let name: String
    private let file: OutputFile
    private let lineEnd: String
    private let columnCount: Int
    private let rowMess: RowMessProfile
    private var rng: SplitMix64
    private let truth: TruthLog?
    private let mojibakeEncoder: GB18030Encoder?
    private(set) var records = 0

    init(
        path: String, name: String, encoding: OutputEncoding, crlf: Bool, title: String?, blankAfterTitle: Bool,
        header: [String], rowMess: RowMessProfile, rng: SplitMix64, truth: TruthLog?
    ) throws {
        self.name = name
        file = try OutputFile(path: path, encoding: encoding)
        lineEnd = crlf ? "\r\n" : "\n"
        columnCount = header.count
        self.rowMess = rowMess
        self.rng = rng
        self.truth = truth
        mojibakeEncoder = rowMess.mojibakeRate > 0 ? GB18030Encoder() : nil
        if let title {
            file.append(title + lineEnd)
            if blankAfterTitle { file.append(lineEnd) }
        }
        file.append(Self.line(header) + lineEnd)
    }

    static func line(_ fields: [String]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "," }
            line += CSVText.quoted(field)
        }
        return line
    }

    /// Adds one institution's row; row-level mess may turn it into a rejected record,
    /// duplicate it or follow it with a blank line.
    func add(_ fields: [String], truthID: String, invalidCode: Bool) throws {
        let roll = rng.unit()
        if let encoder = mojibakeEncoder, roll < rowMess.mojibakeRate {
            var damaged = fields.map { Mess.mojibake($0, encoder: encoder) }
            // The damage often shifts the columns too.
            if rng.chance(0.5), damaged.count > 3 {
                let at = rng.int(1...(damaged.count - 2))
                damaged[at] += damaged.remove(at: at + 1)
            }
            emit(damaged, truthID: truthID, rejectCode: "mojibake", invalidCode: false)
        } else if roll < rowMess.mojibakeRate + rowMess.raggedRate {
            var ragged = fields
            if rng.chance(0.5) {
                ragged.removeLast()
            } else {
                // An unquoted comma inside a value, as hand-edited exports have.
                let at = rng.int(1...(ragged.count - 1))
                ragged.insert("", at: at)
            }
            emit(ragged, truthID: truthID, rejectCode: "ragged_row", invalidCode: false)
        } else {
            emit(fields, truthID: truthID, rejectCode: nil, invalidCode: invalidCode)
            if rng.chance(rowMess.duplicateRate) {
                emit(fields, truthID: truthID, rejectCode: nil, invalidCode: invalidCode)
            }
        }
        if rng.chance(rowMess.blankLineRate) { file.append(lineEnd) }
        try file.flushIfFull()
    }

    private func emit(_ fields: [String], truthID: String, rejectCode: String?, invalidCode: Bool) {
        records += 1
        file.append(Self.line(fields) + lineEnd)
        truth?.record(file: name, ordinal: records, truthID: truthID, rejectCode: rejectCode, invalidCode: invalidCode)
    }

    /// The 合计 / 总计 line Excel users put under the data: a record, to be rejected.
    func finish(footerWord: String?, footerCount: Int) throws {
        if let footerWord {
            var footer = Array(repeating: "", count: columnCount)
            footer[0] = footerWord
            if columnCount > 1 { footer[1] = "\(footerCount)家" }
            emit(footer, truthID: "", rejectCode: "footer_row", invalidCode: false)
        }
        try file.close()
    }

    var bytesWritten: Int { file.bytesWritten }
}
