import Foundation
import RegistryModel

/// The table of column and element names exports use (`Data/field-synonyms.tsv`).
public struct FieldSynonyms: Sendable {
    struct Entry: Sendable {
        let field: Field
        /// The registry whose exports use this name and no other's, if any.
        let kind: SourceKind?
    }

    private let entries: [String: Entry]

    /// The table that ships with rereg.
    public static let standard: FieldSynonyms = {
        guard let url = Bundle.module.url(forResource: "field-synonyms", withExtension: "tsv", subdirectory: "Data"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("the field-synonyms table is missing from rereg's resources") }
        do {
            return try FieldSynonyms(tableText: text)
        } catch {
            preconditionFailure("the shipped field-synonyms table is invalid: \(error)")
        }
    }()

    /// Reads a table: lines of `field<TAB>name[<TAB>registry]`, `#` comments.
    public init(tableText: String) throws {
        var entries: [String: Entry] = [:]
        for (number, line) in tableText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = trimmed.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2, let field = Field(rawValue: parts[0]) else {
                throw IngestError.invalidManifest(file: "field-synonyms.tsv", reason: "第 \(number + 1) 行无法识别：\(line)")
            }
            var kind: SourceKind?
            if parts.count >= 3 {
                guard let parsed = SourceKind(rawValue: parts[2]) else {
                    throw IngestError.invalidManifest(file: "field-synonyms.tsv", reason: "第 \(number + 1) 行的来源“\(parts[2])”无法识别")
                }
                kind = parsed
            }
            entries[Self.key(parts[1])] = Entry(field: field, kind: kind)
        }
        self.entries = entries
    }

    func entry(for name: String) -> Entry? { entries[Self.key(name)] }

    /// Names compare without spaces, BOM, bracket width or letter case, since exports
    /// differ in exactly those.
    static func key(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\u{FEFF}", " ", "\t", "\u{3000}", "\r", "\n", "\"": continue
            case "（": scalars.append("(")
            case "）": scalars.append(")")
            default:
                if ("a"..."z").contains(scalar) {
                    scalars.append(Unicode.Scalar(scalar.value - 32)!)
                } else {
                    scalars.append(scalar)
                }
            }
        }
        return String(scalars)
    }
}
