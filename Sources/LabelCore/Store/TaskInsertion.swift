import GRDB

/// One `add`: writes tasks batch by batch and keeps what the caller is told (added, skipped and
/// why). It keeps nothing per task, so adding a million costs the memory of one batch.
struct TaskInsertion {
    let time: Timestamp
    /// The last row id before this add: a task with a higher one came from this add, so a record
    /// colliding with it repeats an earlier record of the file rather than a task of the project.
    let lastRowIdBefore: Int64
    private(set) var added = 0
    private(set) var skipped: [SkippedTask] = []

    /// What most tasks store alike (no pre-labels: no answers, the same Start entry), written once.
    let noAnswers = SQLiteProjectStore.encode(.empty)
    let plainStart: String

    init(_ db: Database, at time: Timestamp) throws {
        self.time = time
        lastRowIdBefore = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM task") ?? 0
        plainStart = Self.start(at: time, annotations: .empty).description
    }

    /// The Start entry of a task made here: it leaves Start at once, as in Ango.
    static func start(at time: Timestamp, annotations: Annotations) -> JSONValue {
        StageHistoryEntry(stage: "Start", stageId: "Start", duration: 0, completedAt: time, completedBy: nil, annotations: annotations)
            .json(includeIdle: true)
    }

    var result: AddResult { AddResult(added: added, skippedExisting: skipped.count, skipped: skipped) }

    /// A task's row and its history rows as they are written: every text made, nothing left
    /// but binding. Made apart from the writing (`prepare`), so that a streamed add makes them
    /// on one thread while another writes.
    struct Prepared: Sendable {
        struct History: Sendable {
            var stage: String
            var user: String?
            var active: Int64
            var idle: Int64
            var reviewStatus: String?
            var completedAt: Int64?
            var entry: String
        }

        var taskId: String
        var externalId: String
        var asset: String
        var preview: String
        var metadata: String
        var batches: String
        var extra: String
        var priority: Int
        var stage: String
        var status: String
        var skippedBy: String?
        var labeler: String?
        /// Nil for no answers (the text every such task shares, bound from one string).
        var annotations: String?
        var updatedAt: Timestamp?
        var updatedBy: String?
        var sourceFormat: String?
        var source: String?
        var readOnlyReason: String?
        var instruction: String?
        /// Nil for a task made here without answers: the shared Start entry.
        var history: [History]?
    }

    /// The rows of `tasks`, added at `time` (pure; any thread).
    static func prepare(_ tasks: some Collection<NewTask>, at time: Timestamp) -> [Prepared] {
        let now = time.millisecondsSince1970
        return tasks.map { task in
            let placed = SQLiteProjectStore.placement(of: task)
            let unanswered = task.annotations == .empty
            var history: [Prepared.History]?
            // A task made here leaves Start at once, as in Ango; one from an Ango export
            // brings the history it had, kept as it came.
            if task.history.isEmpty {
                if !unanswered {
                    history = [Prepared.History(stage: "Start", user: nil, active: 0, idle: 0, reviewStatus: nil, completedAt: now,
                                                entry: start(at: time, annotations: task.annotations).description)]
                }
            } else {
                history = task.history.map { entry in
                    Prepared.History(stage: entry.stage, user: entry.completedBy, active: entry.duration, idle: entry.idleDuration ?? 0,
                                     reviewStatus: entry.reviewStatus?.rawValue, completedAt: entry.completedAt?.millisecondsSince1970,
                                     entry: stored(entry))
                }
            }
            return Prepared(
                taskId: task.taskId ?? SQLiteProjectStore.newTaskId(), externalId: task.externalId,
                asset: task.asset.description, preview: SQLiteProjectStore.preview(of: task.asset),
                metadata: task.metadata.description,
                batches: task.batches.isEmpty ? "[]" : JSONValue.array(task.batches).description,
                extra: task.extra.isEmpty ? "{}" : JSONValue.object(task.extra).description,
                priority: task.priority, stage: placed.stage.rawValue, status: placed.status.rawValue, skippedBy: task.skippedBy,
                labeler: placed.labeler, annotations: unanswered ? nil : SQLiteProjectStore.encode(task.annotations),
                updatedAt: task.updatedAt, updatedBy: task.updatedBy, sourceFormat: task.source?.format.rawValue,
                source: task.source?.record.description, readOnlyReason: task.readOnlyReason, instruction: task.instruction,
                history: history)
        }
    }

    mutating func insert(_ tasks: some Collection<NewTask>, _ db: Database) throws {
        try insert(Self.prepare(tasks, at: time), db)
    }

    mutating func insert(_ tasks: [Prepared], _ db: Database) throws {
        let insert = BoundStatement(try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO task(taskId, externalId, asset, preview, metadata, batches, extra, priority,
                stage, status, assignee, labeler, annotations, createdAt, updatedAt, updatedBy,
                sourceFormat, source, readOnlyReason, instruction)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """))
        let history = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO history(task, stage, user, labeler, active, idle, reviewStatus, completedAt, imported, entry)
            VALUES (?, ?, ?, NULL, ?, ?, ?, ?, 1, ?)
            """))
        let now = time.millisecondsSince1970
        for task in tasks {
            insert.bind(1, task.taskId)
            insert.bind(2, task.externalId)
            insert.bind(3, task.asset)
            insert.bind(4, task.preview)
            insert.bind(5, task.metadata)
            insert.bind(6, task.batches)
            insert.bind(7, task.extra)
            insert.bind(8, task.priority)
            insert.bind(9, task.stage)
            insert.bind(10, task.status)
            insert.bind(11, task.skippedBy)
            insert.bind(12, task.labeler)
            insert.bind(13, task.annotations ?? noAnswers)
            insert.bind(14, now)
            insert.bind(15, task.updatedAt?.millisecondsSince1970)
            insert.bind(16, task.updatedBy)
            insert.bind(17, task.sourceFormat)
            insert.bind(18, task.source)
            insert.bind(19, task.readOnlyReason)
            insert.bind(20, task.instruction)
            try insert.run(db)
            if db.changesCount == 0 {
                skipped.append(try whySkipped(db, externalId: task.externalId, taskId: task.taskId))
                continue
            }
            added += 1
            let rowId = db.lastInsertedRowID
            if let entries = task.history {
                for entry in entries {
                    try addHistory(history, db, rowId, stage: entry.stage, user: entry.user, active: entry.active, idle: entry.idle,
                                   reviewStatus: entry.reviewStatus, completedAt: entry.completedAt, entry: entry.entry)
                }
            } else {
                try addHistory(history, db, rowId, stage: "Start", user: nil, active: 0, idle: 0, reviewStatus: nil, completedAt: now,
                               entry: plainStart)
            }
            if let user = task.skippedBy { try SQLiteProjectStore.event(db, rowId, user, "skip", at: task.updatedAt ?? time) }
        }
    }

    private func addHistory(_ history: BoundStatement, _ db: Database, _ task: Int64, stage: String, user: String?, active: Int64, idle: Int64,
                            reviewStatus: String?, completedAt: Int64?, entry: String) throws {
        history.bind(1, task)
        history.bind(2, stage)
        history.bind(3, user)
        history.bind(4, active)
        history.bind(5, idle)
        history.bind(6, reviewStatus)
        history.bind(7, completedAt)
        history.bind(8, entry)
        try history.run(db)
    }

    /// A stage-history entry as stored: its JSON with idle time, and an entry imported from an
    /// Ango export kept as it came, marked `"_imported":true` (last).
    static func stored(_ entry: StageHistoryEntry) -> String {
        guard let original = entry.original else { return entry.json(includeIdle: true).description }
        // Written as it is and the mark put before its closing brace, rather than copied with the
        // mark added and written (the copy cost as much as the writing); the same text.
        guard !original.isEmpty, original["_imported"] == nil else {
            var stored = original
            stored["_imported"] = true
            return JSONValue.object(stored).description
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        JSONWriter.appendCompact(.object(original), to: &bytes)
        bytes.removeLast()
        bytes.append(contentsOf: #","_imported":true}"#.utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Why a record's insert was ignored: its externalId or its taskId is taken, by a task of the
    /// project or by an earlier record of the same file.
    func whySkipped(_ db: Database, externalId: String, taskId: String) throws -> SkippedTask {
        if let holder = try Int64.fetchOne(db, sql: "SELECT id FROM task WHERE externalId = ?", arguments: [externalId]) {
            return SkippedTask(externalId: externalId, reason: holder > lastRowIdBefore ? .externalIdRepeated : .externalIdInProject)
        }
        let row = try Row.fetchOne(db, sql: "SELECT id, externalId FROM task WHERE taskId = ?", arguments: [taskId])
        let holder: String = row?["externalId"] ?? ""
        let id: Int64 = row?["id"] ?? 0
        return SkippedTask(externalId: externalId,
                           reason: id > lastRowIdBefore ? .taskIdRepeated(taskId: taskId, externalId: holder)
                               : .taskIdInProject(taskId: taskId, externalId: holder))
    }
}
