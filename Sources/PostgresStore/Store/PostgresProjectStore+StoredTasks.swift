import LabelCore

extension PostgresProjectStore: StoredTaskReading {
    /// Calls `body` with each task of `stage` (every stage: nil) in id order, as stored (the JSON
    /// texts unparsed), read through a server-side cursor on a connection of its own, 500 tasks a
    /// fetch: memory stays flat at any size, and the whole export sees one snapshot.
    /// Gold tasks are not among them (as in SQLite: they are exported, decoded, with --benchmarks).
    public func forEachStoredTask(in stage: Stage?, _ body: (StoredTask) throws -> Void) throws {
        let filter = "WHERE benchmark IS NULL" + (stage.map { " AND stage = '\($0.rawValue)'" } ?? "")
        try link.dedicated { session in
            try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try session.execute("""
                DECLARE stored_tasks NO SCROLL CURSOR FOR
                SELECT id, taskid, externalid, asset, metadata, batches, extra, stage, updatedat, updatedby, annotations, reviewcomment
                FROM task \(filter) ORDER BY id
                """)
            while true {
                var tasks = try session.query("FETCH 500 FROM stored_tasks").map { row in
                    StoredTask(
                        id: try row.int(0, "id"), taskId: try row.text(1, "taskid"), externalId: try row.text(2, "externalid"),
                        asset: try row.text(3, "asset"), metadata: try row.text(4, "metadata"), batches: try row.text(5, "batches"),
                        extra: try row.text(6, "extra"), stage: try Self.decode(Stage.self, row.text(7), column: "stage"),
                        updatedAt: try row.int(8).map(Timestamp.init(millisecondsSince1970:)), updatedBy: try row.text(9),
                        annotations: try row.text(10, "annotations"), reviewComment: try row.text(11))
                }
                guard let first = tasks.first, let last = tasks.last else { break }
                var index: [Int64: Int] = [:]
                for (i, task) in tasks.enumerated() { index[task.id] = i }
                for row in try session.query("SELECT task, stage, active, idle, entry FROM history WHERE task BETWEEN $1 AND $2 ORDER BY id",
                                             [.int(first.id), .int(last.id)]) {
                    guard let i = index[try row.int(0, "task")] else { continue }
                    tasks[i].history.append(StoredTask.HistoryEntry(
                        json: try row.text(4, "entry"), stage: try row.text(1, "stage"), duration: try row.int(2, "active"), idle: try row.int(3, "idle")))
                }
                for row in try session.query("""
                    SELECT d.task, d.username, d.savedat, d.classifications FROM draft d JOIN task t ON t.id = d.task AND t.stage = d.stage
                    WHERE d.task BETWEEN $1 AND $2
                    """, [.int(first.id), .int(last.id)]) {
                    guard let i = index[try row.int(0, "task")] else { continue }
                    tasks[i].draft = StoredTask.Draft(user: try row.text(1, "username"),
                                                      savedAt: Timestamp(millisecondsSince1970: try row.int(2, "savedat")),
                                                      classifications: try row.text(3, "classifications"))
                }
                // Consensus: a scored task is written decoded (the export writes its score).
                for row in try session.query("SELECT task FROM consensus_score WHERE task BETWEEN $1 AND $2", [.int(first.id), .int(last.id)]) {
                    if let i = index[try row.int(0, "task")] { tasks[i].scored = true }
                }
                for task in tasks { try body(task) }
            }
            try session.execute("COMMIT")
        }
    }
}
