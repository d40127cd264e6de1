import Foundation
import Testing
import Ingest
import Ledger
import RegistryModel

/// The real binary over the committed sample months (contract.md, issue 6's "done when").
@Suite(.serialized) struct BatchEndToEndTests {
    let work: URL

    init() throws {
        work = try temporaryFolder()
        for month in sampleMonths {
            let run = try rereg(["batch", packageRoot.appendingPathComponent("input/\(month)").path,
                                 "--ledger", "ledger.sqlite", "--out", month], in: work)
            #expect(run.status == 0, "\(month): \(run.stderr)")
        }
    }

    @Test func everyRecordIsInTheCrosswalkOrTheRejectsExactlyOnce() throws {
        for month in sampleMonths {
            let folder = work.appendingPathComponent(month)
            var seen: [String: [Int]] = [:]
            for row in try csvRows(folder.appendingPathComponent("crosswalk.csv")) { seen[row[0], default: []].append(Int(row[1])!) }
            for row in try csvRows(folder.appendingPathComponent("rejects.csv")) { seen[row[0], default: []].append(Int(row[1])!) }
            let files = try csvRows(folder.appendingPathComponent("files.csv"))
            #expect(Set(seen.keys) == Set(files.map { $0[0] }))
            for file in files {
                #expect(seen[file[0]]?.sorted() == Array(1...Int(file[7])!), "\(month) \(file[0])")
            }
        }
    }

    @Test func summaryCountsEqualTheLedgerLines() throws {
        for month in sampleMonths {
            let folder = work.appendingPathComponent(month)
            let lines = try String(contentsOf: folder.appendingPathComponent("ledger.jsonl"), encoding: .utf8)
                .split(separator: "\n").map { try JSONDecoder().decode(LedgerLine.self, from: Data($0.utf8)) }
            var counts = ProgressCounts()
            lines.forEach { counts.count($0) }
            let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("summary.json"))) as! [String: Any]
            #expect(summary["required"] as? Int == counts.required)
            #expect(summary["completed"] as? Int == counts.completed)
            #expect(summary["exited"] as? Int == counts.exited)
            #expect(summary["in_progress"] as? Int == counts.inProgress)
            #expect(summary["not_started"] as? Int == counts.notStarted)
            #expect(summary["overdue"] as? Int == counts.overdue)
            #expect(counts.required > 100, "the sample has well over a hundred required institutions")
            let byCounty = summary["by_county"] as! [String: [String: Any]]
            #expect(byCounty.values.reduce(0) { $0 + ($1["required"] as! Int) } == counts.required)
            #expect(lines.map(\.institutionID) == lines.map(\.institutionID).sorted())
        }
    }

    @Test func idsStayFromMonthToMonth() throws {
        var previous = Set<String>()
        for month in sampleMonths {
            let ids = Set(try String(contentsOf: work.appendingPathComponent("\(month)/ledger.jsonl"), encoding: .utf8)
                .split(separator: "\n").map { try JSONDecoder().decode(LedgerLine.self, from: Data($0.utf8)).institutionID.rawValue })
            let crosswalkIDs = Set(try csvRows(work.appendingPathComponent("\(month)/crosswalk.csv")).map { $0[2] })
            #expect(crosswalkIDs.isSubset(of: ids))
            // An id leaves the ledger only by a merge, which the ledger records.
            #expect(previous.subtracting(ids).count <= 3, "\(month) lost \(previous.subtracting(ids))")
            previous = ids
        }
    }

    @Test func theNewestMonthRunAgainIsByteIdentical() throws {
        let before = try contents(of: work.appendingPathComponent("2022-01"))
        let ledgerBefore = try sha256(work.appendingPathComponent("ledger.sqlite"))
        let run = try rereg(["batch", packageRoot.appendingPathComponent("input/2022-01").path, "--ledger", "ledger.sqlite", "--out", "2022-01"], in: work)
        #expect(run.status == 0)
        #expect(try contents(of: work.appendingPathComponent("2022-01")) == before)
        #expect(try sha256(work.appendingPathComponent("ledger.sqlite")) == ledgerBefore, "a re-run adds no history")
    }

    @Test func theSameMonthRenderedFromTheLedgerAloneIsByteIdentical() throws {
        let run = try rereg(["report", "--batch", "2021-11", "--ledger", "ledger.sqlite", "--out", "again-2021-11"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try contents(of: work.appendingPathComponent("again-2021-11")) == contents(of: work.appendingPathComponent("2021-11")))
    }

    @Test func anOlderMonthIsRefusedAndTheLedgerIsUntouched() throws {
        let ledgerBefore = try sha256(work.appendingPathComponent("ledger.sqlite"))
        let run = try rereg(["batch", packageRoot.appendingPathComponent("input/2021-10").path, "--ledger", "ledger.sqlite", "--out", "old"], in: work)
        #expect(run.status != 0)
        #expect(run.stderr.contains("不能再记录更早的 2021-10"))
        #expect(try sha256(work.appendingPathComponent("ledger.sqlite")) == ledgerBefore)
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("old").path))
    }

    /// The exported values reach the ledger through a temporary file, not the records: each
    /// accepted record's values come back exactly as ingest read them (GB18030, XML and
    /// personal data included).
    @Test func theLedgerKeepsEveryRecordsValuesAsExported() throws {
        let month = "2021-12"
        let ingestor = try Ingestor(folder: packageRoot.appendingPathComponent("input/\(month)"))
        var exported: [RecordRef: FieldValues] = [:]
        for file in try ingestor.survey() {
            _ = try ingestor.read(file) { event in
                if case .record(let raw) = event { exported[raw.ref] = raw.values }
            }
        }
        let stored = try Ledger(path: work.appendingPathComponent("ledger.sqlite").path).records(month)
        #expect(stored.count == exported.count && !stored.isEmpty)
        for row in stored { #expect(row.fieldsJSON == exported[row.ref]?.json, "\(row.ref)") }
        #expect(stored.contains { $0.fields[.legalRepresentativeID] != nil })
    }

    @Test func theOutputsCarryNoPersonalData() throws {
        for name in ["ledger.jsonl", "ledger.csv", "crosswalk.csv", "summary.json", "changes.csv"] {
            let text = try String(contentsOf: work.appendingPathComponent("2021-12/\(name)"), encoding: .utf8)
            #expect(text.range(of: #"\b1[3-9]\d{9}\b"#, options: .regularExpression) == nil, "\(name) has a mobile number")
            #expect(text.range(of: #"\b\d{6}(19|20)\d{2}[01]\d[0-3]\d\d{3}[\dX]\b"#, options: .regularExpression) == nil,
                    "\(name) has an ID number")
        }
    }
}
