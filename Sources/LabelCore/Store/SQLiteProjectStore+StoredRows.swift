import GRDB

/// A task row as SQLite holds it while its statement stands on it, with its history read beside
/// it: the Ango export copies the columns' bytes straight into its output. Valid only during the
/// call it is passed to.
struct StoredTaskRow: StoredTaskColumns {
    let row: BoundStatement.Row
    let history: StoredHistoryCursor
    let id: Int64
    let stage: Stage
    let hasDraftOrScore: Bool

    /// The columns, by number, of `SQLiteProjectStore.storedTaskRows`.
    static func column(_ column: StoredColumn) -> Int32 {
        switch column {
        case .taskId: 1
        case .externalId: 2
        case .asset: 3
        case .metadata: 4
        case .batches: 5
        case .extra: 6
        case .updatedBy: 9
        case .annotations: 10
        case .reviewComment: 11
        }
    }

    var updatedAt: Timestamp? { row.int64OrNil(8).map(Timestamp.init(millisecondsSince1970:)) }

    func withBytes<R>(_ column: StoredColumn, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        try body(row.bytes(Self.column(column)))
    }

    func forEachHistoryEntry(_ body: (StoredHistoryEntryBytes) throws -> Void) throws {
        try history.forEachEntry(of: id, body)
    }
}

extension SQLiteProjectStore {
    /// Calls `write` with each task of `stage` (every stage: nil) in id order, as the row SQLite
    /// holds, 500 tasks a read: memory does not grow with the project. A task `write` declines
    /// (returns false) is passed to `otherwise` once that read has ended, where the store can be
    /// read again, and the tasks after it are read next.
    func forEachStoredTaskRow(in stage: Stage?, _ write: (inout StoredTaskRow) throws -> Bool, otherwise: (Int64) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let (last, declined) = try pool.read { db -> (Int64?, Bool) in
                let tasks = BoundStatement(try db.cachedStatement(sql: """
                    SELECT id, taskId, externalId, asset, metadata, batches, extra, stage, updatedAt, updatedBy, annotations, reviewComment
                    FROM task WHERE id > ? AND (? IS NULL OR stage = ?) AND benchmark IS NULL ORDER BY id LIMIT 500
                    """))
                tasks.bind(1, after)
                tasks.bindCopy(2, stage?.rawValue)
                tasks.bindCopy(3, stage?.rawValue)
                let history = try StoredHistoryCursor(db, after: after)
                // Few tasks have either: read beside the tasks, not looked up for each.
                let drafts = try StoredTaskIdCursor(db, sql: """
                    SELECT d.task FROM draft d JOIN task t ON t.id = d.task AND t.stage = d.stage WHERE d.task > ? ORDER BY d.task
                    """, after: after)
                let scores = try StoredTaskIdCursor(db, sql: "SELECT task FROM consensus_score WHERE task > ? ORDER BY task", after: after)
                defer {
                    tasks.reset()
                    history.reset()
                    drafts.reset()
                    scores.reset()
                }
                var last: Int64?
                while let row = try tasks.step(db) {
                    let id = row.int64(0)
                    let decoded = try drafts.contains(id) || scores.contains(id)
                    var task = StoredTaskRow(row: row, history: history, id: id, stage: try Self.decode(Stage.self, row.text(7), column: "stage"),
                                             hasDraftOrScore: decoded)
                    last = task.id
                    if try !write(&task) { return (last, true) }
                }
                return (last, false)
            }
            guard let last else { return }
            if declined { try otherwise(last) }
            after = last
        }
    }
}
