// Scores the Tracking stage alone against the sample generator's truth. Month by month in
// order, records are ingested and normalised for real, grouped by the truth's `truth_id`
// (so linkage errors do not count), and each truth institution's RegistrationHistory is
// carried across months (an institution absent from a month keeps its history). The
// requirement is taken at first sight, and the status compared with
// `truth/YYYY-MM/institutions.csv`:
//   - "truth category": requirement and current category from the truth's category;
//   - "classifier":     both from Classify's category of the institution's records.
//
//   swift run EvaluateTracking [ROOT] [--months 2021-09,2021-10] [--show N]
//
// ROOT holds input/ and truth/ (default: the current folder).
import ArgumentParser
import Classify
import Evaluation
import Foundation
import Normalize
import RegistryModel
import Tracking

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("evaluate-tracking: \(message)\n".utf8))
    exit(1)
}

// MARK: Arguments

struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "EvaluateTracking")
    @OptionGroup var world: WorldArguments
    @Option(help: "How many disagreements to print.") var show = 6
}
let options = Options.parseOrExit()
let root = options.world.rootURL
let onlyMonths = options.world.onlyMonths
let show = options.show
let samples: SampleMonths
do { samples = try SampleMonths(root: root, only: onlyMonths) } catch { fail("\(error)") }

let normalizer: Normalizer
let classifier: Classifier
do {
    normalizer = try Normalizer()
    classifier = try Classifier()
} catch { fail("\(error)") }
let tracker = Tracker()

func lastDay(of month: String) -> Day {
    let parts = month.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 2, let first = Day(year: parts[0], month: parts[1], day: 1) else { fail("not a YYYY-MM month folder: \(month)") }
    return Day(year: parts[0], month: parts[1], day: Day.daysIn(month: parts[1], year: parts[0])) ?? first
}

/// What one way of taking the category remembers across months.
struct Mode {
    let name: String
    var requirement: [String: Requirement] = [:]
    var current: [String: RegistryModel.Category] = [:]
}

struct Score {
    var n = 0, status = 0, completedOn = 0, overdue = 0, days = 0, both = 0, required = 0
    var flag = (tp: 0, fp: 0, fn: 0)
    var confusion: [ReregistrationStatus: [ReregistrationStatus: Int]] = [:]
    var unseen = 0
    var seenBoth = 0
    var examples: [String] = []
}

var histories: [String: RegistrationHistory] = [:]
var modes = [Mode(name: "truth category"), Mode(name: "classifier")]
var worst = [Double](repeating: 1, count: modes.count)
let statuses = ReregistrationStatus.allCases

for month in samples.months {
    let asOf = lastDay(of: month)
    let truthOf: [RecordRef: String]
    let truthRows: [[String: String]]
    do {
        truthOf = try samples.truthIDs(month)
        truthRows = try CSVTable(samples.truthRoot.appendingPathComponent("\(month)/institutions.csv")).rows
    } catch { fail("\(error)") }
    var truthByID: [String: [String: String]] = [:]
    for row in truthRows { truthByID[row["truth_id"] ?? ""] = row }

    var groups: [String: [SourceRecord]] = [:]
    var unmatched = 0
    let registries: Set<SourceKind>
    do {
        registries = try samples.sourceKinds(month)
        for record in try samples.records(month, normalizer: normalizer) {
            guard let id = truthOf[record.ref] else { unmatched += 1; continue }
            groups[id, default: []].append(record)
        }
    } catch { fail("\(month): \(error)") }

    for (id, records) in groups.sorted(by: { $0.key < $1.key }) {
        let history = tracker.update(histories[id], with: records, batch: month, asOf: asOf)
        histories[id] = history
        let truthCategory = RegistryModel.Category(rawValue: truthByID[id]?["category"] ?? "") ?? .undetermined
        let classified = classifier.classify(records, policyStart: tracker.policyStart).category
        for (index, category) in [truthCategory, classified].enumerated() {
            modes[index].current[id] = category
            if modes[index].requirement[id] == nil {
                modes[index].requirement[id] = tracker.requirement(category: category, history: history)
            }
        }
    }

    let differing = modes[1].current.filter { modes[0].current[$0.key] != $0.value }.count
    let missing = SourceKind.allCases.filter { !registries.contains($0) }
    print("\n== \(month) (as of \(asOf.iso)): \(truthRows.count) institutions in the truth, \(groups.count) with records this month"
          + (unmatched > 0 ? ", \(unmatched) accepted records not in the truth" : "")
          + "; Classify's category differs from the truth's for \(differing)"
          + (missing.isEmpty ? "" : "; WARNING: no \(missing.map(\.chineseName).joined(separator: "/")) file this month"))

    for index in modes.indices {
        let mode = modes[index]
        var score = Score()
        for row in truthRows {
            let id = row["truth_id"] ?? ""
            guard let truthStatus = ReregistrationStatus(rawValue: row["reregistration_status"] ?? "") else { continue }
            score.n += 1
            let truthCompleted = row["completed_on"] ?? ""
            let truthOverdue = row["overdue"] == "true"
            let truthDays = Int(row["days_overdue"] ?? "") ?? 0
            let truthFlag = (row["flags"] ?? "").split(separator: "|").contains("former_registration_active")
            let truthRequired = row["reregistration_required"] == "true"
            guard let history = histories[id], let requirement = mode.requirement[id] else {
                score.unseen += 1
                score.confusion[truthStatus, default: [:]][.notRequired, default: 0] += 1
                if score.examples.count < show { score.examples.append("  \(id) never seen in any file; truth \(truthStatus.rawValue)") }
                continue
            }
            let result = tracker.status(of: history, requirement: requirement, currentCategory: mode.current[id] ?? .undetermined, asOf: asOf)
            score.confusion[truthStatus, default: [:]][result.status, default: 0] += 1
            let statusRight = result.status == truthStatus
            let completedRight = (result.completedOn?.iso ?? "") == truthCompleted
            let overdueRight = result.overdue == truthOverdue
            let daysRight = result.daysOverdue == truthDays
            if statusRight { score.status += 1 }
            if completedRight { score.completedOn += 1 }
            if overdueRight { score.overdue += 1 }
            if daysRight { score.days += 1 }
            if statusRight && overdueRight { score.both += 1; score.seenBoth += 1 }
            if requirement.isRequired == truthRequired { score.required += 1 }
            if truthFlag && result.formerRegistrationActive { score.flag.tp += 1 }
            else if result.formerRegistrationActive { score.flag.fp += 1 }
            else if truthFlag { score.flag.fn += 1 }
            let flagRight = truthFlag == result.formerRegistrationActive
            if !(statusRight && completedRight && overdueRight && daysRight && flagRight) && score.examples.count < show {
                let registrations = history.registrations.map { r in
                    "      \(r.registry.chineseName) \(r.creditCode ?? "-") \(r.name ?? "-") 成立 \(r.establishedOn?.iso ?? "?") 状态 "
                        + r.sightings.map { "\($0.word)@\($0.batch)" }.joined(separator: ",")
                        + " 业务 " + r.business.map { "\($0.word)@\($0.day.iso)" }.joined(separator: ",")
                }.joined(separator: "\n")
                score.examples.append(
                    "  \(id) [\(row["category"] ?? "")→\(mode.current[id]?.rawValue ?? "-")] truth: \(truthStatus.rawValue) completed_on=\(truthCompleted.isEmpty ? "-" : truthCompleted) overdue=\(truthOverdue) days=\(truthDays) former_active=\(truthFlag)\n"
                    + "    tracking: \(result.status.rawValue) completed_on=\(result.completedOn?.iso ?? "-") overdue=\(result.overdue) days=\(result.daysOverdue) former_active=\(result.formerRegistrationActive) (\(requirement.rawValue))\n"
                    + "    reason: \(result.reason)\n\(registrations)")
            }
        }
        let agreement = score.n == 0 ? 1 : Double(score.both) / Double(score.n)
        worst[index] = min(worst[index], agreement)
        print("-- \(mode.name): \(score.n) institutions\(score.unseen > 0 ? " (\(score.unseen) never seen)" : "")")
        print("   status \(Columns.ratio(score.status, score.n))  completed_on \(Columns.ratio(score.completedOn, score.n))  overdue \(Columns.ratio(score.overdue, score.n))  days_overdue \(Columns.ratio(score.days, score.n))  required \(Columns.ratio(score.required, score.n))")
        print("   status and overdue both \(Columns.ratio(score.both, score.n)) (\(score.both)/\(score.n))\(agreement >= 0.99 ? "" : "  BELOW 0.99")")
        print("   status and overdue, institutions with an accepted record so far \(Columns.ratio(score.seenBoth, score.n - score.unseen)) (\(score.seenBoth)/\(score.n - score.unseen))")
        print("   former_registration_active precision \(Columns.ratio(score.flag.tp, score.flag.tp + score.flag.fp)) recall \(Columns.ratio(score.flag.tp, score.flag.tp + score.flag.fn)) (tp \(score.flag.tp) fp \(score.flag.fp) fn \(score.flag.fn))")
        print("   confusion (rows truth, columns tracking):")
        print("     " + Columns.left("", 18) + statuses.map { Columns.right($0.rawValue, 18) }.joined())
        for truthStatus in statuses {
            print("     " + Columns.left(truthStatus.rawValue, 18) + statuses.map { Columns.right(String(score.confusion[truthStatus]?[$0] ?? 0), 18) }.joined())
        }
        if !score.examples.isEmpty {
            print("   first \(score.examples.count) disagreements:")
            print(score.examples.joined(separator: "\n"))
        }
    }
}
print("\n== lowest monthly agreement on status and overdue: " + modes.indices.map { "\(modes[$0].name) \(String(format: "%.4f", worst[$0]))" }.joined(separator: ", "))
