import Foundation
import RegistryModel

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

    let weights: [Weight]
    /// Excluded outright: the civil record names a different former code.
    let excluded: Bool

    var bits: Double { weights.reduce(0) { $0 + $1.bits } }

    /// The posterior probability of a match.
    var probability: Double { excluded ? 0 : 1 / (1 + pow(2, -bits)) }

    /// For the clerk: `品牌“智远”一致 +10.3；旗县一致 +2.0；…`.
    var summary: String {
        weights.map { String(format: "%@ %+.1f", $0.label, $0.bits) }.joined(separator: "；")
    }
}

/// Counts of a value among the candidates, for u-probabilities.
struct TermFrequencies {
    private var counts: [String: Int] = [:]
    private(set) var total = 0

    init<S: Sequence>(_ values: S) where S.Element == String {
        for value in values { counts[value, default: 0] += 1; total += 1 }
    }

    func count(_ value: String) -> Int { counts[value] ?? 0 }

    /// The chance that a random candidate carries this value.
    func u(_ value: String) -> Double { Double(max(count(value), 1)) / Double(max(total, 1)) }
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
    }


    let cores: TermFrequencies
    let representatives: TermFrequencies
    let countyShares: [County: Double]
    let candidateCount: Int

    init(enterprises: [InstitutionProfile]) {
        cores = TermFrequencies(enterprises.flatMap(\.cores))
        representatives = TermFrequencies(enterprises.flatMap(\.legalRepresentatives))
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
        if !validFormerCodes.isEmpty, !validFormerCodes.contains(where: enterprise.creditCodes.contains) {
            return SuccessorEvidence(weights: [.init(label: "原统一社会信用代码指向其他企业", bits: -50)], excluded: true)
        }
        // Most civil-affairs institutions met here are re-registrations, and each has one
        // predecessor among all the candidates.
        var weights = [SuccessorEvidence.Weight(label: "先验", bits: log2(0.8 / Double(candidateCount)))]
        if civil.formerCreditCodes.contains(where: { former in
            enterprise.creditCodes.contains { Self.differByOneCharacter(former, $0) }
        }) {
            weights.append(.init(label: "原统一社会信用代码仅差一位（疑似录入错误）", bits: 12))
        }
        weights.append(compareCores(civil.cores, enterprise.cores))
        if let county = compareCounties(civil.counties, enterprise.counties) { weights.append(county) }
        if let representative = compareRepresentatives(civil.legalRepresentatives, enterprise.legalRepresentatives) {
            weights.append(representative)
        }
        if let address = compareAddresses(civil.addresses, enterprise.addresses) { weights.append(address) }
        if let trade = compareTrade(enterprise.scopeTrains) { weights.append(trade) }
        if let registered = civil.civilRegisteredOn, let established = enterprise.enterpriseEstablishedOn,
           registered < established {
            weights.append(.init(label: "非营利登记早于企业成立", bits: -5))
        }
        return SuccessorEvidence(weights: weights, excluded: false)
    }

    private func compareCores(_ a: [String], _ b: [String]) -> SuccessorEvidence.Weight {
        if let shared = a.filter(b.contains).min(by: { cores.count($0) < cores.count($1) }) {
            return .init(label: "品牌“\(shared)”一致", bits: log2(M.core / cores.u(shared)))
        }
        if a.contains(where: { x in b.contains { y in Self.differByOneCharacter(x, y) } }) {
            return .init(label: "品牌相差一字", bits: log2(0.02 / 0.01))
        }
        return .init(label: "品牌不同", bits: log2((1 - M.core) / 1))
    }

    private func compareCounties(_ a: [County], _ b: [County]) -> SuccessorEvidence.Weight? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        if let shared = a.first(where: b.contains) {
            return .init(label: "同属\(shared.name)", bits: log2(M.county / (countyShares[shared] ?? 1)))
        }
        return .init(label: "旗县区不同", bits: log2((1 - M.county) / 0.85))
    }

    private func compareRepresentatives(_ a: [String], _ b: [String]) -> SuccessorEvidence.Weight? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        if let shared = a.filter(b.contains).min(by: { representatives.count($0) < representatives.count($1) }) {
            return .init(label: "法定代表人一致", bits: log2(M.representative / representatives.u(shared)))
        }
        return .init(label: "法定代表人不同", bits: log2(1 - M.representative))
    }

    private func compareAddresses(_ a: [String], _ b: [String]) -> SuccessorEvidence.Weight? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        if a.contains(where: b.contains) {
            return .init(label: "住所一致", bits: min(log2(M.address * Double(candidateCount)), 9))
        }
        let best = a.flatMap { x in b.map { y in Self.bigramDice(x, y) } }.max() ?? 0
        if best >= 0.6 { return .init(label: "住所相近", bits: 3) }
        return .init(label: "住所不同", bits: -1)
    }

    /// A training school's predecessor trains: an enterprise whose scope never mentions
    /// it is a sister company (same owner and premises, another trade), not the predecessor.
    private func compareTrade(_ trains: Bool?) -> SuccessorEvidence.Weight? {
        guard let trains else { return nil }
        return trains ? .init(label: "企业经营范围含培训", bits: 1) : .init(label: "企业经营范围不含培训", bits: -8)
    }

    static func differByOneCharacter(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        guard x.count == y.count, x.count >= 2 else { return false }
        return zip(x, y).filter { $0 != $1 }.count == 1
    }

    static func bigramDice(_ a: String, _ b: String) -> Double {
        func bigrams(_ text: String) -> [UInt64] {
            let scalars = text.unicodeScalars.map { UInt64($0.value) }
            guard scalars.count >= 2 else { return scalars }
            return (0..<(scalars.count - 1)).map { scalars[$0] << 32 | scalars[$0 + 1] }
        }
        let x = bigrams(a)
        let y = bigrams(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var remaining = Dictionary(y.map { ($0, 1) }, uniquingKeysWith: +)
        var shared = 0
        for gram in x where (remaining[gram] ?? 0) > 0 {
            shared += 1
            remaining[gram]! -= 1
        }
        return 2 * Double(shared) / Double(x.count + y.count)
    }
}
