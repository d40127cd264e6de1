import Assess
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
            classifier: classifier, tracker: tracker, assessor: Assessor(tracking: tracker, asOf: asOf), policyStart: settings.policyStart,
            month: month, asOf: asOf, records: records,
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
                    if let review = Assessor.flagReview(assessment.line.line, summaries: &flagSummaries) { flagReviews.append(review) }
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
        let assessments: Result<[AssessedInstitution], any Error>
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
        let assessor: Assessor
        let policyStart: Day
        let month: String
        let asOf: Day
        let records: [SourceRecord]
        let institutions: MonthInstitutions
        let decidedCategory: [InstitutionID: Category]
        let ambiguous: Set<InstitutionID>
    }

    /// One institution's month as the write takes it: Assess's line and items, and the state
    /// to store when it changed.
    struct AssessedInstitution: Sendable {
        /// The memory as the ledger stores it, when it changed this month (records added, a
        /// merge, a requirement decided).
        var state: (InstitutionID, String)?
        var line: LineRow
        var statusChange: StatusChangeRow?
        var categoryReview: ReviewItem?
    }

    /// Adds this month's records to one institution's history (Tracking), classifies them
    /// (Classify) and hands both, with what the ledger remembers, to Assess.
    static func assess(_ position: Int, in context: AssessmentContext) throws -> AssessedInstitution {
        let institutions = context.institutions
        let id = institutions.ids[position]
        // Gathered per institution, not kept for all: the month's records are held once.
        let records = institutions.records(of: position).map { context.records[Int($0)] }
        var memory = try institutions.memories[position].memory(adding: records, tracker: context.tracker, batch: context.month,
                                                                asOf: context.asOf)
        let assessment = context.assessor.assess(InstitutionMonth(
            id: id, records: records,
            classification: records.isEmpty ? nil : context.classifier.classify(records, policyStart: context.policyStart),
            history: memory.history, requirement: memory.requirement, requirementCategory: memory.requirementCategory,
            previous: institutions.previous[position], decidedCategory: context.decidedCategory[id],
            ambiguousLink: context.ambiguous.contains(id),
            knownCodes: Array(memory.profile.creditCodes + memory.profile.formerCreditCodes),
            knownCounty: memory.profile.counties.first))
        memory.requirement = assessment.requirement
        memory.requirementCategory = assessment.requirementCategory
        return AssessedInstitution(
            state: institutions.changed[position] || assessment.requirementChanged ? (id, memory.jsonText) : nil,
            line: assessment.line, statusChange: assessment.statusChange, categoryReview: assessment.categoryReview)
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

    private static func linkDecision(_ decision: DecisionRow) -> LinkDecision? {
        guard let other = decision.other else { return nil }
        switch decision.kind {
        case .same: return .same(decision.institution, other)
        case .different: return .different(decision.institution, other)
        case .category: return nil
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
}
