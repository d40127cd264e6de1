import RegistryModel

/// Step 3: links civil-affairs institutions (non-profits registered after the policy, and
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
        let scorer = SuccessorScorer(enterprises: enterprises)
        var byCore: [String: [Int]] = [:]
        var byRepresentative: [String: [Int]] = [:]
        var byAddress: [String: [Int]] = [:]
        for (index, enterprise) in enterprises.enumerated() {
            for core in enterprise.cores { byCore[core, default: []].append(index) }
            for name in enterprise.legalRepresentatives { byRepresentative[name, default: []].append(index) }
            for address in enterprise.addresses { byAddress[address, default: []].append(index) }
        }

        var candidatesByCivil: [InstitutionID: [Pair]] = [:]
        var bestCivilByEnterprise: [InstitutionID: Pair] = [:]
        for profile in civil {
            var block = Set<Int>()
            for core in profile.cores { block.formUnion(Self.limited(byCore[core])) }
            for name in profile.legalRepresentatives { block.formUnion(Self.limited(byRepresentative[name])) }
            for address in profile.addresses { block.formUnion(Self.limited(byAddress[address])) }
            var pairs: [Pair] = []
            for index in block.sorted() {
                let enterprise = enterprises[index]
                guard !different.contains([profile.id, enterprise.id].sorted()) else { continue }
                let evidence = scorer.score(civil: profile, enterprise: enterprise)
                guard evidence.probability >= Self.reviewProbability else { continue }
                pairs.append(Pair(civil: profile.id, enterprise: enterprise.id, evidence: evidence))
            }
            pairs.sort { ($0.evidence.bits, $1.enterprise) > ($1.evidence.bits, $0.enterprise) }
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
            let runnerUp = pairs.dropFirst().first?.evidence.bits ?? -.infinity
            let rivalCivil = (rivalsByEnterprise[best.enterprise] ?? [])
                .filter { $0.civil != profile.id }.map(\.evidence.bits).max() ?? -.infinity
            let clear = best.evidence.bits - max(runnerUp, rivalCivil) >= Self.requiredMargin
            if best.evidence.probability >= Self.linkProbability, clear,
               bestCivilByEnterprise[best.enterprise]?.civil == profile.id {
                outcome.links.append(best)
            } else {
                outcome.reviews.append(contentsOf: pairs.prefix(2))
            }
        }
        return outcome
    }

    private static func limited(_ block: [Int]?) -> [Int] {
        guard let block, block.count <= maximumBlockSize else { return [] }
        return block
    }
}
