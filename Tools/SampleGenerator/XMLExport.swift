/// Writes one XML export: `<rows><row A="…"/></rows>` (attribute per field) or
/// `<DATA><RECORD><A>…</A></RECORD></DATA>` (element per field).
final class XMLExport {
    enum Style {
        case attributes
        case elements
    }

    let name: String
    private let file: OutputFile
    private let style: Style
    private let fieldNames: [String]
    private let duplicateRate: Double
    private var rng: SplitMix64
    private let truth: TruthLog?
    private(set) var records = 0

    init(
        path: String, name: String, encoding: OutputEncoding, declaredEncoding: String, style: Style,
        fieldNames: [String], duplicateRate: Double, rng: SplitMix64, truth: TruthLog?
    ) throws {
        self.name = name
        file = try OutputFile(path: path, encoding: encoding)
        self.style = style
        self.fieldNames = fieldNames
        self.duplicateRate = duplicateRate
        self.rng = rng
        self.truth = truth
        file.append("<?xml version=\"1.0\" encoding=\"\(declaredEncoding)\"?>\n")
        file.append(style == .attributes ? "<rows>\n" : "<DATA>\n")
    }

    func add(_ fields: [String], truthID: String, invalidCode: Bool) throws {
        let text = render(fields)
        emit(text, truthID: truthID, invalidCode: invalidCode)
        if rng.chance(duplicateRate) { emit(text, truthID: truthID, invalidCode: invalidCode) }
        try file.flushIfFull()
    }

    private func emit(_ text: String, truthID: String, invalidCode: Bool) {
        records += 1
        file.append(text)
        truth?.record(file: name, ordinal: records, truthID: truthID, rejectCode: nil, invalidCode: invalidCode)
    }

    private func render(_ fields: [String]) -> String {
        var text: String
        switch style {
        case .attributes:
            text = "  <row"
            for (name, value) in zip(fieldNames, fields) {
                text += " \(name)=\"\(Self.escape(value, inAttribute: true))\""
            }
            text += "/>\n"
        case .elements:
            text = "<RECORD>\n"
            for (name, value) in zip(fieldNames, fields) {
                text += value.isEmpty ? "<\(name)/>\n" : "<\(name)>\(Self.escape(value, inAttribute: false))</\(name)>\n"
            }
            text += "</RECORD>\n"
        }
        return text
    }

    /// Attribute values lose line breaks to normalisation unless written as references.
    static func escape(_ value: String, inAttribute: Bool) -> String {
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func finish() throws {
        file.append(style == .attributes ? "</rows>\n" : "</DATA>\n")
        try file.close()
    }

    var bytesWritten: Int { file.bytesWritten }
}
