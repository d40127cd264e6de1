import Foundation
import Ledger
import RegistryModel

/// `rereg show`: the whole history of one institution, for a clerk answering the phone.
public enum InstitutionReport {
    public static func text(for query: String, ledgerPath: String) throws -> String {
        guard FileManager.default.fileExists(atPath: ledgerPath) else { throw DecisionError.noLedger(ledgerPath) }
        let ledger = try Ledger(path: ledgerPath)
        let ids = try ledger.find(query)
        guard !ids.isEmpty else { throw PipelineError.notInLedger(query) }
        if ids.count > 1 {
            let latest = try ledger.months().last.map { try ledger.lines($0) } ?? []
            let names = Dictionary(latest.map { ($0.institutionID, $0.name) }, uniquingKeysWith: { a, _ in a })
            return "“\(query)”对应多家机构，请用机构编号查询：\n"
                + ids.map { "  \($0.rawValue)  \(names[$0] ?? "（已合并）")" }.joined(separator: "\n") + "\n"
        }
        guard let history = try ledger.history(of: ids[0]) else { return "" }
        return render(history)
    }

    static func render(_ history: InstitutionHistory) -> String {
        var text = "机构 \(history.id.rawValue)（首次出现 \(history.firstSeen)）\n"
        if let survivor = history.retiredInto { text += "已合并入 \(survivor.rawValue)，请查询该编号。\n" }
        if let latest = history.lines.last?.row.line {
            text += """
                名称：\(latest.name)
                统一社会信用代码：\(latest.creditCode ?? "（无）")  原代码：\(latest.formerCreditCodes.joined(separator: "、"))
                旗县区：\(latest.countyName ?? "未知")  类别：\(latest.category.chineseName)  归口：\(latest.department?.chineseName ?? "—")
                须重新登记：\(latest.reregistrationRequired ? "是" : "否")  状态：\(latest.reregistrationStatus.chineseName)\
                \(latest.completedOn.map { "（\($0.iso) 完成）" } ?? "")\(latest.overdue ? "  逾期 \(latest.daysOverdue) 天" : "")
                标记：\(latest.flags.map(\.chineseName).joined(separator: "；"))

                """
        }
        for merge in history.absorbed {
            text += "合并：\(merge.retired.rawValue) 并入本机构（\(merge.rule.rawValue)：\(merge.evidence)）\n"
        }
        text += "\n各月情况：\n"
        for (month, row) in history.lines {
            let line = row.line
            text += "  \(month)  \(line.category.chineseName)  \(line.reregistrationStatus.chineseName)  本月记录 \(line.sourceRecordCount) 条\n"
        }
        text += "\n记录及归并依据：\n"
        for (month, record) in history.records {
            let fields = record.fields
            let name = fields[.name] ?? ""
            let code = fields[.creditCode] ?? ""
            text += "  \(month)  \(record.ref.sourceFile) 第 \(record.ref.ordinal) 条  \(name) \(code)\n"
            text += "      → \(record.institution.rawValue)  \(record.rule.rawValue) \(record.score)：\(record.evidence)\n"
        }
        if let evidence = history.lines.last?.row.evidence, !evidence.isEmpty {
            text += "\n类别与状态依据（最近一月）：\n" + evidence.split(separator: "\n").map { "  \($0)" }.joined(separator: "\n") + "\n"
        }
        if !history.statusChanges.isEmpty {
            text += "\n状态变化：\n"
            for (month, change) in history.statusChanges {
                text += "  \(month)  \(change.from?.chineseName ?? "（首次）") → \(change.to.chineseName)：\(change.reason)\n"
            }
        }
        if !history.decisions.isEmpty {
            text += "\n人工决定：\n"
            for decision in history.decisions {
                let what = [decision.kind.rawValue, decision.institution.rawValue, decision.other?.rawValue, decision.category?.rawValue]
                    .compactMap { $0 }.joined(separator: " ")
                text += "  \(what)\(decision.note.isEmpty ? "" : "（\(decision.note)）")\(decision.revoked ? " [已撤销]" : "")\n"
            }
        }
        return text
    }
}
