import RegistryModel

/// Where a registration stands, as one status word or one piece of business says. The
/// contract's precedence (completed, exited, in_progress, not_started) is decided from the
/// phases of an institution's registrations; this file is where every status word of
/// `domain.md` gets its phase.
public enum RegistrationPhase: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Civil affairs holds an application (受理中, 审查中; business 受理): counts as `in_progress`.
    case applied
    /// The registration exists and goes on (存续, 在业, 开业, 在营, 在册 …; 正常; business 成立登记).
    /// A non-profit registration in this phase makes a required institution `completed`.
    case registered
    /// Shown as paused, but the registration goes on (停业, 清算): ends nothing.
    case paused
    /// The registration has ended (注销, 吊销, 吊销，未注销, 撤销, 迁出; business 注销登记):
    /// `exited` when every for-profit registration has ended or a non-profit one was cancelled.
    case ended

    /// Later phases win when two facts carry the same day.
    public static func < (a: RegistrationPhase, b: RegistrationPhase) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Whether the registration still exists in this phase (an application is not yet one).
    public var isLive: Bool { self == .registered || self == .paused }

    /// The phase a canonical status word means in its registry; nil for a word outside the
    /// vocabulary (which keeps the last known phase).
    public static func of(status: String, registry: SourceKind) -> RegistrationPhase? {
        switch registry {
        case .marketRegulation:
            guard let status = MarketStatus(rawValue: status) else { return nil }
            return of(status)
        case .civilAffairs:
            guard let status = CivilStatus(rawValue: status) else { return nil }
            return of(status)
        }
    }

    public static func of(_ status: MarketStatus) -> RegistrationPhase {
        switch status {
        case .active: .registered
        case .suspended, .liquidating: .paused
        case .revoked, .cancelled, .movedOut, .annulled: .ended
        }
    }

    public static func of(_ status: CivilStatus) -> RegistrationPhase {
        switch status {
        case .normal: .registered
        case .applicationAccepted, .underReview: .applied
        case .cancelled, .annulled: .ended
        }
    }

    /// The phase a business-list row means; nil for 变更登记 (a charter amendment changes no
    /// phase) and for unknown types.
    public static func of(business type: String) -> RegistrationPhase? {
        switch type {
        case BusinessKind.establishment.rawValue: .registered
        case BusinessKind.accepted.rawValue: .applied
        case BusinessKind.cancellation.rawValue: .ended
        default: nil
        }
    }

    var chinese: String {
        switch self {
        case .applied: "申请办理中"
        case .registered: "登记有效"
        case .paused: "停业或清算（登记仍存续）"
        case .ended: "登记已终止"
        }
    }
}

extension RegistrationStatus {
    /// The canonical raw value, or nil for a word outside the vocabulary.
    var canonical: String? {
        switch self {
        case .market(let status): status.rawValue
        case .civil(let status): status.rawValue
        case .unknown: nil
        }
    }
}
