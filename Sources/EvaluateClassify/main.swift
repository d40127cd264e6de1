// Scores the Classify stage alone against the sample generator's truth: records are grouped
// by the truth's `truth_id` (so linkage errors do not count), run through the real Ingest and
// Normalize stages and the classifier, and compared with `truth/YYYY-MM/institutions.csv`.
//
//   swift run EvaluateClassify [ROOT] [--months 2021-09,2021-10] [--rules FILE] [--show N]
//
// ROOT holds input/ and truth/ (default: the current folder).
import Classify
import Foundation
import Ingest
import Normalize
import RegistryModel

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("evaluate-classify: \(message)\n".utf8))
    exit(1)
}

/// RFC 4180 rows of a UTF-8 CSV text (quoted fields, doubled quotes, newlines in quotes).
func csvRows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field: [UInt8] = []
    var quoted = false
    let bytes = Array(text.utf8)
    var i = 0
    func endField() { row.append(String(decoding: field, as: UTF8.self)); field = [] }
    while i < bytes.count {
        let b = bytes[i]
        if quoted {
            if b == 0x22 {
                if i + 1 < bytes.count && bytes[i + 1] == 0x22 { field.append(0x22); i += 1 } else { quoted = false }
            } else { field.append(b) }
        } else {
            switch b {
            case 0x22: quoted = true
            case 0x2C: endField()
            case 0x0A:
                endField(); rows.append(row); row = []
            case 0x0D: break
            default: field.append(b)
            }
        }
        i += 1
    }
    if !field.isEmpty || !row.isEmpty { endField(); rows.append(row) }
    return rows
}

func table(_ url: URL) -> [[String: String]] {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { fail("cannot read \(url.path)") }
    let rows = csvRows(text)
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0 + Array(repeating: "", count: max(0, header.count - $0.count)))) }
}

// MARK: Arguments

var arguments = Array(CommandLine.arguments.dropFirst())
var root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
var onlyMonths: Set<String>? = nil
var rulesFile: URL? = nil
var show = 15
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--months": onlyMonths = Set((arguments.isEmpty ? "" : arguments.removeFirst()).split(separator: ",").map(String.init))
    case "--rules": rulesFile = URL(fileURLWithPath: arguments.isEmpty ? "" : arguments.removeFirst())
    case "--show": show = Int(arguments.isEmpty ? "" : arguments.removeFirst()) ?? show
    default: root = URL(fileURLWithPath: argument)
    }
}
let inputRoot = root.appendingPathComponent("input"), truthRoot = root.appendingPathComponent("truth")
let months = ((try? FileManager.default.contentsOfDirectory(atPath: truthRoot.path)) ?? [])
    .filter { FileManager.default.fileExists(atPath: truthRoot.appendingPathComponent("\($0)/institutions.csv").path) }
    .filter { FileManager.default.fileExists(atPath: inputRoot.appendingPathComponent($0).path) }
    .filter { onlyMonths?.contains($0) ?? true }
    .sorted()
guard !months.isEmpty else { fail("no month has both \(inputRoot.path)/YYYY-MM and \(truthRoot.path)/YYYY-MM/institutions.csv") }

let normalizer: Normalizer
let classifier: Classifier
do {
    normalizer = try Normalizer()
    classifier = try Classifier(rulesFile: rulesFile)
} catch { fail("\(error)") }
let policyStart = Day(year: 2021, month: 7, day: 24)!
let categories = RegistryModel.Category.allCases
let scoredFlags = InstitutionFlag.allCases.filter { InstitutionFlag.classifierFlags.contains($0) }

func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }
func lpad(_ s: String, _ width: Int) -> String { s.count >= width ? s : String(repeating: " ", count: width - s.count) + s }
func ratio(_ a: Int, _ b: Int) -> String { b == 0 ? "   n/a" : String(format: "%.4f", Double(a) / Double(b)) }

print("rules: \(classifier.rulesSource) (\(classifier.ruleCount) rules)")
var totals = (n: 0, correct: 0, decided: 0, decidedCorrect: 0)

for month in months {
    // Truth.
    var truthOf: [RecordRef: String] = [:]
    for row in table(truthRoot.appendingPathComponent("\(month)/records.csv")) {
        guard let id = row["truth_id"], !id.isEmpty, let ordinal = Int(row["record_ref"] ?? "") else { continue }
        truthOf[RecordRef(sourceFile: row["source_file"] ?? "", ordinal: ordinal)] = id
    }
    var institutions: [String: [String: String]] = [:]
    for row in table(truthRoot.appendingPathComponent("\(month)/institutions.csv")) { institutions[row["truth_id"] ?? ""] = row }

    // Ingest and normalise, grouped by truth id.
    var groups: [String: [SourceRecord]] = [:]
    var unmatched = 0
    do {
        let ingestor = try Ingestor(folder: inputRoot.appendingPathComponent(month))
        for file in try ingestor.survey() {
            _ = try ingestor.read(file) { event in
                guard case .record(let raw) = event else { return }
                guard let id = truthOf[raw.ref] else { unmatched += 1; return }
                groups[id, default: []].append(normalizer.normalize(raw))
            }
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
    print("category accuracy        \(ratio(correct, n))  (\(correct)/\(n))")
    print("decided categories right \(ratio(decidedCorrect, decided))  (\(decidedCorrect)/\(decided))")
    print("undetermined share       \(ratio(undetermined, n))  (\(undetermined)/\(n))")
    print("department right         \(ratio(departmentRight, departmentScored))  (where the category is right)")
    print("stages right             \(ratio(stagesRight, stagesScored))  (training categories, category right)")
    print("out_of_scope (non-training companies) wrongly called training: \(ratio(outOfScope - (confusion[.outOfScope]?[.outOfScope] ?? 0), outOfScope)) "
          + "(\(outOfScope - (confusion[.outOfScope]?[.outOfScope] ?? 0))/\(outOfScope): "
          + outOfScopeWrong.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ") + ")")
    print("confusion (rows truth, columns predicted):")
    print("  " + pad("", 14) + categories.map { lpad($0.rawValue, 13) }.joined())
    for row in categories {
        print("  " + pad(row.rawValue, 14) + categories.map { lpad(String(confusion[row]?[$0] ?? 0), 13) }.joined())
    }
    print("flags            precision  recall   tp  fp  fn")
    for flag in scoredFlags {
        let c = flagCounts[flag] ?? (0, 0, 0)
        print("  " + pad(flag.rawValue, 24) + " " + ratio(c.tp, c.tp + c.fp) + "  " + ratio(c.tp, c.tp + c.fn)
              + lpad(String(c.tp), 5) + lpad(String(c.fp), 4) + lpad(String(c.fn), 4))
    }
    if !mistakes.isEmpty {
        print("first \(mistakes.count) disagreements (category, flags or stages):")
        print(mistakes.joined(separator: "\n"))
    }
}
print("\n== all months: accuracy \(ratio(totals.correct, totals.n)) (\(totals.correct)/\(totals.n)), decided right \(ratio(totals.decidedCorrect, totals.decided)) (\(totals.decidedCorrect)/\(totals.decided))")
