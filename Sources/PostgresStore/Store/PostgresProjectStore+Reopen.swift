import LabelCore

extension PostgresProjectStore {
    public func reopen(taskId: Int64, stage: Stage, user: String, at time: Timestamp) throws -> LabelTask {
        try link.transaction { session in
            let task = try Self.fetchTask(session, taskId, lock: true)
            if task.benchmark != nil { return try Self.reopenBenchmark(session, task, user, at: time) }
            let refuse = { (why: String) in StoreError.changedSinceSubmit(externalId: task.externalId, why: why) }
            if try Self.answeredInRound(session, taskId, user) { throw refuse("an answer given in a consensus round is final once submitted") }
            guard let last = try session.query("""
                SELECT id, stage, username, labeler, active, idle, completedat, imported FROM history WHERE task = $1 ORDER BY id DESC LIMIT 1
                """, [.int(taskId)]).first,
                  try last.int(7) == 0, try last.text(1) == stage.rawValue, try last.text(2) == user else {
                throw refuse("its last stage entry is not your submit in \(stage.name)")
            }
            // Nobody has touched it since: the task is as the submit left it.
            let completedAt = try last.int(6)
            let untouched = try session.query("""
                SELECT updatedat IS NOT DISTINCT FROM $1 AND updatedby IS NOT DISTINCT FROM $2 AND assignee IS NULL AND heldsince IS NULL
                    AND NOT EXISTS (SELECT 1 FROM draft WHERE task = $3) FROM task WHERE id = $3
                """, [.int(completedAt), .text(user), .int(taskId)]).first?.bool(0) ?? false
            guard untouched, task.stage != stage else { throw refuse("it was opened, changed or moved since") }
            let historyId = try last.int(0, "id")
            let active = try last.int(4, "active")
            let idle = try last.int(5, "idle")
            // What the task looked like before: the entry of the stage before (sent back by a
            // reviewer: with their comment).
            let previous = try session.query("SELECT entry FROM history WHERE task = $1 AND id < $2 ORDER BY id DESC LIMIT 1",
                                              [.int(taskId), .int(historyId)]).first.flatMap { StoreCodec.entry(fromStored: try $0.text(0)) }
            let annotations = previous?.annotations ?? .empty
            let comment = previous?.reviewStatus == .rejected ? previous?.comment : nil
            try session.execute("DELETE FROM history WHERE id = $1", [.int(historyId)])
            try session.execute("""
                UPDATE task SET stage = $1, status = 'draft', assignee = $2, labeler = $3, annotations = $4, reviewcomment = $5,
                    active = active - $6, idle = idle - $7, heldsince = $8, activeat = $8 WHERE id = $9
                """, [
                    .text(stage.rawValue), .text(user), .text(try last.text(3)),
                    .text(StoreCodec.encode(Annotations(
                        classifications: annotations.classifications, tools: task.annotations.tools, relations: task.annotations.relations))),
                    .text(comment), .int(active), .int(idle), .int(time.millisecondsSince1970), .int(taskId),
                ])
            try session.execute("""
                INSERT INTO draft(task, stage, username, classifications, active, idle, savedat) VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, [
                    .int(taskId), .text(stage.rawValue), .text(user), .text(JSONValue.array(task.annotations.classifications).description),
                    .int(active), .int(idle), .int(time.millisecondsSince1970),
                ])
            try Self.event(session, taskId, user, "unsubmit", at: time)
            return try Self.fetchTask(session, taskId)
        }
    }
}
