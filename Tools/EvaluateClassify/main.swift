// Scores the Classify stage alone against the sample generator's truth: records are grouped
// by the truth's `truth_id` (so linkage errors do not count), run through the real Ingest and
// Normalize stages and the classifier, and compared with `truth/YYYY-MM/institutions.csv`.
//
//   swift run EvaluateClassify [ROOT] [--months 2021-09,2021-10] [--rules FILE] [--show N]
//   swift run EvaluateClassify --registrations SAMPLE.jsonl --labels A.jsonl[,B.jsonl] [--strata S.json]
//
// ROOT holds input/ and truth/ (default: the current folder). The second form scores real
// registrations labelled by people instead (LabelledRegistrations).
import ArgumentParser
import Classify
import Evaluation
import Foundation
import Normalize
import RegistryModel

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("evaluate-classify: \(message)\n".utf8))
    exit(1)
}

// MARK: Arguments

struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "EvaluateClassify")
    @OptionGroup var world: WorldArguments
    @Option(help: "A rules file instead of the shipped one.") var rules: String?
    @Option(help: "How many disagreements to print.") var show = 15
    @Option(help: "Real registrations to score instead (JSON lines: record_ref, name, company_type, scope).") var registrations: String?
    @Option(help: "Their labels: one file, or two independent readings separated by a comma.") var labels: String?
    @Option(help: "The sample's strata and weights (record_strata, weights).") var strata: String?
}
let options = Options.parseOrExit()
let root = options.world.rootURL
let onlyMonths = options.world.onlyMonths
let rulesFile = options.rules.map(URL.init(fileURLWithPath:))
let show = options.show
let registrations = options.registrations.map(URL.init(fileURLWithPath:))
let labelFiles = (options.labels ?? "").split(separator: ",").map { URL(fileURLWithPath: String($0)) }
let strata = options.strata.map(URL.init(fileURLWithPath:))

let normalizer: Normalizer
let classifier: Classifier
do {
    normalizer = try Normalizer()
    classifier = try Classifier(rulesFile: rulesFile)
} catch { fail("\(error)") }
let policyStart = Day(year: 2021, month: 7, day: 24)!

if let registrations {
    do {
        try LabelledRegistrations(sample: registrations, labelFiles: labelFiles, strata: strata)
            .score(classifier: classifier, normalizer: normalizer, policyStart: policyStart, show: show)
    } catch { fail("\(error)") }
    exit(0)
}

let samples: SampleMonths
do { samples = try SampleMonths(root: root, only: onlyMonths) } catch { fail("\(error)") }
let categories = RegistryModel.Category.allCases
let scoredFlags = InstitutionFlag.allCases.filter { InstitutionFlag.classifierFlags.contains($0) }

print("rules: \(classifier.rulesSource) (\(classifier.ruleCount) rules)")
var totals = (n: 0, correct: 0, decided: 0, decidedCorrect: 0)

for month in samples.months {
    // Truth.
    let truthOf: [RecordRef: String]
    let institutions: [String: [String: String]]
    do {
        truthOf = try samples.truthIDs(month)
        institutions = try samples.institutions(month)
    } catch { fail("\(error)") }

    // Ingest and normalise, grouped by truth id.
    var groups: [String: [SourceRecord]] = [:]
    var unmatched = 0
    do {
        for record in try samples.records(month, normalizer: normalizer) {
            guard let id = truthOf[record.ref] else { unmatched += 1; continue }
            groups[id, default: []].append(record)
        }
    } catch { fail("\(month): \(error)") }

    // Classify and compare.
    var confusion: [RegistryModel.Category: [RegistryModel.Category: Int]] = [:]
    var n = 0, correct = 0, decided = 0, decidedCorrect = 0, undetermined = 0
    var departmentRight = 0, departmentScored = 0, stagesRight = 0, stagesScored = 0
    var flagCounts: [InstitutionFlag: (tp: Int, fp: Int, fn: Int)] = [:]
    var outOfScope = 0, outOfScopeWrong: [RegistryModel.Category: Int] = [:]
    var mistakes: [String] = []
    for id in groups.keys.sorted() {
        guard let truth = institutions[id], let expected = RegistryModel.Category(rawValue: truth["category"] ?? "") else { continue }
        let result = classifier.classify(groups[id]!, policyStart: policyStart)
        n += 1
        confusion[expected, default: [:]][result.category, default: 0] += 1
        let right = result.category == expected
        if right { correct += 1 }
        if result.category != .undetermined {
            decided += 1
            if right { decidedCorrect += 1 }
        } else { undetermined += 1 }
        if expected == .outOfScope {
            outOfScope += 1
            if !right { outOfScopeWrong[result.category, default: 0] += 1 }
        }
        if right {
            departmentScored += 1
            if (result.department?.rawValue ?? "") == (truth["department"] ?? "") { departmentRight += 1 }
            if expected.isSubjectOrMixed || expected == .nonSubject {
                stagesScored += 1
                let truthStages = Set((truth["stages"] ?? "").split(separator: "|").map(String.init))
                if Set(result.stages.map(\.rawValue)) == truthStages { stagesRight += 1 }
            }
        }
        let truthFlags = Set((truth["flags"] ?? "").split(separator: "|").map(String.init))
        for flag in scoredFlags {
            let inTruth = truthFlags.contains(flag.rawValue), predicted = result.flags.contains(flag)
            var c = flagCounts[flag] ?? (0, 0, 0)
            if inTruth && predicted { c.tp += 1 } else if predicted { c.fp += 1 } else if inTruth { c.fn += 1 }
            flagCounts[flag] = c
        }
        let flagMismatch = scoredFlags.contains { truthFlags.contains($0.rawValue) != result.flags.contains($0) }
        let stageMismatch = right && expected != .outOfScope && expected != .undetermined
            && Set(result.stages.map(\.rawValue)) != Set((truth["stages"] ?? "").split(separator: "|").map(String.init))
        if (!right || flagMismatch || stageMismatch) && mistakes.count < show {
            let records = groups[id]!.sorted { $0.ref < $1.ref }.map { r in
                "      \(r.ref.sourceFile)#\(r.ref.ordinal) \(r.name ?? "-") | \(r.scope ?? "-")"
            }.joined(separator: "\n")
            let reasons = result.evidence.filter { $0.rule.hasPrefix("decision.") && $0.rule != "decision.records" }
                .map { "      → \($0.text)" }.joined(separator: "\n")
            let what = !right ? "category" : flagMismatch ? "flags" : "stages"
            mistakes.append("  [\(what)] \(id) truth \(expected.rawValue) \(truth["stages"] ?? "") \(truth["flags"] ?? "") → \(result.category.rawValue) \(result.sortedStages.map(\.rawValue).joined(separator: "|")) \(result.sortedFlags.map(\.rawValue).joined(separator: "|"))\n\(records)\n\(reasons)")
        }
    }
    totals.n += n; totals.correct += correct; totals.decided += decided; totals.decidedCorrect += decidedCorrect

    print("\n== \(month): \(n) institutions with records (\(unmatched) accepted records not in the truth)")
    print("category accuracy        \(Columns.ratio(correct, n))  (\(correct)/\(n))")
    print("decided categories right \(Columns.ratio(decidedCorrect, decided))  (\(decidedCorrect)/\(decided))")
    print("undetermined share       \(Columns.ratio(undetermined, n))  (\(undetermined)/\(n))")
    print("department right         \(Columns.ratio(departmentRight, departmentScored))  (where the category is right)")
    print("stages right             \(Columns.ratio(stagesRight, stagesScored))  (training categories, category right)")
    print("out_of_scope (non-training companies) wrongly called training: \(Columns.ratio(outOfScope - (confusion[.outOfScope]?[.outOfScope] ?? 0), outOfScope)) "
          + "(\(outOfScope - (confusion[.outOfScope]?[.outOfScope] ?? 0))/\(outOfScope): "
          + outOfScopeWrong.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ") + ")")
    print("confusion (rows truth, columns predicted):")
    print("  " + Columns.left("", 14) + categories.map { Columns.right($0.rawValue, 13) }.joined())
    for row in categories {
        print("  " + Columns.left(row.rawValue, 14) + categories.map { Columns.right(String(confusion[row]?[$0] ?? 0), 13) }.joined())
    }
    print("flags            precision  recall   tp  fp  fn")
    for flag in scoredFlags {
        let c = flagCounts[flag] ?? (0, 0, 0)
        print("  " + Columns.left(flag.rawValue, 24) + " " + Columns.ratio(c.tp, c.tp + c.fp) + "  " + Columns.ratio(c.tp, c.tp + c.fn)
              + Columns.right(String(c.tp), 5) + Columns.right(String(c.fp), 4) + Columns.right(String(c.fn), 4))
    }
    if !mistakes.isEmpty {
        print("first \(mistakes.count) disagreements (category, flags or stages):")
        print(mistakes.joined(separator: "\n"))
    }
}
print("\n== all months: accuracy \(Columns.ratio(totals.correct, totals.n)) (\(totals.correct)/\(totals.n)), decided right \(Columns.ratio(totals.decidedCorrect, totals.decided)) (\(totals.decidedCorrect)/\(totals.decided))")
