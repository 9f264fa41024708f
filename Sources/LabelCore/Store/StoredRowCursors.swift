import GRDB

/// The history of the tasks being exported, read in (task, id) order beside the tasks (the
/// `history_task` index): each task's entries are the rows the statement passes next.
final class StoredHistoryCursor {
    private let statement: BoundStatement
    private let db: Database
    /// The row the statement stands on; nil before the first step and after the last.
    private var row: BoundStatement.Row?
    private var started = false

    init(_ db: Database, after: Int64) throws {
        self.db = db
        statement = BoundStatement(try db.cachedStatement(sql: "SELECT task, stage, active, idle, entry FROM history WHERE task > ? ORDER BY task, id"))
        statement.bind(1, after)
    }

    func forEachEntry(of task: Int64, _ body: (StoredHistoryEntryBytes) throws -> Void) throws {
        if !started {
            started = true
            row = try statement.step(db)
        }
        // Entries of tasks not exported (another stage, gold) are passed over.
        while let row, row.int64(0) < task { self.row = try statement.step(db) }
        while let row, row.int64(0) == task {
            try body(StoredHistoryEntryBytes(json: row.bytes(4) ?? UnsafeRawBufferPointer(start: nil, count: 0),
                                             stage: row.bytes(1) ?? UnsafeRawBufferPointer(start: nil, count: 0),
                                             duration: row.int64(2), idle: row.int64(3)))
            self.row = try statement.step(db)
        }
    }

    func reset() { statement.reset() }
}

/// The tasks one of a few rows apply to (a draft in the task's stage, a consensus score), read in
/// ascending order beside the tasks: asked task by task in ascending order, each asked once.
final class StoredTaskIdCursor {
    private let statement: BoundStatement
    private let db: Database
    /// The task of the row the statement stands on; nil before the first step and after the last.
    private var task: Int64?
    private var started = false

    init(_ db: Database, sql: String, after: Int64) throws {
        self.db = db
        statement = BoundStatement(try db.cachedStatement(sql: sql))
        statement.bind(1, after)
    }

    func contains(_ id: Int64) throws -> Bool {
        if !started {
            started = true
            task = try statement.step(db)?.int64(0)
        }
        while let task, task < id { self.task = try statement.step(db)?.int64(0) }
        return task == id
    }

    func reset() { statement.reset() }
}
