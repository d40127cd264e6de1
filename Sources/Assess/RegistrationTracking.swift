import RegistryModel

/// What Assess asks of Tracking's reading of a registration history. Tracking's `Tracker`
/// answers it; Pipeline hands one over, so that no stage imports another.
public protocol RegistrationTracking: Sendable {
    /// Whether an institution of this category, with this history, must re-register, and why.
    func decideRequirement(category: Category, history: RegistrationHistory) -> RequirementDecision
    /// Its status as of a day.
    func status(of history: RegistrationHistory, requirement: Requirement, currentCategory: Category, asOf: Day) -> TrackedStatus
}
