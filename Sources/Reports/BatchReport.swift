import RegistryModel

/// Everything the files for people and departments are rendered from: one recorded batch,
/// as the ledger holds it. The renderers read nothing else (no clock, no environment), so
/// re-rendering a batch from the ledger gives byte-identical files.
public struct BatchReport: Sendable {
    /// The date the batch describes.
    public var asOf: Day
    /// The re-registration deadline (2021-12-31 unless configured otherwise).
    public var deadline: Day
    /// `YYYY-MM` of this batch.
    public var batchMonth: String
    /// `YYYY-MM` of the previous recorded batch, nil for the first batch.
    public var previousBatchMonth: String?

    /// Every institution the ledger knows after this batch.
    public var lines: [LedgerLine]
    /// Every institution the ledger knew after the previous batch (empty for the first).
    public var previousLines: [LedgerLine]

    /// The counts of `summary.json`: the report shows exactly these numbers.
    public var summary: ProgressCounts
    /// Per county: key = 6-digit county code, or `unknown`.
    public var summaryByCounty: [String: ProgressCounts]
    /// Every recorded batch up to and including this one, oldest first.
    public var trend: [TrendPoint]

    /// What needs a person's judgment (`review.csv`).
    public var reviewItems: [ReviewItem]
    /// This batch's rejected records, grouped by reason code.
    public var rejectGroups: [RejectGroup]
    /// This batch's rejected records one by one, for the workbook's 拒绝记录 sheet.
    public var rejectRows: [RejectRow]
    /// One line per input file.
    public var files: [FileQuality]
    /// Exact duplicate records merged into their twin.
    public var duplicatesMerged: Int
    /// Institution ids retired this batch into the one evidence showed they are (a former
    /// code, a clerk's decision): why the counts may jump.
    public var merges: [MergeRow]
    /// Records whose credit code failed the checks.
    public var invalidCodes: Int
    /// Set when the month lacks one of the two registries (contract: a loud warning).
    public var missingRegistryWarning: String?

    /// Personal data from the SQLite ledger, for the department feeds only.
    public var contacts: [InstitutionID: Contact]

    public init(
        asOf: Day, deadline: Day, batchMonth: String, previousBatchMonth: String?,
        lines: [LedgerLine], previousLines: [LedgerLine],
        summary: ProgressCounts, summaryByCounty: [String: ProgressCounts], trend: [TrendPoint],
        reviewItems: [ReviewItem] = [], rejectGroups: [RejectGroup] = [], rejectRows: [RejectRow] = [],
        files: [FileQuality] = [], duplicatesMerged: Int = 0, merges: [MergeRow] = [], invalidCodes: Int = 0,
        missingRegistryWarning: String? = nil, contacts: [InstitutionID: Contact] = [:]
    ) {
        self.asOf = asOf
        self.deadline = deadline
        self.batchMonth = batchMonth
        self.previousBatchMonth = previousBatchMonth
        self.lines = lines
        self.previousLines = previousLines
        self.summary = summary
        self.summaryByCounty = summaryByCounty
        self.trend = trend
        self.reviewItems = reviewItems
        self.rejectGroups = rejectGroups
        self.rejectRows = rejectRows
        self.files = files
        self.duplicatesMerged = duplicatesMerged
        self.merges = merges
        self.invalidCodes = invalidCodes
        self.missingRegistryWarning = missingRegistryWarning
        self.contacts = contacts
    }
}

/// One recorded batch's overall counts, for the month-by-month trend.
public struct TrendPoint: Sendable, Hashable {
    /// `YYYY-MM`.
    public var month: String
    public var asOf: Day
    public var counts: ProgressCounts

    public init(month: String, asOf: Day, counts: ProgressCounts) {
        self.month = month
        self.asOf = asOf
        self.counts = counts
    }
}

/// The rejected records of one reason code.
public struct RejectGroup: Sendable, Hashable {
    /// The English code (`footer_row`, `mojibake` …).
    public var code: String
    /// The Chinese reason a clerk reads (one example's message).
    public var reason: String
    public var count: Int
    /// A few of them, `file#ordinal`.
    public var examples: [RecordRef]

    public init(code: String, reason: String, count: Int, examples: [RecordRef]) {
        self.code = code
        self.reason = reason
        self.count = count
        self.examples = examples
    }
}

/// One rejected record, as `rejects.csv` lists it.
public struct RejectRow: Sendable, Hashable {
    public var file: String
    public var ordinal: Int
    public var reason: String

    public init(file: String, ordinal: Int, reason: String) {
        self.file = file
        self.ordinal = ordinal
        self.reason = reason
    }
}

/// What one input file was and what became of its records.
public struct FileQuality: Sendable, Hashable {
    public var name: String
    public var registry: SourceKind
    public var format: FileFormat
    public var encoding: TextEncoding
    public var records: Int
    public var accepted: Int
    public var rejected: Int

    public init(
        name: String, registry: SourceKind, format: FileFormat, encoding: TextEncoding, records: Int, accepted: Int,
        rejected: Int
    ) {
        self.name = name
        self.registry = registry
        self.format = format
        self.encoding = encoding
        self.records = records
        self.accepted = accepted
        self.rejected = rejected
    }
}

/// Personal data of an institution's legal representative, as the SQLite ledger keeps it
/// for linking. Only the department feeds read it, and only masked (see README.md).
public struct Contact: Sendable, Hashable {
    /// 法定代表人 (name).
    public var legalRepresentative: String?
    /// 法定代表人身份证号 (18 characters).
    public var idNumber: String?
    /// 联系电话.
    public var phone: String?

    public init(legalRepresentative: String?, idNumber: String?, phone: String?) {
        self.legalRepresentative = legalRepresentative
        self.idNumber = idNumber
        self.phone = phone
    }
}

extension BatchReport {
    /// Days from the as-of date to the deadline: positive = days left, negative = overdue.
    public var daysToDeadline: Int { asOf.days(to: deadline) }

    /// The counts of the previous batch: its trend point, else counted from `previousLines`.
    public var previousSummary: ProgressCounts? {
        guard let previousBatchMonth else { return nil }
        if let point = trend.last(where: { $0.month == previousBatchMonth }) { return point.counts }
        var counts = ProgressCounts()
        for line in previousLines { counts.count(line) }
        return counts
    }

    /// The county keys to show, in code order, `unknown` last; every county always.
    var countyKeys: [String] {
        var keys = County.allCases.map(\.code)
        for key in summaryByCounty.keys.sorted() where !keys.contains(key) { keys.append(key) }
        return keys
    }

    static func countyName(forKey key: String) -> String {
        if let county = County(rawValue: key) { return county.name }
        return key == "unknown" ? "未能确定旗县区" : key
    }
}
