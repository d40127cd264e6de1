/// Whether an institution must re-register, fixed by what it was when the policy took
/// effect (or when first seen, if later). The raw values are the contract's words for the
/// statuses of the institutions that need not re-register.
public enum Requirement: String, Sendable, Hashable, Codable, CaseIterable {
    /// A subject or mixed institution (pre-school-only and high-school-only included) that
    /// was not a 民办非企业单位: `reregistration_required` is true.
    case required
    /// Subject or mixed, and already a 民办非企业单位 at policy start: amends its charter only.
    case alreadyNonprofit = "already_nonprofit"
    /// Everything else: non-subject, undetermined, out of scope, or subject training that
    /// first appeared after the policy already as a 民办非企业单位.
    case notRequired = "not_required"

    public var isRequired: Bool { self == .required }

    public var chineseName: String {
        switch self {
        case .required: "须重新登记"
        case .alreadyNonprofit: "原已为民办非企业单位"
        case .notRequired: "无需重新登记"
        }
    }
}

/// A requirement with the sentence that explains it to a clerk.
public struct RequirementDecision: Sendable, Hashable {
    public let requirement: Requirement
    /// The day the decision looks at: the policy start, or the institution's first
    /// registration or application when that is later.
    public let referenceDay: Day
    public let reason: String

    public init(requirement: Requirement, referenceDay: Day, reason: String) {
        self.requirement = requirement
        self.referenceDay = referenceDay
        self.reason = reason
    }
}
