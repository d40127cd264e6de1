/// Problems that stop a batch before anything is written: a file that cannot be read or
/// recognised would otherwise leave a ledger that silently lacks it.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case unreadableFolder(path: String, reason: String)
    case unreadableFile(file: String, reason: String)
    /// A file of a kind ingest does not read (yet): a workbook, UTF-16 text, a PDF …
    case unsupportedFile(file: String, seen: String, advice: String)
    /// Neither UTF-8 nor GB18030.
    case unrecognisedEncoding(file: String, detail: String)
    /// No header row or record element whose names map to the fields rereg needs.
    case unrecognisedLayout(file: String, namesSeen: [String], missing: String)
    /// The names fit both registries or neither.
    case undecidableSource(file: String, namesSeen: [String])
    /// A DOCTYPE or an entity reference: refused, since it could read other files or expand without bound.
    case hostileXML(file: String, what: String)
    case malformedXML(file: String, line: Int, message: String)
    /// The file ends inside a quoted field: every row after the quote would vanish into it.
    case unterminatedQuote(file: String, recordsBefore: Int)
    case invalidManifest(file: String, reason: String)
    /// Two columns that mean one field (`企业名称` twice, or `企业名称` and `名称`).
    /// Elements nested past libxml2's limit (256): no export is, a damaged or hostile file is.
    case tooDeepXML(file: String)
    /// Nothing in it: a failed download or copy.
    case emptyFile(file: String)
    case duplicateColumns(file: String, firstColumn: Int, firstName: String, secondColumn: Int, secondName: String)

    public var description: String {
        switch self {
        case .unreadableFolder(let path, let reason):
            "无法读取输入文件夹“\(path)”：\(reason)。"
        case .unreadableFile(let file, let reason):
            "无法读取文件“\(file)”：\(reason)。"
        case .unsupportedFile(let file, let seen, let advice):
            "文件“\(file)”是\(seen)，rereg 不能读取：\(advice)。"
        case .unrecognisedEncoding(let file, let detail):
            "文件“\(file)”的编码既不是 UTF-8 也不是 GB18030/GBK（\(detail)）：请用 Excel 另存为“CSV UTF-8”或在 manifest.json 中指定 encoding。"
        case .unrecognisedLayout(let file, let namesSeen, let missing):
            "文件“\(file)”无法识别：看到的列名为 \(Self.list(namesSeen))，缺少 \(missing)；请在 manifest.json 中为它指定 columns。"
        case .undecidableSource(let file, let namesSeen):
            "文件“\(file)”无法判断来自民政还是市场监管（列名 \(Self.list(namesSeen))）：请在 manifest.json 中为它指定 source。"
        case .hostileXML(let file, let what):
            "文件“\(file)”含\(what)，为防止读取其他文件或实体膨胀，拒绝读取：请向导出单位索取不含 DOCTYPE 的 XML。"
        case .malformedXML(let file, let line, let message):
            "文件“\(file)”第 \(line) 行 XML 格式错误（\(message)），文件可能不完整：请重新导出。"
        case .unterminatedQuote(let file, let recordsBefore):
            "文件“\(file)”在第 \(recordsBefore) 条记录之后有一个未闭合的引号，其后的行都会被吞入一个字段：请检查该处并重新导出。"
        case .invalidManifest(let file, let reason):
            "清单文件“\(file)”有误：\(reason)。"
        case .tooDeepXML(let file):
            "文件“\(file)”的元素嵌套超过 256 层（导出文件只有两三层），可能已损坏或被人为构造：拒绝读取，请向导出单位重新索取。"
        case .emptyFile(let file):
            "文件“\(file)”是空的（0 字节），可能没有下载或复制完整：请重新导出，或把它移出文件夹。"
        case .duplicateColumns(let file, let firstColumn, let firstName, let secondColumn, let secondName):
            "文件“\(file)”的第 \(firstColumn) 列“\(firstName)”和第 \(secondColumn) 列“\(secondName)”是同一项内容，不能确定用哪一列：请删去多余的一列后重新放入，或在 manifest.json 中为它指定 columns。"
        }
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "（无）" : names.prefix(30).map { "“\($0)”" }.joined(separator: "、")
    }
}
