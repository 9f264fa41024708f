import LabelCore

extension PostgresProjectStore {
    public func claimNext(stage: Stage, user: String, at time: Timestamp) throws -> LabelTask? {
        // One statement, so one round trip and its own transaction: the user's own unfinished
        // task first (drafts, tasks sent back by review), else the oldest task nobody holds or
        // whose holder's lease ran out, higher priority first. The free task's row is locked as it
        // is chosen and rows other annotators are taking are skipped (SKIP LOCKED), so two
        // annotators never hold one task and neither waits for the other; the second part is read
        // only when the first finds nothing. The same statement reads what gold and consensus
        // need (a gold task the user holds, the gold rate, the round's size) and claims nothing
        // when either applies; only then does the claim take more round trips.
        let first = try claimStatement(stage: stage, user: user, at: time, goldChecked: false)
        if let task = first.task { return task }
        guard stage == .label else { return nil }
        let gold = first.heldGold != nil || first.goldRate > 0
        if gold, let task = try claimBenchmark(user: user, at: time, held: first.heldGold, rate: first.goldRate) { return task }
        if first.consensus > 1 { return try claimConsensus(user: user, at: time, n: first.consensus) }
        return gold ? try claimStatement(stage: stage, user: user, at: time, goldChecked: true).task : nil
    }

    /// What claimNext's statement gave: the task it claimed, or why it claimed none.
    struct ClaimOutcome {
        var task: LabelTask?
        var heldGold: Int64?
        var goldRate: Int
        var consensus: Int
    }

    func claimStatement(stage: Stage, user: String, at time: Timestamp, goldChecked: Bool) throws -> ClaimOutcome {
        let review: Int64 = stage == .review ? 1 : 0
        let row = try link.withSession { session in
            try session.query(Self.claimNextSQL, [
                .text(user), .text(stage.rawValue), .int(time.millisecondsSince1970), .int(review), .int(ProjectSettings.defaultClaimLease),
                .int(goldChecked ? 1 : 0),
            ]).first
        }
        guard let row else { throw StoreError.damaged("the claim statement gave no row") }
        let gate = Self.claimGateColumn
        return ClaimOutcome(
            task: try row.int(0) == nil ? nil : Self.task(from: row), heldGold: try row.int(gate),
            goldRate: Int(try row.int(gate + 1) ?? 0), consensus: max(1, Int(try row.int(gate + 2) ?? 1)))
    }

    /// Where the gate's columns (held gold task, gold rate, consensus) start in claimNextSQL's row.
    static let claimGateColumn = 23

    /// claimNext's one statement: $1 the user, $2 the stage, $3 now (ms), $4 1 in review, $5 the
    /// default lease (ms), $6 1 when the gold check was made already. Its row: the task's
    /// `taskColumns` (all NULL when none was claimed), then the gate: a gold task the user holds,
    /// the gold rate and the consensus size, read for a Label claim only. The task parts run only
    /// when the gate is clear (a one-time filter: nothing is scanned or locked otherwise).
    ///
    /// The free task's stage is written as a range and leads the order (`stage >= $2 AND stage <=
    /// $2 … ORDER BY stage, priority DESC, id`), not `stage = $2`: with an equality the planner
    /// saw task_order (priority, id) as just as good as task_queue (stage, priority, id) while its
    /// statistics said every task was in Label (until the next ANALYZE), and walked task_order
    /// past every task already done: 60 ms a claim with 30,000 of 100,000 tasks done, and more
    /// as the project went on. Only task_queue gives this order, so it is always the one used.
    static let claimNextSQL = """
        WITH gate AS (
            SELECT (SELECT task FROM benchmark_answer WHERE $2 = 'Label' AND $6 = 0 AND username = $1 AND submittedat IS NULL AND skipped = 0
                    ORDER BY task LIMIT 1) AS gold,
                CASE WHEN $2 = 'Label' AND $6 = 0 THEN (SELECT value::bigint FROM setting WHERE key = 'benchmarkRate') END AS rate,
                CASE WHEN $2 = 'Label' THEN (SELECT value::bigint FROM setting WHERE key = 'consensus') END AS consensus
        ), clear AS (
            SELECT 1 FROM gate WHERE gold IS NULL AND COALESCE(rate, 0) <= 0 AND COALESCE(consensus, 1) <= 1
        ), own AS (
            SELECT id FROM task
            WHERE EXISTS (SELECT 1 FROM clear)
            AND assignee = $1 AND stage = $2 AND status NOT IN ('skipped', 'hold') AND readonlyreason IS NULL AND benchmark IS NULL
            AND ($4 = 0 OR labeler IS NULL OR labeler <> $1)
            ORDER BY priority DESC, id LIMIT 1
        ), free AS (
            SELECT id FROM task
            WHERE EXISTS (SELECT 1 FROM clear)
            AND stage >= $2 AND stage <= $2 AND status NOT IN ('skipped', 'hold') AND readonlyreason IS NULL AND benchmark IS NULL
            AND (assignee IS NULL OR (activeat IS NOT NULL AND assignee <> $1
                AND activeat < $3 - COALESCE((SELECT value::bigint FROM setting WHERE key = 'claimLeaseMs'), $5)))
            AND ($4 = 0 OR labeler IS NULL OR labeler <> $1)
            AND ($4 = 0 OR NOT EXISTS (SELECT 1 FROM consensus_answer a WHERE a.task = task.id AND a.username = $1))
            ORDER BY stage, priority DESC, id LIMIT 1
            FOR UPDATE SKIP LOCKED
        ), pick AS (
            SELECT id FROM (SELECT id, 0 AS rank FROM own UNION ALL SELECT id, 1 FROM free) p ORDER BY rank LIMIT 1
        ), held AS (
            UPDATE task t SET heldsince = CASE WHEN t.assignee IS NOT DISTINCT FROM $1 AND t.heldsince IS NOT NULL
                THEN t.heldsince ELSE $3 END, assignee = $1, activeat = $3
            FROM pick WHERE t.id = pick.id
            RETURNING \(taskColumns)
        ), opened AS (
            INSERT INTO event(task, username, kind, at) SELECT id, $1, 'open', $3 FROM held
        )
        SELECT held.*, gate.gold, gate.rate, gate.consensus FROM gate LEFT JOIN held ON true
        """

    public func claim(taskId: Int64, stage: Stage, user: String, at time: Timestamp) throws -> LabelTask {
        try link.transaction { session in
            let task = try Self.fetchTask(session, taskId, lock: true)
            guard task.stage == stage else { throw StoreError.notInStage(externalId: task.externalId, stage: stage, actual: task.stage) }
            if let reason = task.readOnlyReason { throw StoreError.readOnly(externalId: task.externalId, reason: reason) }
            if task.benchmark != nil { return try Self.claimBenchmark(session, task, user, at: time) }
            let consensus = try Self.consensusCount(session)
            if ConsensusRound.applies(consensus: consensus, stage: stage, assignee: task.assignee) {
                try Self.claimInRound(session, task, user: user, at: time, n: consensus)
                return task
            }
            if stage == .review, try Self.answeredInRound(session, taskId, user) { throw StoreError.ownLabels(externalId: task.externalId) }
            if let assignee = task.assignee, assignee != user {
                let activeAt = try session.int("SELECT activeat FROM task WHERE id = $1", [.int(taskId)])
                guard task.status != .hold, let activeAt, activeAt < (try Self.leaseExpiry(session, at: time)) else {
                    throw StoreError.assignedToSomeoneElse(externalId: task.externalId, assignee: assignee)
                }
            }
            if stage == .review, task.labeler == user { throw StoreError.ownLabels(externalId: task.externalId) }
            if task.status != .skipped, task.status != .hold || task.assignee == nil { try Self.hold(session, taskId, user, at: time) }
            return try Self.fetchTask(session, taskId)
        }
    }

    public func release(taskId: Int64, stage: Stage, user: String) throws {
        try link.transaction { session in
            if try Self.isBenchmark(session, taskId) { return try Self.releaseBenchmark(session, taskId, user) }
            let changed = try session.execute("""
                UPDATE task SET assignee = NULL, heldsince = NULL, activeat = NULL
                WHERE id = $1 AND stage = $2 AND assignee = $3 AND status IN ('new', 'submitted')
                AND NOT EXISTS (SELECT 1 FROM draft WHERE task = $1 AND stage = $2)
                """, [.int(taskId), .text(stage.rawValue), .text(user)])
            if changed > 0 { try Self.event(session, taskId, user, "release", at: .now()) }
            let left = try session.execute("""
                DELETE FROM consensus_answer WHERE task = $1 AND username = $2 AND submittedat IS NULL AND skipped = 0 AND classifications IS NULL
                """, [.int(taskId), .text(user)])
            if left > 0 { try Self.event(session, taskId, user, "release", at: .now()) }
        }
    }

    public func holds() throws -> [Hold] {
        try link.withSession { session in
            try session.query("""
                SELECT externalid, stage, status, assignee, heldsince, activeat FROM task
                WHERE assignee IS NOT NULL ORDER BY assignee, stage, priority DESC, id
                """).map {
                Hold(
                    externalId: try $0.text(0, "externalid"), stage: try Self.decode(Stage.self, $0.text(1), column: "stage"),
                    status: try Self.decode(TaskStatus.self, $0.text(2), column: "status"), user: try $0.text(3, "assignee"),
                    since: try $0.int(4).map(Timestamp.init(millisecondsSince1970:)),
                    lastActivity: try $0.int(5).map(Timestamp.init(millisecondsSince1970:)))
            } + Self.roundHolds(session)
        }
    }

    /// Holds whose last activity is before this instant have run out.
    static func leaseExpiry(_ session: DatabaseSession, at time: Timestamp) throws -> Int64 {
        let lease = Int64(try session.query("SELECT value FROM setting WHERE key = 'claimLeaseMs'").first?.text(0) ?? "")
            ?? ProjectSettings.defaultClaimLease
        return time.millisecondsSince1970 - lease
    }

    /// Holds a task for `user` from `time`; taking it over from someone whose lease ran out keeps
    /// their draft with the task.
    static func hold(_ session: DatabaseSession, _ id: Int64, _ user: String, at time: Timestamp) throws {
        try session.execute("""
            UPDATE task SET heldsince = CASE WHEN assignee IS NOT DISTINCT FROM $1 AND heldsince IS NOT NULL THEN heldsince ELSE $2 END,
                assignee = $1, activeat = $2 WHERE id = $3
            """, [.text(user), .int(time.millisecondsSince1970), .int(id)])
        try event(session, id, user, "open", at: time)
    }

    /// The task, its row locked for the transaction when `lock`.
    static func fetchTask(_ session: DatabaseSession, _ id: Int64, lock: Bool = false) throws -> LabelTask {
        guard let task = try session.query("SELECT \(taskColumns) FROM task t WHERE t.id = $1\(lock ? " FOR UPDATE" : "")", [.int(id)])
            .first.map(task) else {
            throw StoreError.noSuchTask("#\(id)")
        }
        return task
    }

    static func event(_ session: DatabaseSession, _ task: Int64, _ user: String, _ kind: String, at: Timestamp) throws {
        try session.execute("INSERT INTO event(task, username, kind, at) VALUES ($1, $2, $3, $4)",
                            [.int(task), .text(user), .text(kind), .int(at.millisecondsSince1970)])
    }

    public func saveDraft(_ draft: Draft) throws {
        try link.transaction { session in
            let task = try Self.fetchTask(session, draft.taskId, lock: true)
            if task.benchmark != nil { return try Self.saveBenchmarkDraft(session, draft) }
            let consensus = try Self.consensusCount(session)
            if task.stage == draft.stage, ConsensusRound.applies(consensus: consensus, stage: task.stage, assignee: task.assignee) {
                return try Self.saveDraftInRound(session, task, draft, n: consensus)
            }
            if let assignee = task.assignee, assignee != draft.user {
                throw StoreError.assignedToSomeoneElse(externalId: task.externalId, assignee: assignee)
            }
            guard task.stage == draft.stage else {
                throw StoreError.notInStage(externalId: task.externalId, stage: draft.stage, actual: task.stage)
            }
            // The draft and the hold in one statement: a draft holds the task and renews the lease
            // from the annotator's last activity.
            let activeAt = (draft.activeAt ?? draft.savedAt).millisecondsSince1970
            try session.execute("""
                WITH saved AS (
                    INSERT INTO draft(task, stage, username, classifications, active, idle, savedat) VALUES ($1, $2, $3, $4, $5, $6, $7)
                    ON CONFLICT (task, stage) DO UPDATE SET username = EXCLUDED.username, classifications = EXCLUDED.classifications,
                        active = EXCLUDED.active, idle = EXCLUDED.idle, savedat = EXCLUDED.savedat
                )
                UPDATE task SET assignee = $3, status = CASE WHEN status = 'new' THEN 'draft' ELSE status END,
                    heldsince = COALESCE(heldsince, $7), activeat = GREATEST(COALESCE(activeat, 0), $8) WHERE id = $1
                """, [
                    .int(draft.taskId), .text(draft.stage.rawValue), .text(draft.user), .text(JSONValue.array(draft.classifications).description),
                    .int(draft.time.active), .int(draft.time.idle), .int(draft.savedAt.millisecondsSince1970), .int(activeAt),
                ])
        }
    }

    public func skip(taskId: Int64, user: String, at time: Timestamp) throws {
        try link.transaction { session in
            let task = try Self.fetchTask(session, taskId, lock: true)
            if task.benchmark != nil { return try Self.skipBenchmark(session, taskId, user, skipped: true, at: time) }
            if ConsensusRound.applies(consensus: try Self.consensusCount(session), stage: task.stage, assignee: task.assignee) {
                return try Self.skipInRound(session, task, user: user, at: time)
            }
            if let assignee = task.assignee, assignee != user {
                throw StoreError.assignedToSomeoneElse(externalId: task.externalId, assignee: assignee)
            }
            if task.status == .hold {
                let reason = try session.query("SELECT reason FROM task_hold WHERE task = $1", [.int(taskId)]).first?.text(0)
                throw StoreError.onHold(externalId: task.externalId, reason: reason ?? "")
            }
            // A skipped task stays yours with no lease: it waits for you to bring it back.
            try session.execute("UPDATE task SET status = 'skipped', assignee = $1, activeat = NULL WHERE id = $2", [.text(user), .int(taskId)])
            try Self.event(session, taskId, user, "skip", at: time)
        }
    }

    public func unskip(taskId: Int64, user: String, at time: Timestamp) throws {
        try link.transaction { session in
            let task = try Self.fetchTask(session, taskId, lock: true)
            if task.benchmark != nil { return try Self.skipBenchmark(session, taskId, user, skipped: false, at: time) }
            guard task.status == .skipped else { return }
            if let assignee = task.assignee, assignee != user {
                throw StoreError.assignedToSomeoneElse(externalId: task.externalId, assignee: assignee)
            }
            let hasDraft = try session.int("SELECT 1 FROM draft WHERE task = $1 AND stage = $2", [.int(taskId), .text(task.stage.rawValue)]) != nil
            let status: TaskStatus = task.reviewComment != nil ? .rejected : hasDraft ? .draft : task.stage == .review ? .submitted : .new
            try session.execute("UPDATE task SET status = $1 WHERE id = $2", [.text(status.rawValue), .int(taskId)])
            try Self.event(session, taskId, user, "unskip", at: time)
        }
    }
}
