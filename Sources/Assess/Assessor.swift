import RegistryModel
import Support

/// One institution's month as the other stages left it: what Assess decides from.
public struct InstitutionMonth: Sendable {
    public let id: InstitutionID
    /// This month's records linked to it.
    public let records: [SourceRecord]
    /// Classify's reading of those records; nil when it has none this month.
    public let classification: Classification?
    /// Its registrations, this month's records added (Tracking).
    public let history: RegistrationHistory
    /// The requirement remembered from earlier months, and the category it was decided on.
    public let requirement: RequirementDecision?
    public let requirementCategory: Category?
    /// Its ledger line last month.
    public let previous: PreviousLine?
    /// A clerk's category decision.
    public let decidedCategory: Category?
    /// Named in one of this month's link reviews.
    public let ambiguousLink: Bool
    /// Every code its linkage profile holds (its own and former ones), and its first county:
    /// what the line falls back on.
    public let knownCodes: [String]
    public let knownCounty: County?

    public init(
        id: InstitutionID, records: [SourceRecord], classification: Classification?, history: RegistrationHistory,
        requirement: RequirementDecision?, requirementCategory: Category?, previous: PreviousLine?, decidedCategory: Category?,
        ambiguousLink: Bool, knownCodes: [String], knownCounty: County?
    ) {
        self.id = id
        self.records = records
        self.classification = classification
        self.history = history
        self.requirement = requirement
        self.requirementCategory = requirementCategory
        self.previous = previous
        self.decidedCategory = decidedCategory
        self.ambiguousLink = ambiguousLink
        self.knownCodes = knownCodes
        self.knownCounty = knownCounty
    }
}

/// What Assess decided about one institution's month.
public struct Assessment: Sendable {
    /// The requirement, and the category it was decided on, to remember.
    public let requirement: RequirementDecision
    public let requirementCategory: Category
    /// Decided or re-decided this month: the institution's state has changed.
    public let requirementChanged: Bool
    public let line: LineRow
    public let statusChange: StatusChangeRow?
    public let categoryReview: ReviewItem?
}

/// The Assess stage: from Classify's reading of an institution's records, Tracking's reading
/// of its registrations and what the ledger remembers, its category, requirement, status,
/// flags, department and the name, code and county its line shows, with the evidence.
public struct Assessor: Sendable {
    let tracking: any RegistrationTracking
    let asOf: Day

    public init(tracking: any RegistrationTracking, asOf: Day) {
        self.tracking = tracking
        self.asOf = asOf
    }

    /// The risk flags a person should confirm (review.csv); `ambiguous_link` has its own item.
    public static let reviewedFlags: [InstitutionFlag] = [
        .disguisedSubjectRisk, .preschoolSubject, .foreignCapital, .listedCompany, .newAfterPolicy,
        .subjectInNonSubject, .formerRegistrationActive, .countyConflict, .invalidCreditCode,
    ]

    public func assess(_ institution: InstitutionMonth) -> Assessment {
        let classification = institution.classification
        let previous = institution.previous
        let decided = institution.decidedCategory
        let category = decided ?? classification?.category ?? previous?.category ?? .undetermined

        // Fixed when the category first becomes clear (undetermined is undecided); re-decided only
        // by a clerk's category or a merge.
        var requirement = institution.requirement
        var requirementCategory = institution.requirementCategory
        var changed = false
        let becameClear = decided == nil && requirementCategory == .undetermined && category != .undetermined
        if requirement == nil || becameClear || (decided != nil && requirementCategory != decided) {
            let basis = decided ?? (becameClear ? category : requirementCategory ?? category)
            requirement = tracking.decideRequirement(category: basis, history: institution.history)
            requirementCategory = basis
            changed = true
        }
        let decision = requirement!
        let tracked = tracking.status(of: institution.history, requirement: decision.requirement, currentCategory: category,
                                      asOf: asOf)

        let flags = Self.flags(classification: classification, previous: previous, tracked: tracked, records: institution.records,
                               ambiguous: institution.ambiguousLink)
        let identity = Identity(history: institution.history, records: institution.records, previous: previous,
                                knownCounty: institution.knownCounty)
        let line = LedgerLine(
            institutionID: institution.id, name: identity.name, creditCode: identity.creditCode,
            formerCreditCodes: identity.formerCreditCodes(institution.knownCodes), countyCode: identity.county?.code,
            countyName: identity.county?.name, category: category,
            department: Self.department(category: category, decided: decided != nil, classified: classification?.department,
                                        previous: previous?.department),
            stages: classification.map { $0.stages.sorted() } ?? previous?.stages ?? [],
            reregistrationRequired: decision.requirement.isRequired,
            reregistrationStatus: tracked.status, completedOn: tracked.completedOn, overdue: tracked.overdue,
            daysOverdue: tracked.daysOverdue, flags: flags,
            firstSeenBatch: institution.history.firstSeenBatch, lastSeenBatch: institution.history.lastSeenBatch,
            sourceRecordCount: institution.records.count)
        let classificationEvidence = classification?.evidenceLines ?? []
        let evidence = (classificationEvidence + [decision.reason, tracked.reason]).joined(separator: "\n")
        return Assessment(
            requirement: decision, requirementCategory: requirementCategory!, requirementChanged: changed,
            line: LineRow(line: line, evidence: evidence),
            statusChange: previous?.status == tracked.status ? nil
                : StatusChangeRow(institution: institution.id, from: previous?.status, to: tracked.status, reason: tracked.reason),
            categoryReview: category != .undetermined || decided != nil ? nil : ReviewItem(
                kind: .category, institutionIDs: [institution.id], summary: classification?.reviewReason ?? "类别待定，请人工认定",
                evidence: classificationEvidence.joined(separator: "；")))
    }

    /// A flag review shows its line's evidence, which the ledger copies from the line. Those
    /// that read alike share one summary.
    public static func flagReview(_ line: LedgerLine, summaries: inout TextPool) -> LineReview? {
        let flags = reviewedFlags.filter(line.flags.contains)
        guard !flags.isEmpty else { return nil }
        return LineReview(kind: .flag, institution: line.institutionID,
                          summary: summaries.shared("请核实：" + flags.map(\.chineseName).joined(separator: "；")))
    }

    /// The contract's flags: Classify's from the current records (or last month's when there
    /// are none), the old licence still active, and what this month's records show.
    static func flags(
        classification: Classification?, previous: PreviousLine?, tracked: TrackedStatus, records: [SourceRecord], ambiguous: Bool
    ) -> [InstitutionFlag] {
        var flags = classification?.flags ?? Set(previous?.flags.filter(InstitutionFlag.classifierFlags.contains) ?? [])
        if tracked.formerRegistrationActive { flags.insert(.formerRegistrationActive) }
        if records.isEmpty {
            if previous?.flags.contains(.countyConflict) == true { flags.insert(.countyConflict) }
        } else if Set(records.compactMap(\.county.county)).count > 1 || records.contains(where: { $0.flags.contains(.countyConflict) }) {
            flags.insert(.countyConflict)
        }
        if records.contains(where: { $0.flags.contains(.invalidCreditCode) }) { flags.insert(.invalidCreditCode) }
        if ambiguous { flags.insert(.ambiguousLink) }
        return InstitutionFlag.allCases.filter(flags.contains)
    }

    /// The one department rule. A clerk's category decides the department where the category
    /// does (subject and mixed belong to education); otherwise the classifier's evidence does.
    static func department(category: Category, decided: Bool, classified: Department?, previous: Department?) -> Department? {
        switch category {
        case .subject, .mixed: return .education
        case .outOfScope: return nil
        case .undetermined: return decided ? nil : classified
        case .nonSubject:
            let department = classified ?? previous
            return department == .education ? nil : department
        }
    }
}
