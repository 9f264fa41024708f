import GRDB

/// Gold tasks in the SQLite store. A gold task is a row of `task` with its known answers in
/// `benchmark`; it stays in Label, new and unassigned, and never moves on. Each annotator holds,
/// drafts and submits it in their own `benchmark_answer` row, so every annotator can get every
/// gold task, once. The queue serves one when, counting it, the annotator's gold submits would be
/// at most the project's rate of all their Label submits (`BenchmarkRate.servesGold`).
extension SQLiteProjectStore {
    public func addBenchmarks(_ gold: [GoldTask], at time: Timestamp) throws -> AddResult {
        try pool.write { db in
            var adding = try TaskInsertion(db, at: time)
            for g in gold {
                let before = adding.added
                try adding.insert([g.task], db)
                // Only a task this record added becomes gold: a work task of the same name stays work.
                guard adding.added > before else { continue }
                try db.execute(cached: "UPDATE task SET benchmark = ? WHERE externalId = ?",
                               arguments: [JSONValue.array(g.answers).description, g.task.externalId])
            }
            return adding.result
        }
    }

    public func benchmarkResults() throws -> [BenchmarkResult] {
        try pool.read { db in
            try Row.fetchAll(db, cached: """
                SELECT b.task, t.externalId, b.user, b.classifications, b.active, b.idle, b.submittedAt, b.score
                FROM benchmark_answer b JOIN task t ON t.id = b.task WHERE b.submittedAt IS NOT NULL ORDER BY b.submittedAt, b.task, b.user
                """).map { row in
                guard let score = Self.json(row["score"]).flatMap(BenchmarkScore.init(json:)) else {
                    throw StoreError.damaged("the benchmark score of \(row["externalId"] as String) for \(row["user"] as String) cannot be read")
                }
                return BenchmarkResult(
                    taskId: row["task"], externalId: row["externalId"], user: row["user"], score: score,
                    classifications: Self.json(row["classifications"])?.arrayValue ?? [],
                    time: TimeSpent(active: row["active"], idle: row["idle"]),
                    submittedAt: Timestamp(millisecondsSince1970: row["submittedAt"]))
            }
        }
    }

    /// The gold task a user holds and has not submitted (not one they skipped), first added first.
    static let heldBenchmarkSQL = """
        SELECT task FROM benchmark_answer WHERE user = ? AND submittedAt IS NULL AND skipped = 0 ORDER BY task LIMIT 1
        """

    /// The first gold task, in queue order, a user has neither answered, nor holds, nor skipped.
    static let unansweredBenchmarkSQL = """
        SELECT id FROM task INDEXED BY task_benchmark WHERE benchmark IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM benchmark_answer b WHERE b.user = ? AND b.task = task.id)
        ORDER BY priority DESC, id LIMIT 1
        """

    /// A user's gold submits and Label submits, weighed against the rate.
    static let goldSubmitsSQL = "SELECT COUNT(*) FROM benchmark_answer WHERE user = ? AND submittedAt IS NOT NULL"
    static let workSubmitsSQL = "SELECT COUNT(*) FROM history WHERE user = ? AND stage = 'Label' AND imported = 0"

    /// The gold task `user` holds and has not submitted (not one they skipped), lowest id first.
    static func heldBenchmark(_ db: Database, _ user: String) throws -> LabelTask? {
        guard let id = try Int64.fetchOne(db, cached: heldBenchmarkSQL, arguments: [user]) else { return nil }
        return try benchmarkTask(db, id, user)
    }

    /// The gold task the queue serves `user` now, held for them; nil when it serves work.
    static func nextBenchmark(_ db: Database, _ user: String, at time: Timestamp) throws -> LabelTask? {
        let rate = Int(try String.fetchOne(db, cached: "SELECT value FROM setting WHERE key = 'benchmarkRate'") ?? "") ?? 0
        guard rate > 0, let id = try Int64.fetchOne(db, cached: unansweredBenchmarkSQL, arguments: [user]) else { return nil }
        let gold = try Int.fetchOne(db, cached: goldSubmitsSQL, arguments: [user]) ?? 0
        let work = try Int.fetchOne(db, cached: workSubmitsSQL, arguments: [user]) ?? 0
        guard BenchmarkRate.servesGold(rate: rate, goldSubmits: gold, workSubmits: work) else { return nil }
        try db.execute(cached: "INSERT INTO benchmark_answer(task, user, heldSince) VALUES (?, ?, ?)", arguments: [id, user, time.millisecondsSince1970])
        try event(db, id, user, "open", at: time)
        return try benchmarkTask(db, id, user)
    }

    /// A gold task as `user` sees it: like any task they hold, with their own draft's answers.
    static func benchmarkTask(_ db: Database, _ id: Int64, _ user: String) throws -> LabelTask {
        var task = try fetchTask(db, id)
        let row = try Row.fetchOne(db, cached: "SELECT * FROM benchmark_answer WHERE task = ? AND user = ?", arguments: [id, user])
        task.assignee = user
        let answers = (row?["classifications"] as String?).flatMap { json($0)?.arrayValue }
        task.status = row?["skipped"] == true ? .skipped : row?["submittedAt"] != nil as Int64? ? .submitted : answers != nil ? .draft : .new
        task.annotations.classifications = answers ?? []
        task.time = TimeSpent(active: row?["active"] ?? 0, idle: row?["idle"] ?? 0)
        return task
    }

    /// Opens a gold task chosen in the list: held for `user` unless they already answered it.
    static func claimBenchmark(_ db: Database, _ task: LabelTask, _ user: String, at time: Timestamp) throws -> LabelTask {
        if try Bool.fetchOne(db, cached: "SELECT 1 FROM benchmark_answer WHERE task = ? AND user = ? AND submittedAt IS NOT NULL",
                             arguments: [task.id, user]) ?? false {
            throw StoreError.readOnly(externalId: task.externalId, reason: "you have submitted it")
        }
        try db.execute(cached: "INSERT OR IGNORE INTO benchmark_answer(task, user, heldSince) VALUES (?, ?, ?)",
                       arguments: [task.id, user, time.millisecondsSince1970])
        try event(db, task.id, user, "open", at: time)
        return try benchmarkTask(db, task.id, user)
    }

    static func saveBenchmarkDraft(_ db: Database, _ draft: Draft) throws {
        try db.execute(cached: """
            INSERT INTO benchmark_answer(task, user, heldSince, classifications, active, idle, savedAt) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(user, task) DO UPDATE SET classifications = excluded.classifications, active = excluded.active,
                idle = excluded.idle, savedAt = excluded.savedAt WHERE submittedAt IS NULL
            """, arguments: [
                draft.taskId, draft.user, draft.savedAt.millisecondsSince1970, JSONValue.array(draft.classifications).description,
                draft.time.active, draft.time.idle, draft.savedAt.millisecondsSince1970,
            ])
    }

    /// Scores a gold answer and keeps it; the task itself does not move. Returns the stage a work
    /// task would have gone to, so the screen says the same.
    static func submitBenchmark(_ db: Database, _ task: LabelTask, _ s: Submission, _ settings: ProjectSettings) throws -> Stage {
        guard s.stage == .label else { throw StoreError.notInStage(externalId: task.externalId, stage: s.stage, actual: .label) }
        let score = BenchmarkScore.score(s.classifications, gold: task.benchmark ?? [], ontology: try settings.ontology())
        try db.execute(cached: """
            INSERT INTO benchmark_answer(task, user, heldSince) VALUES (?, ?, ?) ON CONFLICT(user, task) DO NOTHING
            """, arguments: [s.taskId, s.user, s.at.millisecondsSince1970])
        try db.execute(cached: """
            UPDATE benchmark_answer SET classifications = ?, active = ?, idle = ?, savedAt = ?, submittedAt = ?, score = ?, skipped = 0
            WHERE task = ? AND user = ? AND submittedAt IS NULL
            """, arguments: [
                JSONValue.array(s.classifications).description, s.time.active, s.time.idle, s.at.millisecondsSince1970,
                s.at.millisecondsSince1970, score.json.description, s.taskId, s.user,
            ])
        guard db.changesCount == 1 else {
            throw StoreError.changedSinceSubmit(externalId: task.externalId, why: "you have submitted it already")
        }
        return settings.workflow.next(after: .label, review: nil).stage
    }

    /// Takes a gold submit back: the answer is `user`'s draft again, unscored.
    static func reopenBenchmark(_ db: Database, _ task: LabelTask, _ user: String, at time: Timestamp) throws -> LabelTask {
        try db.execute(cached: """
            UPDATE benchmark_answer SET submittedAt = NULL, score = NULL, heldSince = ? WHERE task = ? AND user = ? AND submittedAt IS NOT NULL
            """, arguments: [time.millisecondsSince1970, task.id, user])
        guard db.changesCount == 1 else {
            throw StoreError.changedSinceSubmit(externalId: task.externalId, why: "it is not your submit")
        }
        try event(db, task.id, user, "unsubmit", at: time)
        return try benchmarkTask(db, task.id, user)
    }

    /// Lets go of a gold task `user` opened but never answered.
    static func releaseBenchmark(_ db: Database, _ taskId: Int64, _ user: String) throws {
        try db.execute(cached: """
            DELETE FROM benchmark_answer WHERE task = ? AND user = ? AND submittedAt IS NULL AND classifications IS NULL AND skipped = 0
            """, arguments: [taskId, user])
        if db.changesCount > 0 { try event(db, taskId, user, "release") }
    }

    /// Skips (or brings back) a gold task for `user` alone.
    static func skipBenchmark(_ db: Database, _ taskId: Int64, _ user: String, skipped: Bool, at time: Timestamp) throws {
        try db.execute(cached: """
            INSERT INTO benchmark_answer(task, user, heldSince, skipped) VALUES (?, ?, ?, ?)
            ON CONFLICT(user, task) DO UPDATE SET skipped = excluded.skipped WHERE submittedAt IS NULL
            """, arguments: [taskId, user, time.millisecondsSince1970, skipped])
        try event(db, taskId, user, skipped ? "skip" : "unskip", at: time)
    }
}

extension SQLiteProjectStore {
    static func isBenchmark(_ db: Database, _ taskId: Int64) throws -> Bool {
        try Bool.fetchOne(db, cached: "SELECT benchmark IS NOT NULL FROM task WHERE id = ?", arguments: [taskId]) ?? false
    }

    /// How many gold tasks the project has (they stand in Label, new, and are not work to count).
    static func benchmarkCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, cached: "SELECT COUNT(*) FROM task INDEXED BY task_benchmark WHERE benchmark IS NOT NULL") ?? 0
    }
}
