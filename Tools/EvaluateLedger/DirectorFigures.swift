import Evaluation
import Foundation
import Ingest
import RegistryModel

/// The figures a director reads, scored against the truth: summary.json's counts overall and
/// per 旗县区, institutions counted twice, and whether review.csv names a split's ids together.
struct DirectorFigures {
    static let counts = ["required", "completed", "exited", "in_progress", "not_started", "overdue"]
    static let counties = ["150802", "150821", "150822", "150823", "150824", "150825", "150826", "unknown"]

    /// truth_id → every institution id its accepted records reached, over all months so far.
    var reached: [String: Set<String>] = [:]
    /// institution id → truth_id → records, over all months so far.
    var votes: [String: [String: Int]] = [:]

    /// The truth's summary: (county or "all") → count name → value.
    static func truthSummary(_ truth: [String: [String: String]]) -> [String: [String: Int]] {
        var table: [String: [String: Int]] = [:]
        for row in truth.values where row["reregistration_required"] == "true" {
            let county = (row["county_code"] ?? "").isEmpty ? "unknown" : row["county_code"]!
            for key in ["all", county] {
                table[key, default: [:]]["required", default: 0] += 1
                if let status = row["reregistration_status"], counts.contains(status) { table[key, default: [:]][status, default: 0] += 1 }
                if row["overdue"] == "true" { table[key, default: [:]]["overdue", default: 0] += 1 }
            }
        }
        return table
    }

    /// summary.json as written: (county or "all") → count name → value.
    static func reportedSummary(_ url: URL) throws -> [String: [String: Int]] {
        guard let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw EvaluationError("\(url.path) is not a JSON object")
        }
        func counts(_ object: [String: Any]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: Self.counts.map { ($0, object[$0] as? Int ?? 0) })
        }
        var table = ["all": counts(object)]
        for (county, value) in object["by_county"] as? [String: [String: Any]] ?? [:] { table[county] = counts(value) }
        return table
    }

    static func rate(_ row: [String: Int]) -> Double {
        let required = row["required"] ?? 0
        return required == 0 ? 0 : Double((row["completed"] ?? 0) + (row["exited"] ?? 0)) / Double(required)
    }

    /// Prints the month's table against the truth, then its split and counted-twice institutions.
    mutating func score(month: String, folder: URL, truthOf: [RecordRef: String], truth: [String: [String: String]],
                        lines: [String: LedgerLine]) throws {
        for row in try CSVTable(folder.appendingPathComponent("crosswalk.csv")).rows {
            let ref = RecordRef(sourceFile: row["source_file"] ?? "", ordinal: Int(row["record_ref"] ?? "") ?? 0)
            guard let truthID = truthOf[ref], let id = row["institution_id"] else { continue }
            reached[truthID, default: []].insert(id)
            votes[id, default: [:]][truthID, default: 0] += 1
        }
        let expected = Self.truthSummary(truth)
        let reported = try Self.reportedSummary(folder.appendingPathComponent("summary.json"))
        var wrongCells = 0, offByMore = 0
        print("\(month) summary (rereg/truth where they differ)")
        print("  " + Columns.left("county", 8) + Self.counts.map { Columns.right($0, 12) }.joined() + Columns.right("rate", 16))
        for county in ["all"] + Self.counties where expected[county] != nil || reported[county] != nil {
            let mine = reported[county] ?? [:], theirs = expected[county] ?? [:]
            var cells = ""
            for key in Self.counts {
                let (a, b) = (mine[key] ?? 0, theirs[key] ?? 0)
                if county != "all" && a != b { wrongCells += 1; if abs(a - b) > 1 { offByMore += 1 } }
                cells += Columns.right(a == b ? String(a) : "\(a)/\(b)", 12)
            }
            let (r, t) = (Self.rate(mine), Self.rate(theirs))
            let rateText = abs(r - t) < 0.00005 ? String(format: "%.4f", r) : String(format: "%.4f/%.4f", r, t)
            print("  " + Columns.left(county, 8) + cells + Columns.right(rateText, 16))
        }
        let rateGap = (Self.rate(reported["all"] ?? [:]) - Self.rate(expected["all"] ?? [:])) * 100
        print(String(format: "  completion rate off by %+.2f points; wrong county cells %d of %d (%d off by more than one)",
                     rateGap, wrongCells, Self.counties.count * Self.counts.count, offByMore))

        // An id belongs to the truth institution most of its records came from.
        var owned: [String: [String]] = [:]
        for (id, byTruth) in votes where lines[id] != nil {
            if let owner = byTruth.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key { owned[owner, default: []].append(id) }
        }
        let reviewed = try Self.reviewedTogether(folder.appendingPathComponent("review.csv"))
        var split = 0, countedTwice = 0, splitReviewed = 0
        for (_, ids) in owned where ids.count > 1 {
            split += 1
            if ids.filter({ lines[$0]!.reregistrationRequired }).count > 1 { countedTwice += 1 }
            if reviewed.contains(where: { $0.intersection(ids).count >= 2 }) { splitReviewed += 1 }
        }
        print("  institutions split over several ids \(split), counted twice as required \(countedTwice), "
              + "split with a review row naming their ids together \(splitReviewed)")
    }

    /// The sets of ids each review.csv row names together.
    static func reviewedTogether(_ url: URL) throws -> [Set<String>] {
        guard let rows = try? CSVTableReader.rows(of: url) else { return [] }
        return rows.dropFirst().compactMap { row in
            row.count > 2 ? Set(row[2].split(separator: " ").map(String.init)) : nil
        }
    }
}
