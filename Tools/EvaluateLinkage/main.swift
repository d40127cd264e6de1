// Scores the Linkage stage against the sample generator's truth, month by month, carrying
// the known institutions from month to month as the ledger does:
// pairwise precision, recall and F1; B-cubed F1; precision and recall per hard case;
// split and merged examples; id stability between consecutive months.
//
//   scripts/evaluate-linkage.sh [ROOT] [--months 2021-09,2021-10] [--show N] [--trace T000001,T000002] [--diagnose]
//
// --trace prints every record of the named truth institutions with the keys linkage saw.
// --diagnose explains every split, merge and unstable id, calibrates the posteriors and
// prints the F1 bound (Sources/Linkage/README.md, Limits).
import ArgumentParser
import Evaluation
import Classify
import Foundation
import Linkage
import Normalize
import RegistryModel

struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "EvaluateLinkage")
    @OptionGroup var world: WorldArguments
    @Option(help: "How many examples to print.") var show = 5
    @Option(help: "Truth institutions to trace (T000001,T000002).") var trace: String?
    @Flag(help: "Explain every split, merge and unstable id.") var diagnose = false
}
let options = Options.parseOrExit()
let root = options.world.rootURL
let only = options.world.onlyMonths
let show = options.show
let traced = Set((options.trace ?? "").split(separator: ",").map(String.init))
let diagnose = options.diagnose

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("evaluate-linkage: \(message)\n".utf8))
    exit(1)
}

/// Pairs of record indices, as one Int each.
func pairs(_ labels: [String]) -> Set<Int> {
    var groups: [String: [Int]] = [:]
    for (index, label) in labels.enumerated() { groups[label, default: []].append(index) }
    var result = Set<Int>()
    for members in groups.values where members.count > 1 {
        for a in members.indices { for b in members.indices where b > a { result.insert(members[a] << 32 | members[b]) } }
    }
    return result
}

struct Score {
    var truePositives = 0, predicted = 0, actual = 0
    var precision: Double { predicted == 0 ? 1 : Double(truePositives) / Double(predicted) }
    var recall: Double { actual == 0 ? 1 : Double(truePositives) / Double(actual) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    init(predicted: Set<Int>, actual: Set<Int>) {
        truePositives = predicted.intersection(actual).count
        self.predicted = predicted.count
        self.actual = actual.count
    }
}

/// A comparison's verdict without its value: 品牌“智远”一致 → 品牌一致, 同属临河区 → 同县.
func verdict(_ label: String) -> String {
    label.hasPrefix("品牌“") ? "品牌一致" : (label.hasPrefix("同属") ? "同县" : label)
}

/// Candidates or links judged against the truth.
struct Tally {
    var right = 0, wrong = 0
    mutating func add(_ isRight: Bool) { if isRight { right += 1 } else { wrong += 1 } }

    /// `    right/wrong  key` per key, the most frequent first.
    static func lines(_ tallies: [String: Tally]) -> [String] {
        tallies.sorted { ($0.value.right + $0.value.wrong, $1.key) > ($1.value.right + $1.value.wrong, $0.key) }
            .map { "    \($0.value.right)/\($0.value.wrong)  \($0.key)" }
    }
}

func bCubed(predicted: [String], truth: [String]) -> (precision: Double, recall: Double, f1: Double) {
    var cell: [String: Int] = [:], predictedSize: [String: Int] = [:], truthSize: [String: Int] = [:]
    for (p, t) in zip(predicted, truth) {
        cell[p + "\u{1}" + t, default: 0] += 1
        predictedSize[p, default: 0] += 1
        truthSize[t, default: 0] += 1
    }
    var precision = 0.0, recall = 0.0
    for (p, t) in zip(predicted, truth) {
        let shared = Double(cell[p + "\u{1}" + t]!)
        precision += shared / Double(predictedSize[p]!)
        recall += shared / Double(truthSize[t]!)
    }
    let n = Double(max(predicted.count, 1))
    precision /= n
    recall /= n
    return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
}

let samples: SampleMonths
let normalizer: Normalizer
let classifier: Classifier
do {
    samples = try SampleMonths(root: root, only: only)
    normalizer = try Normalizer()
    classifier = try Classifier()
} catch { fail("\(error)") }
let linker = Linker(policyStart: Day(year: 2021, month: 7, day: 24)!, teaching: { [classifier] in classifier.teaching($0) })

var known: [InstitutionID: InstitutionProfile] = [:]
var retired: [InstitutionID: InstitutionID] = [:]
var nextSequence = 1
var previousIDs: [String: InstitutionID] = [:]
var truthSeenByID: [InstitutionID: Set<String>] = [:]
var previousTruthIDsForDiagnosis: (ids: [String: InstitutionID], unstable: [String]) = ([:], [])
/// A truth row's hard cases (`a|b`), as a set of tags.
func hardCases(_ row: [String: String]?) -> Set<String> {
    Set((row?["hard_cases"] ?? "").split(separator: "|").map(String.init))
}

print("month    records  pairs P    R      F1     B3-F1   reviews  stable ids  merged ids (all months)")
var details: [String] = []
for month in samples.months {
    let records: [SourceRecord]
    let truthOf: [RecordRef: String]
    let institutions: [String: [String: String]]
    do {
        records = try samples.records(month, normalizer: normalizer)
        truthOf = try samples.truthIDs(month)
        institutions = try samples.institutions(month)
    } catch { fail("\(error)") }

    let result = linker.link(records, known: Array(known.values), retired: retired, nextSequence: nextSequence)
    for merge in result.merges { known[merge.retired] = nil; retired[merge.retired] = merge.survivor }
    for profile in result.profiles { known[profile.id] = profile }
    nextSequence = result.nextSequence

    for (record, link) in zip(records, result.links) where traced.contains(truthOf[record.ref] ?? "") {
        let fields = [
            truthOf[record.ref]!, month, link.institution.rawValue, link.rule.rawValue, "[\(link.evidence)]", record.ref.sourceFile + "#\(record.ref.ordinal)",
            record.name ?? "-", "core=" + (record.nameKeys?.core ?? "-"), "code=" + (record.creditCode?.code ?? "-"),
            "former=" + (record.formerCreditCode?.code ?? "-"), "county=" + (record.county.county?.code ?? "-"),
            "rep=" + (record.legalRepresentative ?? "-"), "addr=" + (record.address ?? "-"),
            "status=\(record.status.map { "\($0)" } ?? "-")",
        ]
        print("trace " + fields.joined(separator: " "))
    }

    let predicted = result.links.map(\.institution.rawValue)
    let truth = records.map { truthOf[$0.ref] ?? "?\($0.ref.sourceFile)#\($0.ref.ordinal)" }
    let predictedPairs = pairs(predicted), truthPairs = pairs(truth)
    let overall = Score(predicted: predictedPairs, actual: truthPairs)
    let b3 = bCubed(predicted: predicted, truth: truth)

    // Ids: the same truth institution keeps its id from last month.
    var idOfTruth: [String: InstitutionID] = [:]
    for (link, truthID) in zip(result.links, truth) { idOfTruth[truthID] = link.institution }
    let carried = idOfTruth.keys.filter { previousIDs[$0] != nil }
    let stable = carried.filter { id in
        var previous = previousIDs[id]!
        while let next = retired[previous] { previous = next }
        return previous == idOfTruth[id]! && !result.merges.contains { $0.retired == previousIDs[id]! }
    }
    for (truthID, id) in idOfTruth { truthSeenByID[id, default: []].insert(truthID) }
    let mergedAcrossMonths = truthSeenByID.values.filter { $0.count > 1 }.count
    previousTruthIDsForDiagnosis = (previousIDs, unstable: carried.filter { !stable.contains($0) })
    previousIDs = idOfTruth

    print(String(format: "%@  %7d  %.4f %.4f %.4f %.4f  %7d  %@  %d", month, records.count, overall.precision, overall.recall,
                 overall.f1, b3.f1, result.reviews.count,
                 Columns.right("\(stable.count)/\(carried.count)", 10), mergedAcrossMonths))

    // Per hard case: the pairs that involve an institution of that case.
    details.append("\n\(month) by hard case (pairs touching such an institution):")
    // Every tag the world's truth uses (each generator names its own).
    for hardCase in Set(institutions.values.flatMap { hardCases($0) }).sorted() {
        let involved = { (pair: Int) -> Bool in
            [pair >> 32, pair & 0xFFFF_FFFF].contains { hardCases(institutions[truth[$0]]).contains(hardCase) }
        }
        let caseTruthIDs = Set(truth.filter { hardCases(institutions[$0]).contains(hardCase) })
        let score = Score(predicted: predictedPairs.filter(involved), actual: truthPairs.filter(involved))
        // Recall also suffers when a case's institution is split; precision when it is merged.
        details.append(String(format: "  %@ %4d institutions  P %.4f  R %.4f  (%d/%d/%d pairs)", Columns.left(hardCase, 28),
                              caseTruthIDs.count, score.precision, score.recall, score.truePositives, score.predicted, score.actual))
    }
    let names = records.map { $0.name ?? "?" }
    var membersByPredicted: [String: [Int]] = [:], membersByTruth: [String: [Int]] = [:]
    for index in records.indices {
        membersByPredicted[predicted[index], default: []].append(index)
        membersByTruth[truth[index], default: []].append(index)
    }
    let merged = membersByPredicted.filter { Set($0.value.map { truth[$0] }).count > 1 }.sorted { $0.key < $1.key }
    let split = membersByTruth.filter { Set($0.value.map { predicted[$0] }).count > 1 }.sorted { $0.key < $1.key }
    details.append("  merged: \(merged.count) ids hold more than one truth institution; split: \(split.count) truth institutions over several ids")
    for (id, members) in merged.prefix(show) {
        details.append("    merged \(id): " + members.map { "\(truth[$0]) \(names[$0])" }.joined(separator: " | "))
    }
    for (truthID, members) in split.prefix(show) {
        let cases = institutions[truthID]?["hard_cases"] ?? ""
        details.append("    split \(truthID) [\(cases)]: " + members.map { "\(predicted[$0]) \(names[$0]) (\(result.links[$0].rule.rawValue))" }.joined(separator: " | "))
    }
    if diagnose {
        let (lines, indistinguishable) = diagnosis(month: month, records: records, truth: truth, predicted: predicted, result: result,
                                             institutions: institutions, split: split.map { ($0.key, $0.value) },
                                             merged: merged.map { ($0.key, $0.value) }, previousTruthIDs: previousTruthIDsForDiagnosis,
                                             known: known, truthSeenByID: truthSeenByID, show: show)
        details.append(contentsOf: lines)
        // The best any linker could do with the fields compared: every split joined except those
        // whose true predecessor has a rival with the very same verdicts on every field.
        var joined = predicted
        for (truthID, members) in split where !indistinguishable.contains(truthID) {
            for index in members { joined[index] = predicted[members[0]] }
        }
        let bound = Score(predicted: pairs(joined), actual: truthPairs)
        details.append(String(format: "  bound: joining every split but the %d indistinguishable ones gives P %.4f R %.4f F1 %.4f",
                              indistinguishable.count, bound.precision, bound.recall, bound.f1))
    }
    for review in result.reviews.prefix(show) {
        details.append("    review \(review.civil) ~ \(review.enterprise) p=\(review.probability): \(review.evidence)")
    }
}
print(details.joined(separator: "\n"))

/// `--diagnose`: every split, merge and unstable id of the month, grouped by cause.
func diagnosis(
    month: String, records: [SourceRecord], truth: [String], predicted: [String], result: LinkageResult,
    institutions: [String: [String: String]], split: [(String, [Int])], merged: [(String, [Int])],
    previousTruthIDs: (ids: [String: InstitutionID], unstable: [String]),
    known: [InstitutionID: InstitutionProfile], truthSeenByID: [InstitutionID: Set<String>], show: Int
) -> (lines: [String], indistinguishable: Set<String>) {
    var lines = ["\n\(month) diagnosis"]
    var indistinguishable = Set<String>()
    let enterprises = known.values.filter { $0.hasEnterprise && !$0.hasCivil }
    let scoring = SuccessorDiagnosis(enterprises: enterprises)
    let policy = Day(year: 2021, month: 7, day: 24)!
    var byCause: [String: [String]] = [:]
    let reviewed = Set(result.reviews.map { [$0.civil.rawValue, $0.enterprise.rawValue] })
    for (truthID, members) in split {
        let ids = Set(members.map { predicted[$0] }).sorted()
        let profiles = ids.compactMap { known[InstitutionID(rawValue: $0)] }
        let cases = institutions[truthID]?["hard_cases"] ?? ""
        let names = Set(members.map { records[$0].name ?? "?" }).sorted().joined(separator: " / ")
        let civilOnly = profiles.filter { $0.hasCivil && !$0.hasEnterprise }
        let enterpriseOnly = profiles.filter { $0.hasEnterprise && !$0.hasCivil }
        let both = profiles.filter { $0.hasEnterprise && $0.hasCivil }
        var cause: String
        var detail = ""
        if let civil = civilOnly.first, let enterprise = enterpriseOnly.first {
            let e = scoring.evidence(civil: civil, enterprise: enterprise)
            detail = String(format: "p=%.3f bits=%.1f ", e.probability, e.bits) + e.summary
            if let registered = civil.civilRegisteredOn, registered < policy {
                cause = "civil registered before the policy start"
            } else if !e.blocked {
                cause = "pair not in any block"
            } else if e.probability < 0.5 {
                cause = "pair below review (p < 0.5)"
            } else if reviewed.contains([civil.id.rawValue, enterprise.id.rawValue]) {
                cause = e.probability >= 0.97 ? "reviewed: contested (margin or mutual best)" : "reviewed: gray zone (0.5 <= p < 0.97)"
                if e.probability >= 0.97 {
                    let rivals = known.values.filter { $0.hasCivil && $0.id != civil.id && (!$0.cores.filter(enterprise.cores.contains).isEmpty || !$0.addresses.filter(enterprise.addresses.contains).isEmpty) }
                    detail += " RIVALS " + rivals.map { r in
                        let x = scoring.evidence(civil: r, enterprise: enterprise)
                        return "\(r.id) \(r.nameCounties.first ?? "") ent=\(r.hasEnterprise) p=\(x.probability) \(x.summary)"
                    }.joined(separator: " || ")
                }
            } else {
                cause = "not reviewed though p >= 0.5 (civil not touched, or lost to another)"
            }
            let rivals = scoring.rivalsAtLeastAsStrong(civil: civil, enterprise: enterprise)
            let twins = rivals.filter(\.samePattern).count
            if twins > 0 {
                indistinguishable.insert(truthID)
                cause += " [indistinguishable: another enterprise, same verdicts]"
                detail += " twins=\(twins)"
            } else if !rivals.isEmpty {
                cause += " [outranked under these weights]"
                detail += " outranked by=\(rivals.count)"
            }
            let agree = e.summary.split(separator: "；").map { String($0.split(separator: " ").first ?? "") }
                .filter { !$0.hasPrefix("先验") }.map(verdict)
            cause += " | " + agree.joined(separator: ",")
        } else if !both.isEmpty {
            let others = both.map { profile in truthSeenByID[profile.id].map { $0.subtracting([truthID]).sorted().joined(separator: ",") } ?? "" }
            cause = "one side already linked elsewhere" + (others.contains { !$0.isEmpty } ? " (to another truth institution)" : "")
        } else if civilOnly.count == profiles.count {
            cause = "civil records split"
        } else if enterpriseOnly.count == profiles.count {
            cause = "enterprise records split"
        } else {
            cause = "other"
        }
        byCause[cause, default: []].append("\(truthID) [\(cases)] \(ids.joined(separator: ",")) \(names) \(detail)")
    }
    lines.append("  splits by cause:")
    for (cause, examples) in byCause.sorted(by: { $0.value.count > $1.value.count }) {
        lines.append("    \(examples.count)  \(cause)")
        for example in examples.prefix(show) { lines.append("        " + example) }
    }
    // Fuzzy links of the month by evidence pattern: right (the civil record's truth is among
    // the institution's other records) or wrong.
    var patterns: [String: Tally] = [:]
    for index in records.indices where result.links[index].rule == .fuzzy {
        let id = predicted[index]
        let others = Set(records.indices.filter { predicted[$0] == id && result.links[$0].rule != .fuzzy }.map { truth[$0] })
        guard !others.isEmpty else { continue }
        let pattern = result.links[index].evidence.split(separator: "；").map { part -> String in
            let label = String(part.split(separator: " ").first ?? "")
            let bits = Double(part.split(separator: " ").last ?? "") ?? 0
            if label.hasPrefix("先验") || label.hasPrefix("其他可能") { return "" }
            if label == "法定代表人一致" { return bits >= 10 ? "法定代表人一致(罕见)" : "法定代表人一致(常见)" }
            return verdict(label)
        }.filter { !$0.isEmpty }.joined(separator: ",")
        patterns[pattern, default: Tally()].add(others.contains(truth[index]))
    }
    // Calibration: the candidates of every civil institution left without a predecessor, by
    // posterior, right when the enterprise is the same truth institution.
    var truthOfID: [String: String] = [:]
    for index in records.indices { truthOfID[predicted[index]] = truth[index] }
    let bins = [0.05, 0.2, 0.5, 0.8, 0.97, 1.01]
    var binned = Array(repeating: Tally(), count: bins.count - 1)
    var lowByPattern: [String: Tally] = [:]
    var statusOfID: [String: String] = [:]
    for index in records.indices { if case .market(let status)? = records[index].status { statusOfID[predicted[index]] = status.rawValue } }
    for civil in known.values where civil.hasCivil && !civil.hasEnterprise && (civil.civilRegisteredOn.map { $0 >= policy } ?? true) {
        guard let civilTruth = truthOfID[civil.id.rawValue] else { continue }
        for candidate in scoring.candidates(civil: civil) where candidate.probability >= bins[0] {
            let right = truthOfID[candidate.enterprise.rawValue] == civilTruth
            let bin = bins.indices.dropLast().last { bins[$0] <= candidate.probability }!
            binned[bin].add(right)
            guard candidate.probability < 0.5 else { continue }
            let pattern = candidate.pattern.map(verdict).joined(separator: ",") + " status=" + (statusOfID[candidate.enterprise.rawValue] ?? "-")
            lowByPattern[pattern, default: Tally()].add(right)
        }
    }
    lines.append("  calibration, candidates of civil institutions left unlinked (posterior: right/wrong):")
    for bin in binned.indices {
        lines.append(String(format: "    %.2f–%.2f: %d/%d", bins[bin], min(bins[bin + 1], 1), binned[bin].right, binned[bin].wrong))
    }
    lines.append("  below review (0.05 <= p < 0.5), by verdicts (right/wrong):")
    lines.append(contentsOf: Tally.lines(lowByPattern).prefix(12))
    lines.append("  fuzzy links by evidence (right/wrong):")
    lines.append(contentsOf: Tally.lines(patterns))
    lines.append("  merges:")
    for (id, members) in merged {
        let rows = members.map { "\(truth[$0]) \(records[$0].name ?? "?") (\(result.links[$0].rule.rawValue): \(result.links[$0].evidence))" }
        lines.append("    \(id): " + Array(Set(rows)).sorted().joined(separator: " | "))
    }
    var unstableCauses: [String: Int] = [:]
    var unstableExamples: [String] = []
    for truthID in previousTruthIDs.unstable {
        let previous = previousTruthIDs.ids[truthID]!
        let retiredNow = result.merges.first { $0.retired == previous }
        let idsNow = Set(truth.indices.filter { truth[$0] == truthID }.map { predicted[$0] })
        let cause = retiredNow.map { "retired by a \($0.rule.rawValue) merge" }
            ?? (idsNow.count > 1 ? (idsNow.contains(previous.rawValue) ? "split, previous id still among its ids" : "split, previous id gone")
                : "placed under another id (not split now)")
        unstableCauses[cause, default: 0] += 1
        if retiredNow == nil, idsNow.count == 1, unstableExamples.count < show {
            unstableExamples.append("      \(truthID): \(previous) -> \(idsNow.first!) " + truth.indices.filter { truth[$0] == truthID }
                .map { "\(records[$0].name ?? "?") (\(result.links[$0].rule.rawValue))" }.joined(separator: " | "))
        }
    }
    lines.append("  unstable ids: " + unstableCauses.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
    lines.append(contentsOf: unstableExamples)
    return (lines, indistinguishable)
}
