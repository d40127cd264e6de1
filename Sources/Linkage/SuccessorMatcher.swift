import Foundation
import RegistryModel
import Support

/// Step 4: links civil-affairs institutions (non-profits registered after the policy, and
/// applications) to the enterprise each replaced, where no former code says so.
///
/// Blocking: only enterprises sharing a brand core, a legal representative or premises
/// with the civil institution are compared, so the work grows with the block sizes, never with all
/// pairs. A pair is linked only when it is confident, clearly better than any rival on
/// either side, and both are each other's best; gray-zone pairs go to review instead.
struct SuccessorMatcher {
    /// At or above: linked.
    static let linkProbability = 0.97
    /// At or above (and below `linkProbability`, or contested): a review item.
    static let reviewProbability = 0.5
    /// A civil institution left without a predecessor shows its best candidate from here on:
    /// an institution left split is what a clerk can mend with one `same` line.
    static let splitReviewProbability = 0.2
    /// Bits by which the best candidate must beat the runner-up.
    static let requiredMargin = 5.0
    /// Blocks larger than this carry no identifying power (a generic core, a common name).
    static let maximumBlockSize = 300

    struct Pair {
        let civil: InstitutionID
        let enterprise: InstitutionID
        let evidence: SuccessorEvidence
    }

    struct Outcome {
        var links: [Pair] = []
        var reviews: [Pair] = []
    }

    /// Pairs a clerk decided are different institutions.
    let different: Set<[InstitutionID]>

    func match(civil: [InstitutionProfile], enterprises: [InstitutionProfile]) -> Outcome {
        let candidates = SuccessorCandidates(enterprises: enterprises)
        var candidatesByCivil: [InstitutionID: [Pair]] = [:]
        var bestCivilByEnterprise: [InstitutionID: Pair] = [:]
        // Each civil institution's candidates are weighed on its own: on every core.
        let different = different
        let compared = Parallel.map(civil) { profile in candidates.weighed(profile, different: different) }
        let weighed = compared.map { $0.filter { $0.evidence.probability >= Self.reviewProbability } }
        for (profile, pairs) in zip(civil, weighed) {
            candidatesByCivil[profile.id] = pairs
            for pair in pairs {
                if let current = bestCivilByEnterprise[pair.enterprise], current.evidence.bits >= pair.evidence.bits { continue }
                bestCivilByEnterprise[pair.enterprise] = pair
            }
        }

        var outcome = Outcome()
        var rivalsByEnterprise: [InstitutionID: [Pair]] = [:]
        for pairs in candidatesByCivil.values { for pair in pairs { rivalsByEnterprise[pair.enterprise, default: []].append(pair) } }
        for profile in civil {
            guard let pairs = candidatesByCivil[profile.id], let best = pairs.first else { continue }
            // The margin compares the pairs' own evidence: the weighing against the other
            // candidates already counts the runner-up once.
            let runnerUp = pairs.dropFirst().first?.evidence.pairBits ?? -.infinity
            let rivalCivil = (rivalsByEnterprise[best.enterprise] ?? [])
                .filter { $0.civil != profile.id }.map(\.evidence.pairBits).max() ?? -.infinity
            let clear = best.evidence.pairBits - max(runnerUp, rivalCivil) >= Self.requiredMargin
            if best.evidence.probability >= Self.linkProbability, clear, best.evidence.reviewOnly == nil,
               bestCivilByEnterprise[best.enterprise]?.civil == profile.id {
                outcome.links.append(best)
            } else {
                outcome.reviews.append(contentsOf: pairs.prefix(2))
            }
        }
        // A tie splits the probability between its candidates, so that none reaches review
        // alone: exactly what a person must see.
        for (pairs, sure) in zip(compared, weighed) where sure.isEmpty {
            let tie = Self.tie(pairs)
            if !tie.isEmpty {
                outcome.reviews.append(contentsOf: tie)
            } else if let best = pairs.first, best.evidence.probability >= Self.splitReviewProbability {
                outcome.reviews.append(best)
            }
        }
        return outcome
    }

    /// The best candidates when they are within the margin of one another and together reach
    /// the review probability (at most three: a clerk reads them side by side); else none.
    static func tie(_ pairs: [Pair]) -> [Pair] {
        guard let best = pairs.first else { return [] }
        let tied = pairs.prefix { best.evidence.pairBits - $0.evidence.pairBits < requiredMargin }.prefix(3)
        guard tied.count > 1, tied.map(\.evidence.probability).reduce(0, +) >= reviewProbability else { return [] }
        return Array(tied)
    }
}

/// Blocking and scoring for step 4: the enterprises a civil institution is compared with,
/// each pair's evidence, weighed against the other candidates.
struct SuccessorCandidates {
    let enterprises: [InstitutionProfile]
    let scorer: SuccessorScorer
    /// Brands, names and addresses are Chinese: keyed by their bytes (`TextKey`).
    private let byCore: Postings<TextKey>
    private let byRepresentative: Postings<TextKey>
    private let byAddress: Postings<TextKey>
    /// Each code's enterprise (a code belongs to one institution: the first one keeps it).
    private let byCode: TextPositions
    /// Enterprise codes that fail their check, under each masked form (one position `*`):
    /// what a valid former code one substitution from them shares with them.
    private let byMistypedCodeMask: [String: [Int]]

    init(enterprises: [InstitutionProfile]) {
        self.enterprises = enterprises
        var byCode = TextPositions(), byMistypedCodeMask: [String: [Int]] = [:]
        // The scorer's term counts need nothing of the blocks: counted beside them.
        ((byCore, byRepresentative, byAddress), scorer) = Parallel.both({
            func postings(_ values: (InstitutionProfile) -> ArraySlice<String>) -> Postings<TextKey> {
                Postings(members: enterprises.count) { values(enterprises[$0]).lazy.map(TextKey.init) }
            }
            for index in enterprises.indices {
                for code in enterprises[index].creditCodes {
                    _ = byCode.recorded(code, else: Int32(index), holds: Self.holds(code, in: enterprises))
                    guard !CreditCodeRules.isValid(code) else { continue }
                    for mask in Self.masks(code) { byMistypedCodeMask[mask, default: []].append(index) }
                }
            }
            return (postings(\.cores), postings(\.legalRepresentatives), postings(\.addresses))
        }, { SuccessorScorer(enterprises: enterprises) })
        (self.byCode, self.byMistypedCodeMask) = (byCode, byMistypedCodeMask)
    }

    /// Whether the enterprise at a position carries `code`.
    private static func holds(_ code: String, in enterprises: [InstitutionProfile]) -> (Int32) -> Bool {
        { enterprises[Int($0)].creditCodes.contains { $0.hasSameUTF8(as: code) } }
    }

    /// The enterprise carrying `code`, if any.
    private func enterprise(carrying code: String) -> Int? {
        byCode.position(of: code, holds: Self.holds(code, in: enterprises)).map(Int.init)
    }

    /// The code with each position in turn replaced by `*`.
    private static func masks(_ code: String) -> [String] {
        let bytes = Array(code.utf8)
        return bytes.indices.map { index in
            var masked = bytes
            masked[index] = UInt8(ascii: "*")
            return String(decoding: masked, as: UTF8.self)
        }
    }

    /// The code with each pair of different neighbours swapped.
    private static func swaps(_ code: String) -> [String] {
        let bytes = Array(code.utf8)
        return bytes.indices.dropLast().compactMap { index in
            guard bytes[index] != bytes[index + 1] else { return nil }
            var swapped = bytes
            swapped.swapAt(index, index + 1)
            return String(decoding: swapped, as: UTF8.self)
        }
    }

    /// Every compared enterprise, best first, each pair weighed against the others: a civil
    /// institution has one predecessor at most, so the odds of one candidate are shared with its
    /// rivals, with the candidates blocking never compared, and with having none.
    func weighed(_ profile: InstitutionProfile, different: Set<[InstitutionID]>) -> [SuccessorMatcher.Pair] {
        var block = Set<Int>()
        var unblocked = Set<BlockField>()
        func add(_ members: ArraySlice<Int32>?, _ field: BlockField) {
            guard let members else { return }
            if members.count > SuccessorMatcher.maximumBlockSize { unblocked.insert(field) } else { block.formUnion(members.lazy.map(Int.init)) }
        }
        for core in profile.cores { add(byCore[TextKey(core)], .core) }
        for name in profile.legalRepresentatives { add(byRepresentative[TextKey(name)], .representative) }
        for address in profile.addresses { add(byAddress[TextKey(address)], .address) }
        // The enterprises whose code is one typo from a former code: the former code mistyped,
        // or (a valid former code) the enterprise's own.
        for former in profile.formerCreditCodes {
            if CreditCodeRules.isValid(former) {
                for mask in Self.masks(former) { block.formUnion(byMistypedCodeMask[mask] ?? []) }
                for swapped in Self.swaps(former) { if let index = enterprise(carrying: swapped) { block.insert(index) } }
            } else {
                for variant in SuccessorScorer.oneTypoVariants(former) { if let index = enterprise(carrying: variant) { block.insert(index) } }
            }
        }

        var scored: [(enterprise: InstitutionID, evidence: SuccessorEvidence, odds: Double)] = []
        for index in block.sorted() {
            let enterprise = enterprises[index]
            guard !different.contains([profile.id, enterprise.id].sorted()) else { continue }
            let evidence = scorer.score(civil: profile, enterprise: enterprise)
            scored.append((enterprise.id, evidence, evidence.excluded ? 0 : pow(2, evidence.bits)))
        }
        let total = scored.reduce(0) { $0 + $1.odds }
        let elsewhere = (1 - SuccessorScorer.predecessorShare) + scorer.unblockedOdds(civil: profile, unblocked: unblocked)
        var pairs = scored.map { candidate in
            SuccessorMatcher.Pair(civil: profile.id, enterprise: candidate.enterprise,
                                  evidence: candidate.evidence.excluded ? candidate.evidence
                                      : candidate.evidence.weighed(against: elsewhere + (total - candidate.odds)))
        }
        pairs.sort { ($0.evidence.bits, $1.enterprise) > ($1.evidence.bits, $0.enterprise) }
        return pairs
    }
}

/// The successor evidence between two profiles as step 4 weighs it, for evaluation and for
/// explaining a split to a clerk: blocking and scoring over the given enterprise candidates.
public struct SuccessorDiagnosis: Sendable {
    private let candidates: SuccessorCandidates

    public init(enterprises: [InstitutionProfile]) {
        candidates = SuccessorCandidates(enterprises: enterprises)
    }

    /// The posterior, the evidence in words, and whether blocking compares the pair at all
    /// (if not, the evidence is the pair's own, unweighed against other candidates).
    public func evidence(civil: InstitutionProfile, enterprise: InstitutionProfile)
        -> (probability: Double, bits: Double, summary: String, blocked: Bool) {
        if let pair = candidates.weighed(civil, different: []).first(where: { $0.enterprise == enterprise.id }) {
            return (pair.evidence.probability, pair.evidence.bits, pair.evidence.summary, true)
        }
        let evidence = candidates.scorer.score(civil: civil, enterprise: enterprise)
        return (evidence.probability, evidence.bits, evidence.summary, false)
    }

    /// The other enterprises that `civil`'s comparisons cannot rank below `enterprise`.
    /// `samePattern`: the same verdict on every compared field (brand, county, representative,
    /// premises, trade), so that no weighing of these fields tells them apart, whatever their
    /// bits; otherwise a rival whose own evidence is at least as strong under these weights.
    public func rivalsAtLeastAsStrong(civil: InstitutionProfile, enterprise: InstitutionProfile)
        -> [(enterprise: InstitutionID, samePattern: Bool)] {
        let own = candidates.scorer.score(civil: civil, enterprise: enterprise)
        let ownPattern = Self.pattern(own)
        return candidates.weighed(civil, different: []).compactMap { rival in
            guard rival.enterprise != enterprise.id, !rival.evidence.excluded else { return nil }
            let samePattern = Self.pattern(rival.evidence) == ownPattern
            return samePattern || rival.evidence.pairBits >= own.pairBits ? (rival.enterprise, samePattern) : nil
        }
    }

    /// Every compared enterprise for `civil`, best first, with its posterior and verdicts.
    public func candidates(civil: InstitutionProfile) -> [(enterprise: InstitutionID, probability: Double, pattern: [String])] {
        candidates.weighed(civil, different: []).map { ($0.enterprise, $0.evidence.probability, Self.pattern($0.evidence)) }
    }

    /// The verdicts of a pair's comparisons, without their weights, the prior or the weighing.
    private static func pattern(_ evidence: SuccessorEvidence) -> [String] {
        evidence.weights.map(\.label).filter { $0 != "先验" && !$0.hasPrefix("其他可能") }
    }
}
