import Foundation
import RegistryModel
import Support

/// The weighted evidence (Fellegi–Sunter, in bits) that a civil-affairs institution is the
/// non-profit successor of a market-regulation enterprise.
///
/// Each comparison adds log2(m/u): m is how often the field agrees for a true successor,
/// u how often it agrees by chance. u comes from the data (term frequency): a brand core
/// or a legal representative's name that many enterprises share says little, a rare one
/// says a lot. Region prefixes and legal-form suffixes never enter the comparison (the
/// brand core has none), which is where whole-name Jaro-Winkler goes wrong on this data.
struct SuccessorEvidence: Sendable, Hashable {
    struct Weight: Sendable, Hashable {
        let label: String
        let bits: Double
    }

    private(set) var weights: [Weight]
    /// Excluded outright: the civil record names a different former code.
    let excluded: Bool
    /// Why weighted evidence alone may not link the pair, however strong: a person decides.
    var reviewOnly: String? = nil
    /// The bits of the pair's own comparisons, before the other candidates are weighed.
    private(set) var pairBits: Double = 0

    init(weights: [Weight], excluded: Bool) {
        self.weights = weights
        self.excluded = excluded
        pairBits = weights.reduce(0) { $0 + $1.bits }
    }

    var bits: Double { weights.reduce(0) { $0 + $1.bits } }

    /// This pair's odds, 2^bits, against `alternatives`: the odds that the civil institution
    /// has no predecessor among the candidates, or has another one. A civil institution has
    /// one predecessor at most, so a candidate is only as likely as its rivals leave room for.
    func weighed(against alternatives: Double) -> SuccessorEvidence {
        var evidence = self
        evidence.weights.append(.init(label: "其他可能（另有候选或无前身）", bits: -log2(alternatives)))
        return evidence
    }

    /// The posterior probability of a match.
    var probability: Double { excluded ? 0 : 1 / (1 + pow(2, -bits)) }

    /// For the clerk: `品牌“智远”一致 +10.3；旗县一致 +2.0；…`.
    var summary: String {
        weights.map { String(format: "%@ %+.1f", $0.label, $0.bits) }.joined(separator: "；")
    }
}

/// The fields blocking compares on.
enum BlockField: Hashable { case core, representative, address }

/// Counts of a value among the candidates, for u-probabilities: among all of them, and
/// among those of one trade (scope trains, does not).
struct TermFrequencies {
    /// 32 bits each: a month counts half a million enterprises' brands, names and premises.
    struct Counts {
        var all: Int32 = 0, training: Int32 = 0, other: Int32 = 0

        mutating func add(_ trains: Bool?) {
            all += 1
            if trains == true { training += 1 } else if trains == false { other += 1 }
        }

        /// nil: all candidates (the trade is unknown).
        subscript(_ trains: Bool?) -> Int {
            switch trains {
            case nil: Int(all)
            case true?: Int(training)
            case false?: Int(other)
            }
        }
    }

    /// The frequencies within one trade.
    struct Trade {
        fileprivate let frequencies: TermFrequencies
        fileprivate let trains: Bool?

        func count(_ value: String) -> Int { frequencies.counts[TextKey(value)]?[trains] ?? 0 }

        /// The chance that a random candidate of the trade carries this value.
        func u(_ value: String) -> Double { Double(max(count(value), 1)) / Double(max(frequencies.totals[trains], 1)) }
    }

    /// Brands, names and addresses: Chinese, so keyed by their bytes (`TextKey`).
    private var counts: [TextKey: Counts] = [:]
    private var totals = Counts()

    init(_ enterprises: [InstitutionProfile], _ values: (InstitutionProfile) -> ArraySlice<String>) {
        for enterprise in enterprises {
            for value in values(enterprise) {
                counts[TextKey(value), default: Counts()].add(enterprise.scopeTrains)
                totals.add(enterprise.scopeTrains)
            }
        }
    }

    func trade(_ trains: Bool?) -> Trade { Trade(frequencies: self, trains: trains) }
}

struct SuccessorScorer {
    /// How often each field agrees for a true successor (m-probabilities). Set from what
    /// re-registration keeps: the brand usually, the county almost always, the legal
    /// representative mostly, the premises often.
    enum M {
        static let core = 0.85
        static let county = 0.97
        static let representative = 0.75
        static let address = 0.5
        /// A training school's predecessor states training in its scope: nearly always.
        static let trains = 0.996
        /// What a subject school's predecessor, training, says it teaches: subjects mostly, or
        /// not what; non-subject content alone hardly ever (it had no subject teaching to
        /// re-register), which is what a sister company of the same owner often teaches.
        static let teachingOfSubjectSchool: [ScopeTeaching: Double] = [.subject: 0.85, .unstated: 0.13, .otherContent: 0.02]
        /// A mistyped former code is one typo (a substitution or two neighbours swapped) from
        /// the predecessor's code: nearly always.
        static let formerCodeWithinOneTypo = 0.95
        /// log2(m/u) for a mistyped former code one typo from the enterprise's code: u is the
        /// chance that some other valid code lies one typo from the same string, negligible
        /// among tens of thousands of codes in 31^16; 30 bits is far below it and above any
        /// sum of name, person and premises.
        static let formerCodeOneTypo = 30.0
    }

    /// The share of civil-affairs institutions met here that have a predecessor among the
    /// candidates: most are re-registrations.
    static let predecessorShare = 0.8

    /// u of brand, representative and premises, counted among the candidates of the compared
    /// enterprise's trade (its scope trains, does not, or is unknown: all candidates). The
    /// trade's own weight already says how rare training enterprises are; within the trade,
    /// a sister company that shares its partner's premises and owner but not its trade
    /// does not make that address or name look common among training enterprises.
    let cores: TermFrequencies
    let representatives: TermFrequencies
    let addresses: TermFrequencies
    let countyShares: [County: Double]
    /// The share of candidates whose scope states training (among those with a scope).
    let trainingShare: Double
    /// Among the candidates that train, the share stating each kind of teaching.
    let teachingShares: [ScopeTeaching: Double]
    let candidateCount: Int

    init(enterprises: [InstitutionProfile]) {
        cores = TermFrequencies(enterprises) { $0.cores }
        representatives = TermFrequencies(enterprises) { $0.legalRepresentatives }
        addresses = TermFrequencies(enterprises) { $0.addresses }
        let scopes = enterprises.compactMap(\.scopeTrains)
        // Bounded away from 0 and 1, so that neither answer is ever worth infinite bits.
        trainingShare = min(max(Double(scopes.filter { $0 }.count) / Double(max(scopes.count, 1)), 0.01), 0.99)
        let teachings = enterprises.compactMap(\.enterpriseTeaching).filter(\.trains)
        teachingShares = Dictionary(uniqueKeysWithValues: M.teachingOfSubjectSchool.keys.map { teaching in
            (teaching, min(max(Double(teachings.filter { $0 == teaching }.count) / Double(max(teachings.count, 1)), 0.01), 0.99))
        })
        var countyCounts: [County: Int] = [:]
        for enterprise in enterprises { for county in enterprise.counties { countyCounts[county, default: 0] += 1 } }
        let total = Double(max(countyCounts.values.reduce(0, +), 1))
        countyShares = countyCounts.mapValues { Double($0) / total }
        candidateCount = max(enterprises.count, 1)
    }

    func score(civil: InstitutionProfile, enterprise: InstitutionProfile) -> SuccessorEvidence {
        // A valid former code names the predecessor: any other enterprise is excluded. One
        // that fails its check is probably mistyped: one character off still points here.
        let validFormerCodes = civil.formerCreditCodes.filter(CreditCodeRules.isValid)
        // Two valid codes are never one typo apart (the check character catches a substitution
        // or a swap of neighbours): a former code one typo from the enterprise's code is that
        // code, mistyped in the civil export or in the enterprise's own.
        let oneTypo = civil.formerCreditCodes.contains { former in enterprise.creditCodes.contains { Self.oneTypoApart(former, $0) } }
        if !validFormerCodes.isEmpty, !validFormerCodes.contains(where: enterprise.creditCodes.contains), !oneTypo {
            return SuccessorEvidence(weights: [.init(label: "原统一社会信用代码指向其他企业", bits: -50)], excluded: true)
        }
        // Most civil-affairs institutions met here are re-registrations, and each has one
        // predecessor among all the candidates.
        var weights = [SuccessorEvidence.Weight(label: "先验", bits: log2(Self.predecessorShare / Double(candidateCount)))]
        // A former code that fails its check is a mistyped code: one typo from this enterprise's
        // code it is as good as the code; further away, it most likely belongs to another
        // enterprise (damaged beyond one typo only rarely).
        let damagedFormerCodes = civil.formerCreditCodes.filter { !CreditCodeRules.isValid($0) }
        if oneTypo {
            weights.append(.init(label: "原统一社会信用代码仅差一位（疑似录入错误）", bits: M.formerCodeOneTypo))
        } else if validFormerCodes.isEmpty, !damagedFormerCodes.isEmpty {
            weights.append(.init(label: "原统一社会信用代码（校验不符）与企业代码不符", bits: log2(1 - M.formerCodeWithinOneTypo)))
        }
        let trade = enterprise.scopeTrains
        weights.append(compareCores(civil.cores, enterprise.cores, cores.trade(trade)))
        if let county = compareCounties(civil.counties, enterprise.counties, civil.otherCounties ?? [], enterprise.otherCounties ?? []) {
            weights.append(county)
        }
        if let representative = compareRepresentatives(civil.legalRepresentatives, enterprise.legalRepresentatives, representatives.trade(trade)) {
            weights.append(representative)
        }
        if let address = compareAddresses(civil.addresses, enterprise.addresses, addresses.trade(trade)) { weights.append(address) }
        if let trade = compareTrade(enterprise.scopeTrains) { weights.append(trade) }
        if let teaching = compareTeaching(civil.civilTeaching, enterprise.enterpriseTeaching) { weights.append(teaching) }
        if let registered = civil.civilRegisteredOn, let established = enterprise.enterpriseEstablishedOn,
           registered < established {
            weights.append(.init(label: "非营利登记早于企业成立", bits: -5))
        }
        var evidence = SuccessorEvidence(weights: weights, excluded: false)
        // Features of a sister company (same owner, premises and brand, another trade) agree
        // together, so their bits overwhelm the one that tells it apart: an enterprise whose
        // scope never states training is never linked on weighted evidence alone.
        if enterprise.scopeTrains == false { evidence.reviewOnly = "企业经营范围不含培训" }
        return evidence
    }

    /// The odds, summed over the candidates blocking never compares, that one of them is the
    /// predecessor: each disagrees with the civil institution on brand, representative and
    /// premises (what blocking looks at), except the candidates of a key too common to block
    /// on (`unblocked`), which agree on that one. County and trade average out over all
    /// candidates (their weights are term frequencies).
    func unblockedOdds(civil: InstitutionProfile, unblocked: Set<BlockField>) -> Double {
        var misses: [BlockField: Double] = [:]
        if !civil.cores.isEmpty { misses[.core] = 1 - M.core }
        if !civil.legalRepresentatives.isEmpty { misses[.representative] = 1 - M.representative }
        if !civil.addresses.isEmpty { misses[.address] = 1 - M.address }
        let allMiss = misses.values.reduce(1, *)
        var odds = allMiss
        for field in unblocked {
            guard let miss = misses[field] else { continue }
            let m = switch field { case .core: M.core; case .representative: M.representative; case .address: M.address }
            odds += allMiss / miss * m
        }
        // A mistyped former code is far from the codes of the candidates blocking skipped
        // (the ones one typo away are always compared).
        if civil.formerCreditCodes.contains(where: { !CreditCodeRules.isValid($0) }),
           !civil.formerCreditCodes.contains(where: CreditCodeRules.isValid) {
            odds *= 1 - M.formerCodeWithinOneTypo
        }
        return Self.predecessorShare * odds
    }

    private func compareCores(_ a: ArraySlice<String>, _ b: ArraySlice<String>, _ cores: TermFrequencies.Trade) -> SuccessorEvidence.Weight {
        if let shared = a.filter(b.contains).min(by: { cores.count($0) < cores.count($1) }) {
            return .init(label: "品牌“\(shared)”一致", bits: log2(M.core / cores.u(shared)))
        }
        if a.contains(where: { x in b.contains { y in Self.differByOneCharacter(x, y) } }) {
            return .init(label: "品牌相差一字", bits: log2(0.02 / 0.01))
        }
        return .init(label: "品牌不同", bits: log2((1 - M.core) / 1))
    }

    /// A county that another source of either side's records named counts too: when a
    /// record's own sources disagree, its county is not known well enough to disagree with.
    private func compareCounties(_ a: CountySet, _ b: CountySet, _ otherA: CountySet, _ otherB: CountySet) -> SuccessorEvidence.Weight? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        if let shared = a.intersection(b).first {
            return .init(label: "同属\(shared.name)", bits: log2(M.county / (countyShares[shared] ?? 1)))
        }
        if let shared = a.union(otherA).intersection(b.union(otherB)).first {
            return .init(label: "同属\(shared.name)（另一来源）", bits: log2(M.county / (countyShares[shared] ?? 1)))
        }
        return .init(label: "旗县区不同", bits: log2((1 - M.county) / 0.85))
    }

    private func compareRepresentatives(_ a: ArraySlice<String>, _ b: ArraySlice<String>, _ representatives: TermFrequencies.Trade) -> SuccessorEvidence.Weight? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        if let shared = a.filter(b.contains).min(by: { representatives.count($0) < representatives.count($1) }) {
            return .init(label: "法定代表人一致", bits: log2(M.representative / representatives.u(shared)))
        }
        return .init(label: "法定代表人不同", bits: log2(1 - M.representative))
    }

    private func compareAddresses(_ a: ArraySlice<String>, _ b: ArraySlice<String>, _ addresses: TermFrequencies.Trade) -> SuccessorEvidence.Weight? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        // The rarest shared address counts: premises many enterprises register at say little.
        if let shared = a.filter(b.contains).min(by: { addresses.count($0) < addresses.count($1) }) {
            return .init(label: "住所一致", bits: log2(M.address / addresses.u(shared)))
        }
        let best = a.flatMap { x in b.map { y in Self.bigramDice(x, y) } }.max() ?? 0
        if best >= 0.6 { return .init(label: "住所相近", bits: 3) }
        return .init(label: "住所不同", bits: -1)
    }

    /// A training school's predecessor trains: an enterprise whose scope never mentions
    /// it is a sister company (same owner and premises, another trade), not the predecessor.
    /// u is the share of candidates whose scope states training (term frequency).
    private func compareTrade(_ trains: Bool?) -> SuccessorEvidence.Weight? {
        guard let trains else { return nil }
        return trains
            ? .init(label: "企业经营范围含培训", bits: log2(M.trains / trainingShare))
            : .init(label: "企业经营范围不含培训", bits: log2((1 - M.trains) / (1 - trainingShare)))
    }

    /// A subject school's predecessor, among the enterprises that train: what its scope says
    /// is taught. (Other schools' predecessors are not told apart this way: a non-subject
    /// school may have been a subject one that changed what it teaches.)
    private func compareTeaching(_ civil: ScopeTeaching?, _ enterprise: ScopeTeaching?) -> SuccessorEvidence.Weight? {
        guard civil == .subject, let enterprise, let m = M.teachingOfSubjectSchool[enterprise],
              let u = teachingShares[enterprise] else { return nil }
        let label = switch enterprise {
        case .subject: "企业经营范围含学科类内容"
        case .otherContent: "企业经营范围只有非学科类内容"
        default: "企业经营范围未写所教内容"
        }
        return .init(label: label, bits: log2(m / u))
    }

    /// One substitution or one swap of neighbouring characters apart.
    static func oneTypoApart(_ a: String, _ b: String) -> Bool {
        // Read in place, the first two differences kept: asked for every candidate pair.
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count, x.count >= 2 else { return false }
                var first = -1, second = -1
                for index in x.indices where x[index] != y[index] {
                    if first < 0 { first = index } else if second < 0 { second = index } else { return false }
                }
                // One substitution, or two neighbours swapped.
                return first >= 0 && (second < 0 || (second == first + 1 && x[first] == y[second] && x[second] == y[first]))
            }
        }
    }

    /// Every string one typo from a code (for blocking on a mistyped former code).
    static func oneTypoVariants(_ code: String) -> [String] {
        let bytes = Array(code.utf8)
        var variants: [String] = []
        for index in bytes.indices {
            for character in CreditCodeRules.alphabet where character != bytes[index] {
                var variant = bytes
                variant[index] = character
                variants.append(String(decoding: variant, as: UTF8.self))
            }
            if index + 1 < bytes.count, bytes[index] != bytes[index + 1] {
                var variant = bytes
                variant.swapAt(index, index + 1)
                variants.append(String(decoding: variant, as: UTF8.self))
            }
        }
        return variants
    }

    static func differByOneCharacter(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        guard x.count == y.count, x.count >= 2 else { return false }
        return zip(x, y).filter { $0 != $1 }.count == 1
    }

    static func bigramDice(_ a: String, _ b: String) -> Double {
        // Sorted, so that the shared bigrams (counted with their repeats) are found by one
        // merge of the two lists: asked for every candidate pair's addresses.
        func bigrams(_ text: String) -> [UInt64] {
            var grams: [UInt64] = []
            var previous: UInt64?
            for scalar in text.unicodeScalars {
                let value = UInt64(scalar.value)
                if let previous { grams.append(previous << 32 | value) }
                previous = value
            }
            if grams.isEmpty, let previous { grams.append(previous) }
            return grams.sorted()
        }
        let x = bigrams(a)
        let y = bigrams(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var shared = 0, i = 0, j = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                shared += 1
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return 2 * Double(shared) / Double(x.count + y.count)
    }
}
