// Scores what `rereg batch` recorded against the sample generator's truth, month by month:
// each truth institution is followed through crosswalk.csv to the institution id holding
// most of its records, and that id's ledger.jsonl line is compared with truth/institutions.csv;
// then summary.json against the truth's own summary, overall and per 旗县区 (DirectorFigures).
//
//   scripts/evaluate-ledger.sh OUTPUT_ROOT [ROOT] [--show N]
//
// OUTPUT_ROOT holds one folder per month as `rereg batch` wrote it; ROOT holds truth/.
import ArgumentParser
import Evaluation
import Foundation
import RegistryModel

struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "EvaluateLedger")
    @Argument(help: "The folder holding one folder per month as `rereg batch` wrote it.") var outputRoot: String
    @Argument(help: "The folder holding truth/ (default: the current folder).") var root: String?
    @Option(help: "How many disagreements to print per month.") var show = 5
}
let options = Options.parseOrExit()
let outputRoot = URL(fileURLWithPath: options.outputRoot)
let root = URL(fileURLWithPath: options.root ?? FileManager.default.currentDirectoryPath)
let show = options.show

do {
    let samples = try SampleMonths(root: root)
    let compared = ["reregistration_status", "overdue", "days_overdue", "completed_on", "reregistration_required", "category"]
    // A truth institution absent from a month keeps the id it had: the ledger keeps its line.
    var lastID: [String: String] = [:]
    var director = DirectorFigures()
    var lineTables: [String: [String: LedgerLine]] = [:]
    print("month    institutions  status+overdue  " + compared.map { Columns.left($0, 10) }.joined(separator: " "))
    for month in samples.months {
        let folder = outputRoot.appendingPathComponent(month)
        let truthOf = try samples.truthIDs(month)
        let truth = try samples.institutions(month)
        var votes: [String: [String: Int]] = [:]
        for row in try CSVTable(folder.appendingPathComponent("crosswalk.csv")).rows {
            let ref = RecordRef(sourceFile: row["source_file"] ?? "", ordinal: Int(row["record_ref"] ?? "") ?? 0)
            if let truthID = truthOf[ref] { votes[truthID, default: [:]][row["institution_id"] ?? "", default: 0] += 1 }
        }
        var lines: [String: [String: String]] = [:]
        let text = try String(contentsOf: folder.appendingPathComponent("ledger.jsonl"), encoding: .utf8)
        for json in text.split(separator: "\n") {
            let line = try JSONDecoder().decode(LedgerLine.self, from: Data(json.utf8))
            lineTables[month, default: [:]][line.institutionID.rawValue] = line
            lines[line.institutionID.rawValue] = [
                "reregistration_status": line.reregistrationStatus.rawValue, "overdue": String(line.overdue),
                "days_overdue": String(line.daysOverdue), "completed_on": line.completedOn?.iso ?? "",
                "reregistration_required": String(line.reregistrationRequired), "category": line.category.rawValue,
            ]
        }
        var agree: [String: Int] = [:], both = 0, total = 0
        var byCase: [String: (right: Int, total: Int)] = [:]
        var examples: [String] = []
        for (truthID, expected) in truth.sorted(by: { $0.key < $1.key }) {
            total += 1
            let id = votes[truthID]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? lastID[truthID]
            lastID[truthID] = id
            let line = id.flatMap { lines[$0] } ?? [:]
            var same = true
            for key in compared {
                if (line[key] ?? "?") == (expected[key] ?? "") { agree[key, default: 0] += 1 } else if key == "reregistration_status" || key == "overdue" {
                    same = false
                }
            }
            for hardCase in (expected["hard_cases"] ?? "").split(separator: "|").map(String.init) {
                byCase[hardCase, default: (0, 0)].total += 1
                if same { byCase[hardCase]!.right += 1 }
            }
            if same { both += 1 } else if examples.count < show {
                examples.append("  \(truthID) → \(id ?? "（无记录）") \(expected["name"] ?? ""): truth \(expected["reregistration_status"] ?? "")/overdue \(expected["overdue"] ?? ""), ledger \(line["reregistration_status"] ?? "-")/overdue \(line["overdue"] ?? "-") [\(expected["hard_cases"] ?? "")]")
            }
        }
        print("\(month)  \(Columns.right(String(total), 12))  \(Columns.ratio(both, total))          "
              + compared.map { Columns.left(Columns.ratio(agree[$0] ?? 0, total), 10) }.joined(separator: " "))
        examples.forEach { print($0) }
        if !byCase.isEmpty {
            print("  status+overdue by hard case: " + byCase.keys.sorted().map {
                "\($0) \(byCase[$0]!.right)/\(byCase[$0]!.total)"
            }.joined(separator: ", "))
        }
    }
    print()
    for month in samples.months {
        try director.score(month: month, folder: outputRoot.appendingPathComponent(month), truthOf: samples.truthIDs(month),
                           truth: samples.institutions(month), lines: lineTables[month] ?? [:])
    }
} catch {
    FileHandle.standardError.write(Data("evaluate-ledger: \(error)\n".utf8))
    exit(1)
}
