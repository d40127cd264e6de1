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
    private static let footerWords: [[UInt8]] = ["合计", "总计", "小计", "共计"].map { Array($0.utf8) }

    /// A 合计/总计 line: its first non-empty value starts with such a word (spaces and
    /// ideographic spaces anywhere in it ignored).
    static func footer(firstValue: String?) -> RejectReason? {
        guard let firstValue else { return nil }
        // The words are six bytes long: six bytes of text, spaces skipped, decide.
        var text: [UInt8] = []
        var bytes = Array(firstValue.utf8)[...]
        while let byte = bytes.first, text.count < 6 {
            if byte == 0x20 { bytes.removeFirst(); continue }
            if bytes.starts(with: [0xE3, 0x80, 0x80]) { bytes.removeFirst(3); continue }
            text.append(byte)
            bytes.removeFirst()
        }
        return footerWords.contains(where: text.starts(with:)) ? .footerRow(text: String(firstValue.prefix(20))) : nil
    }

    /// The first value, by column name, that carries U+FFFD or a NUL byte.
    static func damagedText(_ values: [(name: String, value: String)]) -> RejectReason? {
        for (name, value) in values {
            switch value.damageMark {
            case .replacementCharacter?: return .replacementCharacter(field: name)
            case .nul?: return .nulByte(field: name)
            case nil: continue
            }
        }
        return nil
    }

    /// A record needs a name or a code for anyone to tell which institution it is.
    static func identity(_ values: FieldValues.Builder) -> RejectReason? {
        let identifying = [values[.name], values[.creditCode], values[.formerCreditCode]]
        return identifying.contains { $0.map(hasVisibleText) ?? false } ? nil : .missingIdentity
    }

    /// Whether the text holds anything but white space (and a BOM). Runs for every field of
    /// every record: an ASCII byte that is not white space answers at once; only texts
    /// without one are looked at scalar by scalar.
    static func hasVisibleText(_ text: String) -> Bool {
        if text.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return true }
        return text.unicodeScalars.contains { !isWhiteSpace($0) && $0 != "\u{FEFF}" }
    }

    /// Unicode's White_Space property, spelled out: asking `properties.isWhitespace` of the
    /// first character of every Chinese field is too slow. Measured: BENCHMARKS.md, history,
    /// `e639dbe`.
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09 ... 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000 ... 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
