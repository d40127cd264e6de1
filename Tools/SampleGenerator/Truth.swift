import RegistryModel

/// What the pipeline should conclude about an institution as of a day, by contract.md's rules.
struct InstitutionTruth {
    let id: String
    let name: String
    let creditCode: String
    let formerCreditCodes: [String]
    let countyCode: String
    let category: String
    let department: String
    let stages: [Stage]
    let required: Bool
    let status: String
    let completedOn: String
    let overdue: Bool
    let daysOverdue: Int
    let flags: [String]
    let hardCases: [HardCase]

    static let header = "truth_id,name,credit_code,former_credit_codes,county_code,category,department,stages,reregistration_required,reregistration_status,completed_on,overdue,days_overdue,flags,hard_cases"

    var csvLine: String {
        [id, name, creditCode, formerCreditCodes.joined(separator: "|"), countyCode, category, department,
         stages.map(\.rawValue).joined(separator: "|"), String(required), status, completedOn, String(overdue),
         String(daysOverdue), flags.joined(separator: "|"), hardCases.map(\.rawValue).joined(separator: "|")]
            .map(CSVText.quoted).joined(separator: ",")
    }

    /// `invalidCode`: one of the institution's accepted records this month carries a code that fails the checks.
    init(_ institution: Institution, asOf day: Day, invalidCode: Bool) {
        id = institution.id
        let nonprofit = institution.nonprofit.flatMap { $0.established <= day ? $0 : nil }
        let enterprise = institution.enterprise.flatMap { $0.established <= day ? $0 : nil }
        name = nonprofit?.name ?? enterprise?.name ?? institution.nonprofit?.name ?? ""
        creditCode = nonprofit?.code ?? enterprise?.code ?? ""
        formerCreditCodes = nonprofit != nil && enterprise != nil ? [enterprise!.code] : []
        countyCode = institution.county.code

        let change = institution.scopeChange.flatMap { $0.day <= day ? $0 : nil }
        let kind = change?.kind ?? institution.kind
        // A school for adults (drivers, special operations) is a training institution:
        // non-subject vocational training, for 人社 (labelling-guide.md).
        let adultSchool = kind == .outOfScope && Scopes.adultSchoolItems.contains { institution.enterprise?.scope.hasPrefix($0) == true }
        category = adultSchool ? "non_subject" : kind.category
        department = adultSchool ? "human_resources" : kind.department ?? ""
        stages = (change?.stages ?? institution.stages).sorted()

        // Fixed by what it was at policy start (or when first seen): a subject or mixed for-profit.
        required = institution.kind.isSubjectOrMixed && institution.kind != .alreadyNonprofit && institution.enterprise != nil
        if required {
            let endedEnterprise = institution.enterprise?.end.map { $0.day <= day } ?? false
            let cancelled = institution.nonprofit?.cancelled.map { $0 <= day } ?? false
            if let nonprofit, !cancelled {
                status = "completed"
                completedOn = nonprofit.established.iso
            } else if endedEnterprise || change != nil || cancelled {
                status = "exited"
                completedOn = ""
            } else if let applied = institution.nonprofit?.applied, applied <= day {
                status = "in_progress"
                completedOn = ""
            } else {
                status = "not_started"
                completedOn = ""
            }
        } else {
            status = institution.kind == .alreadyNonprofit ? "already_nonprofit" : "not_required"
            completedOn = ""
        }
        overdue = required && (status == "in_progress" || status == "not_started") && day > Policy.deadline
        daysOverdue = overdue ? Policy.deadline.days(to: day) : 0

        var flags: [String] = []
        let subjectNow = category == "subject" || category == "mixed"
        if status == "completed", let enterprise = institution.enterprise, enterprise.isActive(on: day) {
            flags.append("former_registration_active")
        }
        if kind == .disguised { flags.append("disguised_subject_risk") }
        if subjectNow && stages.contains(.preschool) { flags.append("preschool_subject") }
        if subjectNow && institution.hasForeignCapital { flags.append("foreign_capital") }
        if subjectNow && institution.isListed { flags.append("listed_company") }
        if subjectNow && institution.firstDay > Policy.start { flags.append("new_after_policy") }
        if institution.countyConflict { flags.append("county_conflict") }
        if invalidCode { flags.append("invalid_credit_code") }
        self.flags = flags.sorted()
        // The re-registration cases show only once the new registration's records can.
        let applied = (institution.nonprofit?.applied ?? institution.nonprofit?.established).map { $0 <= day } ?? false
        hardCases = institution.hardCases
            .filter { applied || ($0 != .reregWithoutFormerCode && $0 != .nameChangedBeyondAffixes) }
            .sorted()
    }
}

/// One input record and what should become of it.
struct RecordTruth: Comparable {
    let sourceFile: String
    let ordinal: Int
    let truthID: String
    /// A `RejectReason.code`, or nil when the record should be accepted.
    let rejectCode: String?

    static let header = "source_file,record_ref,truth_id,expected,reject_code"

    var csvLine: String {
        [sourceFile, String(ordinal), truthID, rejectCode == nil ? "accepted" : "rejected", rejectCode ?? ""]
            .map(CSVText.quoted).joined(separator: ",")
    }

    static func < (a: RecordTruth, b: RecordTruth) -> Bool { (a.sourceFile, a.ordinal) < (b.sourceFile, b.ordinal) }
}

/// Collects a month's record truths and the institutions whose accepted records carried an invalid code.
final class TruthLog {
    private(set) var records: [RecordTruth] = []
    private(set) var invalidCodeIDs = Set<String>()

    func record(file: String, ordinal: Int, truthID: String, rejectCode: String?, invalidCode: Bool) {
        records.append(RecordTruth(sourceFile: file, ordinal: ordinal, truthID: truthID, rejectCode: rejectCode))
        if invalidCode && rejectCode == nil { invalidCodeIDs.insert(truthID) }
    }
}

enum CSVText {
    /// RFC 4180 quoting, only where needed.
    static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
