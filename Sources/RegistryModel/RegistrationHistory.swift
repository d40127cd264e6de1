/// What tracking remembers of one institution between monthly batches: every registration
/// its records have shown (each enterprise registration, each non-profit registration, each
/// civil-affairs application), with the dated facts seen about it.
///
/// Nothing is inferred from absence: a registration that no file of a month mentions keeps
/// what was last known of it, so a later batch can still compute the status when the
/// institution, or a whole registry, is missing from that month's files. Facts are kept
/// with their dates, and the status is computed as of a day, so that a fact dated after the
/// as-of date is remembered but not counted until its day has come.
///
/// Stored by the ledger as JSON: arrays only, in a fixed order, so that the same batches give
/// the same bytes.
public struct RegistrationHistory: Sendable, Hashable {
    /// The registrations, in the order first seen.
    public var registrations: [TrackedRegistration]
    /// `YYYY-MM` of the first and the latest batch with records of the institution.
    public var firstSeenBatch: String
    public var lastSeenBatch: String
    /// The as-of date of the first batch with records of the institution.
    public var firstSeenOn: Day

    public init(registrations: [TrackedRegistration], firstSeenBatch: String, lastSeenBatch: String, firstSeenOn: Day) {
        self.registrations = registrations
        self.firstSeenBatch = firstSeenBatch
        self.lastSeenBatch = lastSeenBatch
        self.firstSeenOn = firstSeenOn
    }

}

/// One registration of an institution in one registry: an enterprise or individual business
/// (市场监管), a 民办非企业单位 or other social organisation (民政), or an application the
/// civil-affairs bureau holds (受理, before the registration has a code).
public struct TrackedRegistration: Sendable, Hashable {
    public var registry: SourceKind
    /// The cleaned 统一社会信用代码, when a record showed one.
    public var creditCode: String?
    /// Whether `creditCode` passed the checks (a mistyped code is replaced by a valid one
    /// when a later record of the same name shows it).
    public var creditCodeValid: Bool
    /// 注册号, 登记证号 or 组织机构代码, for registrations keyed by those.
    public var otherNumber: String?
    /// The latest name seen and its folded key (for matching a record without a usable code).
    public var name: String?
    public var nameKey: String?
    /// The legal form from the type column (or the code's positions 1-2).
    public var form: OrganizationForm?
    /// 成立日期 / 成立登记日期 as the latest snapshot gave it.
    public var establishedOn: Day?
    /// Status words in date order; a word is recorded when it differs from the one before.
    public var sightings: [StatusSighting]
    /// Business from civil-affairs lists (成立登记, 受理, 变更登记, 注销登记 …), in date order.
    public var business: [BusinessEvent]
    public var firstSeenBatch: String
    public var lastSeenBatch: String

    public init(
        registry: SourceKind, creditCode: String?, creditCodeValid: Bool, otherNumber: String?, name: String?,
        nameKey: String?, form: OrganizationForm?, establishedOn: Day?, sightings: [StatusSighting],
        business: [BusinessEvent], firstSeenBatch: String, lastSeenBatch: String
    ) {
        self.registry = registry
        self.creditCode = creditCode
        self.creditCodeValid = creditCodeValid
        self.otherNumber = otherNumber
        self.name = name
        self.nameKey = nameKey
        self.form = form
        self.establishedOn = establishedOn
        self.sightings = sightings
        self.business = business
        self.firstSeenBatch = firstSeenBatch
        self.lastSeenBatch = lastSeenBatch
    }


    /// The role the registration plays in re-registration.
    public var role: RegistrationRole {
        switch registry {
        case .marketRegulation: return .forProfit
        case .civilAffairs:
            switch form {
            case .privateNonEnterprise?, nil: return .nonprofit
            case .enterprise?, .individualBusiness?, .farmersCooperative?, .socialGroup?, .foundation?, .publicInstitution?:
                return .otherCivil
            }
        }
    }

    /// Whether it is a registration rather than an application still pending: it carries a
    /// code, was seen 正常, or its 成立登记 was recorded.
    public var isRegistered: Bool {
        creditCode != nil
            || sightings.contains { $0.status == CivilStatus.normal.rawValue }
            || business.contains { $0.type == BusinessKind.establishment.rawValue }
    }

    /// How a clerk recognises it: `民办非企业单位 52150802… 临河区智远培训学校`.
    public var label: String {
        let what = switch role {
        case .forProfit: "营业执照"
        case .nonprofit: "民办非企业单位登记"
        case .otherCivil: "民政登记"
        }
        var parts = [what]
        if let creditCode { parts.append(creditCode) } else if let otherNumber { parts.append(otherNumber) }
        if let name { parts.append(name) }
        return parts.joined(separator: " ")
    }
}

/// What a registration is in the re-registration story.
public enum RegistrationRole: String, Sendable, Hashable, Codable {
    /// A market-regulation registration: the for-profit form that must re-register.
    case forProfit = "for_profit"
    /// A civil-affairs 民办非企业单位 (or a civil registration whose form no record named:
    /// the bureau's applications and business lists carry no type column).
    case nonprofit
    /// A 社会团体, 基金会 or other civil-affairs form: never a re-registration.
    case otherCivil = "other_civil"
}

/// A status word as one batch's record showed it.
public struct StatusSighting: Sendable, Hashable {
    /// The day the word describes: the batch's as-of date for a snapshot, the 办结日期 for a
    /// business-list row (the state once that business was done).
    public var on: Day
    /// `YYYY-MM` of the batch it was seen in.
    public var batch: String
    /// The word as the export wrote it (normalised text).
    public var word: String
    /// The canonical status (`MarketStatus` / `CivilStatus` raw value); nil when the word is
    /// not in the registry's vocabulary.
    public var status: String?

    public init(on: Day, batch: String, word: String, status: String?) {
        self.on = on
        self.batch = batch
        self.word = word
        self.status = status
    }
}

/// One row of a civil-affairs business list.
public struct BusinessEvent: Sendable, Hashable {
    /// `establishment`, `accepted`, `change`, `cancellation`, or `unknown`.
    public var type: String
    /// 业务类型 as written.
    public var word: String
    /// 办结日期, when readable.
    public var completedOn: Day?
    /// The as-of date of the batch it was seen in (dates an event whose 办结日期 is unreadable).
    public var seenOn: Day
    public var batch: String

    public init(type: String, word: String, completedOn: Day?, seenOn: Day, batch: String) {
        self.type = type
        self.word = word
        self.completedOn = completedOn
        self.seenOn = seenOn
        self.batch = batch
    }


    /// The day it counts from.
    public var day: Day { completedOn ?? seenOn }
}

extension RegistrationHistory {
    /// The history of two institutions found to be one: every registration of both, seen
    /// from the earlier first sight to the later last one.
    public func merged(with other: RegistrationHistory) -> RegistrationHistory {
        var merged = self
        for registration in other.registrations where !merged.registrations.contains(registration) {
            merged.registrations.append(registration)
        }
        if other.firstSeenBatch < firstSeenBatch {
            merged.firstSeenBatch = other.firstSeenBatch
            merged.firstSeenOn = other.firstSeenOn
        }
        merged.lastSeenBatch = max(lastSeenBatch, other.lastSeenBatch)
        return merged
    }
}

/// 业务类型 as tracking stores it.
public enum BusinessKind: String, Sendable {
    case establishment, accepted, change, cancellation, unknown

    public init(_ type: BusinessType) {
        switch type {
        case .establishment: self = .establishment
        case .accepted: self = .accepted
        case .change: self = .change
        case .cancellation: self = .cancellation
        case .unknown: self = .unknown
        }
    }

    public var chinese: String {
        switch self {
        case .establishment: "成立登记"
        case .accepted: "受理"
        case .change: "变更登记"
        case .cancellation: "注销登记"
        case .unknown: "未知业务"
        }
    }
}
