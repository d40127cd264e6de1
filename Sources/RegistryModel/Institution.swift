/// An institution's id in the ledger: stable for life, never reused (`BYN-00000123`).
public struct InstitutionID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: String
    /// Read once here: ids are sorted and compared by it millions of times a batch. 32 bits,
    /// so that an id takes 24 bytes, not 32: a month holds one per record and several per
    /// institution (a sequence past 32 bits is read as none, and its id ordered by its text).
    private let storedSequence: Int32?

    public init(rawValue: String) {
        self.rawValue = rawValue
        storedSequence = rawValue.hasPrefix("BYN-") ? Int32(rawValue.dropFirst(4)) : nil
    }

    /// The id for a sequence number; ids are minted in order and never handed out twice.
    public init(sequence: Int) {
        let digits = String(sequence)
        rawValue = "BYN-" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
        storedSequence = Int32(exactly: sequence)
    }

    /// The sequence number behind the id, or nil for an id not minted by `init(sequence:)`.
    public var sequence: Int? { storedSequence.map(Int.init) }

    public var description: String { rawValue }

    // Equal ids have equal text; the sequence is derived from it, and hashed in its place:
    // ids key the linkage's and the month's largest dictionaries, and a String hashes slowly.
    public static func == (a: InstitutionID, b: InstitutionID) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) {
        if let sequence { hasher.combine(sequence) } else { hasher.combine(rawValue) }
    }

    // Codable as the bare string, as the contract's files show it.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// By sequence number, so that ordering stays numeric past the padding.
    public static func < (a: InstitutionID, b: InstitutionID) -> Bool {
        switch (a.storedSequence, b.storedSequence) {
        // Equal numbers in different spellings (`BYN-1`, `BYN-00000001`) are different ids:
        // their text orders them, so that `<` never leaves two unequal ids unordered.
        case let (x?, y?): x != y ? x < y : a.rawValue < b.rawValue
        default: a.rawValue < b.rawValue
        }
    }
}

/// The rule or evidence that placed a record in its institution (`link_rule` in crosswalk.csv).
public enum LinkRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// The record's credit code is one of the institution's.
    case creditCode = "credit_code"
    /// The record's former code (原统一社会信用代码) is one of the institution's codes, or
    /// the record's code is a former code the institution's records name.
    case formerCreditCode = "former_credit_code"
    /// 注册号, 登记证号 or 组织机构代码.
    case registrationNumber = "registration_number"
    /// The same full name in the same county.
    case nameCounty = "name_county"
    /// Weighted evidence from brand, county, legal representative, address and dates.
    case fuzzy
    /// A clerk's decision.
    case reviewDecision = "review_decision"
    /// The first record of a new institution.
    case new
}

/// A clerk's answer to a review item, keyed by institution ids (never by record).
public enum LinkDecision: Sendable, Hashable, Codable {
    /// The two are one institution: `retired` is merged into `survivor`.
    case same(InstitutionID, InstitutionID)
    /// The two are different institutions: never link them by weighted evidence.
    case different(InstitutionID, InstitutionID)
}
