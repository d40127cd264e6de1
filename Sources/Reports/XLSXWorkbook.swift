internal import CXLSXWriter
import RegistryModel

/// A cell of a workbook row, in Swift terms; only this file knows libxlsxwriter's.
enum XLSXCell: Sendable, Hashable {
    case text(String)
    case int(Int)
    case date(Day)
    /// Written as 是 / 否, the way clerks read booleans.
    case bool(Bool)
    case empty

    /// Width in Excel character units: CJK and full-width characters count double.
    var displayWidth: Int {
        switch self {
        case .text(let text): XLSXWorkbook.displayWidth(text)
        case .int(let value): String(value).count
        case .date: 10
        case .bool: 2
        case .empty: 0
        }
    }
}

/// Owns one `lxw_workbook *`: sheets are added and filled through it, and it is closed
/// (which writes the file and frees everything) by `close()` or, failing that, in deinit.
final class XLSXWorkbook {
    /// Excel's last row is 1,048,576.
    static let maxRows = 1_048_576
    /// Excel truncates nothing but refuses cells longer than this.
    static let maxCellCharacters = 32_767

    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private let path: String
    private let headerFormat: UnsafeMutablePointer<lxw_format>
    private let dateFormat: UnsafeMutablePointer<lxw_format>

    /// - Parameter created: the document's creation date (docProps/core.xml): the batch's
    ///   as-of date, never the clock, so a re-run writes the same bytes.
    init(path: String, created: Day) throws {
        self.path = path
        var options = lxw_workbook_options()
        options.constant_memory = 1  // rows stream to a temporary file: memory stays flat
        options.tmpdir = nil
        options.use_zip64 = 0
        guard let workbook = workbook_new_opt(path, &options) else {
            throw ReportsError.cannotWrite(path: path, reason: "libxlsxwriter 无法创建工作簿")
        }
        handle = workbook
        var properties = lxw_doc_properties()
        properties.created = time_t(created.daysSinceEpoch) * 86_400
        workbook_set_properties(workbook, &properties)

        headerFormat = workbook_add_format(workbook)
        format_set_bold(headerFormat)
        format_set_bg_color(headerFormat, 0xDDEBF7)
        format_set_border(headerFormat, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_text_wrap(headerFormat)
        format_set_align(headerFormat, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        dateFormat = workbook_add_format(workbook)
        format_set_num_format(dateFormat, "yyyy-mm-dd")
    }

    deinit {
        if let handle { workbook_close(handle) }
    }

    /// Adds a sheet with a frozen, wrapped header row and column widths that fit its content
    /// (capped at 60 characters), then writes the rows. Rows must all be given at once:
    /// in constant-memory mode a sheet is written top to bottom.
    func addSheet(name: String, header: [String], rows: [[XLSXCell]]) throws {
        guard let workbook = handle else { throw ReportsError.cannotWrite(path: path, reason: "工作簿已关闭") }
        guard rows.count < Self.maxRows else {
            throw ReportsError.tooManyRows(sheet: name, rows: rows.count, limit: Self.maxRows - 1)
        }
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw ReportsError.cannotWrite(path: path, reason: "无法添加工作表“\(name)”（名称无效或重复）")
        }
        // The header row wraps onto two lines, so a long header needs only half its width.
        var widths = header.map { (Self.displayWidth($0) + 1) / 2 + 1 }
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.displayWidth)
            }
        }
        for (column, width) in widths.enumerated() {
            worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), Double(min(max(width, 4), 60) + 2), nil)
        }
        worksheet_freeze_panes(sheet, 1, 0)
        worksheet_set_row(sheet, 0, 30, nil)
        for (column, title) in header.enumerated() {
            try check(worksheet_write_string(sheet, 0, lxw_col_t(column), title, headerFormat), sheet: name)
        }
        for (index, row) in rows.enumerated() {
            let rowNumber = lxw_row_t(index + 1)
            for (column, cell) in row.enumerated() {
                try write(cell, sheet: sheet, row: rowNumber, column: lxw_col_t(column), sheetName: name)
            }
        }
        if !rows.isEmpty, !header.isEmpty {
            worksheet_autofilter(sheet, 0, 0, lxw_row_t(rows.count), lxw_col_t(header.count - 1))
        }
    }

    /// Writes the file and frees the workbook.
    func close() throws {
        guard let workbook = handle else { return }
        handle = nil
        let error = workbook_close(workbook)
        guard error == LXW_NO_ERROR else {
            throw ReportsError.cannotWrite(path: path, reason: String(cString: lxw_strerror(error)))
        }
    }

    private func write(
        _ cell: XLSXCell, sheet: UnsafeMutablePointer<lxw_worksheet>, row: lxw_row_t, column: lxw_col_t,
        sheetName: String
    ) throws {
        let error: lxw_error
        switch cell {
        case .text(let text):
            let clipped = text.utf16.count > Self.maxCellCharacters ? String(text.prefix(Self.maxCellCharacters / 2)) : text
            error = worksheet_write_string(sheet, row, column, clipped, nil)
        case .int(let value):
            error = worksheet_write_number(sheet, row, column, Double(value), nil)
        case .date(let day):
            var datetime = lxw_datetime(year: Int32(day.year), month: Int32(day.month), day: Int32(day.day), hour: 0, min: 0, sec: 0)
            error = worksheet_write_datetime(sheet, row, column, &datetime, dateFormat)
        case .bool(let value):
            error = worksheet_write_string(sheet, row, column, value ? "是" : "否", nil)
        case .empty:
            return
        }
        try check(error, sheet: sheetName)
    }

    private func check(_ error: lxw_error, sheet: String) throws {
        guard error == LXW_NO_ERROR else {
            throw ReportsError.cannotWrite(
                path: path, reason: "工作表“\(sheet)”：\(String(cString: lxw_strerror(error)))")
        }
    }

    /// Width in Excel character units: East Asian wide and full-width characters count 2.
    static func displayWidth(_ text: String) -> Int {
        var width = 0
        var lineWidth = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                width = max(width, lineWidth)
                lineWidth = 0
                continue
            }
            lineWidth += isWide(scalar) ? 2 : 1
        }
        return max(width, lineWidth)
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
