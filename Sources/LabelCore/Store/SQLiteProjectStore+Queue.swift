import GRDB

extension SQLiteProjectStore {
    static let taskColumns = """
        t.id, t.taskId, t.externalId, t.asset, t.metadata, t.batches, t.extra, t.priority, t.stage, t.status,
        t.assignee, t.labeler, t.annotations, t.reviewComment, t.updatedAt, t.updatedBy, t.active, t.idle,
        t.sourceFormat, t.source, t.readOnlyReason, t.instruction, t.benchmark
        """

    static func task(from row: Row) -> LabelTask {
        LabelTask(
            id: row["id"], taskId: row["taskId"], externalId: row["externalId"],
            asset: json(row["asset"]) ?? .string(row["asset"] ?? ""),
            metadata: json(row["metadata"]) ?? [:], batches: json(row["batches"])?.arrayValue ?? [],
            priority: row["priority"], stage: Stage(rawValue: row["stage"]) ?? .label,
            status: TaskStatus(rawValue: row["status"]) ?? .new, assignee: row["assignee"],
            annotations: decodeAnnotations(row["annotations"]),
            updatedAt: (row["updatedAt"] as Int64?).map(Timestamp.init(millisecondsSince1970:)),
            updatedBy: row["updatedBy"], reviewComment: row["reviewComment"],
            time: TimeSpent(active: row["active"], idle: row["idle"]), labeler: row["labeler"],
            extra: json(row["extra"])?.objectValue ?? [:],
            source: sourceRecord(format: row["sourceFormat"], record: row["source"]),
            readOnlyReason: row["readOnlyReason"], instruction: row["instruction"],
            benchmark: json(row["benchmark"])?.arrayValue)
    }

    static func sourceRecord(format: String?, record: String?) -> SourceRecord? {
        guard let format = format.flatMap(SourceRecord.Format.init(rawValue:)), let record = json(record) else { return nil }
        return SourceRecord(format: format, record: record)
    }

    public func task(id: Int64) throws -> LabelTask? {
        try pool.read { db in
            try Row.fetchOne(db, cached: "SELECT \(Self.taskColumns) FROM task t WHERE t.id = ?", arguments: [id]).map(Self.task)
        }
    }

    public func task(externalId: String) throws -> LabelTask? {
        try pool.read { db in
            try Row.fetchOne(db, cached: "SELECT \(Self.taskColumns) FROM task t WHERE t.externalId = ? OR t.taskId = ?",
                             arguments: [externalId, externalId]).map(Self.task)
        }
    }

    public func history(taskId: Int64) throws -> [StageHistoryEntry] {
        try pool.read { db in try Self.history(db, taskId) }
    }

    static func history(_ db: Database, _ taskId: Int64) throws -> [StageHistoryEntry] {
        try String.fetchAll(db, cached: "SELECT entry FROM history WHERE task = ? ORDER BY id", arguments: [taskId]).compactMap {
            json($0)?.objectValue.map(StageHistoryEntry.init(stored:))
        }
    }

    public func draft(taskId: Int64, stage: Stage) throws -> Draft? {
        try pool.read { db in
            try Row.fetchOne(db, cached: "SELECT * FROM draft WHERE task = ? AND stage = ?", arguments: [taskId, stage.rawValue]).map(Self.draft)
        }
    }

    static func draft(from row: Row) -> Draft {
        Draft(
            taskId: row["task"], stage: Stage(rawValue: row["stage"]) ?? .label, user: row["user"],
            classifications: json(row["classifications"])?.arrayValue ?? [],
            time: TimeSpent(active: row["active"], idle: row["idle"]),
            savedAt: Timestamp(millisecondsSince1970: row["savedAt"]))
    }

    public func progress() throws -> ProjectProgress {
        try pool.read { db in try Self.progress(db) }
    }

    static func progress(_ db: Database) throws -> ProjectProgress {
        var byStage: [Stage: Int] = [:]
        var byStatus: [TaskStatus: Int] = [:]
        var total = 0
        for row in try Row.fetchAll(db, cached: "SELECT stage, status, n FROM task_count WHERE n > 0") {
            let n: Int = row["n"]
            total += n
            if let s = Stage(rawValue: row["stage"]) { byStage[s, default: 0] += n }
            if let s = TaskStatus(rawValue: row["status"]) { byStatus[s, default: 0] += n }
        }
        // Gold tasks stand in Label, new, for ever: they are not work to be done.
        let gold = try Self.benchmarkCount(db)
        total -= gold
        byStage[.label, default: 0] -= gold
        byStatus[.new, default: 0] -= gold
        return ProjectProgress(total: total, byStage: byStage, byStatus: byStatus)
    }

    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchAll(db, cached: "PRAGMA integrity_check").joined(separator: "\n") }
    }
}

extension StageHistoryEntry {
    /// Entries are stored as the JSON they are exported as (with idle time and the reviewer's
    /// comment); entries that came from an Ango export are marked so, and written back as they came.
    init(stored object: JSONObject) {
        var object = object
        let imported = object.removeValue(forKey: "_imported")?.boolValue ?? false
        self.init(ango: object)
        if !imported { original = nil }
    }
}
