import GRDB

/// Issues on tasks and tasks on hold, in SQLite (the `issue` and `task_hold` tables).
extension SQLiteProjectStore {
    public func openIssue(_ new: NewIssue) throws -> TaskIssue {
        try pool.write { db in
            let task = try Self.fetchTask(db, new.taskId)
            let content = new.content.trimmingCharacters(in: .whitespacesAndNewlines)
            let code = try Self.readSettings(db).errorCode(new.errorCode)
            try db.execute(cached: """
                INSERT INTO issue(task, schemaId, content, errorCode, createdBy, createdAt, stage) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [task.id, new.schemaId, content, code.map { $0.json.description }, new.user,
                                 new.at.millisecondsSince1970, task.stage.rawValue])
            let id = db.lastInsertedRowID
            try Self.event(db, task.id, new.user, "issue", at: new.at)
            return try Self.issue(db, id)
        }
    }

    public func resolveIssue(id: Int64, by user: String, comment: String, at time: Timestamp) throws -> TaskIssue {
        try pool.write { db in
            let issue = try Self.issue(db, id)
            guard issue.isOpen else { throw StoreError.issueResolved(id) }
            try db.execute(cached: "UPDATE issue SET resolvedBy = ?, resolvedAt = ?, resolution = ? WHERE id = ?",
                           arguments: [user, time.millisecondsSince1970, comment.trimmingCharacters(in: .whitespacesAndNewlines), id])
            try Self.event(db, issue.taskId, user, "resolve", at: time)
            return try Self.issue(db, id)
        }
    }

    public func issues(taskId: Int64) throws -> [TaskIssue] {
        try pool.read { db in try Self.issues(db, taskId: taskId) }
    }

    static func issues(_ db: Database, taskId: Int64) throws -> [TaskIssue] {
        try Row.fetchAll(db, cached: "\(Self.issueQuery) WHERE i.task = ? ORDER BY i.id", arguments: [taskId]).map(Self.issue)
    }

    public func issues(includeResolved: Bool) throws -> [TaskIssue] {
        try pool.read { db in
            try Row.fetchAll(db, cached: "\(Self.issueQuery) \(includeResolved ? "" : "WHERE i.resolvedAt IS NULL") ORDER BY i.id").map(Self.issue)
        }
    }

    public func hold(_ selection: RequeueRequest.Selection, reason: String, by user: String, at time: Timestamp) throws -> Int {
        try pool.write { db in
            var held = 0
            for id in try Self.requeueSelection(db, selection) {
                let task = try Self.fetchTask(db, id)
                guard [.label, .review].contains(task.stage), task.status != .hold, task.readOnlyReason == nil else { continue }
                try db.execute(cached: "INSERT INTO task_hold(task, reason, user, at, previousStatus) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, reason, user, time.millisecondsSince1970, task.status.rawValue])
                // The holder's lease stops: a task on hold waits for a manager, not for its holder.
                try db.execute(cached: "UPDATE task SET status = 'hold', activeAt = NULL WHERE id = ?", arguments: [id])
                try Self.event(db, id, user, "hold", at: time)
                held += 1
            }
            return held
        }
    }

    public func hold(taskId: Int64) throws -> TaskHold? {
        try pool.read { db in try Row.fetchOne(db, cached: "SELECT * FROM task_hold WHERE task = ?", arguments: [taskId]).map(Self.hold) }
    }

    public func tasksOnHold() throws -> [TaskHold] {
        try pool.read { db in try Row.fetchAll(db, cached: "SELECT * FROM task_hold ORDER BY at, task").map(Self.hold) }
    }

    // MARK: Rows

    static let issueQuery = """
        SELECT i.id, i.task, t.externalId, i.schemaId, i.content, i.errorCode, i.createdBy, i.createdAt, i.stage,
            i.resolvedBy, i.resolvedAt, i.resolution
        FROM issue i JOIN task t ON t.id = i.task
        """

    static func issue(_ db: Database, _ id: Int64) throws -> TaskIssue {
        guard let row = try Row.fetchOne(db, cached: "\(issueQuery) WHERE i.id = ?", arguments: [id]) else { throw StoreError.noSuchIssue(id) }
        return issue(from: row)
    }

    static func issue(from row: Row) -> TaskIssue {
        var resolution: TaskIssue.Resolution?
        if let by: String = row["resolvedBy"], let at: Int64 = row["resolvedAt"] {
            resolution = TaskIssue.Resolution(by: by, at: Timestamp(millisecondsSince1970: at), comment: row["resolution"] ?? "")
        }
        return TaskIssue(
            id: row["id"], taskId: row["task"], externalId: row["externalId"], schemaId: row["schemaId"], content: row["content"],
            errorCode: (row["errorCode"] as String?).flatMap { ErrorCode.stored("[\($0)]")?.first },
            createdBy: row["createdBy"], createdAt: Timestamp(millisecondsSince1970: row["createdAt"]),
            stage: Stage(rawValue: row["stage"]) ?? .label, resolution: resolution)
    }

    static func hold(from row: Row) -> TaskHold {
        TaskHold(taskId: row["task"], reason: row["reason"], by: row["user"], at: Timestamp(millisecondsSince1970: row["at"]))
    }

    /// Why the task is on hold; nil when it is not.
    static func holdReason(_ db: Database, _ taskId: Int64) throws -> String? {
        try String.fetchOne(db, cached: "SELECT reason FROM task_hold WHERE task = ?", arguments: [taskId])
    }

    /// Whether the task's hold and open issues let this submit happen (`SubmitGuard`).
    static func checkHoldAndIssues(_ db: Database, _ task: LabelTask, _ s: Submission) throws {
        let reason = try holdReason(db, task.id)
        let authors = try String.fetchAll(db, cached: "SELECT createdBy FROM issue WHERE task = ? AND resolvedAt IS NULL", arguments: [task.id])
        try SubmitGuard.check(task, s, holdReason: reason, openIssueAuthors: authors)
    }

    /// A requeue of a task on hold ends the hold. Sent to the stage it is in, without removing the
    /// answers, it is forwarded: its status comes back, its drafts and holder stay. Returns whether
    /// the task was forwarded (nothing else of the requeue applies to it then).
    static func endHold(_ db: Database, _ id: Int64, _ r: RequeueRequest) throws -> Bool {
        guard let previous = try String.fetchOne(db, cached: "SELECT previousStatus FROM task_hold WHERE task = ?", arguments: [id]) else { return false }
        try db.execute(cached: "DELETE FROM task_hold WHERE task = ?", arguments: [id])
        let task = try fetchTask(db, id)
        guard TaskHold.forwards(task, by: r) else { return false }
        try db.execute(cached: "UPDATE task SET status = ?, activeAt = CASE WHEN assignee IS NULL THEN NULL ELSE ? END WHERE id = ?",
                       arguments: [previous, r.at.millisecondsSince1970, id])
        try event(db, id, r.user, "forward", at: r.at)
        return true
    }
}
