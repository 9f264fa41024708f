import LabelCore

extension PostgresProjectStore: StreamingTaskAdding {
    /// Adds the tasks `produce` hands over, 1,000 rows a statement, in one transaction: memory
    /// stays flat whatever their number, and if `produce` throws (the file has an error) nothing
    /// is added. Into an empty project the task list's indexes are built once at the end.
    public func add(streaming produce: (_ add: ([IncomingTask]) throws -> Void) throws -> Void, at time: Timestamp) throws -> AddResult {
        try link.withSession { session in
            // Not `transaction`: a transaction run again would read the file again.
            try session.execute("BEGIN")
            do {
                // Tasks above this row id were added by this call: a record whose externalId or
                // taskId one of them holds repeats an earlier record of the file.
                let mark = try session.int("SELECT COALESCE(MAX(id), 0) FROM task") ?? 0
                let rebuilt = mark == 0 ? try Self.dropListIndexes(session) : []
                var added = 0
                var skipped: [SkippedTask] = []
                try produce { incoming in
                    // PostgreSQL is sent values: a task whose texts came as they are stored is decoded.
                    let batch = incoming.map(\.decoded)
                    for start in stride(from: 0, to: batch.count, by: 1000) {
                        let chunk = batch[start..<min(start + 1000, batch.count)].map { (task: $0, taskId: $0.taskId ?? StoreCodec.newTaskId()) }
                        let result = try Self.insert(chunk, at: time, addedAfter: mark, session)
                        added += result.added
                        skipped += result.skipped
                    }
                }
                for sql in rebuilt { try session.execute(sql) }
                try session.execute("COMMIT")
                if added > 0 { try Self.analyzeTasks(session) }
                return AddResult(added: added, skippedExisting: skipped.count, skipped: skipped)
            } catch let error as DatabaseError where error.isConnectionProblem {
                throw error
            } catch {
                _ = try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Inserts one chunk with its history and skip events; says why each record left out was.
    static func insert(_ chunk: [(task: NewTask, taskId: String)], at time: Timestamp, addedAfter mark: Int64,
                       _ session: DatabaseSession) throws -> (added: Int, skipped: [SkippedTask]) {
        var holders: [String: (externalId: String, new: Bool)] = [:]
        var takenExternalIds: [String: Bool] = [:]
        for row in try session.query("SELECT externalid, id > $2 FROM task WHERE externalid = ANY($1)",
                                     [.texts(chunk.map(\.task.externalId)), .int(mark)]) {
            takenExternalIds[try row.text(0, "externalid")] = try row.bool(1) ?? false
        }
        for row in try session.query("SELECT taskid, externalid, id > $2 FROM task WHERE taskid = ANY($1)",
                                     [.texts(chunk.map(\.taskId)), .int(mark)]) {
            holders[try row.text(0, "taskid")] = (try row.text(1, "externalid"), try row.bool(2) ?? false)
        }
        let inserted = try insert(chunk, at: time, session)
        var added = 0
        var skipped: [SkippedTask] = []
        var histories: [(Int64, StageHistoryEntry)] = []
        var skips: [(Int64, String, Timestamp)] = []
        var inChunk: [String: String] = [:]
        var inChunkExternalIds: Set<String> = []
        for (task, taskId) in chunk {
            guard let rowId = inserted[key(task.externalId, taskId)], !inChunkExternalIds.contains(task.externalId) else {
                if inChunkExternalIds.contains(task.externalId) || takenExternalIds[task.externalId] == true {
                    skipped.append(SkippedTask(externalId: task.externalId, reason: .externalIdRepeated))
                } else if takenExternalIds[task.externalId] == false {
                    skipped.append(SkippedTask(externalId: task.externalId, reason: .externalIdInProject))
                } else if let holder = holders[taskId], !holder.new {
                    skipped.append(SkippedTask(externalId: task.externalId, reason: .taskIdInProject(taskId: taskId, externalId: holder.externalId)))
                } else {
                    let holder = holders[taskId]?.externalId ?? inChunk[taskId] ?? ""
                    skipped.append(SkippedTask(externalId: task.externalId, reason: .taskIdRepeated(taskId: taskId, externalId: holder)))
                }
                continue
            }
            added += 1
            inChunkExternalIds.insert(task.externalId)
            inChunk[taskId] = task.externalId
            let entries = task.history.isEmpty
                ? [StageHistoryEntry(stage: "Start", stageId: "Start", duration: 0, completedAt: time, completedBy: nil, annotations: task.annotations)]
                : task.history
            histories += entries.map { (rowId, $0) }
            if let user = task.skippedBy { skips.append((rowId, user, task.updatedAt ?? time)) }
        }
        try insertHistory(histories, session)
        for (id, user, at) in skips { try event(session, id, user, "skip", at: at) }
        return (added, skipped)
    }

    /// Drops the task list's indexes that no constraint needs; returns the SQL that makes them again.
    static func dropListIndexes(_ session: DatabaseSession) throws -> [String] {
        let indexes = try session.query("""
            SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = 'task'::regclass AND NOT i.indisunique AND NOT i.indisprimary
            """).map { (name: try $0.text(0, "relname"), sql: try $0.text(1, "indexdef")) }
        for index in indexes { try session.execute("DROP INDEX \(DatabaseLink.quoted(index.name))") }
        return indexes.map(\.sql)
    }
}
