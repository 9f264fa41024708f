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

    mutating func insert(_ tasks: some Collection<NewTask>, _ db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO task(taskId, externalId, asset, preview, metadata, batches, extra, priority,
                stage, status, assignee, labeler, annotations, createdAt, updatedAt, updatedBy,
                sourceFormat, source, readOnlyReason, instruction)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let history = try db.cachedStatement(sql: """
            INSERT INTO history(task, stage, user, labeler, active, idle, reviewStatus, completedAt, imported, entry)
            VALUES (?, ?, ?, NULL, ?, ?, ?, ?, 1, ?)
            """)
        for task in tasks {
            let taskId = task.taskId ?? SQLiteProjectStore.newTaskId()
            let placed = SQLiteProjectStore.placement(of: task)
            let unanswered = task.annotations == .empty
            try insert.execute(arguments: [
                taskId, task.externalId, task.asset.description, SQLiteProjectStore.preview(of: task.asset),
                task.metadata.description, task.batches.isEmpty ? "[]" : JSONValue.array(task.batches).description,
                task.extra.isEmpty ? "{}" : JSONValue.object(task.extra).description, task.priority,
                placed.stage.rawValue, placed.status.rawValue, task.skippedBy, placed.labeler,
                unanswered ? noAnswers : SQLiteProjectStore.encode(task.annotations), time.millisecondsSince1970,
                task.updatedAt?.millisecondsSince1970, task.updatedBy,
                task.source?.format.rawValue, task.source?.record.description, task.readOnlyReason, task.instruction,
            ])
            if db.changesCount == 0 {
                skipped.append(try whySkipped(db, task, taskId: taskId))
                continue
            }
            added += 1
            let rowId = db.lastInsertedRowID
            // A task made here leaves Start at once, as in Ango; one from an Ango export
            // brings the history it had, kept as it came.
            if task.history.isEmpty {
                try history.execute(arguments: [
                    rowId, "Start", nil, 0, 0, nil, time.millisecondsSince1970,
                    unanswered ? plainStart : Self.start(at: time, annotations: task.annotations).description,
                ])
            }
            for entry in task.history {
                var stored = entry.json(includeIdle: true).objectValue ?? [:]
                if entry.original != nil { stored["_imported"] = true }
                try history.execute(arguments: [
                    rowId, entry.stage, entry.completedBy, entry.duration, entry.idleDuration ?? 0,
                    entry.reviewStatus?.rawValue, entry.completedAt?.millisecondsSince1970,
                    JSONValue.object(stored).description,
                ])
            }
            if let user = task.skippedBy { try SQLiteProjectStore.event(db, rowId, user, "skip", at: task.updatedAt ?? time) }
        }
    }

    /// Why a record's insert was ignored: its externalId or its taskId is taken, by a task of the
    /// project or by an earlier record of the same file.
    func whySkipped(_ db: Database, _ task: NewTask, taskId: String) throws -> SkippedTask {
        if let holder = try Int64.fetchOne(db, sql: "SELECT id FROM task WHERE externalId = ?", arguments: [task.externalId]) {
            return SkippedTask(externalId: task.externalId, reason: holder > lastRowIdBefore ? .externalIdRepeated : .externalIdInProject)
        }
        let row = try Row.fetchOne(db, sql: "SELECT id, externalId FROM task WHERE taskId = ?", arguments: [taskId])
        let holder: String = row?["externalId"] ?? ""
        let id: Int64 = row?["id"] ?? 0
        return SkippedTask(externalId: task.externalId,
                           reason: id > lastRowIdBefore ? .taskIdRepeated(taskId: taskId, externalId: holder)
                               : .taskIdInProject(taskId: taskId, externalId: holder))
    }
}
