import LabelCore

extension PostgresProjectStore {
    public func submit(_ s: Submission) throws -> Stage {
        // Four round trips: BEGIN; the task (locked) with the settings; one statement writing the
        // history entry, the task and the draft; COMMIT.
        try link.transaction { session in
            let (task, settings, hold) = try Self.fetchTaskAndSettings(session, s.taskId)
            if task.benchmark != nil { return try Self.submitBenchmark(session, task, s, settings) }
            guard task.stage == s.stage else {
                // A submit whose commit was sent but whose answer was lost with the connection:
                // sent again, it finds its own entry and is done.
                if let done = try Self.alreadySubmitted(session, s, settings: settings) { return done }
                throw StoreError.notInStage(externalId: task.externalId, stage: s.stage, actual: task.stage)
            }
            if let reason = task.readOnlyReason { throw StoreError.readOnly(externalId: task.externalId, reason: reason) }
            if ConsensusRound.applies(settings, stage: task.stage, assignee: task.assignee) {
                return try Self.submitInRound(session, task, s, settings: settings)
            }
            if let assignee = task.assignee, assignee != s.user {
                throw StoreError.assignedToSomeoneElse(externalId: task.externalId, assignee: assignee)
            }
            if s.stage == .review, try task.labeler == s.user || Self.answeredInRound(session, s.taskId, s.user) {
                throw StoreError.ownLabels(externalId: task.externalId)
            }
            try SubmitGuard.check(task, s, holdReason: hold.reason, openIssueAuthors: hold.issueAuthors)
            let review = s.stage == .review ? (s.reviewStatus ?? .accepted) : nil
            let next = settings.workflow.next(after: s.stage, review: review)
            let annotations = Annotations(classifications: s.classifications, tools: task.annotations.tools, relations: task.annotations.relations)
            let entry = StageHistoryEntry(
                stage: s.stage.name, stageId: s.stage.id, duration: s.time.active, idleDuration: s.time.idle, completedAt: s.at,
                completedBy: settings.exportName(of: s.user), reviewStatus: review,
                comment: s.comment.flatMap { $0.isEmpty ? nil : $0 }, annotations: annotations)
            let labeler = s.stage == .label ? s.user : task.labeler
            // Rejected work goes back to the same labeler, with the reviewer's comment.
            let assignee: String? = next.stage == .label ? labeler : nil
            let comment: String? = next.status == .rejected ? s.comment : nil
            try session.execute(Self.submitSQL, [
                .int(s.taskId), .text(s.stage.rawValue), .text(s.user), .text(task.labeler), .int(s.time.active), .int(s.time.idle),
                .text(entry.reviewStatus?.rawValue), .int(s.at.millisecondsSince1970), .text(entry.json(includeIdle: true).description),
                .text(next.stage.rawValue), .text(next.status.rawValue), .text(assignee), .text(labeler), .text(StoreCodec.encode(annotations)),
                .text(comment),
            ])
            return next.stage
        }
    }

    /// submit's write: the history entry, the draft gone and the task moved on, in one statement.
    static let submitSQL = """
        WITH entry AS (
            INSERT INTO history(task, stage, username, labeler, active, idle, reviewstatus, completedat, imported, entry)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9)
        ), done AS (
            DELETE FROM draft WHERE task = $1 AND stage = $2
        )
        UPDATE task SET stage = $10, status = $11, assignee = $12, labeler = $13, annotations = $14, reviewcomment = $15,
            updatedat = $8, updatedby = $3, active = active + $5, idle = idle + $6, heldsince = NULL, activeat = NULL
        WHERE id = $1
        """

    /// The task, its row locked for the transaction, the project's settings, its hold's reason and
    /// the authors of its open issues.
    static let taskAndSettingsSQL = """
        SELECT \(taskColumns), (SELECT json_object_agg(key, value)::text FROM setting),
            (SELECT reason FROM task_hold WHERE task = t.id),
            (SELECT string_agg(createdby, chr(10)) FROM issue WHERE task = t.id AND resolvedat IS NULL)
        FROM task t WHERE t.id = $1 FOR UPDATE OF t
        """

    /// The task, its row locked for the transaction, the project's settings, and its hold's reason
    /// and the authors of its open issues (for `SubmitGuard`): one round trip.
    static func fetchTaskAndSettings(_ session: DatabaseSession, _ id: Int64)
        throws -> (LabelTask, ProjectSettings, (reason: String?, issueAuthors: [String])) {
        guard let row = try session.query(taskAndSettingsSQL, [.int(id)]).first else { throw StoreError.noSuchTask("#\(id)") }
        var map: [String: String] = [:]
        for (key, value) in StoreCodec.json(try row.text(23))?.objectValue ?? [:] { map[key] = value.stringValue }
        let authors = try row.text(25).map { $0.split(separator: "\n").map(String.init) } ?? []
        return (try task(from: row), try StoreCodec.settings(from: map), (try row.text(24), authors))
    }

    /// The stage a submit moved its task to, when the task's last history entry is that very
    /// submit (same stage, user, time and answers); nil otherwise.
    static func alreadySubmitted(_ session: DatabaseSession, _ s: Submission, settings: ProjectSettings) throws -> Stage? {
        guard let row = try session.query("""
            SELECT stage, username, completedat, imported, entry FROM history WHERE task = $1 ORDER BY id DESC LIMIT 1
            """, [.int(s.taskId)]).first,
              try row.text(0) == s.stage.rawValue, try row.text(1) == s.user, try row.int(2) == s.at.millisecondsSince1970,
              try row.int(3) == 0, let entry = StoreCodec.entry(fromStored: try row.text(4)),
              entry.annotations.classifications == s.classifications else { return nil }
        let review = s.stage == .review ? (s.reviewStatus ?? .accepted) : nil
        return settings.workflow.next(after: s.stage, review: review).stage
    }

    public func requeue(_ r: RequeueRequest) throws -> Int {
        try link.transaction { session in
            let ids = try Self.requeueSelection(session, r.selection)
            let status: TaskStatus = r.to == .review ? .submitted : r.to == .complete ? .accepted : .new
            for id in ids {
                if try Self.endHold(session, id, r) { continue }
                // What is about to go, written down first: who ran the requeue, and everything removed.
                try Self.recordRequeue(session, id, r)
                try session.execute("DELETE FROM draft WHERE task = $1", [.int(id)])
                if r.to == .label { try Self.restartRound(session, id) }
                try session.execute("UPDATE task SET stage = $1, status = $2, reviewcomment = NULL WHERE id = $3",
                                    [.text(r.to.rawValue), .text(status.rawValue), .int(id)])
                if r.removeAnswers {
                    try session.execute("UPDATE task SET annotations = $1 WHERE id = $2", [.text(StoreCodec.encode(.empty)), .int(id)])
                }
                if r.removeAssignee {
                    try session.execute("UPDATE task SET assignee = NULL, heldsince = NULL, activeat = NULL WHERE id = $1", [.int(id)])
                }
                if r.removeHistory {
                    try session.execute("DELETE FROM history WHERE task = $1", [.int(id)])
                    try session.execute("UPDATE task SET labeler = NULL, active = 0, idle = 0 WHERE id = $1", [.int(id)])
                }
                try Self.event(session, id, r.user, "requeue", at: r.at)
            }
            return ids.count
        }
    }

    /// Calls `body` with each task in queue order, read through a server-side cursor on a
    /// connection of its own, in batches: memory stays flat at any size, and every batch comes
    /// from one snapshot of the project.
    public func forEachTask(in stage: Stage?, _ body: (TaskRecord) throws -> Void) throws {
        let filter = stage.map { "WHERE t.stage = '\($0.rawValue)'" } ?? ""
        try link.dedicated { session in
            try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try session.execute("DECLARE export_tasks NO SCROLL CURSOR FOR SELECT \(Self.taskColumns) FROM task t \(filter) ORDER BY t.id")
            while true {
                let tasks = try session.query("FETCH 500 FROM export_tasks").map(Self.task)
                guard let first = tasks.first, let last = tasks.last else { break }
                var histories: [Int64: [StageHistoryEntry]] = [:]
                for row in try session.query("SELECT task, entry FROM history WHERE task BETWEEN $1 AND $2 ORDER BY id",
                                             [.int(first.id), .int(last.id)]) {
                    if let entry = StoreCodec.entry(fromStored: try row.text(1)) { histories[try row.int(0, "task"), default: []].append(entry) }
                }
                var drafts: [Int64: Draft] = [:]
                for row in try session.query("""
                    SELECT \(Self.draftColumns) FROM draft d JOIN task t ON t.id = d.task AND t.stage = d.stage WHERE d.task BETWEEN $1 AND $2
                    """, [.int(first.id), .int(last.id)]) {
                    let draft = try Self.draft(from: row)
                    drafts[draft.taskId] = draft
                }
                var scores: [Int64: TaskConsensus] = [:]
                for row in try session.query("SELECT task, score FROM consensus_score WHERE task BETWEEN $1 AND $2", [.int(first.id), .int(last.id)]) {
                    let id = try row.int(0, "task")
                    scores[id] = try TaskConsensus(taskId: id, stored: row.text(1, "score"))
                }
                for task in tasks {
                    try body(TaskRecord(task: task, history: histories[task.id] ?? [], draft: drafts[task.id], consensus: scores[task.id]))
                }
            }
            try session.execute("COMMIT")
        }
    }

    public func activity(since: Timestamp?) throws -> Activity {
        try link.transaction(isolation: "REPEATABLE READ READ ONLY") { session in
            let from = since?.millisecondsSince1970 ?? Int64.min
            let entries = try session.query("""
                SELECT task, stage, username, labeler, active, idle, reviewstatus, completedat FROM history
                WHERE imported = 0 AND username IS NOT NULL AND stage IN ('Label', 'Review') AND completedat >= $1 ORDER BY id
                """, [.int(from)]).map {
                Activity.Entry(
                    taskId: try $0.int(0, "task"), user: try $0.text(2, "username"), stage: try Self.decode(Stage.self, $0.text(1), column: "stage"),
                    reviewStatus: try $0.text(6).flatMap(ReviewStatus.init(rawValue:)),
                    time: TimeSpent(active: try $0.int(4, "active"), idle: try $0.int(5, "idle")),
                    completedAt: Timestamp(millisecondsSince1970: try $0.int(7, "completedat")), labeler: try $0.text(3))
            }
            let skips = try session.query("SELECT username, task, at FROM event WHERE kind = 'skip' AND at >= $1 ORDER BY id", [.int(from)]).map {
                (user: try $0.text(0, "username"), taskId: try $0.int(1, "task"), at: Timestamp(millisecondsSince1970: try $0.int(2, "at")))
            }
            return Activity(entries: entries, skips: skips)
        }
    }
}
