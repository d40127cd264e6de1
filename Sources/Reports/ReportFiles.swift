import Foundation

/// The files for people and departments of one batch, written in one call.
public enum ReportFiles {
    /// Writes `report.html`, `ledger.xlsx` (within `workbookLineLimit` unless
    /// `forceWorkbook`) and `departments/`. Returns the workbook's outcome.
    @discardableResult
    public static func write(
        _ report: BatchReport, into folder: URL, workbookLineLimit: Int = LedgerWorkbook.defaultLineLimit,
        forceWorkbook: Bool = false
    ) throws -> LedgerWorkbook.Outcome {
        try HTMLReport.write(report, into: folder)
        try DepartmentFeeds.write(report, into: folder)
        return try LedgerWorkbook.write(report, into: folder, lineLimit: workbookLineLimit, force: forceWorkbook)
    }
}
