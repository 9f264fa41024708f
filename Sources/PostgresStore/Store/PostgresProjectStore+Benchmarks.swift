import LabelCore

/// Gold tasks in the PostgreSQL store, as in the SQLite one (see `SQLiteProjectStore+Benchmarks`):
/// the task row keeps its known answers and never moves; each annotator's hold, draft and scored
/// answer is their own `benchmark_answer` row.
extension PostgresProjectStore {
    public func addBenchmarks(_ gold: [GoldTask], at time: Timestamp) throws -> AddResult {
        try link.transaction { session in
            var withIds: [(task: NewTask, taskId: String)] = []
            var answers: [String: [JSONValue]] = [:]
            var skipped: [SkippedTask] = []
            var seen: Set<String> = []
            for g in gold {
                guard seen.insert(g.task.externalId).inserted else {
                    skipped.append(SkippedTask(externalId: g.task.externalId, reason: .externalIdRepeated))
                    continue
                }
                withIds.append((g.task, g.task.taskId ?? StoreCodec.newTaskId()))
                answers[g.task.externalId] = g.answers
            }
            let before = try Self.existing(withIds, session)
            let inserted = try Self.insert(withIds, at: time, session)
            var histories: [(Int64, StageHistoryEntry)] = []
            var added = 0
            for (task, taskId) in withIds {
                // Only a task this call added becomes gold: a work task of the same name stays work.
                guard let rowId = inserted[Self.key(task.externalId, taskId)] else {
                    skipped.append(Self.whySkipped(task, taskId: taskId, before: before, [], [:]))
                    continue
                }
                added += 1
                try session.execute("UPDATE task SET benchmark = $1 WHERE id = $2",
                                    [.text(JSONValue.array(answers[task.externalId] ?? []).description), .int(rowId)])
                histories.append((rowId, StageHistoryEntry(stage: "Start", stageId: "Start", duration: 0, completedAt: time, completedBy: nil,
                                                           annotations: task.annotations)))
            }
            try Self.insertHistory(histories, session)
            return AddResult(added: added, skippedExisting: skipped.count, skipped: skipped)
        }
    }

    public func benchmarkResults() throws -> [BenchmarkResult] {
        try link.withSession { session in
            try session.query("""
                SELECT b.task, t.externalid, b.username, b.classifications, b.active, b.idle, b.submittedat, b.score
                FROM benchmark_answer b JOIN task t ON t.id = b.task WHERE b.submittedat IS NOT NULL
                ORDER BY b.submittedat, b.task, b.username
                """).map { row in
                let externalId = try row.text(1, "externalid")
                let user = try row.text(2, "username")
                guard let score = StoreCodec.json(try row.text(7)).flatMap(BenchmarkScore.init(json:)) else {
                    throw StoreError.damaged("the benchmark score of \(externalId) for \(user) cannot be read")
                }
                return BenchmarkResult(
                    taskId: try row.int(0, "task"), externalId: externalId, user: user, score: score,
                    classifications: StoreCodec.json(try row.text(3))?.arrayValue ?? [],
                    time: TimeSpent(active: try row.int(4, "active"), idle: try row.int(5, "idle")),
                    submittedAt: Timestamp(millisecondsSince1970: try row.int(6, "submittedat")))
            }
        }
    }

    /// The gold task the queue serves `user` now, held for them: one they hold and have not
    /// submitted, else (when they hold no work) an unanswered one if the rate asks for it.
    /// `held` and `rate` are what claimNext's statement read (the gold task the user holds, the rate).
    func claimBenchmark(user: String, at time: Timestamp, held: Int64?, rate: Int) throws -> LabelTask? {
        guard held != nil || rate > 0 else { return nil }
        return try link.transaction { session in
            if let held { return try Self.benchmarkTask(session, held, user) }
            let ownWork = try session.int("""
                SELECT 1 FROM task WHERE assignee = $1 AND stage = 'Label' AND status NOT IN ('skipped', 'hold') AND readonlyreason IS NULL
                AND benchmark IS NULL LIMIT 1
                """, [.text(user)])
            guard ownWork == nil, let id = try session.int("""
                SELECT id FROM task t WHERE benchmark IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM benchmark_answer b WHERE b.username = $1 AND b.task = t.id)
                ORDER BY priority DESC, id LIMIT 1
                """, [.text(user)]) else { return nil }
            let gold = Int(try session.int("SELECT COUNT(*) FROM benchmark_answer WHERE username = $1 AND submittedat IS NOT NULL",
                                           [.text(user)]) ?? 0)
            let work = Int(try session.int("SELECT COUNT(*) FROM history WHERE username = $1 AND stage = 'Label' AND imported = 0",
                                           [.text(user)]) ?? 0)
            guard BenchmarkRate.servesGold(rate: rate, goldSubmits: gold, workSubmits: work) else { return nil }
            try session.execute("INSERT INTO benchmark_answer(task, username, heldsince) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                                [.int(id), .text(user), .int(time.millisecondsSince1970)])
            try Self.event(session, id, user, "open", at: time)
            return try Self.benchmarkTask(session, id, user)
        }
    }

    /// A gold task as `user` sees it: like any task they hold, with their own draft's answers.
    static func benchmarkTask(_ session: DatabaseSession, _ id: Int64, _ user: String) throws -> LabelTask {
        var task = try fetchTask(session, id)
        let row = try session.query("""
            SELECT classifications, active, idle, skipped, submittedat FROM benchmark_answer WHERE task = $1 AND username = $2
            """, [.int(id), .text(user)]).first
        let answers = try row?.text(0).flatMap { StoreCodec.json($0)?.arrayValue }
        task.assignee = user
        task.status = try row?.int(3) == 1 ? .skipped : try row?.int(4) != nil ? .submitted : answers != nil ? .draft : .new
        task.annotations.classifications = answers ?? []
        task.time = TimeSpent(active: try row?.int(1) ?? 0, idle: try row?.int(2) ?? 0)
        return task
    }

    static func claimBenchmark(_ session: DatabaseSession, _ task: LabelTask, _ user: String, at time: Timestamp) throws -> LabelTask {
        if try session.int("SELECT 1 FROM benchmark_answer WHERE task = $1 AND username = $2 AND submittedat IS NOT NULL",
                           [.int(task.id), .text(user)]) != nil {
            throw StoreError.readOnly(externalId: task.externalId, reason: "you have submitted it")
        }
        try session.execute("INSERT INTO benchmark_answer(task, username, heldsince) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                            [.int(task.id), .text(user), .int(time.millisecondsSince1970)])
        try event(session, task.id, user, "open", at: time)
        return try benchmarkTask(session, task.id, user)
    }

    static func isBenchmark(_ session: DatabaseSession, _ taskId: Int64) throws -> Bool {
        try session.int("SELECT 1 FROM task WHERE id = $1 AND benchmark IS NOT NULL", [.int(taskId)]) != nil
    }

    static func saveBenchmarkDraft(_ session: DatabaseSession, _ draft: Draft) throws {
        try session.execute("""
            INSERT INTO benchmark_answer(task, username, heldsince, classifications, active, idle, savedat) VALUES ($1, $2, $3, $4, $5, $6, $3)
            ON CONFLICT (username, task) DO UPDATE SET classifications = EXCLUDED.classifications, active = EXCLUDED.active,
                idle = EXCLUDED.idle, savedat = EXCLUDED.savedat WHERE benchmark_answer.submittedat IS NULL
            """, [
                .int(draft.taskId), .text(draft.user), .int(draft.savedAt.millisecondsSince1970),
                .text(JSONValue.array(draft.classifications).description), .int(draft.time.active), .int(draft.time.idle),
            ])
    }

    static func submitBenchmark(_ session: DatabaseSession, _ task: LabelTask, _ s: Submission, _ settings: ProjectSettings) throws -> Stage {
        guard s.stage == .label else { throw StoreError.notInStage(externalId: task.externalId, stage: s.stage, actual: .label) }
        let score = BenchmarkScore.score(s.classifications, gold: task.benchmark ?? [], ontology: try settings.ontology())
        let changed = try session.execute("""
            INSERT INTO benchmark_answer(task, username, heldsince, classifications, active, idle, savedat, submittedat, score)
            VALUES ($1, $2, $3, $4, $5, $6, $3, $3, $7)
            ON CONFLICT (username, task) DO UPDATE SET classifications = EXCLUDED.classifications, active = EXCLUDED.active,
                idle = EXCLUDED.idle, savedat = EXCLUDED.savedat, submittedat = EXCLUDED.submittedat, score = EXCLUDED.score, skipped = 0
                WHERE benchmark_answer.submittedat IS NULL
            """, [
                .int(s.taskId), .text(s.user), .int(s.at.millisecondsSince1970), .text(JSONValue.array(s.classifications).description),
                .int(s.time.active), .int(s.time.idle), .text(score.json.description),
            ])
        guard changed == 1 else { throw StoreError.changedSinceSubmit(externalId: task.externalId, why: "you have submitted it already") }
        return settings.workflow.next(after: .label, review: nil).stage
    }

    static func reopenBenchmark(_ session: DatabaseSession, _ task: LabelTask, _ user: String, at time: Timestamp) throws -> LabelTask {
        let changed = try session.execute("""
            UPDATE benchmark_answer SET submittedat = NULL, score = NULL, heldsince = $3 WHERE task = $1 AND username = $2 AND submittedat IS NOT NULL
            """, [.int(task.id), .text(user), .int(time.millisecondsSince1970)])
        guard changed == 1 else { throw StoreError.changedSinceSubmit(externalId: task.externalId, why: "it is not your submit") }
        try event(session, task.id, user, "unsubmit", at: time)
        return try benchmarkTask(session, task.id, user)
    }

    static func releaseBenchmark(_ session: DatabaseSession, _ taskId: Int64, _ user: String) throws {
        let changed = try session.execute("""
            DELETE FROM benchmark_answer WHERE task = $1 AND username = $2 AND submittedat IS NULL AND classifications IS NULL AND skipped = 0
            """, [.int(taskId), .text(user)])
        if changed > 0 { try event(session, taskId, user, "release", at: .now()) }
    }

    static func skipBenchmark(_ session: DatabaseSession, _ taskId: Int64, _ user: String, skipped: Bool, at time: Timestamp) throws {
        try session.execute("""
            INSERT INTO benchmark_answer(task, username, heldsince, skipped) VALUES ($1, $2, $3, $4)
            ON CONFLICT (username, task) DO UPDATE SET skipped = EXCLUDED.skipped WHERE benchmark_answer.submittedat IS NULL
            """, [.int(taskId), .text(user), .int(time.millisecondsSince1970), .int(skipped ? 1 : 0)])
        try event(session, taskId, user, skipped ? "skip" : "unskip", at: time)
    }
}
