import Support

/// Where a record came from: the file (relative to the batch's input folder) and its
/// 1-based ordinal among that file's records, as `contract.md` counts them.
public struct RecordRef: Sendable, Hashable, Comparable, Codable {
    public let sourceFile: String
    public let ordinal: Int

    public init(sourceFile: String, ordinal: Int) {
        self.sourceFile = sourceFile
        self.ordinal = ordinal
    }

    // Compared and hashed by the file name's bytes: the order files.csv lists them in, and
    // without String's Unicode normalisation, which dominated sorting a million references.
    public static func < (a: RecordRef, b: RecordRef) -> Bool {
        if a.sourceFile.hasSameUTF8(as: b.sourceFile) { return a.ordinal < b.ordinal }
        return a.sourceFile.utf8Precedes(b.sourceFile)
    }

    public static func == (a: RecordRef, b: RecordRef) -> Bool {
        a.ordinal == b.ordinal && a.sourceFile.hasSameUTF8(as: b.sourceFile)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ordinal)
        sourceFile.hashUTF8(into: &hasher)
    }
}

/// What one input file turned out to be.
public struct SourceFile: Sendable, Hashable, Codable {
    public let name: String
    public let kind: SourceKind
    public let layout: FileLayout
    public let format: FileFormat
    public let encoding: TextEncoding

    public init(name: String, kind: SourceKind, layout: FileLayout, format: FileFormat, encoding: TextEncoding) {
        self.name = name
        self.kind = kind
        self.layout = layout
        self.format = format
        self.encoding = encoding
    }
}

/// One accepted input record, straight from ingest: decoded, mapped to fields, not yet
/// normalised.
public struct RawRecord: Sendable, Hashable {
    public let ref: RecordRef
    public let kind: SourceKind
    public let layout: FileLayout
    public let values: FieldValues

    public init(ref: RecordRef, kind: SourceKind, layout: FileLayout, values: FieldValues) {
        self.ref = ref
        self.kind = kind
        self.layout = layout
        self.values = values
    }
}

/// A record that was not accepted, with the reason a clerk reads.
public struct Reject: Sendable, Hashable {
    public let ref: RecordRef
    public let reason: RejectReason

    public init(ref: RecordRef, reason: RejectReason) {
        self.ref = ref
        self.reason = reason
    }
}

/// Why a record was not accepted. `message` is the Chinese sentence for the clerk,
/// followed by an English code that scripts can match on.
public enum RejectReason: Sendable, Hashable {
    /// The row has more or fewer fields than the header.
    case raggedRow(expected: Int, found: Int)
    /// The text already carries U+FFFD: an earlier program decoded it wrongly.
    case replacementCharacter(field: String)
    /// Bytes that are not valid in the file's encoding.
    case undecodableBytes(field: String, encoding: TextEncoding)
    /// A NUL byte: no export writes one, a broken copy does.
    case nulByte(field: String)
    /// A 合计 / 总计 line under the data.
    case footerRow(text: String)
    /// The record has no value in any field the pipeline reads.
    case noKnownFields
    /// The record has neither a name nor a credit code, so nothing can identify it.
    case missingIdentity

    public var code: String {
        switch self {
        case .raggedRow: "ragged_row"
        case .replacementCharacter: "mojibake"
        case .undecodableBytes: "undecodable_bytes"
        case .nulByte: "nul_byte"
        case .footerRow: "footer_row"
        case .noKnownFields: "no_known_fields"
        case .missingIdentity: "missing_identity"
        }
    }

    public var message: String {
        let chinese: String
        let english: String
        switch self {
        case .raggedRow(let expected, let found):
            chinese = "字段数与表头不符：应为 \(expected) 个，实际 \(found) 个"
            english = "expected \(expected) fields, found \(found)"
        case .replacementCharacter(let field):
            chinese = "“\(field)”含乱码（U+FFFD），系此前编码转换出错，无法修复，请向导出单位索取原始数据"
            english = "U+FFFD in \(field)"
        case .undecodableBytes(let field, let encoding):
            chinese = "“\(field)”含无法按 \(encoding.rawValue.uppercased()) 解码的字节"
            english = "invalid \(encoding.rawValue) bytes in \(field)"
        case .nulByte(let field):
            chinese = "“\(field)”含 NUL 空字节，文件可能在复制或传输中损坏，请向导出单位索取原始数据"
            english = "NUL byte in \(field)"
        case .footerRow(let text):
            chinese = "合计行（“\(text)”），不是机构记录"
            english = "footer row"
        case .noKnownFields:
            chinese = "记录中没有可识别的字段"
            english = "no known fields"
        case .missingIdentity:
            chinese = "既无机构名称也无统一社会信用代码，无法识别是哪个机构"
            english = "neither name nor credit code"
        }
        return "\(chinese) (\(code): \(english))"
    }
}
