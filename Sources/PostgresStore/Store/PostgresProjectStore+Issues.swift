import LabelCore

/// Issues on tasks and tasks on hold, in PostgreSQL (the `issue` and `task_hold` tables).
extension PostgresProjectStore {
    public func openIssue(_ new: NewIssue) throws -> TaskIssue {
        try link.transaction { session in
            let task = try Self.fetchTask(session, new.taskId, lock: true)
            let code = try Self.readSettings(session).errorCode(new.errorCode)
            let content = new.content.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let id = try session.int("""
                INSERT INTO issue(task, schemaid, content, errorcode, createdby, createdat, stage) VALUES ($1, $2, $3, $4, $5, $6, $7)
                RETURNING id
                """, [.int(task.id), .text(new.schemaId), .text(content), .text(code.map { $0.json.description }), .text(new.user),
                      .int(new.at.millisecondsSince1970), .text(task.stage.rawValue)]) else { throw StoreError.damaged("an issue was not stored") }
            try Self.event(session, task.id, new.user, "issue", at: new.at)
            return try Self.issue(session, id)
        }
    }

    public func resolveIssue(id: Int64, by user: String, comment: String, at time: Timestamp) throws -> TaskIssue {
        try link.transaction { session in
            guard try session.int("SELECT id FROM issue WHERE id = $1 FOR UPDATE", [.int(id)]) != nil else { throw StoreError.noSuchIssue(id) }
            let issue = try Self.issue(session, id)
            guard issue.isOpen else { throw StoreError.issueResolved(id) }
            try session.execute("UPDATE issue SET resolvedby = $1, resolvedat = $2, resolution = $3 WHERE id = $4",
                                [.text(user), .int(time.millisecondsSince1970), .text(comment.trimmingCharacters(in: .whitespacesAndNewlines)), .int(id)])
            try Self.event(session, issue.taskId, user, "resolve", at: time)
            return try Self.issue(session, id)
        }
    }

    public func issues(taskId: Int64) throws -> [TaskIssue] {
        try link.withSession { session in
            try session.query("\(Self.issueQuery) WHERE i.task = $1 ORDER BY i.id", [.int(taskId)]).map(Self.issue)
        }
    }

    public func issues(includeResolved: Bool) throws -> [TaskIssue] {
        try link.withSession { session in
            try session.query("\(Self.issueQuery) \(includeResolved ? "" : "WHERE i.resolvedat IS NULL") ORDER BY i.id").map(Self.issue)
        }
    }

    public func hold(_ selection: RequeueRequest.Selection, reason: String, by user: String, at time: Timestamp) throws -> Int {
        try link.transaction { session in
            var held = 0
            for id in try Self.requeueSelection(session, selection) {
                let task = try Self.fetchTask(session, id, lock: true)
                guard [.label, .review].contains(task.stage), task.status != .hold, task.readOnlyReason == nil else { continue }
                try session.execute("INSERT INTO task_hold(task, reason, username, at, previousstatus) VALUES ($1, $2, $3, $4, $5)",
                                    [.int(id), .text(reason), .text(user), .int(time.millisecondsSince1970), .text(task.status.rawValue)])
                // The holder's lease stops: a task on hold waits for a manager, not for its holder.
                try session.execute("UPDATE task SET status = 'hold', activeat = NULL WHERE id = $1", [.int(id)])
                try Self.event(session, id, user, "hold", at: time)
                held += 1
            }
            return held
        }
    }

    public func hold(taskId: Int64) throws -> TaskHold? {
        try link.withSession { session in
            try session.query("SELECT task, reason, username, at FROM task_hold WHERE task = $1", [.int(taskId)]).first.map(Self.hold)
        }
    }

    public func tasksOnHold() throws -> [TaskHold] {
        try link.withSession { session in
            try session.query("SELECT task, reason, username, at FROM task_hold ORDER BY at, task").map(Self.hold)
        }
    }

    /// A requeue of a task on hold ends the hold; one that forwards it (`TaskHold.forwards`) gives
    /// it its status back and keeps its drafts and holder. Returns whether it was forwarded.
    static func endHold(_ session: DatabaseSession, _ id: Int64, _ r: RequeueRequest) throws -> Bool {
        guard let previous = try session.query("DELETE FROM task_hold WHERE task = $1 RETURNING previousstatus", [.int(id)]).first?.text(0)
        else { return false }
        let task = try fetchTask(session, id, lock: true)
        guard TaskHold.forwards(task, by: r) else { return false }
        try session.execute("UPDATE task SET status = $1, activeat = CASE WHEN assignee IS NULL THEN NULL ELSE $2::bigint END WHERE id = $3",
                            [.text(previous), .int(r.at.millisecondsSince1970), .int(id)])
        try event(session, id, r.user, "forward", at: r.at)
        return true
    }

    // MARK: Rows

    static let issueQuery = """
        SELECT i.id, i.task, t.externalid, i.schemaid, i.content, i.errorcode, i.createdby, i.createdat, i.stage,
            i.resolvedby, i.resolvedat, i.resolution
        FROM issue i JOIN task t ON t.id = i.task
        """

    static func issue(_ session: DatabaseSession, _ id: Int64) throws -> TaskIssue {
        guard let row = try session.query("\(issueQuery) WHERE i.id = $1", [.int(id)]).first else { throw StoreError.noSuchIssue(id) }
        return try issue(from: row)
    }

    static func issue(from row: SQLRow) throws -> TaskIssue {
        var resolution: TaskIssue.Resolution?
        if let by = try row.text(9), let at = try row.int(10) {
            resolution = TaskIssue.Resolution(by: by, at: Timestamp(millisecondsSince1970: at), comment: try row.text(11) ?? "")
        }
        return TaskIssue(
            id: try row.int(0, "id"), taskId: try row.int(1, "task"), externalId: try row.text(2, "externalid"), schemaId: try row.text(3),
            content: try row.text(4, "content"), errorCode: try row.text(5).flatMap { ErrorCode.stored("[\($0)]")?.first },
            createdBy: try row.text(6, "createdby"), createdAt: Timestamp(millisecondsSince1970: try row.int(7, "createdat")),
            stage: try decode(Stage.self, row.text(8), column: "stage"), resolution: resolution)
    }

    static func hold(from row: SQLRow) throws -> TaskHold {
        TaskHold(taskId: try row.int(0, "task"), reason: try row.text(1, "reason"), by: try row.text(2, "username"),
                 at: Timestamp(millisecondsSince1970: try row.int(3, "at")))
    }
}
