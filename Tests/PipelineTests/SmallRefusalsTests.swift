import Foundation
import Testing

/// The small refusals of issue 24: each a sentence and exit 1, nothing recorded, nothing left behind.
@Suite struct SmallRefusalsTests {
    func month(_ name: String) -> String { packageRoot.appendingPathComponent("input/\(name)").path }

    /// A ledger with September recorded, and the ids of a category review and a link review.
    func recordedSeptember() throws -> (work: URL, category: String) {
        let work = try temporaryFolder()
        #expect(try rereg(["batch", month("2021-09"), "--ledger", "ledger.sqlite", "--out", "2021-09"], in: work).status == 0)
        let item = try #require(try csvRows(work.appendingPathComponent("2021-09/review.csv")).first { $0[1] == "类别认定" })
        return (work, item[2])
    }

    func decide(_ csv: String, in work: URL) throws -> Run {
        try csv.write(to: work.appendingPathComponent("decisions.csv"), atomically: true, encoding: .utf8)
        return try rereg(["decide", "decisions.csv", "--ledger", "ledger.sqlite"], in: work)
    }

    @Test func aRevocationOfADecisionNeverMadeIsRefusedAndNothingIsRecorded() throws {
        let (work, id) = try recordedSeptember()
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try decide("decision,institution_id,other_institution_id,category,note\ncategory,\(id),,non_subject,已核实\nrevoke,\(id),BYN-00000001,,误判\n", in: work)
        #expect(run.status == 1 && run.stderr.contains("第 3 行") && run.stderr.contains("没有可撤销的决定"), "\(run.stderr)")
        // The category line before it was not recorded either: the next batch still asks.
        #expect(try rereg(["batch", month("2021-10"), "--ledger", "ledger.sqlite", "--out", "2021-10"], in: work).status == 0)
        let asked = try csvRows(work.appendingPathComponent("2021-10/review.csv")).contains { $0[1] == "类别认定" && $0[2] == id }
        #expect(asked)
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("ledger.sqlite.decisions/0001-decisions.csv").path))
    }

    @Test func aLineRepeatedAndAnEndlessFileAreRefused() throws {
        let (work, id) = try recordedSeptember()
        defer { try? FileManager.default.removeItem(at: work) }
        let line = "category,\(id),,non_subject,已核实\n"
        let twice = try decide("decision,institution_id,other_institution_id,category,note\n" + line + line, in: work)
        #expect(twice.status == 1 && twice.stderr.contains("与第 2 行是同一项决定"), "\(twice.stderr)")
        let endless = try decide("decision,institution_id,other_institution_id,category,note\n"
            + (0...10_000).map { "category,\(id),,non_subject,第\($0)次\n" }.joined(), in: work)
        #expect(endless.status == 1 && endless.stderr.contains("最多 10000 行"), "\(endless.stderr)")
    }

    @Test func showAndReportOfWhatTheLedgerLacksSaySoAndLeaveNothing() throws {
        let (work, _) = try recordedSeptember()
        defer { try? FileManager.default.removeItem(at: work) }
        let unknown = try rereg(["show", "BYN-99999999", "--ledger", "ledger.sqlite"], in: work)
        #expect(unknown.status == 1 && unknown.stderr.contains("找不到"), "\(unknown.stderr)")
        // `%` is a character to look for, not a wildcard matching every name.
        let percent = try rereg(["show", "%", "--ledger", "ledger.sqlite"], in: work)
        #expect(percent.status == 1, "\(percent.stderr)")
        let junk = try rereg(["report", "--batch", "junk", "--ledger", "ledger.sqlite"], in: work)
        #expect(junk.status == 1 && junk.stderr.contains("台账中没有 junk 批次"), "\(junk.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("output").path))
    }

    @Test func anEmptyMonthIsRefusedUnlessAsked() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work.appendingPathComponent("2021-09"), withIntermediateDirectories: true)
        try Data([5]).write(to: work.appendingPathComponent("2021-09/~$企业登记信息.csv"))
        let refused = try rereg(["batch", "2021-09", "--ledger", "ledger.sqlite", "--out", "out"], in: work)
        #expect(refused.status == 1 && refused.stderr.contains("没有导出文件") && refused.stderr.contains("--empty-month"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("ledger.sqlite").path))
        let asked = try rereg(["batch", "2021-09", "--empty-month", "--ledger", "ledger.sqlite", "--out", "out"], in: work)
        #expect(asked.status == 0 && asked.stderr.contains("已跳过文件夹中的“~$企业登记信息.csv”"), "\(asked.stderr)")
    }
}
