/// An institution's re-registration status as of a batch date.
public struct TrackedStatus: Sendable, Hashable, Codable {
    public let status: ReregistrationStatus
    /// The non-profit registration's date (成立登记日期, or the 办结日期 of its 成立登记
    /// business); only for `completed`, and nil when no record gave a readable date.
    public let completedOn: Day?
    /// Required, not completed or exited, and the as-of date is past the deadline.
    public let overdue: Bool
    /// Days from the deadline to the as-of date when overdue, else 0.
    public let daysOverdue: Int
    /// Completed, but an old for-profit registration still exists in the latest
    /// market-regulation state (存续, 在业, 开业 …, also 停业 and 清算, which end nothing).
    public let formerRegistrationActive: Bool
    /// One Chinese sentence for the clerk: the rule that decided and the facts behind it.
    public let reason: String

    public init(status: ReregistrationStatus, completedOn: Day?, overdue: Bool, daysOverdue: Int, formerRegistrationActive: Bool, reason: String) {
        self.status = status
        self.completedOn = completedOn
        self.overdue = overdue
        self.daysOverdue = daysOverdue
        self.formerRegistrationActive = formerRegistrationActive
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case status
        case completedOn = "completed_on"
        case overdue
        case daysOverdue = "days_overdue"
        case formerRegistrationActive = "former_registration_active"
        case reason
    }

    /// The institution flags tracking decides.
    public var flags: Set<InstitutionFlag> { formerRegistrationActive ? [.formerRegistrationActive] : [] }
}
