import Foundation
import RegistryModel
import Support

/// `departments/<department>.csv` and `.jsonl`: for each competent department (归口管理,
/// 《实施方案》四(二)2) the institutions it supervises, with only the fields it needs.
/// The field lists and the personal-data decisions are documented in README.md; `fields(for:)`
/// is the one place they are made.
public enum DepartmentFeeds {
    /// One column of a feed: its JSONL key, its CSV header, and how it reads a row.
    public struct FeedField: Sendable {
        public let key: String
        public let header: String
        /// Whether it carries personal data (always masked, and only on follow-up rows).
        public let isPersonal: Bool
        /// The CSV cell and the JSON value (already encoded with `JSONText`) of a row.
        let value: @Sendable (Row) -> (csv: String, json: String)
    }

    /// What a field reads: the line, the contact (personal data), and whether the row is a
    /// follow-up row (the only rows whose personal fields are filled).
    struct Row {
        let line: LedgerLine
        let contact: Contact?
        let followUp: Bool
    }

    /// The flags that concern a supervising department; the others (`county_conflict`,
    /// `invalid_credit_code`, `ambiguous_link`) are the office's data-quality matters.
    public static let complianceFlags: [InstitutionFlag] = [
        .formerRegistrationActive, .disguisedSubjectRisk, .preschoolSubject, .foreignCapital, .listedCompany,
        .newAfterPolicy, .subjectInNonSubject,
    ]

    /// The flags that make education follow an institution up even when it is not overdue.
    static let educationFollowUpFlags: Set<InstitutionFlag> = [
        .disguisedSubjectRisk, .preschoolSubject, .foreignCapital, .listedCompany, .newAfterPolicy,
    ]

    /// Whether education must contact the institution: re-registration required and neither
    /// completed nor exited, or a compliance flag education must check.
    public static func needsFollowUp(_ line: LedgerLine) -> Bool {
        if line.reregistrationRequired, line.reregistrationStatus == .notStarted || line.reregistrationStatus == .inProgress {
            return true
        }
        return line.flags.contains { educationFollowUpFlags.contains($0) }
    }

    /// The institutions a department's feed lists: `department == it`, never `out_of_scope`,
    /// sorted by institution id.
    public static func institutions(of department: Department, in lines: [LedgerLine]) -> [LedgerLine] {
        lines.filter { $0.department == department && $0.category != .outOfScope }
            .sorted { $0.institutionID < $1.institutionID }
    }

    /// The columns of a department's feed, in order.
    public static func fields(for department: Department) -> [FeedField] {
        var fields = commonFields
        if department == .education { fields += educationFields }
        return fields
    }

    /// Writes `departments/<department>.csv` and `.jsonl` for every department (an empty
    /// feed still has its header, so a department can tell "nothing" from "not sent").
    /// Returns the paths written.
    @discardableResult
    public static func write(_ report: BatchReport, into folder: URL) throws -> [URL] {
        let directory = folder.appendingPathComponent("departments", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        for department in Department.allCases {
            let fields = fields(for: department)
            let rows = institutions(of: department, in: report.lines).map { line in
                Row(line: line, contact: report.contacts[line.institutionID],
                    followUp: department == .education && needsFollowUp(line))
            }
            let csvURL = directory.appendingPathComponent("\(department.rawValue).csv")
            let jsonlURL = directory.appendingPathComponent("\(department.rawValue).jsonl")
            let csv = try CSVWriter(path: csvURL.path, header: fields.map(\.header), options: .excel)
            let jsonl = try BufferedFile(path: jsonlURL.path)
            for row in rows {
                let values = fields.map { $0.value(row) }
                try csv.write(values.map(\.csv))
                try jsonl.write(JSONText.object(zip(fields, values).map { ($0.key, $1.json) }) + "\n")
            }
            try csv.close()
            try jsonl.close()
            written += [csvURL, jsonlURL]
        }
        return written
    }

    // MARK: - Field lists

    static func field(
        _ key: String, _ header: String, personal: Bool = false,
        _ value: @escaping @Sendable (Row) -> (csv: String, json: String)
    ) -> FeedField {
        FeedField(key: key, header: header, isPersonal: personal, value: value)
    }

    static func text(_ key: String, _ header: String, _ read: @escaping @Sendable (LedgerLine) -> String?) -> FeedField {
        field(key, header) { row in
            let value = read(row.line)
            return (value ?? "", JSONText.optional(value))
        }
    }

    static func flag(_ key: String, _ header: String, _ read: @escaping @Sendable (LedgerLine) -> Bool) -> FeedField {
        field(key, header) { row in
            let value = read(row.line)
            return (value ? "是" : "否", JSONText.bool(value))
        }
    }

    static let commonFields: [FeedField] = [
        text("institution_id", "机构编号") { $0.institutionID.rawValue },
        text("name", "机构名称") { Masking.personalNumbers(in: $0.name) },
        text("credit_code", "统一社会信用代码") { $0.creditCode },
        field("former_credit_codes", "原统一社会信用代码") { row in
            (row.line.formerCreditCodes.joined(separator: "；"), JSONText.array(row.line.formerCreditCodes))
        },
        text("county_code", "旗县区代码") { $0.countyCode },
        text("county_name", "旗县区") { $0.countyName },
        field("category", "类别") { row in (row.line.category.chineseName, JSONText.string(row.line.category.rawValue)) },
        field("stages", "面向学段") { row in
            let stages = row.line.stages.sorted()
            return (stages.map(\.chineseName).joined(separator: "、"), JSONText.array(stages.map(\.rawValue)))
        },
        flag("reregistration_required", "是否需重新登记") { $0.reregistrationRequired },
        field("reregistration_status", "重新登记状态") { row in
            (row.line.reregistrationStatus.chineseName, JSONText.string(row.line.reregistrationStatus.rawValue))
        },
        text("completed_on", "登记为非营利性机构日期") { $0.completedOn?.iso },
        flag("overdue", "是否逾期") { $0.overdue },
        field("days_overdue", "逾期天数") { row in (String(row.line.daysOverdue), JSONText.int(row.line.daysOverdue)) },
        field("flags", "合规提示") { row in
            let flags = complianceFlags.filter { row.line.flags.contains($0) }
            return (flags.map(\.chineseName).joined(separator: "；"), JSONText.array(flags.map(\.rawValue)))
        },
    ]

    static let educationFields: [FeedField] = [
        field("follow_up", "需跟进") { row in (row.followUp ? "是" : "否", JSONText.bool(row.followUp)) },
        field("legal_representative", "法定代表人", personal: true) { row in
            let name = row.followUp ? row.contact?.legalRepresentative.map(Masking.personalNumbers(in:)) : nil
            return (name ?? "", JSONText.optional(name))
        },
        field("legal_representative_id_masked", "法定代表人身份证号（脱敏）", personal: true) { row in
            let masked = row.followUp ? Masking.idNumber(row.contact?.idNumber) : nil
            return (masked ?? "", JSONText.optional(masked))
        },
        field("phone_masked", "联系电话（脱敏）", personal: true) { row in
            let masked = row.followUp ? Masking.phone(row.contact?.phone) : nil
            return (masked ?? "", JSONText.optional(masked))
        },
    ]
}
