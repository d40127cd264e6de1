internal import CSQLite
import GRDB

/// A cached INSERT bound and stepped through SQLite's C API, inside GRDB's transaction: GRDB's
/// `StatementArguments` box every value (measured: BENCHMARKS.md, history, `4074e60`).
/// Bind every column (1-based, as SQLite counts), then `insert()`.
struct RowInserter {
    private let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    /// SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: Statement) {
        self.statement = statement
    }

    func bind(_ column: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(handle, column)
            return
        }
        _ = text.withUTF8 { bytes in
            // An empty buffer may have no address; SQLite takes NULL with length 0 as NULL, so give it "".
            if let base = bytes.baseAddress {
                sqlite3_bind_text(handle, column, base, Int32(bytes.count), Self.transient)
            } else {
                sqlite3_bind_text(handle, column, "", 0, Self.transient)
            }
        }
    }

    func bind(_ column: Int32, _ value: Int) {
        sqlite3_bind_int64(handle, column, Int64(value))
    }

    func bind(_ column: Int32, _ value: Bool) {
        sqlite3_bind_int64(handle, column, value ? 1 : 0)
    }

    func bind(_ column: Int32, _ value: Double) {
        sqlite3_bind_double(handle, column, value)
    }

    func insert() throws {
        let code = sqlite3_step(handle)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                                sql: statement.sql)
        }
    }
}
