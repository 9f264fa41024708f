import LabelCore

/// Consensus in the PostgreSQL store, as in the SQLite one (`SQLiteProjectStore+Consensus`): each
/// annotator of a round has their own `consensus_answer` row. Every change to a task's round is
/// made holding the task's row lock (`FOR UPDATE`), and the round is counted again after the lock
/// is taken (each statement of a READ COMMITTED transaction sees what committed before it), so
/// however many annotators ask at once, a task never gets beyond its N.
extension PostgresProjectStore {
    static let liveInRoundSQL = """
        SELECT COUNT(*) FROM consensus_answer WHERE task = $1 AND skipped = 0 AND (submittedat IS NOT NULL OR activeat >= $2)
        """

    /// The `consensus` setting alone (1: off).
    static func consensusCount(_ session: DatabaseSession) throws -> Int {
        max(1, Int(try session.int("SELECT value::bigint FROM setting WHERE key = 'consensus'") ?? 1))
    }

    /// Puts `user` in the task's round (or renews their hold); holds of others that ran out
    /// without an answer go. The caller holds the task's row lock.
    static func holdInRound(_ session: DatabaseSession, _ id: Int64, _ user: String, at time: Timestamp) throws {
        let expired = try leaseExpiry(session, at: time)
        try session.execute("""
            DELETE FROM consensus_answer WHERE task = $1 AND username <> $2 AND submittedat IS NULL AND skipped = 0 AND activeat < $3
            """, [.int(id), .text(user), .int(expired)])
        try session.execute("""
            INSERT INTO consensus_answer(task, username, heldsince, activeat) VALUES ($1, $2, $3, $3)
            ON CONFLICT (task, username) DO UPDATE SET activeat = EXCLUDED.activeat
            """, [.int(id), .text(user), .int(time.millisecondsSince1970)])
        try event(session, id, user, "open", at: time)
    }

    /// The user's row in the task's round: (submitted, skipped, has a draft).
    static func roundRow(_ session: DatabaseSession, _ id: Int64, _ user: String) throws -> (submitted: Bool, skipped: Bool)? {
        guard let row = try session.query("SELECT submittedat, skipped FROM consensus_answer WHERE task = $1 AND username = $2",
                                          [.int(id), .text(user)]).first else { return nil }
        return (try row.int(0) != nil, try row.int(1, "skipped") == 1)
    }

    static func roundIsFull(_ task: LabelTask, n: Int) -> StoreError {
        .assignedToSomeoneElse(externalId: task.externalId, assignee: "its consensus round (\(n) annotators)")
    }

    static func alreadyAnswered(_ task: LabelTask) -> StoreError {
        .readOnly(externalId: task.externalId, reason: "you answered it in its consensus round; the other answers are still to come")
    }

    static func hasRoom(_ session: DatabaseSession, _ id: Int64, at time: Timestamp, n: Int) throws -> Bool {
        try session.int(liveInRoundSQL, [.int(id), .int(try leaseExpiry(session, at: time))]) ?? 0 < n
    }

    static func claimInRound(_ session: DatabaseSession, _ task: LabelTask, user: String, at time: Timestamp, n: Int) throws {
        if let row = try roundRow(session, task.id, user) {
            if row.submitted { throw alreadyAnswered(task) }
            if row.skipped { return }
        } else if try !hasRoom(session, task.id, at: time, n: n) {
            throw roundIsFull(task, n: n)
        }
        try holdInRound(session, task.id, user, at: time)
    }

    static func saveDraftInRound(_ session: DatabaseSession, _ task: LabelTask, _ draft: Draft, n: Int) throws {
        let row = try roundRow(session, task.id, draft.user)
        if row?.submitted == true { throw alreadyAnswered(task) }
        if row == nil || row?.skipped == true, try !hasRoom(session, task.id, at: draft.savedAt, n: n) {
            throw roundIsFull(task, n: n)
        }
        let activeAt = (draft.activeAt ?? draft.savedAt).millisecondsSince1970
        try session.execute("""
            INSERT INTO consensus_answer(task, username, heldsince, activeat, skipped, classifications, active, idle, savedat)
            VALUES ($1, $2, $3, $4, 0, $5, $6, $7, $3)
            ON CONFLICT (task, username) DO UPDATE SET skipped = 0, classifications = EXCLUDED.classifications, active = EXCLUDED.active,
                idle = EXCLUDED.idle, savedat = EXCLUDED.savedat, activeat = GREATEST(COALESCE(consensus_answer.activeat, 0), EXCLUDED.activeat)
            """, [
                .int(task.id), .text(draft.user), .int(draft.savedAt.millisecondsSince1970), .int(activeAt),
                .text(JSONValue.array(draft.classifications).description), .int(draft.time.active), .int(draft.time.idle),
            ])
    }

    static func submitInRound(_ session: DatabaseSession, _ task: LabelTask, _ s: Submission, settings: ProjectSettings) throws -> Stage {
        guard let row = try roundRow(session, task.id, s.user), !row.skipped else { throw roundIsFull(task, n: settings.consensus) }
        if row.submitted { throw alreadyAnswered(task) }
        let annotations = Annotations(classifications: s.classifications, tools: task.annotations.tools, relations: task.annotations.relations)
        let entry = StageHistoryEntry(
            stage: s.stage.name, stageId: s.stage.id, duration: s.time.active, idleDuration: s.time.idle, completedAt: s.at,
            completedBy: settings.exportName(of: s.user), reviewStatus: nil, comment: nil, annotations: annotations)
        try session.execute("""
            WITH entry AS (
                INSERT INTO history(task, stage, username, labeler, active, idle, reviewstatus, completedat, imported, entry)
                VALUES ($1, 'Label', $2, $2, $3, $4, NULL, $5, 0, $6)
            ), answer AS (
                UPDATE consensus_answer SET classifications = $7, active = $3, idle = $4, savedat = $5, submittedat = $5, activeat = NULL
                WHERE task = $1 AND username = $2
            )
            UPDATE task SET updatedat = $5, updatedby = $2, active = active + $3, idle = idle + $4 WHERE id = $1
            """, [
                .int(task.id), .text(s.user), .int(s.time.active), .int(s.time.idle), .int(s.at.millisecondsSince1970),
                .text(entry.json(includeIdle: true).description), .text(JSONValue.array(s.classifications).description),
            ])
        let answers = try consensusAnswers(session, task.id)
        guard answers.count >= settings.consensus else { return .label }
        let round = ConsensusRound.close(answers, settings: settings, ontology: try settings.ontology())
        if let score = round.score {
            try session.execute("""
                INSERT INTO consensus_score(task, score, scoredat) VALUES ($1, $2, $3)
                ON CONFLICT (task) DO UPDATE SET score = EXCLUDED.score, scoredat = EXCLUDED.scoredat
                """, [.int(task.id), .text(TaskConsensus(taskId: task.id, score: score, users: answers.map(\.user)).stored),
                      .int(s.at.millisecondsSince1970)])
        }
        let chosen = answers[round.chosen]
        let final = Annotations(classifications: chosen.classifications, tools: task.annotations.tools, relations: task.annotations.relations)
        try session.execute("""
            UPDATE task SET stage = $1, status = $2, assignee = NULL, labeler = $3, annotations = $4, reviewcomment = NULL,
                heldsince = NULL, activeat = NULL WHERE id = $5
            """, [.text(round.next.rawValue), .text(round.status.rawValue), .text(chosen.user), .text(StoreCodec.encode(final)), .int(task.id)])
        return round.next
    }

    static func skipInRound(_ session: DatabaseSession, _ task: LabelTask, user: String, at time: Timestamp) throws {
        if try roundRow(session, task.id, user)?.submitted == true { throw alreadyAnswered(task) }
        try session.execute("""
            INSERT INTO consensus_answer(task, username, heldsince, activeat, skipped) VALUES ($1, $2, $3, NULL, 1)
            ON CONFLICT (task, username) DO UPDATE SET skipped = 1, activeat = NULL
            """, [.int(task.id), .text(user), .int(time.millisecondsSince1970)])
        try event(session, task.id, user, "skip", at: time)
    }

    static func consensusAnswers(_ session: DatabaseSession, _ id: Int64) throws -> [ConsensusAnswer] {
        try session.query("""
            SELECT username, classifications, active, idle, submittedat FROM consensus_answer
            WHERE task = $1 AND submittedat IS NOT NULL ORDER BY submittedat, username
            """, [.int(id)]).map {
            ConsensusAnswer(
                user: try $0.text(0, "username"), classifications: StoreCodec.json(try $0.text(1))?.arrayValue ?? [],
                time: TimeSpent(active: try $0.int(2, "active"), idle: try $0.int(3, "idle")),
                submittedAt: Timestamp(millisecondsSince1970: try $0.int(4, "submittedat")))
        }
    }

    static func answeredInRound(_ session: DatabaseSession, _ id: Int64, _ user: String) throws -> Bool {
        try session.int("SELECT 1 FROM consensus_answer WHERE task = $1 AND username = $2 AND submittedat IS NOT NULL",
                        [.int(id), .text(user)]) != nil
    }

    public func draft(taskId: Int64, stage: Stage, user: String) throws -> Draft? {
        try link.withSession { session in
            if stage == .label, let row = try session.query("""
                SELECT classifications, active, idle, savedat FROM consensus_answer
                WHERE task = $1 AND username = $2 AND submittedat IS NULL AND classifications IS NOT NULL
                """, [.int(taskId), .text(user)]).first {
                return Draft(taskId: taskId, stage: stage, user: user, classifications: StoreCodec.json(try row.text(0))?.arrayValue ?? [],
                             time: TimeSpent(active: try row.int(1, "active"), idle: try row.int(2, "idle")),
                             savedAt: Timestamp(millisecondsSince1970: try row.int(3, "savedat")))
            }
            return try session.query("SELECT \(Self.draftColumns) FROM draft d WHERE d.task = $1 AND d.stage = $2",
                                     [.int(taskId), .text(stage.rawValue)]).first.map(Self.draft)
        }
    }

    public func consensusAnswers(taskId: Int64) throws -> [ConsensusAnswer] {
        try link.withSession { try Self.consensusAnswers($0, taskId) }
    }

    public func consensus(taskId: Int64) throws -> TaskConsensus? {
        try link.withSession { session in
            try session.query("SELECT score FROM consensus_score WHERE task = $1", [.int(taskId)]).first
                .map { try TaskConsensus(taskId: taskId, stored: $0.text(0, "score")) }
        }
    }

    public func consensusScores() throws -> [TaskConsensus] {
        try link.withSession { session in
            try session.query("SELECT task, score FROM consensus_score ORDER BY task").map {
                try TaskConsensus(taskId: $0.int(0, "task"), stored: $0.text(1, "score"))
            }
        }
    }

    static func roundHolds(_ session: DatabaseSession) throws -> [Hold] {
        try session.query("""
            SELECT t.externalid, a.username, a.heldsince, a.activeat, a.classifications IS NOT NULL
            FROM consensus_answer a JOIN task t ON t.id = a.task
            WHERE a.submittedat IS NULL AND a.skipped = 0 AND t.stage = 'Label' AND t.assignee IS NULL ORDER BY a.username, t.priority DESC, t.id
            """).map {
            Hold(externalId: try $0.text(0, "externalid"), stage: .label, status: try $0.bool(4) == true ? .draft : .new,
                 user: try $0.text(1, "username"), since: Timestamp(millisecondsSince1970: try $0.int(2, "heldsince")),
                 lastActivity: try $0.int(3).map(Timestamp.init(millisecondsSince1970:)))
        }
    }

    static func restartRound(_ session: DatabaseSession, _ id: Int64) throws {
        try session.execute("DELETE FROM consensus_answer WHERE task = $1", [.int(id)])
        try session.execute("DELETE FROM consensus_score WHERE task = $1", [.int(id)])
    }
}
