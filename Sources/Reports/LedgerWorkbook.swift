import Foundation
import RegistryModel

/// `ledger.xlsx`: the ledger as a workbook for clerks (contract.md): 台账 (every institution),
/// one sheet per 旗县区, 待复核 and 拒绝记录. Frozen header rows, widths fitted to the Chinese
/// text, dates as real Excel dates, booleans as 是/否. Personal data: none (like ledger.csv).
public enum LedgerWorkbook {
    /// The contract's default: above this many institutions the workbook is written only on request.
    public static let defaultLineLimit = 100_000

    public enum Outcome: Sendable, Hashable {
        case written(URL)
        /// Not written: more lines than the limit and not forced.
        case skipped(lines: Int, limit: Int)
    }

    public static let ledgerSheet = "台账"
    public static let reviewSheet = "待复核"
    public static let rejectsSheet = "拒绝记录"
    public static let unknownCountySheet = "未能确定旗县区"

    /// The sheets `write` makes for this report, in order: 台账, every county by name (also
    /// when empty), 未能确定旗县区 when some institution has no county, 待复核, 拒绝记录.
    public static func sheetNames(for report: BatchReport) -> [String] {
        var names = [ledgerSheet] + County.allCases.map(\.name)
        if report.lines.contains(where: { county(of: $0) == nil }) { names.append(unknownCountySheet) }
        return names + [reviewSheet, rejectsSheet]
    }

    /// Writes `ledger.xlsx` into `folder` when `report.lines.count <= lineLimit` or `force`.
    @discardableResult
    public static func write(
        _ report: BatchReport, into folder: URL, lineLimit: Int = defaultLineLimit, force: Bool = false
    ) throws -> Outcome {
        guard force || report.lines.count <= lineLimit else {
            return .skipped(lines: report.lines.count, limit: lineLimit)
        }
        let url = folder.appendingPathComponent("ledger.xlsx")
        let workbook = try XLSXWorkbook(path: url.path, created: report.asOf)
        let lines = report.lines.sorted { $0.institutionID < $1.institutionID }

        try workbook.addSheet(name: ledgerSheet, header: ledgerHeader, rows: lines.map(ledgerRow))
        var byCounty: [County?: [LedgerLine]] = [:]
        for line in lines { byCounty[county(of: line), default: []].append(line) }
        for county in County.allCases {
            try workbook.addSheet(name: county.name, header: ledgerHeader, rows: (byCounty[county] ?? []).map(ledgerRow))
        }
        if let unknown = byCounty[nil] {
            try workbook.addSheet(name: unknownCountySheet, header: ledgerHeader, rows: unknown.map(ledgerRow))
        }
        try workbook.addSheet(
            name: reviewSheet, header: ["类型", "涉及机构编号", "待定事项", "依据"],
            rows: report.reviewItems.map { item in
                [.text(item.kind.chineseName), .text(item.institutionIDs.map(\.rawValue).joined(separator: "；")),
                 .text(item.summary), .text(item.evidence)]
            })
        try workbook.addSheet(
            name: rejectsSheet, header: ["来源文件", "记录序号", "拒绝原因"],
            rows: report.rejectRows.sorted { ($0.file, $0.ordinal) < ($1.file, $1.ordinal) }.map { row in
                [.text(row.file), .int(row.ordinal), .text(row.reason)]
            })
        try workbook.close()
        return .written(url)
    }

    static func county(of line: LedgerLine) -> County? {
        line.countyCode.flatMap { County(rawValue: $0) }
    }

    static let ledgerHeader = [
        "机构编号", "机构名称", "统一社会信用代码", "原统一社会信用代码", "旗县区代码", "旗县区", "类别", "归口部门",
        "面向学段", "是否需重新登记", "重新登记状态", "登记为非营利性机构日期", "是否逾期", "逾期天数", "风险提示",
        "首次出现批次", "最近出现批次", "本批记录数",
    ]

    static func ledgerRow(_ line: LedgerLine) -> [XLSXCell] {
        [
            .text(line.institutionID.rawValue), .text(line.name), line.creditCode.map(XLSXCell.text) ?? .empty,
            .text(line.formerCreditCodes.joined(separator: "；")), line.countyCode.map(XLSXCell.text) ?? .empty,
            line.countyName.map(XLSXCell.text) ?? .empty, .text(line.category.chineseName),
            line.department.map { .text($0.chineseName) } ?? .empty,
            .text(line.stages.sorted().map(\.chineseName).joined(separator: "、")), .bool(line.reregistrationRequired),
            .text(line.reregistrationStatus.chineseName), line.completedOn.map(XLSXCell.date) ?? .empty,
            .bool(line.overdue), .int(line.daysOverdue), .text(line.flags.sorted().map(\.chineseName).joined(separator: "；")),
            .text(line.firstSeenBatch), .text(line.lastSeenBatch), .int(line.sourceRecordCount),
        ]
    }
}
