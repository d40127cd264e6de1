import Classify
import Ledger
import Linkage
import RegistryModel
import Reports
import Support
import Tracking

/// Links one month's records against what the ledger remembers, then classifies and tracks
/// every institution and records the month in the ledger in one transaction. Institutions
/// are assessed a chunk at a time on both cores while the previous chunk is written: their
/// lines with evidence, a gigabyte at a million records, are never all held at once.
struct BatchComputation {
    let month: String
    let asOf: Day
    let settings: BatchSettings
    let ledger: Ledger
    let classifier: Classifier

    private var tracker: Tracker { Tracker(policyStart: settings.policyStart, deadline: settings.deadline) }

    /// The risk flags a person should confirm (review.csv); `ambiguous_link` has its own item.
    static let reviewedFlags: [InstitutionFlag] = [
        .disguisedSubjectRisk, .preschoolSubject, .foreignCapital, .listedCompany, .newAfterPolicy,
        .subjectInNonSubject, .formerRegistrationActive, .countyConflict, .invalidCreditCode,
    ]

    /// Records the month; returns the counts of its lines.
    func record(records: [SourceRecord], exported: ExportedFields, rejects: [Reject], files: [FileRow], digest: String, warnings: [String],
                progress: (String) -> Void, clock: inout StageClock) throws -> Summary {
        let memories = try Self.memories(before: month, in: ledger, chunk: settings.institutionChunk)
        let retired = try ledger.retired(before: month)
        let decisions = try ledger.decisions()
        let firstNewSequence = try ledger.nextSequence()

        progress("归并记录")
        let linkage = Linker(policyStart: settings.policyStart, teaching: { [classifier] in classifier.teaching($0) }).link(
            records, known: memories.map(\.memory.profile), retired: retired,
            decisions: decisions.compactMap(Self.linkDecision), nextSequence: firstNewSequence)

        var institutions = try MonthInstitutions(known: consume memories, linkage: linkage)
        // Last month's lines are read only now, beside what linkage left, not under it.
        if let previousMonth = try ledger.months().filter({ $0 < month }).last {
            try ledger.lines(previousMonth) { institutions.setPrevious(PreviousLine($0), of: $0.institutionID) }
        }
        clock.finish("link", records: records.count)

        progress("分类与进度，写入台账")
        let mergedNow = Dictionary(linkage.merges.map { ($0.retired, $0.survivor) }, uniquingKeysWith: { first, _ in first })
        let resolve = { (id: InstitutionID) -> InstitutionID in
            var current = id
            while let next = retired[current] ?? mergedNow[current] { current = next }
            return current
        }
        var decidedCategory: [InstitutionID: Category] = [:]
        for decision in decisions where decision.kind == .category {
            if let category = decision.category { decidedCategory[resolve(decision.institution)] = category }
        }
        let context = AssessmentContext(
            classifier: classifier, tracker: tracker, policyStart: settings.policyStart, month: month, asOf: asOf, records: records,
            institutions: consume institutions, decidedCategory: decidedCategory,
            ambiguous: Set(linkage.reviews.flatMap { [$0.civil, $0.enterprise] }))
        let newInstitutions = Set(linkage.links.map(\.institution)).union(linkage.profiles.map(\.id))
            .filter { ($0.sequence ?? 0) >= firstNewSequence }.sorted()

        // The lines themselves are only counted: kept, they and the flag reviews' evidence
        // would be held to the end of the write (measured: BENCHMARKS.md, history, `cb198f5`).
        var summary = Summary()
        // Reviews are numbered links first, then categories, then flags. Flag reviews wait for
        // the month's last line (each copies its line's evidence); those that read alike share
        // one summary.
        var nextReview = 1
        var flagReviews: [LineReview] = []
        var flagSummaries = TextPool()
        var assessing = Duration.zero
        try ledger.write(month: month) { writer in
            // The summary is set once every line is known.
            try writer.insert(batch: BatchRow(
                month: month, asOf: asOf, deadline: settings.deadline, inputDigest: digest, toolVersion: Version.current,
                records: records.count + rejects.count, accepted: records.count, rejected: rejects.count, warnings: warnings,
                summary: "{}"))
            try writer.insert(files: files)
            try writer.mint(newInstitutions)
            try writer.insert(rejects: rejects)
            let linkReviews = Self.linkReviews(linkage.reviews)
            try writer.insert(reviews: linkReviews, from: nextReview)
            nextReview += linkReviews.count
            // Each institution's month depends on its own records and memory only: assessed on
            // every core, a chunk ahead of the one being written, and written in id order. A
            // share of the month's records rides along with each chunk, so that inserting
            // them, one thread's work, overlaps assessing too.
            let links = linkage.links
            let size = settings.institutionChunk
            let chunks = max((context.institutions.count + size - 1) / size, records.isEmpty ? 0 : 1)
            try Parallel.overlapped(chunks: chunks, make: { chunk in
                MonthChunk(chunk, of: chunks, size: size, records: records, exported: exported, links: links, context: context)
            }) { chunk in
                assessing += chunk.duration
                let assessments = try chunk.assessments.get()
                try writer.insert(chunk.records.get())
                try writer.insert(states: assessments.compactMap(\.state))
                try writer.insert(lines: assessments.map(\.line))
                try writer.insert(statusChanges: assessments.compactMap(\.statusChange))
                let categoryReviews = assessments.compactMap(\.categoryReview)
                try writer.insert(reviews: categoryReviews, from: nextReview)
                nextReview += categoryReviews.count
                for assessment in assessments {
                    summary.count(assessment.line.line)
                    if let review = Self.flagReview(assessment.line.line, summaries: &flagSummaries) { flagReviews.append(review) }
                }
            }
            try writer.insert(lineReviews: flagReviews, from: nextReview)
            try writer.insert(merges: linkage.merges.map {
                MergeRow(retired: $0.retired, survivor: $0.survivor, rule: $0.rule, evidence: $0.evidence)
            })
            try writer.raiseNextSequence(to: linkage.nextSequence)
            try writer.setSummary(ContractFiles.summaryJSON(asOf: asOf, deadline: settings.deadline, summary: summary))
        }
        // Assessing ran beside the write: "ledger write" is the wall time of both, "classify,
        // track" the busy time of the thread that handed the chunks over (which also made the
        // records' rows).
        clock.add("classify, track", duration: assessing, records: records.count)
        clock.finish("ledger write", records: records.count + rejects.count)
        Parallel.release((consume context, consume linkage))
        return summary
    }

    /// One chunk of the month as the write takes it: its institutions assessed, and its share of
    /// the month's records made into rows.
    struct MonthChunk: Sendable {
        /// A stored history that cannot be read fails the month.
        let assessments: Result<[Assessment], any Error>
        /// The temporary file of exported values that cannot be read fails it too.
        let records: Result<[RecordRow], any Error>
        /// How long making it took.
        let duration: Duration

        init(_ chunk: Int, of chunks: Int, size: Int, records: [SourceRecord], exported: ExportedFields, links: [RecordLink],
             context: AssessmentContext) {
            let start = ContinuousClock.now
            let count = context.institutions.count
            let positions = Array(min(count, chunk * size) ..< min(count, (chunk + 1) * size))
            let assessed = Parallel.map(positions) { position in Result { try BatchComputation.assess(position, in: context) } }
            assessments = Result { try assessed.map { try $0.get() } }
            let share = chunk * records.count / chunks ..< (chunk + 1) * records.count / chunks
            self.records = Result {
                zip(share, try exported.json(share)).map { index, fieldsJSON in
                    RecordRow(ref: records[index].ref, kind: records[index].kind, institution: links[index].institution,
                              rule: links[index].rule, score: links[index].score, evidence: links[index].evidence,
                              fieldsJSON: fieldsJSON)
                }
            }
            duration = ContinuousClock.now - start
        }
    }

    /// What assessing one institution needs, shared read-only by the workers.
    struct AssessmentContext: Sendable {
        let classifier: Classifier
        let tracker: Tracker
        let policyStart: Day
        let month: String
        let asOf: Day
        let records: [SourceRecord]
        let institutions: MonthInstitutions
        let decidedCategory: [InstitutionID: Category]
        let ambiguous: Set<InstitutionID>
    }

    /// One institution's month: its ledger line and what else it adds.
    struct Assessment: Sendable {
        /// The memory as the ledger stores it, when it changed this month (records added, a
        /// merge, a requirement decided).
        var state: (InstitutionID, String)?
        var line: LineRow
        var statusChange: StatusChangeRow?
        var categoryReview: ReviewItem?
    }

    /// Adds this month's records to one institution's history, classifies them, fixes its
    /// requirement when first seen, tracks its status and writes its line.
    static func assess(_ position: Int, in context: AssessmentContext) throws -> Assessment {
        let tracker = context.tracker
        let institutions = context.institutions
        let id = institutions.ids[position]
        // Gathered per institution, not kept for all: the month's records are held once.
        let ownRecords = institutions.records(of: position).map { context.records[Int($0)] }
        var memory = try institutions.memories[position].memory(adding: ownRecords, tracker: tracker, batch: context.month,
                                                                asOf: context.asOf)
        let classification = ownRecords.isEmpty ? nil : context.classifier.classify(ownRecords, policyStart: context.policyStart)
        let previous = institutions.previous[position]
        let decided = context.decidedCategory[id]
        let category = decided ?? classification?.category ?? previous?.category ?? .undetermined

        // Fixed when the category first becomes clear (undetermined is undecided); re-decided only
        // by a clerk's category or a merge.
        var changed = institutions.changed[position]
        let becameClear = decided == nil && memory.requirementCategory == .undetermined && category != .undetermined
        if memory.requirement == nil || becameClear || (decided != nil && memory.requirementCategory != decided) {
            let basis = decided ?? (becameClear ? category : memory.requirementCategory ?? category)
            memory.requirement = tracker.decideRequirement(category: basis, history: memory.history)
            memory.requirementCategory = basis
            changed = true
        }
        let tracked = tracker.status(of: memory.history, requirement: memory.requirement!.requirement,
                                     currentCategory: category, asOf: context.asOf)

        let flags = Self.flags(classification: classification, previous: previous, tracked: tracked, records: ownRecords,
                               ambiguous: context.ambiguous.contains(id))
        let identity = Identity(memory: memory, records: ownRecords, previous: previous)
        let line = LedgerLine(
            institutionID: id, name: identity.name, creditCode: identity.creditCode,
            formerCreditCodes: identity.formerCreditCodes(memory.profile), countyCode: identity.county?.code,
            countyName: identity.county?.name, category: category,
            department: Self.department(category: category, decided: decided != nil, classified: classification?.department,
                                        previous: previous?.department),
            stages: classification.map { $0.stages.sorted() } ?? previous?.stages ?? [],
            reregistrationRequired: memory.requirement!.requirement.isRequired,
            reregistrationStatus: tracked.status, completedOn: tracked.completedOn, overdue: tracked.overdue,
            daysOverdue: tracked.daysOverdue, flags: flags,
            firstSeenBatch: memory.history.firstSeenBatch, lastSeenBatch: memory.history.lastSeenBatch,
            sourceRecordCount: ownRecords.count)
        let classificationEvidence = classification?.evidenceLines ?? []
        let evidence = (classificationEvidence + [memory.requirement!.reason, tracked.reason]).joined(separator: "\n")
        return Assessment(
            state: changed ? (id, memory.jsonText) : nil,
            line: LineRow(line: line, evidence: evidence),
            statusChange: previous?.status == tracked.status ? nil
                : StatusChangeRow(institution: id, from: previous?.status, to: tracked.status, reason: tracked.reason),
            categoryReview: category != .undetermined || decided != nil ? nil : ReviewItem(
                kind: .category, institutionIDs: [id], summary: classification?.reviewReason ?? "类别待定，请人工认定",
                evidence: classificationEvidence.joined(separator: "；")))
    }

    /// The stored states of the institutions alive before `month` (half a million of them take
    /// seconds, and 0.7 GB as text). Each chunk is decoded on another thread while this one
    /// reads the next from SQLite, which only one thread can do; the histories wait in a
    /// spill file until their institutions are assessed. Sorted by id.
    private static func memories(before month: String, in ledger: Ledger, chunk: Int) throws -> [KnownMemory] {
        var memories: [KnownMemory] = []
        let histories = SpillFile.Appender(to: try SpillFile())
        var decoding: Parallel.Started<[(InstitutionID, Result<HeldMemory, any Error>)]>?
        func takeDecoded() throws {
            for (id, memory) in decoding?.result() ?? [] { memories.append(KnownMemory(id: id, memory: try memory.get().spilling(to: histories))) }
        }
        try ledger.states(before: month, chunk: chunk) { states in
            try takeDecoded()
            decoding = Parallel.Started {
                // Requirement reasons repeat word for word (5,875 distinct among 250,000
                // institutions): a chunk keeps each once, not once per institution.
                var reasons = TextPool()
                return states.map { id, json in (id, Result { try HeldMemory.read(json).sharingReason(in: &reasons) }) }
            }
        }
        try takeDecoded()
        try histories.flush()
        memories.sort { $0.id < $1.id }
        return memories
    }

    /// The contract's flags: Classify's from the current records (or last month's when there
    /// are none), the old licence still active, and what this month's records show.
    private static func flags(
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

    private static func linkDecision(_ decision: DecisionRow) -> LinkDecision? {
        guard let other = decision.other else { return nil }
        switch decision.kind {
        case .same: return .same(decision.institution, other)
        case .different: return .different(decision.institution, other)
        case .category: return nil
        }
    }

    /// A clerk's category decides the department where the category does (subject and mixed
    /// belong to education); otherwise the classifier's evidence does.
    private static func department(category: Category, decided: Bool, classified: Department?, previous: Department?) -> Department? {
        switch category {
        case .subject, .mixed: return .education
        case .outOfScope: return nil
        case .undetermined: return decided ? nil : classified
        case .nonSubject:
            let department = classified ?? previous
            return department == .education ? nil : department
        }
    }

    private static func linkReviews(_ reviews: [LinkReview]) -> [ReviewItem] {
        reviews.map { review in
            ReviewItem(
                kind: .link, institutionIDs: [review.civil, review.enterprise],
                summary: "请确认 \(review.civil) 是否由 \(review.enterprise) 重新登记而来（同一机构）；匹配概率 \(review.probability)",
                evidence: review.evidence)
        }
    }

    /// A flag review shows its line's evidence, which the ledger copies from the line.
    private static func flagReview(_ line: LedgerLine, summaries: inout TextPool) -> LineReview? {
        let flags = reviewedFlags.filter(line.flags.contains)
        guard !flags.isEmpty else { return nil }
        return LineReview(kind: .flag, institution: line.institutionID,
                          summary: summaries.shared("请核实：" + flags.map(\.chineseName).joined(separator: "；")))
    }
}

/// The name, code and county a ledger line shows: those of the institution's most
/// authoritative current registration (the non-profit once it exists).
struct Identity {
    let name: String
    let creditCode: String?
    let county: County?

    init(memory: InstitutionMemory, records: [SourceRecord], previous: PreviousLine?) {
        let ranked = memory.history.registrations.sorted { Self.rank($0) > Self.rank($1) }
        let best = ranked.first { $0.name != nil }
        name = best?.name ?? previous?.name ?? records.compactMap(\.name).first ?? ""
        creditCode = best?.creditCode.flatMap { $0.utf8.count == 18 ? $0 : nil } ?? previous?.creditCode
        let authoritative = records.first { $0.creditCode?.code == best?.creditCode } ?? records.first
        county = authoritative?.county.county ?? records.compactMap(\.county.county).first
            ?? previous?.countyCode.flatMap(County.init(rawValue:)) ?? memory.profile.counties.first
    }

    /// Earlier codes: every other valid code the institution's registrations carried.
    func formerCreditCodes(_ profile: InstitutionProfile) -> [String] {
        Array(Set((profile.creditCodes + profile.formerCreditCodes).filter { $0 != creditCode && CreditCodeRules.isValid($0) })).sorted()
    }

    /// A non-profit registration first, then another civil one, then the enterprise; an
    /// application is not a registration yet: its name and missing code do not replace the
    /// enterprise's.
    private static func rank(_ registration: TrackedRegistration) -> (Int, Int, String) {
        let role = switch registration.role {
        case .nonprofit: registration.isRegistered ? 3 : 0
        case .otherCivil: 2
        case .forProfit: 1
        }
        return (role, registration.creditCodeValid ? 1 : 0, registration.lastSeenBatch)
    }
}
