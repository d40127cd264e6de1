import Foundation
import GRDB
import RegistryModel
import Support

/// Problems with the ledger file itself; a batch that meets one changes nothing.
public enum LedgerError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notALedger(path: String)
    case newerSchema(path: String)
    case olderMonth(month: String, newest: String)
    case busy(path: String, waited: Int)
    /// SQLite found the file damaged (a page overwritten, a truncated copy).
    case damaged(path: String, detail: String)
    /// A decisions file's revocation (by position) found no active decision to withdraw.
    case nothingToRevoke(index: Int)

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
        case .damaged(let path, let detail):
            "台账“\(path)”已损坏（SQLite 检查：\(detail)），本次没有写入：请用备份替换它，或用 rereg replay 从各月导出文件重建（人工决定从旧台账或 \(path).decisions/ 中保存的决定文件取回）。"
        case .nothingToRevoke(let index):
            "决定文件中第 \(index + 1) 项撤销找不到可撤销的决定；未记录任何决定。"
        case .busy(let path, let waited):
            "台账“\(path)”正被另一个 rereg 使用（例如正在记录一个批次），等待 \(waited) 秒后仍未释放：请稍后再试。"
        }
    }
}

/// The SQLite ledger (GRDB): every batch, every id ever minted, every record's link, the
/// ledger as each month left it, and a clerk's decisions.
public final class Ledger: Sendable {
    static let format = "rereg-ledger"
    let database: DatabaseQueue
    public let path: String

    /// How long a connection waits for another process's lock, by default. A month's batch holds
    /// the ledger for its whole write (seconds for Bayannur, about half a minute for a million
    /// records); a clerk's `rereg show` meanwhile, or the batch's commit behind a clerk's read,
    /// waits for it instead of failing at once with SQLite's "database is locked".
    public static let defaultBusyTimeout = 60
    let busyTimeout: Int

    /// Opens the ledger, creating it when missing; refuses a ledger written by a newer rereg.
    public init(path: String, busyTimeout: Int = Ledger.defaultBusyTimeout) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = Self.configuration(busyTimeout: busyTimeout)
            configuration.foreignKeysEnabled = true
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw LedgerError.notALedger(path: path)
        } catch {
            throw LedgerError.cannotOpen(path: path, reason: "\(error)")
        }
        try prepare()
    }

    private init(readingFrom path: String, busyTimeout: Int) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        var configuration = Self.configuration(busyTimeout: busyTimeout)
        configuration.readonly = true
        database = try DatabaseQueue(path: path, configuration: configuration)
    }

    private static func configuration(busyTimeout: Int) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(TimeInterval(busyTimeout))
        return configuration
    }

    /// A second, read-only connection to the same file, so that two threads can read at once
    /// (SQLite's readers share a file); nil for a ledger in memory, which has one connection.
    public func secondReader() throws -> Ledger? {
        path == ":memory:" ? nil : try Ledger(readingFrom: path, busyTimeout: busyTimeout)
    }

    /// A ledger in memory, for tests.
    public init() throws {
        path = ":memory:"
        busyTimeout = 0
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
            switch error.resultCode {
            case .SQLITE_NOTADB: throw LedgerError.notALedger(path: path)
            case .SQLITE_CORRUPT: throw LedgerError.damaged(path: path, detail: error.message ?? "\(error.resultCode)")
            case .SQLITE_BUSY: throw LedgerError.busy(path: path, waited: busyTimeout)
            default: throw LedgerError.cannotOpen(path: path, reason: error.message ?? "\(error)")
            }
        }
    }

    // MARK: Checking

    /// SQLite's own check of every page (`PRAGMA quick_check`), made before a month is written:
    /// writing onto a damaged file would bury the damage under another month. Its cost:
    /// BENCHMARKS.md, "Checking the ledger".
    public func checkIntact() throws {
        let problems = try database.read { try String.fetchAll($0, sql: "PRAGMA quick_check(5)") }
        guard problems == ["ok"] else { throw LedgerError.damaged(path: path, detail: problems.joined(separator: "；")) }
    }

    /// The ledger's sentence for an error SQLite raised on a damaged file, if it was one.
    public static func damage(in error: any Error, path: String) -> LedgerError? {
        if let error = error as? LedgerError, case .damaged = error { return error }
        guard let error = error as? DatabaseError, [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) else { return nil }
        return .damaged(path: path, detail: error.message ?? "\(error.resultCode)")
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
        try database.read(Self.nextSequence(in:))
    }

    /// Never at or below the highest sequence minted, whatever `meta` says (a hand-edited
    /// ledger must not hand out an id twice).
    static func nextSequence(in db: Database) throws -> Int {
        let stored = Int(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'next_sequence'") ?? "1") ?? 1
        let highest = try Int.fetchOne(db, sql: "SELECT max(sequence) FROM institution") ?? 0
        return max(stored, highest + 1)
    }

    /// Records a month in one transaction, replacing it if it is the newest recorded month:
    /// `body` adds the month's rows through the writer, first the batch row. If anything
    /// throws, the ledger is left as it was.
    public func write(month: String, _ body: (MonthWriter) throws -> Void) throws {
        do {
            try database.write { db in
                let newest = try String.fetchOne(db, sql: "SELECT max(month) FROM batch")
                if let newest, month < newest {
                    throw LedgerError.olderMonth(month: month, newest: newest)
                }
                try Self.delete(month: month, in: db)
                try body(MonthWriter(db: db, month: month))
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw LedgerError.busy(path: path, waited: busyTimeout)
        }
    }

    private static func delete(month: String, in db: Database) throws {
        // Ids minted by the month being replaced stay minted (never reused) but belong to no one.
        try db.execute(sql: "UPDATE institution SET retired_into = NULL, retired_in = NULL WHERE retired_in = ?", arguments: [month])
        try db.execute(sql: "DELETE FROM merge WHERE month = ?", arguments: [month])
        try db.execute(sql: "DELETE FROM batch WHERE month = ?", arguments: [month])
    }

    private static func batchRow(_ row: Row) -> BatchRow {
        let warnings = (try? JSONValue.parse(row["warnings"]))?.array?.compactMap(\.string) ?? []
        return BatchRow(
            month: row["month"], asOf: Day(iso: row["as_of"])!, deadline: Day(iso: row["deadline"])!,
            inputDigest: row["input_digest"], toolVersion: row["tool_version"], records: row["records"],
            accepted: row["accepted"], rejected: row["rejected"], warnings: warnings, summary: row["summary"])
    }
}
