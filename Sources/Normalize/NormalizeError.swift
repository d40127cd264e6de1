/// Why a `Normalizer` could not be built: its data files. Records never throw.
public enum NormalizeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A data file is neither in the deployment folder nor bundled.
    case dataFileMissing(name: String)
    /// A data file could not be read as UTF-8 text.
    case unreadableDataFile(path: String)
    /// A line of a data file does not have the expected columns or values.
    case badDataLine(file: String, line: Int, text: String, expected: String)

    public var description: String {
        switch self {
        case .dataFileMissing(let name):
            "找不到数据文件“\(name)” (data file '\(name)' is missing)"
        case .unreadableDataFile(let path):
            "数据文件“\(path)”无法按 UTF-8 读取 (data file '\(path)' is not readable UTF-8 text)"
        case .badDataLine(let file, let line, let text, let expected):
            "数据文件“\(file)”第 \(line) 行“\(text)”格式不对：应为 \(expected) (bad line \(line) in '\(file)': expected \(expected))"
        }
    }
}
