/// Why a report file could not be written. Messages are for the clerk and quote the path.
public enum ReportsError: Error, Sendable, Hashable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case tooManyRows(sheet: String, rows: Int, limit: Int)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            "无法写入 \(path)：\(reason)"
        case .tooManyRows(let sheet, let rows, let limit):
            "工作表“\(sheet)”有 \(rows) 行，超过 Excel 的上限 \(limit) 行"
        }
    }
}
