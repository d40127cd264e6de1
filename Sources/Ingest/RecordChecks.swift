import RegistryModel

/// What ingest hands on, in file order: one record or one reject per input record.
public enum IngestEvent: Sendable {
    case record(RawRecord)
    case reject(Reject)
}

/// The checks every record passes whatever its file format, in the order a clerk would
/// want the reason: a footer is a footer before it is ragged; damaged text explains a
/// shifted column count better than the count does.
enum RecordChecks {
    private static let footerWords = ["合计", "总计", "小计", "共计"]

    /// A 合计/总计 line: its first non-empty value starts with such a word.
    static func footer(firstValue: String?) -> RejectReason? {
        guard let firstValue else { return nil }
        let text = firstValue.filter { $0 != " " && $0 != "\u{3000}" }
        return footerWords.contains(where: text.hasPrefix) ? .footerRow(text: String(firstValue.prefix(20))) : nil
    }

    /// The first value, by column name, that carries U+FFFD.
    static func damagedText(_ values: [(name: String, value: String)]) -> RejectReason? {
        values.first { $0.value.containsReplacementCharacter }.map { .replacementCharacter(field: $0.name) }
    }

    /// A record needs a name or a code for anyone to tell which institution it is.
    static func identity(_ values: FieldValues) -> RejectReason? {
        let identifying = [values[.name], values[.creditCode], values[.formerCreditCode]]
        return identifying.contains { $0.map(hasVisibleText) ?? false } ? nil : .missingIdentity
    }

    static func hasVisibleText(_ text: String) -> Bool {
        text.unicodeScalars.contains { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
    }
}
