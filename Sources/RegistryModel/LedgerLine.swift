/// Re-registration status, in the contract's words.
public enum ReregistrationStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case notRequired = "not_required"
    case alreadyNonprofit = "already_nonprofit"
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case completed
    case exited

    public var chineseName: String {
        switch self {
        case .notRequired: "无需重新登记"
        case .alreadyNonprofit: "原已为民办非企业单位"
        case .notStarted: "未启动"
        case .inProgress: "办理中"
        case .completed: "已完成"
        case .exited: "已退出学科类培训"
        }
    }
}

/// One institution as a batch leaves it: one line of `ledger.jsonl`, with the contract's
/// keys and meanings (contract.md). Carries no personal data.
public struct LedgerLine: Sendable, Hashable, Codable {
    public var institutionID: InstitutionID
    public var name: String
    public var creditCode: String?
    public var formerCreditCodes: [String]
    public var countyCode: String?
    public var countyName: String?
    public var category: Category
    public var department: Department?
    public var stages: [Stage]
    public var reregistrationRequired: Bool
    public var reregistrationStatus: ReregistrationStatus
    public var completedOn: Day?
    public var overdue: Bool
    public var daysOverdue: Int
    public var flags: [InstitutionFlag]
    /// `YYYY-MM`.
    public var firstSeenBatch: String
    public var lastSeenBatch: String
    public var sourceRecordCount: Int

    public init(
        institutionID: InstitutionID, name: String, creditCode: String?, formerCreditCodes: [String],
        countyCode: String?, countyName: String?, category: Category, department: Department?, stages: [Stage],
        reregistrationRequired: Bool, reregistrationStatus: ReregistrationStatus, completedOn: Day?,
        overdue: Bool, daysOverdue: Int, flags: [InstitutionFlag], firstSeenBatch: String, lastSeenBatch: String,
        sourceRecordCount: Int
    ) {
        self.institutionID = institutionID
        self.name = name
        self.creditCode = creditCode
        self.formerCreditCodes = formerCreditCodes
        self.countyCode = countyCode
        self.countyName = countyName
        self.category = category
        self.department = department
        self.stages = stages
        self.reregistrationRequired = reregistrationRequired
        self.reregistrationStatus = reregistrationStatus
        self.completedOn = completedOn
        self.overdue = overdue
        self.daysOverdue = daysOverdue
        self.flags = flags
        self.firstSeenBatch = firstSeenBatch
        self.lastSeenBatch = lastSeenBatch
        self.sourceRecordCount = sourceRecordCount
    }

    enum CodingKeys: String, CodingKey {
        case institutionID = "institution_id"
        case name
        case creditCode = "credit_code"
        case formerCreditCodes = "former_credit_codes"
        case countyCode = "county_code"
        case countyName = "county_name"
        case category
        case department
        case stages
        case reregistrationRequired = "reregistration_required"
        case reregistrationStatus = "reregistration_status"
        case completedOn = "completed_on"
        case overdue
        case daysOverdue = "days_overdue"
        case flags
        case firstSeenBatch = "first_seen_batch"
        case lastSeenBatch = "last_seen_batch"
        case sourceRecordCount = "source_record_count"
    }
}

/// Counts of required institutions, for `summary.json` (overall and per county).
public struct ProgressCounts: Sendable, Hashable, Codable {
    public var required = 0
    public var completed = 0
    public var exited = 0
    public var inProgress = 0
    public var notStarted = 0
    public var overdue = 0

    public init() {}

    /// (completed + exited) / required; 0 when nothing is required.
    public var completionRate: Double {
        required == 0 ? 0 : Double(completed + exited) / Double(required)
    }

    /// Counts the line if it is required.
    public mutating func count(_ line: LedgerLine) {
        guard line.reregistrationRequired else { return }
        required += 1
        switch line.reregistrationStatus {
        case .completed: completed += 1
        case .exited: exited += 1
        case .inProgress: inProgress += 1
        case .notStarted: notStarted += 1
        case .notRequired, .alreadyNonprofit: break
        }
        if line.overdue { overdue += 1 }
    }
}

/// The progress counts `summary.json`, the report and the trend share, taken line by line: the
/// month's write counts its lines as they are made, without keeping them.
public struct Summary: Sendable {
    public private(set) var overall = ProgressCounts()
    public private(set) var byCounty: [String: ProgressCounts] = [:]
    /// Every line counted, required or not.
    public private(set) var institutions = 0

    public init() {}

    public init(_ lines: [LedgerLine]) {
        for line in lines { count(line) }
    }

    public mutating func count(_ line: LedgerLine) {
        institutions += 1
        guard line.reregistrationRequired else { return }
        overall.count(line)
        byCounty[line.countyCode ?? "unknown", default: ProgressCounts()].count(line)
    }
}
