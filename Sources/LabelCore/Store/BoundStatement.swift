import GRDB
import GRDBSQLite

/// A prepared statement run through SQLite's C interface, for the paths a million rows pass
/// through one statement (adding tasks, exporting them): values are bound in place, where GRDB's
/// `StatementArguments` box each one (a tenth of init's time), and text columns are read as
/// bytes, where GRDB's `Row` looks each column up by name (a quarter of export's time).
struct BoundStatement {
    let statement: Statement
    private var handle: SQLiteStatement { statement.sqliteStatement }
    /// The texts bound since the last run, copied end to end into one buffer that is kept from
    /// row to row: bound when the statement runs, without SQLite copying each one again.
    private let texts = Texts()

    init(_ statement: Statement) { self.statement = statement }

    private final class Texts {
        var bytes: [UInt8] = []
        var spans: [(index: Int32, start: Int, count: Int)] = []
    }

    func bind(_ index: Int32, _ text: String?) {
        guard let text else {
            sqlite3_bind_null(handle, index)
            return
        }
        let start = texts.bytes.count
        texts.bytes.append(utf8Of: text)
        texts.spans.append((index, start, texts.bytes.count - start))
    }

    /// Binds the texts held for this run, calls `body`, and lets them go (the statement's
    /// bindings cleared, so none outlives the buffer it points into).
    private func withTexts<T>(_ body: () throws -> T) rethrows -> T {
        defer {
            sqlite3_clear_bindings(handle)
            texts.bytes.removeAll(keepingCapacity: true)
            texts.spans.removeAll(keepingCapacity: true)
        }
        return try texts.bytes.withUnsafeBufferPointer { buffer in
            for span in texts.spans {
                bind(span.index, UnsafeBufferPointer(rebasing: buffer[span.start..<span.start + span.count]))
            }
            return try body()
        }
    }

    /// Binds text that stays where it is until the statement has run (a prepared batch's buffer).
    func bind(_ index: Int32, _ text: UnsafeBufferPointer<UInt8>?) {
        guard let text else {
            sqlite3_bind_null(handle, index)
            return
        }
        bindText(index, text, nil)
    }

    /// Binds UTF-8 text; `destructor` nil (SQLITE_STATIC) for text that stays where it is until
    /// the statement has run, `transient` for SQLite to copy.
    private func bindText(_ index: Int32, _ text: UnsafeBufferPointer<UInt8>, _ destructor: sqlite3_destructor_type?) {
        // A NULL pointer would bind NULL: the empty string is bound from a literal.
        guard let base = text.baseAddress, !text.isEmpty else {
            sqlite3_bind_text(handle, index, "", 0, nil)
            return
        }
        sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(text.count), destructor)
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
        try withTexts {
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else { throw failure(code, db) }
            sqlite3_reset(handle)
        }
    }

    /// Calls `body` with each row, then resets the statement.
    func forEachRow(_ db: Database, _ body: (Row) throws -> Void) throws {
        try withTexts {
            defer { sqlite3_reset(handle) }
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else { throw failure(code, db) }
                try body(Row(handle: handle))
            }
        }
    }

    /// Binds a copy of the text at once (SQLite's own copy), for a statement walked with `step`,
    /// which has no end at which texts held for a run could be let go.
    func bindCopy(_ index: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(handle, index)
            return
        }
        text.withUTF8 { bindText(index, $0, Self.transient) }
    }

    /// SQLite copies the text bound (the Swift string's storage does not outlive the call).
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Steps to the next row (nil after the last), for a caller that walks two statements in
    /// step; `reset()` when done. Texts are bound with `bindCopy` (`bind`'s are bound by a run).
    func step(_ db: Database) throws -> Row? {
        assert(texts.spans.isEmpty, "a statement walked with step binds its texts with bindCopy")
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw failure(code, db) }
        return Row(handle: handle)
    }

    func reset() { sqlite3_reset(handle) }

    private func failure(_ code: Int32, _ db: Database) -> DatabaseError {
        let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
        sqlite3_reset(handle)
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }

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

        /// Text's UTF-8 bytes as SQLite holds them (nil for NULL), valid until the statement steps
        /// or is reset: copied where they go, with no `String` made.
        func bytes(_ column: Int32) -> UnsafeRawBufferPointer? {
            // NULL is the only value read as text without a pointer ("" has one).
            guard let bytes = sqlite3_column_text(handle, column) else { return nil }
            return UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))
        }
    }
}
