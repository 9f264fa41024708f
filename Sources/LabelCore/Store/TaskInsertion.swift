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

    init(_ db: Database, at time: Timestamp) throws {
        self.time = time
        lastRowIdBefore = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM task") ?? 0
    }

    /// The Start entry of a task made here: it leaves Start at once, as in Ango.
    static func start(at time: Timestamp, annotations: Annotations) -> JSONValue {
        StageHistoryEntry(stage: "Start", stageId: "Start", duration: 0, completedAt: time, completedBy: nil, annotations: annotations)
            .json(includeIdle: true)
    }

    var result: AddResult { AddResult(added: added, skippedExisting: skipped.count, skipped: skipped) }

    mutating func insert(_ tasks: some Collection<NewTask>, _ db: Database) throws {
        try insert(Self.prepare(tasks, at: time), db)
    }

    mutating func insert(_ tasks: some Collection<IncomingTask>, _ db: Database) throws {
        try insert(Self.prepare(tasks, at: time), db)
    }

    /// History rows written by one statement: a batch's rows are written this many at a time,
    /// after its tasks (the same rows, ids and order as one by one, at a tenth of the statements).
    static let historyRowsPerStatement = 64

    mutating func insert(_ batch: Prepared, _ db: Database) throws {
        let insert = BoundStatement(try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO task(taskId, externalId, asset, preview, metadata, batches, extra, priority,
                stage, status, assignee, labeler, annotations, createdAt, updatedAt, updatedBy,
                sourceFormat, source, readOnlyReason, instruction)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """))
        let now = time.millisecondsSince1970
        // Each added task's row id, and where its history rows are in the batch.
        var histories: [(rowId: Int64, rows: Range<Int>)] = []
        histories.reserveCapacity(batch.tasks.count)
        try batch.bytes.withUnsafeBufferPointer { bytes in
            func text(_ text: Prepared.Text?) -> UnsafeBufferPointer<UInt8>? {
                text.map { UnsafeBufferPointer(rebasing: bytes[$0.start..<$0.start + $0.count]) }
            }
            for task in batch.tasks {
                insert.bind(1, text(task.taskId))
                insert.bind(2, text(task.externalId))
                insert.bind(3, text(task.asset))
                insert.bind(4, text(task.preview))
                insert.bind(5, text(task.metadata))
                insert.bind(6, text(task.batches))
                insert.bind(7, text(task.extra))
                insert.bind(8, task.priority)
                insert.bind(9, text(task.stage))
                insert.bind(10, text(task.status))
                insert.bind(11, text(task.skippedBy))
                insert.bind(12, text(task.labeler))
                insert.bind(13, text(task.annotations))
                insert.bind(14, now)
                insert.bind(15, task.updatedAt?.millisecondsSince1970)
                insert.bind(16, text(task.updatedBy))
                insert.bind(17, text(task.sourceFormat))
                insert.bind(18, text(task.source))
                insert.bind(19, text(task.readOnlyReason))
                insert.bind(20, text(task.instruction))
                try insert.run(db)
                if db.changesCount == 0 {
                    skipped.append(try whySkipped(db, externalId: batch.string(task.externalId), taskId: batch.string(task.taskId)))
                    continue
                }
                added += 1
                let rowId = db.lastInsertedRowID
                histories.append((rowId, task.history))
                if let user = task.skippedBy {
                    try SQLiteProjectStore.event(db, rowId, batch.string(user), "skip", at: task.updatedAt ?? time)
                }
            }
            // The history rows, in the order of their tasks.
            let perStatement = Self.historyRowsPerStatement
            let many = BoundStatement(try db.cachedStatement(sql: Self.historySQL(rows: perStatement)))
            let one = BoundStatement(try db.cachedStatement(sql: Self.historySQL(rows: 1)))
            func bind(_ statement: BoundStatement, _ row: Int, _ task: Int64, _ entry: Prepared.History) {
                let first = Int32(row * 8)
                statement.bind(first + 1, task)
                statement.bind(first + 2, text(entry.stage))
                statement.bind(first + 3, text(entry.user))
                statement.bind(first + 4, entry.active)
                statement.bind(first + 5, entry.idle)
                statement.bind(first + 6, text(entry.reviewStatus))
                statement.bind(first + 7, entry.completedAt)
                statement.bind(first + 8, text(entry.entry))
            }
            let total = histories.reduce(0) { $0 + $1.rows.count }
            let inFull = total - total % perStatement
            var written = 0
            for (rowId, rows) in histories {
                for entry in batch.history[rows] {
                    if written < inFull {
                        let row = written % perStatement
                        bind(many, row, rowId, entry)
                        if row == perStatement - 1 { try many.run(db) }
                    } else {
                        bind(one, 0, rowId, entry)
                        try one.run(db)
                    }
                    written += 1
                }
            }
        }
    }

    /// The statement that writes `rows` history rows.
    static func historySQL(rows: Int) -> String {
        "INSERT INTO history(task, stage, user, labeler, active, idle, reviewStatus, completedAt, imported, entry) VALUES "
            + repeatElement("(?, ?, ?, NULL, ?, ?, ?, ?, 1, ?)", count: rows).joined(separator: ", ")
    }

    /// A stage-history entry as stored: its JSON with idle time, and an entry imported from an
    /// Ango export kept as it came, marked `"_imported":true` (last).
    static func stored(_ entry: StageHistoryEntry) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        appendStored(entry, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `stored(entry)` appended to UTF-8 bytes.
    static func appendStored(_ entry: StageHistoryEntry, to bytes: inout [UInt8]) {
        guard let original = entry.original else { return JSONWriter.appendCompact(entry.json(includeIdle: true), to: &bytes) }
        // Written as it is and the mark put before its closing brace, rather than copied with the
        // mark added and written (the copy cost as much as the writing); the same text.
        guard original["_imported"] == nil else {
            var stored = original
            stored["_imported"] = true
            return JSONWriter.appendCompact(.object(stored), to: &bytes)
        }
        let start = bytes.count
        JSONWriter.appendCompact(.object(original), to: &bytes)
        markImported(&bytes, objectAt: start)
    }

    /// Puts `"_imported":true` last in the compact JSON object that ends `bytes` (it starts at
    /// `start`, and has no such key): the object as parsing it, adding the key and writing it
    /// again would give.
    static func markImported(_ bytes: inout [UInt8], objectAt start: Int) {
        bytes.removeLast()
        if bytes.count - start > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: #""_imported":true}"#.utf8)
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
