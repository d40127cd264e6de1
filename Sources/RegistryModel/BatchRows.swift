/// One recorded month.
public struct BatchRow: Sendable, Hashable {
    public var month: String
    public var asOf: Day
    public var deadline: Day
    public var inputDigest: String
    public var toolVersion: String
    public var records: Int
    public var accepted: Int
    public var rejected: Int
    public var warnings: [String]
    /// `summary.json` exactly as written.
    public var summary: String

    public init(month: String, asOf: Day, deadline: Day, inputDigest: String, toolVersion: String, records: Int,
                accepted: Int, rejected: Int, warnings: [String], summary: String) {
        self.month = month
        self.asOf = asOf
        self.deadline = deadline
        self.inputDigest = inputDigest
        self.toolVersion = toolVersion
        self.records = records
        self.accepted = accepted
        self.rejected = rejected
        self.warnings = warnings
        self.summary = summary
    }
}

/// One input file of a month.
public struct FileRow: Sendable, Hashable {
    public var source: SourceFile
    public var sha256: String
    public var bytes: Int
    public var records: Int
    public var accepted: Int
    public var rejected: Int

    public init(source: SourceFile, sha256: String, bytes: Int, records: Int, accepted: Int, rejected: Int) {
        self.source = source
        self.sha256 = sha256
        self.bytes = bytes
        self.records = records
        self.accepted = accepted
        self.rejected = rejected
    }
}

/// One accepted input record and where linkage placed it.
public struct RecordRow: Sendable, Hashable {
    public var ref: RecordRef
    public var kind: SourceKind
    public var institution: InstitutionID
    public var rule: LinkRule
    public var score: Double
    public var evidence: String
    /// The values as exported, as the ledger keeps them: `FieldValues.json`, personal data
    /// included.
    public var fieldsJSON: String

    /// The values as exported, by field.
    public var fields: FieldValues { FieldValues(json: fieldsJSON) }

    public init(ref: RecordRef, kind: SourceKind, institution: InstitutionID, rule: LinkRule, score: Double,
                evidence: String, fieldsJSON: String) {
        self.ref = ref
        self.kind = kind
        self.institution = institution
        self.rule = rule
        self.score = score
        self.evidence = evidence
        self.fieldsJSON = fieldsJSON
    }
}

/// One institution's ledger.jsonl line after a month, with what explains it.
public struct LineRow: Sendable, Hashable {
    public var line: LedgerLine
    /// The classification's evidence and the status reason, for `rereg show` and review.
    public var evidence: String

    public init(line: LedgerLine, evidence: String) {
        self.line = line
        self.evidence = evidence
    }
}

public struct StatusChangeRow: Sendable, Hashable {
    public var institution: InstitutionID
    public var from: ReregistrationStatus?
    public var to: ReregistrationStatus
    public var reason: String

    public init(institution: InstitutionID, from: ReregistrationStatus?, to: ReregistrationStatus, reason: String) {
        self.institution = institution
        self.from = from
        self.to = to
        self.reason = reason
    }
}

/// Something a person must judge (a row of review.csv): an uncertain link, an undetermined
/// category, a risk flag.
public struct ReviewItem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Are these records / institutions the same one?
        case link
        /// What category is this institution?
        case category
        /// A risk flag a person must confirm.
        case flag

        public var chineseName: String {
            switch self {
            case .link: "记录归并"
            case .category: "类别认定"
            case .flag: "风险核实"
            }
        }
    }

    public var kind: Kind
    public var institutionIDs: [InstitutionID]
    /// One sentence in Chinese: what must be decided.
    public var summary: String
    /// The evidence, as text a clerk can check against the records.
    public var evidence: String

    public init(kind: Kind, institutionIDs: [InstitutionID], summary: String, evidence: String) {
        self.kind = kind
        self.institutionIDs = institutionIDs
        self.summary = summary
        self.evidence = evidence
    }
}

/// A review item about one institution whose evidence is that institution's line evidence
/// (a risk flag to confirm): the ledger copies the evidence from the month's line.
public struct LineReview: Sendable, Hashable {
    public var kind: ReviewItem.Kind
    public var institution: InstitutionID
    public var summary: String

    public init(kind: ReviewItem.Kind, institution: InstitutionID, summary: String) {
        self.kind = kind
        self.institution = institution
        self.summary = summary
    }
}

public struct MergeRow: Sendable, Hashable {
    public var retired: InstitutionID
    public var survivor: InstitutionID
    public var rule: LinkRule
    public var evidence: String

    public init(retired: InstitutionID, survivor: InstitutionID, rule: LinkRule, evidence: String) {
        self.retired = retired
        self.survivor = survivor
        self.rule = rule
        self.evidence = evidence
    }
}

