import Foundation
import RegistryModel
import Support

/// The files `contract.md` fixes, written exactly as it says: other departments load them.
public enum ContractFiles {
    /// `crosswalk.csv`: one row per accepted record.
    public static func writeCrosswalk(_ records: [RecordRow], to path: String) throws {
        let writer = try CSVWriter(path: path, header: ["source_file", "record_ref", "institution_id", "link_rule", "link_score"])
        for position in records.positions(sortedBy: { $0.ref < $1.ref }) {
            let record = records[position]
            try writer.write([record.ref.sourceFile, String(record.ref.ordinal), record.institution.rawValue,
                              record.rule.rawValue, number(record.score)])
        }
        try writer.close()
    }

    /// `rejects.csv`: one row per record not accepted.
    public static func writeRejects(_ rejects: [RejectRow], to path: String) throws {
        let writer = try CSVWriter(path: path, header: ["source_file", "record_ref", "reason"])
        for reject in rejects.sorted(by: { ($0.file, $0.ordinal) < ($1.file, $1.ordinal) }) {
            try writer.write([reject.file, String(reject.ordinal), reject.reason])
        }
        try writer.close()
    }

    /// `ledger.jsonl`: one line per institution, sorted by id, keys in the contract's order.
    public static func writeLedgerJSONL(_ lines: [LedgerLine], to path: String) throws {
        let file = try BufferedFile(path: path)
        for position in lines.positionsInIdOrder {
            try file.write(jsonLine(lines[position]) + "\n")
        }
        try file.close()
    }

    static func jsonLine(_ line: LedgerLine) -> String {
        var object = JSONText.Object()
        object.add("institution_id", line.institutionID.rawValue)
        object.add("name", Masking.personalNumbers(in: line.name))
        object.add("credit_code", line.creditCode)
        object.add("former_credit_codes", strings: line.formerCreditCodes)
        object.add("county_code", line.countyCode)
        object.add("county_name", line.countyName)
        object.add("category", line.category.rawValue)
        object.add("department", line.department?.rawValue)
        object.add("stages", strings: line.stages.map(\.rawValue))
        object.add("reregistration_required", line.reregistrationRequired)
        object.add("reregistration_status", line.reregistrationStatus.rawValue)
        object.add("completed_on", line.completedOn?.iso)
        object.add("overdue", line.overdue)
        object.add("days_overdue", line.daysOverdue)
        object.add("flags", strings: line.flags.map(\.rawValue))
        object.add("first_seen_batch", line.firstSeenBatch)
        object.add("last_seen_batch", line.lastSeenBatch)
        object.add("source_record_count", line.sourceRecordCount)
        return object.close()
    }

    /// `summary.json`: counts of required institutions, overall and by county, equal to ledger.jsonl's.
    public static func summaryJSON(asOf: Day, deadline: Day, summary: Summary) -> String {
        func members(_ counts: ProgressCounts) -> [(String, String)] {
            [("required", String(counts.required)), ("completed", String(counts.completed)),
             ("exited", String(counts.exited)), ("in_progress", String(counts.inProgress)),
             ("not_started", String(counts.notStarted)), ("overdue", String(counts.overdue)),
             ("completion_rate", String(counts.completionRate))]
        }
        let counties = summary.byCounty.keys.sorted().map { ($0, JSONText.object(members(summary.byCounty[$0]!))) }
        return JSONText.object(
            [("as_of", JSONText.string(asOf.iso)), ("deadline", JSONText.string(deadline.iso))]
                + members(summary.overall) + [("by_county", JSONText.object(counties))]) + "\n"
    }

    /// `ledger.csv`: the ledger for Excel users (BOM, Chinese headers, no formula cells).
    public static func writeLedgerCSV(_ lines: [LedgerLine], to path: String) throws {
        let writer = try CSVWriter(path: path, header: [
            "机构编号", "名称", "统一社会信用代码", "原统一社会信用代码", "旗县区代码", "旗县区", "类别", "归口部门", "学段",
            "须重新登记", "重新登记状态", "完成日期", "逾期", "逾期天数", "标记", "首次出现批次", "最近出现批次", "本批记录数",
        ], options: .excel)
        for position in lines.positionsInIdOrder {
            let line = lines[position]
            try writer.write([
                line.institutionID.rawValue, line.name, line.creditCode ?? "", line.formerCreditCodes.joined(separator: "；"),
                line.countyCode ?? "", line.countyName ?? "", line.category.chineseName, line.department?.chineseName ?? "",
                line.stages.map(\.chineseName).joined(separator: "、"), line.reregistrationRequired ? "是" : "否",
                line.reregistrationStatus.chineseName, line.completedOn?.iso ?? "", line.overdue ? "是" : "否",
                String(line.daysOverdue), line.flags.map(\.chineseName).joined(separator: "；"), line.firstSeenBatch,
                line.lastSeenBatch, String(line.sourceRecordCount),
            ])
        }
        try writer.close()
    }

    /// `changes.csv`: institutions whose status, category or flags changed since the previous
    /// batch, then the ids retired this batch and the id each was merged into.
    public static func writeChanges(_ lines: [LedgerLine], previous: [LedgerLine], merges: [MergeRow] = [], to path: String) throws {
        let writer = try CSVWriter(path: path, header: [
            "机构编号", "名称", "旗县区", "变化", "原状态", "现状态", "原类别", "现类别", "原标记", "现标记",
        ], options: .excel)
        try forEachWithPrevious(lines, previous: previous) { line, old in
            var what: [String] = []
            if old == nil { what.append("新增") }
            if let old, old.reregistrationStatus != line.reregistrationStatus { what.append("状态") }
            if let old, old.category != line.category { what.append("类别") }
            if let old, old.flags != line.flags { what.append("标记") }
            guard !what.isEmpty else { return }
            try writer.write([
                line.institutionID.rawValue, line.name, line.countyName ?? "", what.joined(separator: "、"),
                old?.reregistrationStatus.chineseName ?? "", line.reregistrationStatus.chineseName,
                old?.category.chineseName ?? "", line.category.chineseName,
                old?.flags.map(\.chineseName).joined(separator: "；") ?? "", line.flags.map(\.chineseName).joined(separator: "；"),
            ])
        }
        let previousByID = Dictionary(previous.map { ($0.institutionID, $0) }, uniquingKeysWith: { first, _ in first })
        for merge in merges {
            let old = previousByID[merge.retired]
            try writer.write([
                merge.retired.rawValue, old?.name ?? "", old?.countyName ?? "", "并入 \(merge.survivor.rawValue)",
                old?.reregistrationStatus.chineseName ?? "", "", old?.category.chineseName ?? "", "",
                old?.flags.map(\.chineseName).joined(separator: "；") ?? "", "",
            ])
        }
        try writer.close()
    }

    /// `review.csv`: what needs a person, with the evidence and the institutions concerned.
    public static func writeReview(_ items: [ReviewItem], lines: [LedgerLine], to path: String) throws {
        let names = Dictionary(lines.map { ($0.institutionID, $0.name) }, uniquingKeysWith: { first, _ in first })
        let writer = try CSVWriter(path: path, header: ["序号", "类型", "机构编号", "机构名称", "待决事项", "证据"], options: .excel)
        for (index, item) in items.enumerated() {
            try writer.write([
                String(index + 1), item.kind.chineseName, item.institutionIDs.map(\.rawValue).joined(separator: " "),
                item.institutionIDs.map { names[$0] ?? "" }.joined(separator: " / "), item.summary, item.evidence,
            ])
        }
        try writer.close()
    }

    /// `files.csv`: each input file as recognised, with its checksum and counts.
    public static func writeFiles(_ files: [FileRow], to path: String) throws {
        let writer = try CSVWriter(path: path, header: [
            "source_file", "source", "layout", "format", "encoding", "bytes", "sha256", "records", "accepted", "rejected",
        ])
        for file in files.sorted(by: { $0.source.name.utf8Precedes($1.source.name) }) {
            try writer.write([
                file.source.name, file.source.kind.rawValue, file.source.layout.rawValue, file.source.format.rawValue,
                file.source.encoding.rawValue, String(file.bytes), file.sha256, String(file.records), String(file.accepted),
                String(file.rejected),
            ])
        }
        try writer.close()
    }

    /// Numbers as JSON and CSV show them: integers without a fraction, others in their
    /// shortest exact form, so that equal values always print the same.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
