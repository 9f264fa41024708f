import GRDB
import OrderedCollections

extension SQLiteProjectStore {
    public func claimNext(stage: Stage, user: String, at time: Timestamp) throws -> LabelTask? {
        // One IMMEDIATE transaction: no other process can take the same task between the look
        // and the hold.
        try pool.write { db in try Self.claimNext(db, stage: stage, user: user, at: time) }
    }

    /// Own unfinished tasks first (drafts, tasks sent back by review), then the oldest task nobody
    /// holds or whose holder's lease ran out, higher priority first; held for `user`.
    static func claimNext(_ db: Database, stage: Stage, user: String, at time: Timestamp) throws -> LabelTask? {
        let review = stage == .review ? 1 : 0
        if stage == .label, let gold = try heldBenchmark(db, user) { return gold }
        let own = try Int64.fetchOne(db, cached: ownTaskSQL, arguments: [user, stage.rawValue, review, user])
        if stage == .label, own == nil, let gold = try nextBenchmark(db, user, at: time) { return gold }
        let expired = try leaseExpiry(db, at: time)
        let consensus = try consensusCount(db)
        if own == nil, consensus > 1 {
            if stage == .label {
                return try claimConsensus(db, user: user, at: time, n: consensus).map { try fetchTask(db, $0) }
            }
            if stage == .review {
                guard let id = try Int64.fetchOne(db, cached: freeConsensusReviewSQL, arguments: [expired, user, user, user]) else { return nil }
                try hold(db, id, user, at: time)
                return try fetchTask(db, id)
            }
        }
        let free = try own ?? Int64.fetchOne(db, cached: freeTaskSQL, arguments: [stage.rawValue, expired, user, review, user])
        guard let id = free else { return nil }
        try hold(db, id, user, at: time)
        return try fetchTask(db, id)
    }

    /// This user's own unfinished task in a stage, first in queue order.
    static let ownTaskSQL = """
        SELECT id FROM task INDEXED BY task_held
        WHERE assignee = ? AND stage = ? AND status NOT IN ('skipped', 'hold') AND readOnlyReason IS NULL AND benchmark IS NULL
        AND (? = 0 OR labeler IS NULL OR labeler != ?)
        ORDER BY priority DESC, id LIMIT 1
        """

    /// The first task of a stage nobody holds (or whose holder's lease ran out), in queue order.
    static let freeTaskSQL = """
        SELECT id FROM task INDEXED BY task_queue WHERE stage = ? AND status NOT IN ('skipped', 'hold') AND readOnlyReason IS NULL AND benchmark IS NULL
        AND (assignee IS NULL OR (activeAt IS NOT NULL AND activeAt < ? AND assignee != ?))
        AND (? = 0 OR labeler IS NULL OR labeler != ?)
        ORDER BY priority DESC, id LIMIT 1
        """

    public func claim(taskId: Int64, stage: Stage, user: String, at time: Timestamp) throws -> LabelTask {
        try pool.write { db in
            let task = try Self.fetchTask(db, taskId)
            guard task.stage == stage else { throw StoreError.notInStage(externalId: task.externalId, stage: stage, actual: task.stage) }
            if let reason = task.readOnlyReason { throw StoreError.readOnly(externalId: task.externalId, reason: reason) }
            if task.benchmark != nil { return try Self.claimBenchmark(db, task, user, at: time) }
            let consensus = try Self.consensusCount(db)
            if ConsensusRound.applies(consensus: consensus, stage: stage, assignee: task.assignee) {
                try Self.claimInRound(db, task, user: user, at: time, n: consensus)
                return task
            }
            if stage == .review, try Self.answeredInRound(db, taskId, user) { throw StoreError.ownLabels(externalId: task.externalId) }
            if let assignee = task.assignee, assignee != user {
                let activeAt = try Int64.fetchOne(db, cached: "SELECT activeAt FROM task WHERE id = ?", arguments: [taskId])
                guard task.status != .hold, let activeAt, activeAt < (try Self.leaseExpiry(db, at: time)) else {
                    throw StoreError.assignedToSomeoneElse(externalId: task.externalId, assignee: assignee)
                }
            }
            if stage == .review, task.labeler == user { throw StoreError.ownLabels(externalId: task.externalId) }
            if task.status != .skipped, task.status != .hold || task.assignee == nil { try Self.hold(db, taskId, user, at: time) }
            return try Self.fetchTask(db, taskId)
        }
    }

    public func release(taskId: Int64, stage: Stage, user: String) throws {
        try pool.write { db in
            if try Self.isBenchmark(db, taskId) { return try Self.releaseBenchmark(db, taskId, user) }
            try db.execute(cached: """
                UPDATE task SET assignee = NULL, heldSince = NULL, activeAt = NULL
                WHERE id = ? AND stage = ? AND assignee = ? AND status IN ('new', 'submitted')
                AND NOT EXISTS (SELECT 1 FROM draft WHERE task = ? AND stage = ?)
                """, arguments: [taskId, stage.rawValue, user, taskId, stage.rawValue])
            if db.changesCount > 0 { try Self.event(db, taskId, user, "release") }
            try db.execute(cached: """
                DELETE FROM consensus_answer WHERE task = ? AND user = ? AND submittedAt IS NULL AND skipped = 0 AND classifications IS NULL
                """, arguments: [taskId, user])
            if db.changesCount > 0 { try Self.event(db, taskId, user, "release") }
        }
    }

    public func holds() throws -> [Hold] {
        try pool.read { db in
            try Row.fetchAll(db, cached: """
                SELECT externalId, stage, status, assignee, heldSince, activeAt FROM task INDEXED BY task_held
                WHERE assignee IS NOT NULL ORDER BY assignee, stage, priority DESC, id
                """).map {
                Hold(
                    externalId: $0["externalId"], stage: try Self.decode(Stage.self, $0["stage"], column: "stage"),
                    status: try Self.decode(TaskStatus.self, $0["status"], column: "status"), user: $0["assignee"],
                    since: ($0["heldSince"] as Int64?).map(Timestamp.init(millisecondsSince1970:)),
                    lastActivity: ($0["activeAt"] as Int64?).map(Timestamp.init(millisecondsSince1970:)))
            } + Self.roundHolds(db)
        }
    }

    /// A stored enum value, or the error that the project is damaged (never a plausible default).
    static func decode<T: RawRepresentable>(_ type: T.Type, _ raw: String?, column: String) throws -> T where T.RawValue == String {
        guard let raw, let value = T(rawValue: raw) else { throw StoreError.damaged("unknown \(column) \"\(raw ?? "NULL")\"") }
        return value
    }

    /// Holds whose last activity is before this instant have run out.
    static func leaseExpiry(_ db: Database, at time: Timestamp) throws -> Int64 {
        let lease = Int64(try String.fetchOne(db, cached: "SELECT value FROM setting WHERE key = 'claimLeaseMs'") ?? "")
            ?? ProjectSettings.defaultClaimLease
        return time.millisecondsSince1970 - lease
    }

    /// Holds a task for `user` from `time`; taking it over from someone whose lease ran out keeps
    /// their draft with the task.
    static func hold(_ db: Database, _ id: Int64, _ user: String, at time: Timestamp) throws {
        try db.execute(cached: """
            UPDATE task SET heldSince = CASE WHEN assignee IS ? AND heldSince IS NOT NULL THEN heldSince ELSE ? END,
                assignee = ?, activeAt = ? WHERE id = ?
            """, arguments: [user, time.millisecondsSince1970, user, time.millisecondsSince1970, id])
        try event(db, id, user, "open", at: time)
    }

    static func fetchTask(_ db: Database, _ id: Int64) throws -> LabelTask {
        guard let task = try Row.fetchOne(db, cached: "SELECT \(taskColumns) FROM task t WHERE t.id = ?", arguments: [id]).map(task) else {
            throw StoreError.noSuchTask("#\(id)")
        }
        return task
    }

    static func event(_ db: Database, _ task: Int64, _ user: String, _ kind: String, at: Timestamp = .now()) throws {
        try db.execute(cached: "INSERT INTO event(task, user, kind, at) VALUES (?, ?, ?, ?)",
                       arguments: [task, user, kind, at.millisecondsSince1970])
    }

    public func saveDraft(_ draft: Draft) throws {
        try pool.write { db in
            let task = try Self.fetchTask(db, draft.taskId)
            if task.benchmark != nil { return try Self.saveBenchmarkDraft(db, draft) }
            let consensus = try Self.consensusCount(db)
            if task.stage == draft.stage, ConsensusRound.applies(consensus: consensus, stage: task.stage, assignee: task.assignee) {
                return try Self.saveDraftInRound(db, task, draft, n: consensus)
            }
            if let assignee = task.assignee, assignee != draft.user {
                throw StoreError.assignedToSomeoneElse(externalId: task.externalId, assignee: assignee)
            }
            guard task.stage == draft.stage else {
                throw StoreError.notInStage(externalId: task.externalId, stage: draft.stage, actual: task.stage)
            }
            try db.execute(cached: """
                INSERT OR REPLACE INTO draft(task, stage, user, classifications, active, idle, savedAt) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    draft.taskId, draft.stage.rawValue, draft.user, JSONValue.array(draft.classifications).description,
                    draft.time.active, draft.time.idle, draft.savedAt.millisecondsSince1970,
                ])
            // A draft holds the task and renews the lease from the annotator's last activity.
            let activeAt = (draft.activeAt ?? draft.savedAt).millisecondsSince1970
            try db.execute(cached: """
                UPDATE task SET assignee = ?, status = CASE WHEN status = 'new' THEN 'draft' ELSE status END,
                    heldSince = COALESCE(heldSince, ?), activeAt = MAX(COALESCE(activeAt, 0), ?) WHERE id = ?
                """, arguments: [draft.user, draft.savedAt.millisecondsSince1970, activeAt, draft.taskId])
        }
    }

    public func submit(_ s: Submission) throws -> Stage {
        try pool.write { db in try Self.submit(db, s) }
    }

    /// The submit and the next task's hold in one transaction: one commit, one flush to disk.
    /// What the next frame shows besides (progress, the task's draft and issues) is read in it
    /// too, rather than in three reads after it.
    public func submitAndClaimNext(_ s: Submission) throws -> SubmitAndClaim {
        try pool.write { db in
            let next = try Self.submit(db, s)
            let claimed = try Self.claimNext(db, stage: s.stage, user: s.user, at: s.at)
            let shown = ShownAfterSubmit(
                progress: try Self.progress(db),
                draft: try claimed.flatMap { try Self.draft(db, taskId: $0.id, stage: s.stage, user: s.user) },
                issues: try claimed.map { try Self.issues(db, taskId: $0.id) } ?? [])
            return SubmitAndClaim(next: next, claimed: claimed, shown: shown)
        }
    }

    static func submit(_ db: Database, _ s: Submission) throws -> Stage {
        let settings = try Self.readSettings(db)
        let task = try Self.fetchTask(db, s.taskId)
        if task.benchmark != nil { return try Self.submitBenchmark(db, task, s, settings) }
        guard task.stage == s.stage else { throw StoreError.notInStage(externalId: task.externalId, stage: s.stage, actual: task.stage) }
        if let reason = task.readOnlyReason { throw StoreError.readOnly(externalId: task.externalId, reason: reason) }
        if ConsensusRound.applies(settings, stage: task.stage, assignee: task.assignee) {
            return try Self.submitInRound(db, task, s, settings: settings)
        }
        if let assignee = task.assignee, assignee != s.user {
            throw StoreError.assignedToSomeoneElse(externalId: task.externalId, assignee: assignee)
        }
        if s.stage == .review, try task.labeler == s.user || Self.answeredInRound(db, s.taskId, s.user) {
            throw StoreError.ownLabels(externalId: task.externalId)
        }
        try Self.checkHoldAndIssues(db, task, s)
        let next = settings.workflow.next(after: s.stage, review: s.stage == .review ? (s.reviewStatus ?? .accepted) : nil)
        let annotations = Annotations(classifications: s.classifications, tools: task.annotations.tools, relations: task.annotations.relations)
        let entry = StageHistoryEntry(
            stage: s.stage.name, stageId: s.stage.id, duration: s.time.active, idleDuration: s.time.idle, completedAt: s.at,
            completedBy: settings.exportName(of: s.user),
            reviewStatus: s.stage == .review ? (s.reviewStatus ?? .accepted) : nil,
            comment: s.comment.flatMap { $0.isEmpty ? nil : $0 }, annotations: annotations)
        try db.execute(cached: """
            INSERT INTO history(task, stage, user, labeler, active, idle, reviewStatus, completedAt, imported, entry)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
            """, arguments: [
                s.taskId, s.stage.rawValue, s.user, task.labeler, s.time.active, s.time.idle, entry.reviewStatus?.rawValue,
                s.at.millisecondsSince1970, entry.json(includeIdle: true).description,
            ])
        let labeler = s.stage == .label ? s.user : task.labeler
        // Rejected work goes back to the same labeler, with the reviewer's comment.
        let assignee: String? = next.stage == .label ? labeler : nil
        let comment: String? = next.status == .rejected ? s.comment : nil
        try db.execute(cached: """
            UPDATE task SET stage = ?, status = ?, assignee = ?, labeler = ?, annotations = ?, reviewComment = ?,
                updatedAt = ?, updatedBy = ?, active = active + ?, idle = idle + ?, heldSince = NULL, activeAt = NULL
            WHERE id = ?
            """, arguments: [
                next.stage.rawValue, next.status.rawValue, assignee, labeler, Self.encode(annotations), comment,
                s.at.millisecondsSince1970, s.user, s.time.active, s.time.idle, s.taskId,
            ])
        try db.execute(cached: "DELETE FROM draft WHERE task = ? AND stage = ?", arguments: [s.taskId, s.stage.rawValue])
        return next.stage
    }

    public func skip(taskId: Int64, user: String, at time: Timestamp) throws {
        try pool.write { db in
            let task = try Self.fetchTask(db, taskId)
            if task.benchmark != nil { return try Self.skipBenchmark(db, taskId, user, skipped: true, at: time) }
            if ConsensusRound.applies(consensus: try Self.consensusCount(db), stage: task.stage, assignee: task.assignee) {
                return try Self.skipInRound(db, task, user: user, at: time)
            }
            if let assignee = task.assignee, assignee != user {
                throw StoreError.assignedToSomeoneElse(externalId: task.externalId, assignee: assignee)
            }
            if task.status == .hold {
                let reason = try Self.holdReason(db, taskId) ?? ""
                throw StoreError.onHold(externalId: task.externalId, reason: reason)
            }
            // A skipped task stays yours with no lease: it waits for you to bring it back.
            try db.execute(cached: "UPDATE task SET status = 'skipped', assignee = ?, activeAt = NULL WHERE id = ?", arguments: [user, taskId])
            try Self.event(db, taskId, user, "skip", at: time)
        }
    }

    public func unskip(taskId: Int64, user: String, at time: Timestamp) throws {
        try pool.write { db in
            let task = try Self.fetchTask(db, taskId)
            if task.benchmark != nil { return try Self.skipBenchmark(db, taskId, user, skipped: false, at: time) }
            guard task.status == .skipped else { return }
            if let assignee = task.assignee, assignee != user {
                throw StoreError.assignedToSomeoneElse(externalId: task.externalId, assignee: assignee)
            }
            let hasDraft = try Bool.fetchOne(db, cached: "SELECT 1 FROM draft WHERE task = ? AND stage = ?", arguments: [taskId, task.stage.rawValue]) ?? false
            let status: TaskStatus = task.reviewComment != nil ? .rejected : hasDraft ? .draft : task.stage == .review ? .submitted : .new
            try db.execute(cached: "UPDATE task SET status = ? WHERE id = ?", arguments: [status.rawValue, taskId])
            try Self.event(db, taskId, user, "unskip", at: time)
        }
    }

    public func requeue(_ r: RequeueRequest) throws -> Int {
        try pool.write { db in
            let ids = try Self.requeueSelection(db, r.selection)
            let status: TaskStatus = r.to == .review ? .submitted : r.to == .complete ? .accepted : .new
            for id in ids {
                if try Self.endHold(db, id, r) { continue }
                // What is about to go, written down first: who ran the requeue, and everything removed.
                try Self.recordRequeue(db, id, r)
                try db.execute(cached: "DELETE FROM draft WHERE task = ?", arguments: [id])
                if r.to == .label { try Self.restartRound(db, id) }
                try db.execute(cached: "UPDATE task SET stage = ?, status = ?, reviewComment = NULL WHERE id = ?",
                               arguments: [r.to.rawValue, status.rawValue, id])
                if r.removeAnswers {
                    try db.execute(cached: "UPDATE task SET annotations = ? WHERE id = ?", arguments: [Self.encode(.empty), id])
                }
                if r.removeAssignee {
                    try db.execute(cached: "UPDATE task SET assignee = NULL, heldSince = NULL, activeAt = NULL WHERE id = ?", arguments: [id])
                }
                if r.removeHistory {
                    try db.execute(cached: "DELETE FROM history WHERE task = ?", arguments: [id])
                    try db.execute(cached: "UPDATE task SET labeler = NULL, active = 0, idle = 0 WHERE id = ?", arguments: [id])
                }
                try Self.event(db, id, r.user, "requeue", at: r.at)
            }
            return ids.count
        }
    }

    public func forEachTask(in stage: Stage?, _ body: (TaskRecord) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let (tasks, histories, drafts, scores) = try pool.read {
                db -> ([LabelTask], [Int64: [StageHistoryEntry]], [Int64: Draft], [Int64: TaskConsensus]) in
                let tasks = try Row.fetchAll(db, cached: """
                    SELECT \(Self.taskColumns) FROM task t WHERE t.id > ? AND (? IS NULL OR t.stage = ?) ORDER BY t.id LIMIT 500
                    """, arguments: [after, stage?.rawValue, stage?.rawValue]).map(Self.task)
                guard let first = tasks.first, let last = tasks.last else { return ([], [:], [:], [:]) }
                var histories: [Int64: [StageHistoryEntry]] = [:]
                for row in try Row.fetchAll(db, cached: "SELECT task, entry FROM history WHERE task BETWEEN ? AND ? ORDER BY id",
                                            arguments: [first.id, last.id]) {
                    if let object = Self.json(row["entry"])?.objectValue {
                        histories[row["task"], default: []].append(StageHistoryEntry(stored: object))
                    }
                }
                var drafts: [Int64: Draft] = [:]
                for row in try Row.fetchAll(db, cached: """
                    SELECT d.* FROM draft d JOIN task t ON t.id = d.task AND t.stage = d.stage WHERE d.task BETWEEN ? AND ?
                    """, arguments: [first.id, last.id]) {
                    let draft = Self.draft(from: row)
                    drafts[draft.taskId] = draft
                }
                var scores: [Int64: TaskConsensus] = [:]
                for row in try Row.fetchAll(db, cached: "SELECT task, score FROM consensus_score WHERE task BETWEEN ? AND ?",
                                            arguments: [first.id, last.id]) {
                    scores[row["task"]] = try TaskConsensus(taskId: row["task"], stored: row["score"])
                }
                return (tasks, histories, drafts, scores)
            }
            guard let last = tasks.last else { return }
            for task in tasks {
                try body(TaskRecord(task: task, history: histories[task.id] ?? [], draft: drafts[task.id], consensus: scores[task.id]))
            }
            after = last.id
        }
    }

    public func activity(since: Timestamp?) throws -> Activity {
        try pool.read { db in
            let from = since?.millisecondsSince1970 ?? Int64.min
            let entries = try Row.fetchAll(db, cached: """
                SELECT task, stage, user, labeler, active, idle, reviewStatus, completedAt FROM history
                WHERE imported = 0 AND user IS NOT NULL AND stage IN ('Label', 'Review') AND completedAt >= ? ORDER BY id
                """, arguments: [from]).map {
                Activity.Entry(
                    taskId: $0["task"], user: $0["user"], stage: Stage(rawValue: $0["stage"]) ?? .label,
                    reviewStatus: ($0["reviewStatus"] as String?).flatMap(ReviewStatus.init(rawValue:)),
                    time: TimeSpent(active: $0["active"], idle: $0["idle"]),
                    completedAt: Timestamp(millisecondsSince1970: $0["completedAt"]), labeler: $0["labeler"])
            }
            let skips = try Row.fetchAll(db, cached: "SELECT user, task, at FROM event WHERE kind = 'skip' AND at >= ? ORDER BY id", arguments: [from]).map {
                (user: $0["user"] as String, taskId: $0["task"] as Int64, at: Timestamp(millisecondsSince1970: $0["at"]))
            }
            return Activity(entries: entries, skips: skips)
        }
    }
}
