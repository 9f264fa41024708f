import GRDB

extension SQLiteProjectStore {
    static let taskColumns = """
        t.id, t.taskId, t.externalId, t.asset, t.metadata, t.batches, t.extra, t.priority, t.stage, t.status,
        t.assignee, t.labeler, t.annotations, t.reviewComment, t.updatedAt, t.updatedBy, t.active, t.idle,
        t.sourceFormat, t.source, t.readOnlyReason, t.instruction
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
            readOnlyReason: row["readOnlyReason"], instruction: row["instruction"])
    }

    static func sourceRecord(format: String?, record: String?) -> SourceRecord? {
        guard let format = format.flatMap(SourceRecord.Format.init(rawValue:)), let record = json(record) else { return nil }
        return SourceRecord(format: format, record: record)
    }

    public func task(id: Int64) throws -> LabelTask? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.taskColumns) FROM task t WHERE t.id = ?", arguments: [id]).map(Self.task)
        }
    }

    public func task(externalId: String) throws -> LabelTask? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.taskColumns) FROM task t WHERE t.externalId = ? OR t.taskId = ?",
                             arguments: [externalId, externalId]).map(Self.task)
        }
    }

    public func history(taskId: Int64) throws -> [StageHistoryEntry] {
        try pool.read { db in try Self.history(db, taskId) }
    }

    static func history(_ db: Database, _ taskId: Int64) throws -> [StageHistoryEntry] {
        try String.fetchAll(db, sql: "SELECT entry FROM history WHERE task = ? ORDER BY id", arguments: [taskId]).compactMap {
            json($0)?.objectValue.map(StageHistoryEntry.init(stored:))
        }
    }

    public func draft(taskId: Int64, stage: Stage) throws -> Draft? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM draft WHERE task = ? AND stage = ?", arguments: [taskId, stage.rawValue]).map(Self.draft)
        }
    }

    static func draft(from row: Row) -> Draft {
        Draft(
            taskId: row["task"], stage: Stage(rawValue: row["stage"]) ?? .label, user: row["user"],
            classifications: json(row["classifications"])?.arrayValue ?? [],
            time: TimeSpent(active: row["active"], idle: row["idle"]),
            savedAt: Timestamp(millisecondsSince1970: row["savedAt"]))
    }

    static func whereClause(_ filter: QueueFilter) -> (String, StatementArguments) {
        var clauses: [String] = []
        var args: StatementArguments = []
        if let stage = filter.stage {
            clauses.append("t.stage = ?")
            args += [stage.rawValue]
        }
        if let statuses = filter.statuses {
            clauses.append("t.status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))")
            args += StatementArguments(statuses.map(\.rawValue).sorted())
        }
        if let assignee = filter.assignee {
            clauses.append("t.assignee = ?")
            args += [assignee]
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), args)
    }

    public func count(_ filter: QueueFilter) throws -> Int {
        guard filter.assignee != nil else {
            // By stage and status: the kept counts (a few rows), not a scan of every task.
            let (clause, args) = Self.whereClause(filter)
            return try pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(t.n), 0) FROM task_count t \(clause)", arguments: args) ?? 0
            }
        }
        let (clause, args) = Self.whereClause(filter)
        return try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM task t \(clause)", arguments: args) ?? 0 }
    }

    public func page(_ filter: QueueFilter, offset: Int, limit: Int) throws -> [QueueRow] {
        let (clause, args) = Self.whereClause(filter)
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.id, t.externalId, t.stage, t.status, t.assignee, t.preview, t.active + COALESCE(d.active, 0) AS spent
                FROM task t LEFT JOIN draft d ON d.task = t.id AND d.stage = t.stage
                \(clause) ORDER BY t.priority DESC, t.id LIMIT ? OFFSET ?
                """, arguments: args + [limit, offset]
            ).map {
                QueueRow(
                    id: $0["id"], externalId: $0["externalId"], stage: Stage(rawValue: $0["stage"]) ?? .label,
                    status: TaskStatus(rawValue: $0["status"]) ?? .new, assignee: $0["assignee"],
                    activeMilliseconds: $0["spent"], preview: $0["preview"])
            }
        }
    }

    public func position(of taskId: Int64, in filter: QueueFilter) throws -> Int? {
        let (clause, args) = Self.whereClause(filter)
        return try pool.read { db in
            let prefix = clause.isEmpty ? "WHERE" : clause + " AND"
            guard let priority = try Int.fetchOne(db, sql: "SELECT t.priority FROM task t \(prefix) t.id = ?", arguments: args + [taskId])
            else { return nil }
            return try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM task t \(prefix) (t.priority > ? OR (t.priority = ? AND t.id < ?))
                """, arguments: args + [priority, priority, taskId])
        }
    }

    public func progress() throws -> ProjectProgress {
        try pool.read { db in
            var byStage: [Stage: Int] = [:]
            var byStatus: [TaskStatus: Int] = [:]
            var total = 0
            for row in try Row.fetchAll(db, sql: "SELECT stage, status, n FROM task_count WHERE n > 0") {
                let n: Int = row["n"]
                total += n
                if let s = Stage(rawValue: row["stage"]) { byStage[s, default: 0] += n }
                if let s = TaskStatus(rawValue: row["status"]) { byStatus[s, default: 0] += n }
            }
            return ProjectProgress(total: total, byStage: byStage, byStatus: byStatus)
        }
    }

    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
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
