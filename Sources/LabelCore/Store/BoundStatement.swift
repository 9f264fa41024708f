import GRDB
import GRDBSQLite

/// A prepared statement run through SQLite's C interface, for the paths a million rows pass
/// through one statement (adding tasks, exporting them): values are bound in place, where GRDB's
/// `StatementArguments` box each one (a tenth of init's time), and text columns are read as
/// bytes, where GRDB's `Row` looks each column up by name (a quarter of export's time).
struct BoundStatement {
    let statement: Statement
    private var handle: SQLiteStatement { statement.sqliteStatement }

    init(_ statement: Statement) { self.statement = statement }

    func bind(_ index: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(handle, index)
            return
        }
        text.withUTF8 { bytes in
            // A NULL pointer would bind NULL: the empty string is bound from a literal.
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                sqlite3_bind_text(handle, index, "", 0, nil)
                return
            }
            sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }

    /// Runs a statement that returns no rows, then resets it for the next values.
    func run(_ db: Database) throws {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code, db) }
        sqlite3_reset(handle)
    }

    /// Calls `body` with each row, then resets the statement.
    func forEachRow(_ db: Database, _ body: (Row) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code, db) }
            try body(Row(handle: handle))
        }
    }

    private func failure(_ code: Int32, _ db: Database) -> DatabaseError {
        let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
        sqlite3_reset(handle)
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }

    /// SQLite copies the bound text (the Swift string's storage does not outlive the call).
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// The row a statement stands on, read by column number.
    struct Row {
        let handle: SQLiteStatement

        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

        func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

        func int64OrNil(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

        /// Text as stored ("" for NULL).
        func text(_ column: Int32) -> String {
            guard let bytes = sqlite3_column_text(handle, column) else { return "" }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
        }

        func textOrNil(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
    }
}
