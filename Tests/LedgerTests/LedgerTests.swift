import Foundation
import TestSupport
import Testing
@testable import Ledger
import RegistryModel

@Suite struct LedgerTests {
    func temporaryLedgerPath() -> String {
        (try! TestScratch.folder("ledger")).appendingPathComponent("ledger.sqlite").path
    }

    /// A month as these tests record it: the pipeline's rows, in the pipeline's order.
    struct Month {
        var batch: BatchRow
        var newInstitutions = [InstitutionID(sequence: 1)]
        var states: [(InstitutionID, String)]
        var records: [RecordRow] = []
        var nextSequence = 2

        /// `whileWriting` runs inside the month's transaction, after its rows are in.
        func write(to ledger: Ledger, whileWriting: () -> Void = {}) throws {
            try ledger.write(month: batch.month) { writer in
                try writer.insert(batch: batch)
                try writer.mint(newInstitutions)
                try writer.insert(states: states)
                try writer.insert(records)
                try writer.raiseNextSequence(to: nextSequence)
                whileWriting()
            }
        }
    }

    func batch(_ month: String, digest: String = "d") -> Month {
        Month(batch: BatchRow(month: month, asOf: Day(iso: month + "-28")!, deadline: Day(iso: "2021-12-31")!, inputDigest: digest,
                              toolVersion: "test", records: 1, accepted: 1, rejected: 0, warnings: [], summary: "{}"),
              states: [(InstitutionID(sequence: 1), "{\"month\":\"\(month)\"}")])
    }

    @Test func aMonthOlderThanTheNewestIsRefusedAndChangesNothing() throws {
        let ledger = try Ledger(path: temporaryLedgerPath())
        try batch("2021-10").write(to: ledger)
        #expect(throws: LedgerError.olderMonth(month: "2021-09", newest: "2021-10")) { try batch("2021-09").write(to: ledger) }
        #expect(try ledger.months() == ["2021-10"])
    }

    /// A clerk's `rereg show` while a batch is being written waits for it (and then sees the
    /// month), instead of failing with SQLite's "database is locked"; past the timeout it says why.
    @Test func aSecondConnectionWaitsForTheBatchBeingWritten() throws {
        let path = temporaryLedgerPath()
        let writing = try Ledger(path: path)
        let month = batch("2021-12")
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        // A thread of its own: the batch blocks while it holds the ledger, as a long write does.
        Thread {
            try? month.write(to: writing) { started.signal(); release.wait() }
            done.signal()
        }.start()
        started.wait()
        #expect(throws: LedgerError.busy(path: path, waited: 1)) { try Ledger(path: path, busyTimeout: 1) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { release.signal() }
        let clerk = try Ledger(path: path, busyTimeout: 30)
        #expect(try clerk.months() == ["2021-12"])
        done.wait()
    }

    @Test func theNewestMonthIsReplacedAndTheSequenceNeverGoesBack() throws {
        let ledger = try Ledger(path: temporaryLedgerPath())
        try batch("2021-10").write(to: ledger)
        var corrected = batch("2021-10", digest: "e")
        corrected.nextSequence = 1
        try corrected.write(to: ledger)
        #expect(try ledger.batch("2021-10")?.inputDigest == "e")
        #expect(try ledger.nextSequence() == 2)
    }

    @Test func anEditedNextSequenceNeverHandsOutAnIdAgain() throws {
        let path = temporaryLedgerPath()
        try batch("2021-10").write(to: try Ledger(path: path))
        // Someone sets next_sequence back by hand (sqlite3 …): ids at or below the highest stay taken.
        let tampering = try DatabaseQueue(path: path)
        try tampering.write { try $0.execute(sql: "UPDATE meta SET value = '1' WHERE key = 'next_sequence'") }
        #expect(try Ledger(path: path).nextSequence() == 2)
    }

    /// A flag review's evidence is its line's, copied by the ledger: numbered after the reviews
    /// given in full, and read back as if it had been given in full.
    @Test func lineReviewsFollowTheOthersAndShowTheirLinesEvidence() throws {
        let ledger = try Ledger(path: temporaryLedgerPath())
        let flagged = InstitutionID(sequence: 1)
        let line = LedgerLine(
            institutionID: flagged, name: "临河区博雅文化艺术培训学校", creditCode: nil, formerCreditCodes: [], countyCode: "150802",
            countyName: "临河区", category: .nonSubject, department: .cultureTourism, stages: [], reregistrationRequired: false,
            reregistrationStatus: .notRequired, completedOn: nil, overdue: false, daysOverdue: 0, flags: [.disguisedSubjectRisk],
            firstSeenBatch: "2021-09", lastSeenBatch: "2021-09", sourceRecordCount: 1)
        let evidence = "规则 D3：经营范围 “思维训练” [① 企业登记信息_临河区_202109.csv#7]\n无须重新登记"
        let category = ReviewItem(kind: .category, institutionIDs: [InstitutionID(sequence: 2)], summary: "类别待定，请人工认定",
                                  evidence: "无明确培训内容")
        let september = batch("2021-09")
        try ledger.write(month: "2021-09") { writer in
            try writer.insert(batch: september.batch)
            try writer.mint([flagged, InstitutionID(sequence: 2)])
            try writer.insert(lines: [LineRow(line: line, evidence: evidence)])
            try writer.insert(reviews: [category], from: 1)
            try writer.insert(lineReviews: [LineReview(kind: .flag, institution: flagged, summary: "请核实：疑似变相学科类培训")], from: 2)
        }
        #expect(try ledger.reviews("2021-09") == [
            category,
            ReviewItem(kind: .flag, institutionIDs: [flagged], summary: "请核实：疑似变相学科类培训", evidence: evidence),
        ])
    }

    /// Records go in through SQLite's C API: what goes in comes back, empty and absent text
    /// stay apart, and a failing row rolls the whole month back.
    @Test func recordsRoundTripAndAFailedRowLeavesTheLedgerAsItWas() throws {
        let ledger = try Ledger(path: temporaryLedgerPath())
        var september = batch("2021-09")
        let ref = RecordRef(sourceFile: "企业登记信息_临河区_202109.csv", ordinal: 7)
        let fields = FieldValues([.name: "临河区智远教育科技有限公司", .address: ""])
        september.records = [RecordRow(ref: ref, kind: .marketRegulation, institution: InstitutionID(sequence: 1),
                                       rule: .creditCode, score: 0.25, evidence: "统一社会信用代码一致", fieldsJSON: fields.json)]
        try september.write(to: ledger)
        let read = try #require(try ledger.records("2021-09").first)
        #expect(read == september.records[0])
        #expect(read.fields[.address] == "" && read.fields[.phone] == nil)

        var october = batch("2021-10")
        october.records = september.records + september.records  // the same reference twice
        #expect(throws: (any Error).self) { try october.write(to: ledger) }
        #expect(try ledger.months() == ["2021-09"])
    }

    /// Each row keeps its own fields, and a bad row at the end of a large month still leaves the
    /// ledger as it was.
    @Test func manyRecordsKeepTheirOwnFieldsAndABadLastRowLeavesNothing() throws {
        let ledger = try Ledger(path: temporaryLedgerPath())
        let count = 20_000
        var september = batch("2021-09")
        september.newInstitutions = (1...count).map { InstitutionID(sequence: $0) }
        september.states = september.newInstitutions.map { ($0, "{\"id\":\"\($0.rawValue)\"}") }
        september.records = september.newInstitutions.enumerated().map { index, id in
            let fields = FieldValues([.name: "临河区第\(index)培训学校"])
            return RecordRow(ref: RecordRef(sourceFile: "民非登记_202109.csv", ordinal: index + 1), kind: .civilAffairs,
                             institution: id, rule: .creditCode, score: 1, evidence: "", fieldsJSON: fields.json)
        }
        var broken = september
        broken.records.append(september.records[0])
        #expect(throws: (any Error).self) { try broken.write(to: ledger) }
        #expect(try ledger.months().isEmpty)

        try september.write(to: ledger)
        #expect(try ledger.records("2021-09") == september.records)
        let stored = try states(ledger, before: "2021-10")
        #expect(stored.count == count)
        #expect(stored[InstitutionID(sequence: count)] == "{\"id\":\"\(InstitutionID(sequence: count).rawValue)\"}")
    }

    /// Rendering reads through a second connection beside the first; a ledger in memory has
    /// only one.
    @Test func aSecondReaderSeesWhatTheLedgerHolds() throws {
        let ledger = try Ledger(path: temporaryLedgerPath())
        try batch("2021-09").write(to: ledger)
        let reader = try #require(try ledger.secondReader())
        #expect(try reader.months() == ["2021-09"])
        #expect(try reader.batch("2021-09") == ledger.batch("2021-09"))
        #expect(try Ledger().secondReader() == nil)
    }

    /// A re-exported row counts once as a duplicate; the same values in another file or
    /// under another institution do not.
    @Test func duplicatesAreRowsRepeatingAnotherOfTheSameFileAndInstitution() throws {
        let ledger = try Ledger(path: temporaryLedgerPath())
        var september = batch("2021-09")
        september.newInstitutions = [InstitutionID(sequence: 1), InstitutionID(sequence: 2)]
        func row(_ file: String, _ ordinal: Int, institution: Int, name: String = "临河区智远教育科技有限公司") -> RecordRow {
            let values = FieldValues([.name: name, .creditCode: "91150802MA0N2XKQ1B"])
            return RecordRow(ref: RecordRef(sourceFile: file, ordinal: ordinal), kind: .marketRegulation,
                             institution: InstitutionID(sequence: institution), rule: .creditCode, score: 1, evidence: "", fieldsJSON: values.json)
        }
        september.records = [
            row("企业登记信息_202109.csv", 1, institution: 1),
            row("企业登记信息_202109.csv", 2, institution: 1),  // the same row exported twice
            row("企业登记信息_202109.csv", 3, institution: 1, name: "临河区智远教育科技有限公司（变更）"),
            row("企业登记信息_202109.xml", 1, institution: 1),  // the same values in another file
            row("企业登记信息_202109.csv", 4, institution: 2),  // under another institution
        ]
        try september.write(to: ledger)
        #expect(try ledger.duplicateCount("2021-09") == 1)
    }

    @Test func stateBeforeAMonthIsTheLatestEarlierOne() throws {
        let ledger = try Ledger(path: temporaryLedgerPath())
        try batch("2021-09").write(to: ledger)
        var october = batch("2021-10")
        october.newInstitutions = []
        try october.write(to: ledger)
        #expect(try states(ledger, before: "2021-10") == [InstitutionID(sequence: 1): "{\"month\":\"2021-09\"}"])
        #expect(try states(ledger, before: "2021-11") == [InstitutionID(sequence: 1): "{\"month\":\"2021-10\"}"])
    }

    @Test func statesComeInChunksOfTheSizeAsked() throws {
        let ledger = try Ledger(path: temporaryLedgerPath())
        var september = batch("2021-09")
        september.newInstitutions = (1...5).map { InstitutionID(sequence: $0) }
        september.states = september.newInstitutions.map { ($0, "{\"id\":\"\($0.rawValue)\"}") }
        try september.write(to: ledger)
        var sizes: [Int] = []
        var seen: [InstitutionID: String] = [:]
        try ledger.states(before: "2021-10", chunk: 2) { chunk in
            sizes.append(chunk.count)
            for (id, json) in chunk { seen[id] = json }
        }
        #expect(sizes == [2, 2, 1])
        #expect(seen.count == 5)
        #expect(seen[InstitutionID(sequence: 3)] == "{\"id\":\"BYN-00000003\"}")
    }

    func states(_ ledger: Ledger, before month: String) throws -> [InstitutionID: String] {
        var states: [InstitutionID: String] = [:]
        try ledger.states(before: month, chunk: 1_000) { chunk in for (id, json) in chunk { states[id] = json } }
        return states
    }

    @Test func aLedgerFromANewerReregIsRefused() throws {
        let path = temporaryLedgerPath()
        _ = try Ledger(path: path)
        NewerRereg.execute(path, "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        #expect(throws: LedgerError.newerSchema(path: path)) { try Ledger(path: path) }
    }

    @Test func aFileThatIsNoLedgerIsRefused() throws {
        let path = temporaryLedgerPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "企业名称,统一社会信用代码\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: LedgerError.notALedger(path: path)) { try Ledger(path: path) }
    }

    @Test func decisionsAreKeptUntilRevoked() throws {
        let ledger = try Ledger(path: temporaryLedgerPath())
        let a = InstitutionID(sequence: 1), b = InstitutionID(sequence: 2)
        try ledger.add([DecisionRow(kind: .same, institution: a, other: b, note: "同一法人同一地址")])
        #expect(try ledger.decisions().map(\.kind) == [.same])
        let revocation = Revocation(kinds: [.same, .different], institution: b, other: a, line: "第 2 行")
        #expect(try ledger.record([], revoking: [revocation]) == 1)
        #expect(try ledger.decisions().isEmpty)
        #expect(try ledger.decisions(includingRevoked: true).count == 1)
        // Nothing left to withdraw: the whole file is refused, and nothing it adds is kept.
        #expect(throws: LedgerError.nothingToRevoke(index: 0)) {
            try ledger.record([DecisionRow(kind: .category, institution: a, category: .subject)], revoking: [revocation])
        }
        #expect(try ledger.decisions(includingRevoked: true).count == 1)
    }
}

import GRDB

/// Writes into a ledger behind rereg's back, as a newer version would.
enum NewerRereg {
    static func execute(_ path: String, _ sql: String) {
        let queue = try! DatabaseQueue(path: path)
        try! queue.write { try $0.execute(sql: sql) }
    }
}
