import RegistryModel

/// A clerk's decision, as stored.
public struct DecisionRow: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case same, different, category
    }

    public var id: Int64?
    public var kind: Kind
    public var institution: InstitutionID
    public var other: InstitutionID?
    public var category: Category?
    public var note: String
    public var revoked: Bool

    public init(id: Int64? = nil, kind: Kind, institution: InstitutionID, other: InstitutionID? = nil,
                category: Category? = nil, note: String = "", revoked: Bool = false) {
        self.id = id
        self.kind = kind
        self.institution = institution
        self.other = other
        self.category = category
        self.note = note
        self.revoked = revoked
    }
}

/// Everything one batch adds to the ledger, written in one transaction.
public struct BatchWrite: Sendable {
    public var batch: BatchRow
    public var files: [FileRow] = []
    /// Ids minted this month, with their sequence numbers.
    public var newInstitutions: [InstitutionID] = []
    /// The pipeline's state of each institution the month touched (opaque JSON).
    public var states = StateRows(ids: []) { _ in [] }
    public var records: [RecordRow] = []
    public var rejects: [Reject] = []
    public var lines: [LineRow] = []
    public var statusChanges: [StatusChangeRow] = []
    public var reviews: [ReviewItem] = []
    public var merges: [MergeRow] = []
    /// The sequence number the next new id gets.
    public var nextSequence: Int

    public init(batch: BatchRow, nextSequence: Int) {
        self.batch = batch
        self.nextSequence = nextSequence
    }
}

/// The states of the institutions a month touched, encoded a chunk at a time while the
/// previous chunk is written: a million-record month's states are 0.7 GB of JSON, never
/// needed all at once.
public struct StateRows: Sendable {
    public let ids: [InstitutionID]
    /// The JSON of each given id, in the given order.
    public let encode: @Sendable (ArraySlice<InstitutionID>) -> [String]

    public init(ids: [InstitutionID], encode: @escaping @Sendable (ArraySlice<InstitutionID>) -> [String]) {
        self.ids = ids
        self.encode = encode
    }

    /// Ids with their JSON already at hand.
    public init(_ encoded: [(InstitutionID, String)]) {
        let json = Dictionary(encoded, uniquingKeysWith: { _, last in last })
        self.init(ids: encoded.map(\.0)) { ids in ids.map { json[$0]! } }
    }
}
