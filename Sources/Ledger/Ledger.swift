import Foundation
import GRDB
import RegistryModel

/// Problems with the ledger file itself; a batch that meets one changes nothing.
public enum LedgerError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notALedger(path: String)
    case newerSchema(path: String)
    case olderMonth(month: String, newest: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "无法打开台账文件“\(path)”：\(reason)。"
        case .notALedger(let path):
            "文件“\(path)”不是 rereg 台账：请检查 --ledger 参数。"
        case .newerSchema(let path):
            "台账“\(path)”由更新版本的 rereg 写入，本版本无法安全读取：请升级 rereg。"
        case .olderMonth(let month, let newest):
            "台账已记录到 \(newest)，不能再记录更早的 \(month)：旧月份请用 rereg replay 重建台账，或用 rereg report 重新生成文件。"
        }
    }
}

/// The SQLite ledger (GRDB): every batch, every id ever minted, every record's link, the
/// ledger as each month left it, and a clerk's decisions.
public final class Ledger: Sendable {
    static let format = "rereg-ledger"
    let database: DatabaseQueue
    public let path: String

    /// Opens the ledger, creating it when missing; refuses a ledger written by a newer rereg.
    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw LedgerError.notALedger(path: path)
        } catch {
            throw LedgerError.cannotOpen(path: path, reason: "\(error)")
        }
        try prepare()
    }

    private init(readingFrom path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = true
        database = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// A second, read-only connection to the same file, so that two threads can read at once
    /// (SQLite's readers share a file); nil for a ledger in memory, which has one connection.
    public func secondReader() throws -> Ledger? {
        path == ":memory:" ? nil : try Ledger(readingFrom: path)
    }

    /// A ledger in memory, for tests.
    public init() throws {
        path = ":memory:"
        database = try DatabaseQueue()
        try prepare()
    }

    private func prepare() throws {
        let migrator = Schema.migrator
        do {
            try database.write { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if !tables.isEmpty {
                    guard tables.contains("meta"),
                          try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'") == Self.format
                    else { throw LedgerError.notALedger(path: path) }
                }
            }
            if try database.read({ try migrator.hasBeenSuperseded($0) }) { throw LedgerError.newerSchema(path: path) }
            try migrator.migrate(database)
            try database.write { db in
                try db.execute(sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('format', ?), ('next_sequence', '1')",
                               arguments: [Self.format])
            }
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError {
            throw error.resultCode == .SQLITE_NOTADB ? LedgerError.notALedger(path: path)
                : LedgerError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
    }

    // MARK: Batches

    /// Recorded months, oldest first.
    public func months() throws -> [String] {
        try database.read { try String.fetchAll($0, sql: "SELECT month FROM batch ORDER BY month") }
    }

    public func batch(_ month: String) throws -> BatchRow? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM batch WHERE month = ?", arguments: [month]).map(Self.batchRow)
        }
    }

    /// The next sequence number to mint from: never lowered, so that no id is handed out twice,
    /// even when a month is replaced.
    public func nextSequence() throws -> Int {
        try database.read { db in
            Int(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'next_sequence'") ?? "1") ?? 1
        }
    }

    /// Records a month in one transaction, replacing it if it is the newest recorded month.
    public func write(_ write: BatchWrite) throws {
        try database.write { db in
            let newest = try String.fetchOne(db, sql: "SELECT max(month) FROM batch")
            if let newest, write.batch.month < newest {
                throw LedgerError.olderMonth(month: write.batch.month, newest: newest)
            }
            try Self.delete(month: write.batch.month, in: db)
            try Self.insert(write, into: db)
        }
    }

    private static func delete(month: String, in db: Database) throws {
        // Ids minted by the month being replaced stay minted (never reused) but belong to no one.
        try db.execute(sql: "UPDATE institution SET retired_into = NULL, retired_in = NULL WHERE retired_in = ?", arguments: [month])
        try db.execute(sql: "DELETE FROM merge WHERE month = ?", arguments: [month])
        try db.execute(sql: "DELETE FROM batch WHERE month = ?", arguments: [month])
    }

    private static func insert(_ write: BatchWrite, into db: Database) throws {
        let batch = write.batch
        try db.execute(
            sql: """
                INSERT INTO batch (month, as_of, deadline, input_digest, tool_version, records, accepted, rejected, warnings, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [batch.month, batch.asOf.iso, batch.deadline.iso, batch.inputDigest, batch.toolVersion,
                        batch.records, batch.accepted, batch.rejected, JSONText.array(batch.warnings), batch.summary])
        for file in write.files {
            try db.execute(
                sql: "INSERT INTO batch_file VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [batch.month, file.source.name, file.sha256, file.bytes, file.source.kind.rawValue,
                            file.source.layout.rawValue, file.source.format.rawValue, file.source.encoding.rawValue,
                            file.records, file.accepted, file.rejected])
        }
        let mint = try db.cachedStatement(sql: "INSERT OR IGNORE INTO institution (id, sequence, first_seen) VALUES (?, ?, ?)")
        for id in write.newInstitutions {
            try mint.execute(arguments: [id.rawValue, id.sequence ?? 0, batch.month])
        }
        // The month's bulk (states, records, lines) goes through `RowInserter`; the rest is small.
        // States' and records' JSON is made on the other core while the previous chunk is
        // inserted: making it took longer than SQLite took to store it.
        let state = RowInserter(try db.cachedStatement(sql: "INSERT INTO institution_state (month, institution_id, state) VALUES (?, ?, ?)"))
        let states = write.states
        try Parallel.overlapped(chunks: Self.chunkCount(states.ids.count), make: { chunk in
            let ids = states.ids[Self.chunkRange(chunk, of: states.ids.count)]
            return (ids, states.encode(ids))
        }) { ids, jsons in
            for (id, json) in zip(ids, jsons) {
                state.bind(1, batch.month)
                state.bind(2, id.rawValue)
                state.bind(3, json)
                try state.insert()
            }
        }
        let record = RowInserter(try db.cachedStatement(sql: "INSERT INTO source_record VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        let records = write.records
        try Parallel.overlapped(chunks: Self.chunkCount(records.count), make: { chunk in
            let range = Self.chunkRange(chunk, of: records.count)
            return (range, Parallel.map(Array(range)) { records[$0].fields.json })
        }) { range, fields in
            for (row, fields) in zip(records[range], fields) {
                record.bind(1, batch.month)
                record.bind(2, row.ref.sourceFile)
                record.bind(3, row.ref.ordinal)
                record.bind(4, row.kind.rawValue)
                record.bind(5, row.institution.rawValue)
                record.bind(6, row.rule.rawValue)
                record.bind(7, row.score)
                record.bind(8, row.evidence)
                record.bind(9, fields)
                try record.insert()
            }
        }
        let reject = try db.cachedStatement(sql: "INSERT INTO reject VALUES (?, ?, ?, ?)")
        for row in write.rejects {
            try reject.execute(arguments: [batch.month, row.ref.sourceFile, row.ref.ordinal, row.reason.message])
        }
        let line = RowInserter(try db.cachedStatement(
            sql: "INSERT INTO ledger_line VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        for row in write.lines {
            let l = row.line
            line.bind(1, batch.month)
            line.bind(2, l.institutionID.rawValue)
            line.bind(3, l.name)
            line.bind(4, l.creditCode)
            line.bind(5, l.formerCreditCodes.joined(separator: " "))
            line.bind(6, l.countyCode)
            line.bind(7, l.category.rawValue)
            line.bind(8, l.department?.rawValue)
            line.bind(9, l.stages.map(\.rawValue).joined(separator: " "))
            line.bind(10, l.reregistrationRequired)
            line.bind(11, l.reregistrationStatus.rawValue)
            line.bind(12, l.completedOn?.iso)
            line.bind(13, l.overdue)
            line.bind(14, l.daysOverdue)
            line.bind(15, l.flags.map(\.rawValue).joined(separator: " "))
            line.bind(16, l.firstSeenBatch)
            line.bind(17, l.lastSeenBatch)
            line.bind(18, l.sourceRecordCount)
            line.bind(19, row.evidence)
            try line.insert()
        }
        let statusChange = try db.cachedStatement(sql: "INSERT INTO status_change VALUES (?, ?, ?, ?, ?)")
        for change in write.statusChanges {
            try statusChange.execute(arguments: [batch.month, change.institution.rawValue, change.from?.rawValue, change.to.rawValue,
                                                 change.reason])
        }
        let reviewItem = try db.cachedStatement(sql: "INSERT INTO review_item VALUES (?, ?, ?, ?, ?, ?)")
        for (position, review) in write.reviews.enumerated() {
            try reviewItem.execute(arguments: [batch.month, position + 1, review.kind.rawValue,
                                               review.institutionIDs.map(\.rawValue).joined(separator: " "), review.summary,
                                               review.evidence])
        }
        for merge in write.merges {
            try db.execute(sql: "INSERT OR REPLACE INTO merge VALUES (?, ?, ?, ?, ?)",
                           arguments: [merge.retired.rawValue, merge.survivor.rawValue, batch.month, merge.rule.rawValue, merge.evidence])
            try db.execute(sql: "UPDATE institution SET retired_into = ?, retired_in = ? WHERE id = ?",
                           arguments: [merge.survivor.rawValue, batch.month, merge.retired.rawValue])
        }
        let next = max(write.nextSequence, Int(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'next_sequence'") ?? "1") ?? 1)
        try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'next_sequence'", arguments: [String(next)])
    }

    /// How many rows are made and inserted at a time.
    static let chunk = 8_192

    private static func chunkCount(_ rows: Int) -> Int {
        (rows + chunk - 1) / chunk
    }

    private static func chunkRange(_ index: Int, of rows: Int) -> Range<Int> {
        index * chunk ..< min(rows, (index + 1) * chunk)
    }

    private static func batchRow(_ row: Row) -> BatchRow {
        let warnings = (try? JSONValue.parse(row["warnings"]))?.array?.compactMap(\.string) ?? []
        return BatchRow(
            month: row["month"], asOf: Day(iso: row["as_of"])!, deadline: Day(iso: row["deadline"])!,
            inputDigest: row["input_digest"], toolVersion: row["tool_version"], records: row["records"],
            accepted: row["accepted"], rejected: row["rejected"], warnings: warnings, summary: row["summary"])
    }
}
