import RegistryModel

/// The rule that decides `Requirement` from a category and a registration history.
extension Tracker {
    /// Whether the institution must re-register (see `decideRequirement` for the reasoning).
    public func requirement(category: Category, history: RegistrationHistory) -> Requirement {
        decideRequirement(category: category, history: history).requirement
    }

    /// Decides the requirement from the category (as Classify or a clerk decided it) and the
    /// registrations: a subject or mixed institution is required unless a live 民办非企业单位
    /// registration existed on the reference day, which is the policy start or, for an
    /// institution whose first registration or application is later, that day.
    public func decideRequirement(category: Category, history: RegistrationHistory) -> RequirementDecision {
        guard category.isSubjectOrMixed else {
            return RequirementDecision(
                requirement: .notRequired, referenceDay: policyStart,
                reason: "类别为“\(category.chineseName)”，不属于须重新登记的学科类培训机构。")
        }
        let registrations = history.registrations
        let forProfit = registrations.filter { $0.role == .forProfit }
        let nonprofits = registrations.filter { $0.role == .nonprofit }

        // When it first existed: unknown (so: before the policy) if a for-profit registration
        // has no readable date.
        var firstDay: Day? = nil
        if !forProfit.contains(where: { $0.establishedOn == nil }) {
            let days = forProfit.compactMap(\.establishedOn) + nonprofits.compactMap(Self.firstDay(of:))
            firstDay = days.min()
        }
        let reference = max(policyStart, firstDay ?? policyStart)

        for registration in nonprofits {
            let start = Self.registrationDay(of: registration)
            if start == nil && forProfit.isEmpty && registration.sightings.contains(where: { $0.status == CivilStatus.normal.rawValue }) {
                return RequirementDecision(
                    requirement: .alreadyNonprofit, referenceDay: reference,
                    reason: "仅见民办非企业单位登记（\(registration.label)），成立登记日期不详，按政策实施前已为民办非企业单位处理。")
            }
            guard let start, start <= reference else { continue }
            let cancelledBefore = registration.business.contains {
                $0.type == BusinessKind.cancellation.rawValue && $0.day <= reference
            }
            if cancelledBefore { continue }
            if start <= policyStart {
                return RequirementDecision(
                    requirement: .alreadyNonprofit, referenceDay: reference,
                    reason: "政策实施日 \(policyStart.iso) 前已登记为民办非企业单位（\(registration.label)，\(start.iso) 成立登记），只需修改章程，无需重新登记。")
            }
            return RequirementDecision(
                requirement: .notRequired, referenceDay: reference,
                reason: "政策实施后首次出现（\(start.iso)）即为民办非企业单位（\(registration.label)），不属于须重新登记的营利性机构。")
        }
        // Only a civil registration or application, no enterprise: not the for-profit that must
        // re-register. An enterprise it replaced, if any, is counted as that institution (and
        // decides again when the two are found to be one).
        if forProfit.isEmpty && !nonprofits.isEmpty {
            return RequirementDecision(
                requirement: .notRequired, referenceDay: reference,
                reason: "仅见民政部门的民办非企业单位登记或申请，未见营利性登记：不属于须重新登记的营利性机构（其前身企业如有，按该企业计）。")
        }
        let when = reference == policyStart ? "政策实施日 \(policyStart.iso)" : "首次出现时（\(reference.iso)）"
        return RequirementDecision(
            requirement: .required, referenceDay: reference,
            reason: "类别为“\(category.chineseName)”，\(when)不是民办非企业单位，须在 \(deadline.iso) 前登记为非营利性机构。")
    }

    /// The registration day of a non-profit registration: its 成立登记日期, else the 办结日期
    /// of its 成立登记 business.
    static func registrationDay(of registration: TrackedRegistration) -> Day? {
        registration.establishedOn
            ?? registration.business.filter { $0.type == BusinessKind.establishment.rawValue }.map(\.day).min()
    }

    /// The first dated fact of a civil registration: its registration or its application.
    static func firstDay(of registration: TrackedRegistration) -> Day? {
        let days = [registrationDay(of: registration)].compactMap { $0 }
            + registration.business.filter { $0.type == BusinessKind.accepted.rawValue }.map(\.day)
        return days.min()
    }
}
