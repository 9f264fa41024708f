import GRDB

/// Consensus in the SQLite store: a Label task in a round is held, drafted and answered by up to
/// N annotators at once, each in their own `consensus_answer` row (the task's own assignee and
/// draft stay empty). Every change is one IMMEDIATE transaction, so two processes never put a
/// task beyond its N. When the N-th answer comes, the same transaction scores the round
/// (`ConsensusRound`) and moves the task on.
extension SQLiteProjectStore {
    /// This user's open hold in a round, first in queue order.
    static let ownConsensusSQL = """
        SELECT a.task FROM consensus_answer a INDEXED BY consensus_answer_open JOIN task t ON t.id = a.task
        WHERE a.user = ? AND a.submittedAt IS NULL AND a.skipped = 0 AND t.stage = 'Label' AND t.assignee IS NULL
        ORDER BY t.priority DESC, t.id LIMIT 1
        """

    /// The first Label task, in queue order, this user has not had and whose round has room: its
    /// live holds (answered, or active within the lease) are fewer than N.
    static let freeConsensusSQL = """
        SELECT id FROM task INDEXED BY task_queue
        WHERE stage = 'Label' AND status NOT IN ('skipped', 'hold') AND readOnlyReason IS NULL AND benchmark IS NULL AND assignee IS NULL
        AND NOT EXISTS (SELECT 1 FROM consensus_answer a WHERE a.task = task.id AND a.user = ?)
        AND (SELECT COUNT(*) FROM consensus_answer a WHERE a.task = task.id AND a.skipped = 0
            AND (a.submittedAt IS NOT NULL OR a.activeAt >= ?)) < ?
        ORDER BY priority DESC, id LIMIT 1
        """

    /// Review in a consensus project: the first free task none of whose annotators is this reviewer.
    static let freeConsensusReviewSQL = """
        SELECT id FROM task INDEXED BY task_queue WHERE stage = 'Review' AND status NOT IN ('skipped', 'hold') AND readOnlyReason IS NULL
        AND (assignee IS NULL OR (activeAt IS NOT NULL AND activeAt < ? AND assignee != ?))
        AND (labeler IS NULL OR labeler != ?)
        AND NOT EXISTS (SELECT 1 FROM consensus_answer a WHERE a.task = task.id AND a.user = ?)
        ORDER BY priority DESC, id LIMIT 1
        """

    /// claimNext for a consensus project's Label stage, after the user's own single tasks.
    /// The `consensus` setting alone (1: off).
    static func consensusCount(_ db: Database) throws -> Int {
        max(1, Int(try String.fetchOne(db, cached: "SELECT value FROM setting WHERE key = 'consensus'") ?? "") ?? 1)
    }

    static func claimConsensus(_ db: Database, user: String, at time: Timestamp, n: Int) throws -> Int64? {
        if let own = try Int64.fetchOne(db, cached: ownConsensusSQL, arguments: [user]) {
            try holdInRound(db, own, user, at: time)
            return own
        }
        let expired = try leaseExpiry(db, at: time)
        guard let id = try Int64.fetchOne(db, cached: freeConsensusSQL, arguments: [user, expired, n]) else { return nil }
        try holdInRound(db, id, user, at: time)
        return id
    }

    /// Puts `user` in the task's round (or renews their hold); holds of others that ran out
    /// without an answer go (their drafts are theirs alone, so nobody takes them over).
    static func holdInRound(_ db: Database, _ id: Int64, _ user: String, at time: Timestamp) throws {
        let expired = try leaseExpiry(db, at: time)
        try db.execute(cached: """
            DELETE FROM consensus_answer WHERE task = ? AND user != ? AND submittedAt IS NULL AND skipped = 0 AND activeAt < ?
            """, arguments: [id, user, expired])
        try db.execute(cached: """
            INSERT INTO consensus_answer(task, user, heldSince, activeAt) VALUES (?, ?, ?, ?)
            ON CONFLICT(task, user) DO UPDATE SET activeAt = excluded.activeAt
            """, arguments: [id, user, time.millisecondsSince1970, time.millisecondsSince1970])
        try event(db, id, user, "open", at: time)
    }

    /// The live holds of a task's round: answered, or held within the lease.
    static func liveInRound(_ db: Database, _ id: Int64, at time: Timestamp) throws -> Int {
        try Int.fetchOne(db, cached: """
            SELECT COUNT(*) FROM consensus_answer WHERE task = ? AND skipped = 0 AND (submittedAt IS NOT NULL OR activeAt >= ?)
            """, arguments: [id, try leaseExpiry(db, at: time)]) ?? 0
    }

    static func roundRow(_ db: Database, _ id: Int64, _ user: String) throws -> Row? {
        try Row.fetchOne(db, cached: "SELECT * FROM consensus_answer WHERE task = ? AND user = ?", arguments: [id, user])
    }

    static func roundIsFull(_ task: LabelTask, n: Int) -> StoreError {
        .assignedToSomeoneElse(externalId: task.externalId, assignee: "its consensus round (\(n) annotators)")
    }

    static func alreadyAnswered(_ task: LabelTask) -> StoreError {
        .readOnly(externalId: task.externalId, reason: "you answered it in its consensus round; the other answers are still to come")
    }

    /// claim(taskId:) for a task in a round.
    static func claimInRound(_ db: Database, _ task: LabelTask, user: String, at time: Timestamp, n: Int) throws {
        if let row = try roundRow(db, task.id, user) {
            if row["submittedAt"] as Int64? != nil { throw alreadyAnswered(task) }
            if row["skipped"] as Int64 == 1 { return }
        } else if try liveInRound(db, task.id, at: time) >= n {
            throw roundIsFull(task, n: n)
        }
        try holdInRound(db, task.id, user, at: time)
    }

    /// saveDraft for a task in a round: the user's own row (a skipped task comes back when there is room).
    static func saveDraftInRound(_ db: Database, _ task: LabelTask, _ draft: Draft, n: Int) throws {
        let row = try roundRow(db, task.id, draft.user)
        if row?["submittedAt"] as Int64? != nil { throw alreadyAnswered(task) }
        if row == nil || row?["skipped"] as Int64? == 1 {
            if try liveInRound(db, task.id, at: draft.savedAt) >= n { throw roundIsFull(task, n: n) }
        }
        let activeAt = (draft.activeAt ?? draft.savedAt).millisecondsSince1970
        try db.execute(cached: """
            INSERT INTO consensus_answer(task, user, heldSince, activeAt, skipped, classifications, active, idle, savedAt)
            VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)
            ON CONFLICT(task, user) DO UPDATE SET skipped = 0, classifications = excluded.classifications, active = excluded.active,
                idle = excluded.idle, savedAt = excluded.savedAt, activeAt = MAX(COALESCE(activeAt, 0), excluded.activeAt)
            """, arguments: [
                task.id, draft.user, draft.savedAt.millisecondsSince1970, activeAt, JSONValue.array(draft.classifications).description,
                draft.time.active, draft.time.idle, draft.savedAt.millisecondsSince1970,
            ])
    }

    /// submit for a task in a round: the answer is kept as the user's own row and Label history
    /// entry; the N-th closes the round.
    static func submitInRound(_ db: Database, _ task: LabelTask, _ s: Submission, settings: ProjectSettings) throws -> Stage {
        guard let row = try roundRow(db, task.id, s.user), row["skipped"] as Int64 == 0 else { throw roundIsFull(task, n: settings.consensus) }
        if row["submittedAt"] as Int64? != nil { throw alreadyAnswered(task) }
        let annotations = Annotations(classifications: s.classifications, tools: task.annotations.tools, relations: task.annotations.relations)
        let entry = StageHistoryEntry(
            stage: s.stage.name, stageId: s.stage.id, duration: s.time.active, idleDuration: s.time.idle, completedAt: s.at,
            completedBy: settings.exportName(of: s.user), reviewStatus: nil, comment: nil, annotations: annotations)
        try db.execute(cached: """
            INSERT INTO history(task, stage, user, labeler, active, idle, reviewStatus, completedAt, imported, entry)
            VALUES (?, 'Label', ?, ?, ?, ?, NULL, ?, 0, ?)
            """, arguments: [task.id, s.user, s.user, s.time.active, s.time.idle, s.at.millisecondsSince1970, entry.json(includeIdle: true).description])
        try db.execute(cached: """
            UPDATE consensus_answer SET classifications = ?, active = ?, idle = ?, savedAt = ?, submittedAt = ?, activeAt = NULL
            WHERE task = ? AND user = ?
            """, arguments: [
                JSONValue.array(s.classifications).description, s.time.active, s.time.idle, s.at.millisecondsSince1970,
                s.at.millisecondsSince1970, task.id, s.user,
            ])
        try db.execute(cached: "UPDATE task SET updatedAt = ?, updatedBy = ?, active = active + ?, idle = idle + ? WHERE id = ?",
                       arguments: [s.at.millisecondsSince1970, s.user, s.time.active, s.time.idle, task.id])
        let answers = try consensusAnswers(db, task.id)
        guard answers.count >= settings.consensus else { return .label }
        let round = ConsensusRound.close(answers, settings: settings, ontology: try settings.ontology())
        if let score = round.score {
            let stored = TaskConsensus(taskId: task.id, score: score, users: answers.map(\.user)).stored
            try db.execute(cached: "INSERT OR REPLACE INTO consensus_score(task, score, scoredAt) VALUES (?, ?, ?)",
                           arguments: [task.id, stored, s.at.millisecondsSince1970])
        }
        let chosen = answers[round.chosen]
        let final = Annotations(classifications: chosen.classifications, tools: task.annotations.tools, relations: task.annotations.relations)
        try db.execute(cached: """
            UPDATE task SET stage = ?, status = ?, assignee = NULL, labeler = ?, annotations = ?, reviewComment = NULL,
                heldSince = NULL, activeAt = NULL WHERE id = ?
            """, arguments: [round.next.rawValue, round.status.rawValue, chosen.user, encode(final), task.id])
        return round.next
    }

    static func skipInRound(_ db: Database, _ task: LabelTask, user: String, at time: Timestamp) throws {
        if try roundRow(db, task.id, user)?["submittedAt"] as Int64? != nil { throw alreadyAnswered(task) }
        // Skipping gives the place in the round to someone else: the queue never serves it to this user again.
        try db.execute(cached: """
            INSERT INTO consensus_answer(task, user, heldSince, activeAt, skipped) VALUES (?, ?, ?, NULL, 1)
            ON CONFLICT(task, user) DO UPDATE SET skipped = 1, activeAt = NULL
            """, arguments: [task.id, user, time.millisecondsSince1970])
        try event(db, task.id, user, "skip", at: time)
    }

    static func consensusAnswers(_ db: Database, _ id: Int64) throws -> [ConsensusAnswer] {
        try Row.fetchAll(db, cached: """
            SELECT user, classifications, active, idle, submittedAt FROM consensus_answer
            WHERE task = ? AND submittedAt IS NOT NULL ORDER BY submittedAt, user
            """, arguments: [id]).map {
            ConsensusAnswer(
                user: $0["user"], classifications: json($0["classifications"])?.arrayValue ?? [],
                time: TimeSpent(active: $0["active"], idle: $0["idle"]), submittedAt: Timestamp(millisecondsSince1970: $0["submittedAt"]))
        }
    }

    /// Whether `user` answered the task in its round (a reviewer never reviews a round they were in).
    static func answeredInRound(_ db: Database, _ id: Int64, _ user: String) throws -> Bool {
        try Bool.fetchOne(db, cached: "SELECT 1 FROM consensus_answer WHERE task = ? AND user = ? AND submittedAt IS NOT NULL",
                          arguments: [id, user]) ?? false
    }

    public func draft(taskId: Int64, stage: Stage, user: String) throws -> Draft? {
        try pool.read { db in try Self.draft(db, taskId: taskId, stage: stage, user: user) }
    }

    static func draft(_ db: Database, taskId: Int64, stage: Stage, user: String) throws -> Draft? {
        if stage == .label, let row = try Row.fetchOne(db, cached: """
            SELECT classifications, active, idle, savedAt FROM consensus_answer
            WHERE task = ? AND user = ? AND submittedAt IS NULL AND classifications IS NOT NULL
            """, arguments: [taskId, user]) {
            return Draft(taskId: taskId, stage: stage, user: user, classifications: Self.json(row["classifications"])?.arrayValue ?? [],
                         time: TimeSpent(active: row["active"], idle: row["idle"]), savedAt: Timestamp(millisecondsSince1970: row["savedAt"]))
        }
        return try Row.fetchOne(db, cached: "SELECT * FROM draft WHERE task = ? AND stage = ?", arguments: [taskId, stage.rawValue]).map(Self.draft)
    }

    public func consensusAnswers(taskId: Int64) throws -> [ConsensusAnswer] {
        try pool.read { db in try Self.consensusAnswers(db, taskId) }
    }

    public func consensus(taskId: Int64) throws -> TaskConsensus? {
        try pool.read { db in
            try String.fetchOne(db, cached: "SELECT score FROM consensus_score WHERE task = ?", arguments: [taskId])
                .map { try TaskConsensus(taskId: taskId, stored: $0) }
        }
    }

    public func consensusScores() throws -> [TaskConsensus] {
        try pool.read { db in
            try Row.fetchAll(db, cached: "SELECT task, score FROM consensus_score ORDER BY task").map {
                try TaskConsensus(taskId: $0["task"], stored: $0["score"])
            }
        }
    }

    /// The consensus holds for `termlabel who`.
    static func roundHolds(_ db: Database) throws -> [Hold] {
        try Row.fetchAll(db, cached: """
            SELECT t.externalId, a.user, a.heldSince, a.activeAt, a.classifications IS NOT NULL AS drafted
            FROM consensus_answer a JOIN task t ON t.id = a.task
            WHERE a.submittedAt IS NULL AND a.skipped = 0 AND t.stage = 'Label' AND t.assignee IS NULL ORDER BY a.user, t.priority DESC, t.id
            """).map {
            Hold(externalId: $0["externalId"], stage: .label, status: ($0["drafted"] as Bool) ? .draft : .new, user: $0["user"],
                 since: Timestamp(millisecondsSince1970: $0["heldSince"]),
                 lastActivity: ($0["activeAt"] as Int64?).map(Timestamp.init(millisecondsSince1970:)))
        }
    }

    /// A requeue to Label starts the task's round again: anyone may answer it, those before too.
    static func restartRound(_ db: Database, _ id: Int64) throws {
        try db.execute(cached: "DELETE FROM consensus_answer WHERE task = ?", arguments: [id])
        try db.execute(cached: "DELETE FROM consensus_score WHERE task = ?", arguments: [id])
    }
}
