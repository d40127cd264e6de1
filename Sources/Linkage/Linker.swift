import RegistryModel
import Support

/// Where one record was placed, and why (a row of crosswalk.csv).
public struct RecordLink: Sendable, Hashable {
    public let ref: RecordRef
    public let institution: InstitutionID
    public let rule: LinkRule
    /// In [0, 1]; 1 for deterministic rules.
    public let score: Double
    /// For the clerk: which identifier or which weighted fields placed it.
    public let evidence: String
}

/// Two institutions found to be one: `retired` is merged into `survivor` and never reused.
public struct Merge: Sendable, Hashable {
    public let retired: InstitutionID
    public let survivor: InstitutionID
    public let rule: LinkRule
    public let evidence: String
}

/// A pair a person must judge: linked neither way until a decision says so.
public struct LinkReview: Sendable, Hashable {
    /// The civil-affairs institution (non-profit or application).
    public let civil: InstitutionID
    /// The enterprise it may have replaced.
    public let enterprise: InstitutionID
    public let probability: Double
    public let evidence: String
}

public struct LinkageResult: Sendable {
    /// One per input record, in input order.
    public let links: [RecordLink]
    /// Every institution this batch touched or created, after merges, sorted by id.
    public let profiles: [InstitutionProfile]
    public let merges: [Merge]
    public let reviews: [LinkReview]
    /// The next sequence number to mint from.
    public let nextSequence: Int
}

/// The linkage stage: one batch's records against the institutions the ledger knows.
public struct Linker: Sendable {
    public let policyStart: Day

    /// How many groups' facts are read at a time: enough for both cores, few enough that they
    /// are never all held. The result does not depend on it.
    public let groupChunk: Int

    /// What a scope says is taught: a subject school's predecessor taught subjects, a sister
    /// company of the same owner another trade. Classify reads scopes; Pipeline hands it over.
    public let teaching: @Sendable (String) -> ScopeTeaching

    public init(policyStart: Day, teaching: @escaping @Sendable (String) -> ScopeTeaching, groupChunk: Int = 16_384) {
        self.policyStart = policyStart
        self.teaching = teaching
        self.groupChunk = groupChunk
    }

    /// - Parameters:
    ///   - known: every institution the ledger knows (retired ones excluded).
    ///   - retired: retired id → the id it was merged into, to follow old decisions.
    ///   - decisions: a clerk's decisions, applied before any weighted evidence.
    public func link(
        _ records: [SourceRecord], known: [InstitutionProfile], retired: [InstitutionID: InstitutionID] = [:],
        decisions: [LinkDecision] = [], nextSequence: Int
    ) -> LinkageResult {
        let groups: PackedLists<Int32>, knownMatches: PackedLists<KnownMatch>
        var state: LinkState
        var groupOf = [Int32](repeating: 0, count: records.count)
        var placement: [InstitutionID] = []
        // Steps 1 and 2 are the last to need every record's keys: held in this scope only, so
        // that they are gone before linkage's peak (measured: BENCHMARKS.md, history,
        // `e4b77c9`). The few records whose link is explained by a key shared in their group
        // read theirs again.
        do {
            let keys = Parallel.map(records, RecordKeys.init)
            // Step 1, grouping the month's records by identifiers (one core), needs nothing of
            // the known, and matching each record with the known nothing of the groups: one
            // beside the other. Placing the groups and explaining each record both need every
            // record's matches.
            let ((grouped, initialState), matched) = Parallel.both({
                var builder = RecordGroups(records, keys: keys)
                return (builder.groups(), LinkState(known: known, retired: retired))
            }, {
                KnownIndex(known).matches(of: keys)
            })
            (groups, knownMatches, state) = (grouped, matched, initialState)

            // Step 2: place each group with the known.
            // What a group's records show depends on them alone: read on other threads a chunk
            // of groups ahead, while this one places the groups before them, one by one, in order.
            let chunks = (groups.count + groupChunk - 1) / groupChunk
            Parallel.overlapped(chunks: chunks, make: { [groupChunk, teaching] chunk in
                let range = chunk * groupChunk ..< min(grouped.count, (chunk + 1) * groupChunk)
                return (range, Parallel.map(grouped[range]) {
                    InstitutionProfile.facts(of: $0, in: records, keys: keys, teaching: teaching)
                })
            }) { range, facts in
                for (groupIndex, groupFacts) in zip(range, facts) {
                    let group = grouped[groupIndex]
                    for member in group { groupOf[Int(member)] = Int32(groupIndex) }
                    let id = Self.place(matches: group.flatMap { matched[Int($0)].map { ($0.id(in: known), $0.rule) } }, in: &state)
                    state.add(groupFacts, to: id)
                    placement.append(id)
                }
            }
        }

        // Step 3: the clerk's decisions, taken here, before step 2b: a "same" merges before any
        // evidence is weighed, and "different" pairs stay apart in steps 2b and 4 alike.
        var decisionMerged = Set<InstitutionID>()
        for case .same(let a, let b) in decisions {
            let (x, y) = (state.resolve(a), state.resolve(b))
            guard x != y, state.profiles[x] != nil, state.profiles[y] != nil else { continue }
            let (survivor, loser) = x < y ? (x, y) : (y, x)
            state.merge(loser, into: survivor, rule: .reviewDecision, evidence: "人工决定：\(a) 与 \(b) 为同一机构")
            decisionMerged.insert(loser)
        }
        var different = Set<[InstitutionID]>()
        for case .different(let a, let b) in decisions { different.insert([state.resolve(a), state.resolve(b)].sorted()) }

        // Step 2b: applications under a name one character off join the civil institution
        // seen this batch that they name (ApplicationMatcher).
        var applicationPlaced: [InstitutionID: String] = [:]
        let seen = Set(placement.map(state.resolve)).sorted().compactMap { state.profiles[$0] }
        for match in ApplicationMatcher(state.profiles.values).matches(for: seen)
        where !different.contains([state.resolve(match.application), state.resolve(match.institution)].sorted()) {
            let (survivor, loser) = state.survivorOrder(match.institution, match.application)
            state.merge(loser, into: survivor, rule: .nameCounty, evidence: match.evidence)
            applicationPlaced[loser] = match.evidence
        }

        // Step 4: successors across the registries, for civil institutions seen this batch.
        let touched = Set(placement.map(state.resolve))
        // Ids are sorted, then their profiles fetched: profiles are large to move.
        let civil = state.profiles.values.lazy
            .filter { touched.contains($0.id) && $0.hasCivil && !$0.hasEnterprise
                && ($0.civilRegisteredOn.map { $0 >= policyStart } ?? true) }
            .map(\.id).sorted().map { state.profiles[$0]! }
        let enterprises = state.profiles.values.lazy.filter { $0.hasEnterprise && !$0.hasCivil }
            .map(\.id).sorted().map { state.profiles[$0]! }
        let matcher = SuccessorMatcher(different: different)
        let outcome = matcher.match(civil: civil, enterprises: enterprises)
        var fuzzyPlaced: [InstitutionID: SuccessorEvidence] = [:]
        for pair in outcome.links {
            let (survivor, loser) = state.survivorOrder(pair.enterprise, pair.civil)
            state.merge(loser, into: survivor, rule: .fuzzy, evidence: pair.evidence.summary)
            fuzzyPlaced[pair.civil] = pair.evidence
        }

        // Step 5: mint ids for new institutions in the order of their first record.
        var sequence = nextSequence
        for id in placement where state.resolve(id).isProvisional {
            state.rename(state.resolve(id), to: InstitutionID(sequence: sequence))
            sequence += 1
        }

        // Every institution is placed and named: each record's link is explained on every core.
        let links = Parallel.map(records.indices) { [state, groupOf, placement, fuzzyPlaced, decisionMerged, applicationPlaced] recordIndex -> RecordLink in
            let groupIndex = Int(groupOf[recordIndex])
            let provisionalOrKnown = placement[groupIndex]
            let institution = state.resolve(provisionalOrKnown)
            if let match = knownMatches[recordIndex].first(where: { state.resolve($0.id(in: known)) == institution }) {
                return RecordLink(ref: records[recordIndex].ref, institution: institution, rule: match.rule, score: 1,
                                  evidence: Self.describe(match.rule))
            }
            if let evidence = fuzzyPlaced[provisionalOrKnown] {
                return RecordLink(ref: records[recordIndex].ref, institution: institution, rule: .fuzzy,
                                  score: (evidence.probability * 10_000).rounded() / 10_000, evidence: evidence.summary)
            }
            if let evidence = applicationPlaced[provisionalOrKnown] {
                return RecordLink(ref: records[recordIndex].ref, institution: institution, rule: .nameCounty,
                                  score: ApplicationMatcher.score, evidence: evidence)
            }
            if decisionMerged.contains(where: { state.wasMerged($0, from: provisionalOrKnown) }) {
                return RecordLink(ref: records[recordIndex].ref, institution: institution, rule: .reviewDecision, score: 1,
                                  evidence: "人工决定")
            }
            let group = groups[groupIndex]
            if group.first == Int32(recordIndex), provisionalOrKnown.isProvisional {
                return RecordLink(ref: records[recordIndex].ref, institution: institution, rule: .new, score: 1, evidence: "新机构")
            }
            let rule = Self.sharedKeyRule(RecordKeys(records[recordIndex]),
                                          among: group.filter { $0 != recordIndex }.map { RecordKeys(records[Int($0)]) })
            return RecordLink(ref: records[recordIndex].ref, institution: institution, rule: rule, score: 1,
                              evidence: Self.describe(rule))
        }

        let reviews = outcome.reviews.map {
            LinkReview(civil: state.resolve($0.civil), enterprise: state.resolve($0.enterprise),
                       probability: ($0.evidence.probability * 10_000).rounded() / 10_000, evidence: $0.evidence.summary)
        }
        return LinkageResult(
            links: links,
            profiles: state.touchedProfiles(),
            merges: state.merges,
            reviews: reviews,
            nextSequence: sequence)
    }

    /// Step 2 for one group: the institution its records' matches with the known place it in.
    /// Codes are proof: two known institutions that the group's codes both name are one.
    /// Weaker identifiers only place the group, with the strongest rule first; with none, the
    /// group is a new institution under a provisional id.
    private static func place(matches: [(id: InstitutionID, rule: LinkRule)], in state: inout LinkState) -> InstitutionID {
        let byCode = Array(Set(matches.filter { $0.rule == .creditCode || $0.rule == .formerCreditCode }.map(\.id))).sorted()
        if let first = byCode.first {
            for other in byCode.dropFirst() {
                state.merge(other, into: first, rule: .creditCode, evidence: "同一批记录的代码同时指向 \(first) 与 \(other)")
            }
            // An institution known only by this name, without a code of this kind (an
            // application), is the one the code now names: 受理 becomes 成立登记.
            let byName = Set(matches.filter { $0.rule == .nameCounty }.map(\.id)).subtracting(byCode)
            for other in byName.sorted() {
                state.merge(other, into: first, rule: .nameCounty, evidence: "同一旗县区内名称相同，此前仅有申请记录：\(other) 即 \(first)")
            }
            return first
        }
        let weaker = LinkRule.allCases.lazy.compactMap { rule in matches.filter { $0.rule == rule }.map(\.id).min() }.first
        return weaker ?? state.provisional()
    }

    /// The strongest identifier a record shares with the rest of its group.
    private static func sharedKeyRule(_ keys: RecordKeys, among others: [RecordKeys]) -> LinkRule {
        if let code = keys.creditCode, others.contains(where: { $0.creditCode == code }) { return .creditCode }
        if others.contains(where: { other in
            (keys.formerCreditCode != nil && other.creditCode == keys.formerCreditCode)
                || (keys.creditCode != nil && other.formerCreditCode == keys.creditCode)
        }) { return .formerCreditCode }
        if others.contains(where: { $0.otherNumbers.contains(where: keys.otherNumbers.contains) }) { return .registrationNumber }
        return .nameCounty
    }

    private static func describe(_ rule: LinkRule) -> String {
        switch rule {
        case .creditCode: "统一社会信用代码相同"
        case .formerCreditCode: "原统一社会信用代码相同"
        case .registrationNumber: "注册号、登记证号或组织机构代码相同"
        case .nameCounty: "同一旗县区内名称相同"
        case .fuzzy: "加权证据"
        case .reviewDecision: "人工决定"
        case .new: "新机构"
        }
    }
}

extension InstitutionID {
    /// Ids used inside one linkage run before minting; never leave it.
    var isProvisional: Bool { rawValue.hasPrefix("new:") }
}
