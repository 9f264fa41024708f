import GRDB

extension SQLiteProjectStore {
    public func reopen(taskId: Int64, stage: Stage, user: String, at time: Timestamp) throws -> LabelTask {
        try pool.write { db in
            let task = try Self.fetchTask(db, taskId)
            if task.benchmark != nil { return try Self.reopenBenchmark(db, task, user, at: time) }
            let refuse = { (why: String) in StoreError.changedSinceSubmit(externalId: task.externalId, why: why) }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM consensus_answer WHERE task = ? AND user = ? AND submittedAt IS NOT NULL",
                                 arguments: [taskId, user]) ?? false {
                throw refuse("an answer given in a consensus round is final once submitted")
            }
            guard let last = try Row.fetchOne(db, sql: """
                SELECT id, stage, user, labeler, active, idle, completedAt, imported FROM history WHERE task = ? ORDER BY id DESC LIMIT 1
                """, arguments: [taskId]),
                  last["imported"] as Int64 == 0, last["stage"] as String == stage.rawValue, last["user"] as String? == user else {
                throw refuse("its last stage entry is not your submit in \(stage.name)")
            }
            // Nobody has touched it since: the task is as the submit left it.
            let completedAt: Int64? = last["completedAt"]
            let untouched = try Bool.fetchOne(db, sql: """
                SELECT updatedAt = ? AND updatedBy = ? AND assignee IS NULL AND heldSince IS NULL
                    AND NOT EXISTS (SELECT 1 FROM draft WHERE task = ?) FROM task WHERE id = ?
                """, arguments: [completedAt, user, taskId, taskId]) ?? false
            guard untouched, task.stage != stage else { throw refuse("it was opened, changed or moved since") }
            let historyId: Int64 = last["id"]
            let active: Int64 = last["active"]
            let idle: Int64 = last["idle"]
            // What the task looked like before: the entry of the stage before (sent back by a
            // reviewer: with their comment).
            let previous = try String.fetchOne(db, sql: "SELECT entry FROM history WHERE task = ? AND id < ? ORDER BY id DESC LIMIT 1",
                                               arguments: [taskId, historyId]).flatMap { Self.json($0)?.objectValue }
                .map(StageHistoryEntry.init(stored:))
            let annotations = previous?.annotations ?? .empty
            let comment = previous?.reviewStatus == .rejected ? previous?.comment : nil
            try db.execute(sql: "DELETE FROM history WHERE id = ?", arguments: [historyId])
            try db.execute(sql: """
                UPDATE task SET stage = ?, status = 'draft', assignee = ?, labeler = ?, annotations = ?, reviewComment = ?,
                    active = active - ?, idle = idle - ?, heldSince = ?, activeAt = ? WHERE id = ?
                """, arguments: [
                    stage.rawValue, user, last["labeler"] as String?, Self.encode(Annotations(
                        classifications: annotations.classifications, tools: task.annotations.tools, relations: task.annotations.relations)),
                    comment, active, idle, time.millisecondsSince1970, time.millisecondsSince1970, taskId,
                ])
            try db.execute(sql: """
                INSERT INTO draft(task, stage, user, classifications, active, idle, savedAt) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    taskId, stage.rawValue, user, JSONValue.array(task.annotations.classifications).description, active, idle,
                    time.millisecondsSince1970,
                ])
            try Self.event(db, taskId, user, "unsubmit", at: time)
            return try Self.fetchTask(db, taskId)
        }
    }
}
