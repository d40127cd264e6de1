import RegistryModel

/// A registration's standing as of a day, with the fact that decided it.
struct Standing {
    let registration: TrackedRegistration
    /// Nil when no fact dated on or before the day names a known phase.
    let phase: RegistrationPhase?
    /// How the phase is known: `“注销”（2021-12 批次）` or `注销登记 2021-12-20`.
    let basis: String?
    /// Whether the registration exists by the day (no registration date after it).
    let exists: Bool
    /// Unknown words and business types seen after the last known fact, dated by the day.
    let unknownWords: [String]
    /// Facts dated after the day (ignored).
    let laterFacts: [String]
}

extension Tracker {
    /// The status as of `asOf`, by the contract's precedence: completed, exited, in_progress,
    /// not_started. `currentCategory` is the category of the institution's current records:
    /// a required institution that is now non-subject or out of scope has removed subject
    /// training from its scope. Facts dated after `asOf` are ignored.
    public func status(
        of history: RegistrationHistory, requirement: Requirement, currentCategory: Category, asOf: Day
    ) -> TrackedStatus {
        switch requirement {
        case .alreadyNonprofit:
            return TrackedStatus(
                status: .alreadyNonprofit, completedOn: nil, overdue: false, daysOverdue: 0, formerRegistrationActive: false,
                reason: "政策实施前已为民办非企业单位，只需修改章程，无需重新登记。")
        case .notRequired:
            return TrackedStatus(
                status: .notRequired, completedOn: nil, overdue: false, daysOverdue: 0, formerRegistrationActive: false,
                reason: "无需重新登记（类别或登记形式不属于须重新登记的营利性学科类机构）。")
        case .required:
            break
        }

        let standings = history.registrations.map { standing(of: $0, asOf: asOf) }
        let forProfit = standings.filter { $0.registration.role == .forProfit && $0.exists }
        let nonprofits = standings.filter { $0.registration.role == .nonprofit }
        var notes: [String] = []
        for standing in standings {
            for word in standing.unknownWords {
                notes.append("\(standing.registration.label) 另见无法识别的\(word)，已沿用此前已知的状态")
            }
            for fact in standing.laterFacts {
                notes.append("\(standing.registration.label) 的\(fact)晚于统计日 \(asOf.iso)，未计入")
            }
        }

        let status: ReregistrationStatus
        var completedOn: Day? = nil
        var formerActive = false
        var because: String

        let registered = nonprofits.filter { $0.phase == .registered && $0.exists }
        let cancelledNonprofit = nonprofits.first { $0.phase == .ended && $0.exists }
        let endedForProfit = !forProfit.isEmpty && forProfit.allSatisfy { $0.phase == .ended }
        let leftSubject = currentCategory == .nonSubject || currentCategory == .outOfScope
        let applications = nonprofits.filter { $0.phase == .applied }

        if !registered.isEmpty {
            status = .completed
            let dated = registered.compactMap { standing in Self.registrationDay(of: standing.registration).map { (standing, $0) } }
            let first = dated.min { $0.1 < $1.1 }
            completedOn = first?.1
            let shown = first?.0 ?? registered[0]
            because = "已登记为民办非企业单位（\(shown.registration.label)"
                + (completedOn.map { "，\($0.iso) 成立登记" } ?? "，成立登记日期不详")
                + "，\(shown.basis ?? "登记有效")）"
            let live = forProfit.filter { $0.phase?.isLive ?? false }
            if let old = live.first {
                formerActive = true
                because += "，但原营业执照（\(old.registration.label)）仍为\(old.basis ?? "存续")，应在 7 个工作日内变更或注销"
            }
        } else if let cancelled = cancelledNonprofit {
            status = .exited
            because = "民办非企业单位登记（\(cancelled.registration.label)）已终止（\(cancelled.basis ?? "注销")），视为已退出学科类培训"
        } else if endedForProfit {
            status = .exited
            let words = forProfit.map { "\($0.registration.label) \($0.basis ?? "已终止")" }.joined(separator: "、")
            because = "营利性登记已全部终止（\(words)），未办理非营利登记，视为已退出学科类培训"
        } else if leftSubject {
            status = .exited
            because = "现有记录的类别为“\(currentCategory.chineseName)”，经营范围已不含学科类培训，视为已退出学科类培训"
        } else if let application = applications.first {
            status = .inProgress
            because = "民政部门已受理非营利登记申请（\(application.registration.label)，\(application.basis ?? "受理中")），尚未成立登记"
        } else {
            status = .notStarted
            because = "未见民政部门的民办非企业单位登记或申请"
            let words = forProfit.compactMap { standing in standing.basis.map { "\(standing.registration.label) \($0)" } }
            if !words.isEmpty {
                because += "，营业执照仍存续（\(words.joined(separator: "、"))"
                if forProfit.contains(where: { $0.phase == .paused }) { because += "；停业、清算不终止登记" }
                because += "）"
            }
        }
        let overdue = (status == .notStarted || status == .inProgress) && asOf > deadline
        let daysOverdue = overdue ? deadline.days(to: asOf) : 0
        if overdue { because += "，已超过 \(deadline.iso) 的期限 \(daysOverdue) 天" }
        let sentence = ([because] + notes).joined(separator: "；") + "。"
        return TrackedStatus(
            status: status, completedOn: completedOn, overdue: overdue, daysOverdue: daysOverdue,
            formerRegistrationActive: formerActive, reason: sentence)
    }

    /// A registration's phase as of the day: the latest fact dated on or before it (status
    /// words by the day they describe, business by its 办结日期; later phases win a tie).
    /// A registration dated after the day does not exist yet: only its application counts.
    func standing(of registration: TrackedRegistration, asOf: Day) -> Standing {
        let exists = registration.establishedOn.map { $0 <= asOf } ?? true
        var facts: [(day: Day, phase: RegistrationPhase, rank: Int, basis: String)] = []
        var unknown: [(day: Day, text: String)] = []
        var later: [String] = []
        for sighting in registration.sightings {
            guard sighting.on <= asOf else {
                later.append("登记状态“\(sighting.word)”（\(sighting.on.iso)）")
                continue
            }
            guard let status = sighting.status, let phase = RegistrationPhase.of(status: status, registry: registration.registry) else {
                unknown.append((sighting.on, "登记状态“\(sighting.word)”（\(sighting.batch) 批次）"))
                continue
            }
            if !exists && phase != .applied { continue }
            facts.append((sighting.on, phase, 0, "“\(sighting.word)”（\(sighting.batch) 批次）"))
        }
        for event in registration.business {
            guard event.day <= asOf else {
                later.append("\(event.word)（\(event.day.iso)）")
                continue
            }
            guard let phase = RegistrationPhase.of(business: event.type) else {
                if event.type == BusinessKind.unknown.rawValue {
                    unknown.append((event.day, "业务类型“\(event.word)”（\(event.batch) 批次）"))
                }
                continue
            }
            if !exists && phase != .applied { continue }
            facts.append((event.day, phase, 1, "\(event.word) \(event.day.iso)"))
        }
        if !exists, let day = registration.establishedOn {
            later.append("成立日期（\(day.iso)）")
        }
        // On a tie the business row wins: it names the business and its date.
        let latest = facts.max { ($0.day, $0.phase, $0.rank) < ($1.day, $1.phase, $1.rank) }
        let unknownAfter = unknown.filter { latest == nil || $0.day >= latest!.day }.map(\.text)
        return Standing(
            registration: registration, phase: latest?.phase, basis: latest?.basis, exists: exists,
            unknownWords: unknownAfter, laterFacts: later)
    }
}
