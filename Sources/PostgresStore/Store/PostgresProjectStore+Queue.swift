import LabelCore

extension PostgresProjectStore {
    static let taskColumns = """
        t.id, t.taskid, t.externalid, t.asset, t.metadata, t.batches, t.extra, t.priority, t.stage, t.status,
        t.assignee, t.labeler, t.annotations, t.reviewcomment, t.updatedat, t.updatedby, t.active, t.idle,
        t.sourceformat, t.source, t.readonlyreason, t.instruction, t.benchmark
        """

    /// A task from a row of `taskColumns`; a stage or status no termlabel wrote is damage, not a default.
    static func task(from row: SQLRow) throws -> LabelTask {
        let asset = try row.text(3, "asset")
        return LabelTask(
            id: try row.int(0, "id"), taskId: try row.text(1, "taskid"), externalId: try row.text(2, "externalid"),
            asset: StoreCodec.json(asset) ?? .string(asset),
            metadata: StoreCodec.json(try row.text(4)) ?? [:], batches: StoreCodec.json(try row.text(5))?.arrayValue ?? [],
            priority: Int(try row.int(7, "priority")), stage: try decode(Stage.self, row.text(8), column: "stage"),
            status: try decode(TaskStatus.self, row.text(9), column: "status"), assignee: try row.text(10),
            annotations: StoreCodec.decodeAnnotations(try row.text(12)),
            updatedAt: try row.int(14).map(Timestamp.init(millisecondsSince1970:)),
            updatedBy: try row.text(15), reviewComment: try row.text(13),
            time: TimeSpent(active: try row.int(16, "active"), idle: try row.int(17, "idle")), labeler: try row.text(11),
            extra: StoreCodec.json(try row.text(6))?.objectValue ?? [:],
            source: StoreCodec.sourceRecord(format: try row.text(18), record: try row.text(19)),
            readOnlyReason: try row.text(20), instruction: try row.text(21),
            benchmark: StoreCodec.json(try row.text(22))?.arrayValue)
    }

    static func decode<T: RawRepresentable>(_ type: T.Type, _ raw: String?, column: String) throws -> T where T.RawValue == String {
        guard let raw, let value = T(rawValue: raw) else { throw StoreError.damaged("unknown \(column) \"\(raw ?? "NULL")\"") }
        return value
    }

    public func task(id: Int64) throws -> LabelTask? {
        try link.withSession { session in
            try session.query("SELECT \(Self.taskColumns) FROM task t WHERE t.id = $1", [.int(id)]).first.map(Self.task)
        }
    }

    public func task(externalId: String) throws -> LabelTask? {
        try link.withSession { session in
            try session.query("SELECT \(Self.taskColumns) FROM task t WHERE t.externalid = $1 OR t.taskid = $1 ORDER BY t.externalid = $1 DESC LIMIT 1",
                              [.text(externalId)]).first.map(Self.task)
        }
    }

    public func history(taskId: Int64) throws -> [StageHistoryEntry] {
        try link.withSession { try Self.history($0, taskId) }
    }

    static func history(_ session: DatabaseSession, _ taskId: Int64) throws -> [StageHistoryEntry] {
        try session.query("SELECT entry FROM history WHERE task = $1 ORDER BY id", [.int(taskId)]).compactMap {
            StoreCodec.entry(fromStored: try $0.text(0))
        }
    }

    static let draftColumns = "d.task, d.stage, d.username, d.classifications, d.active, d.idle, d.savedat"

    public func draft(taskId: Int64, stage: Stage) throws -> Draft? {
        try link.withSession { session in
            try session.query("SELECT \(Self.draftColumns) FROM draft d WHERE d.task = $1 AND d.stage = $2",
                              [.int(taskId), .text(stage.rawValue)]).first.map(Self.draft)
        }
    }

    static func draft(from row: SQLRow) throws -> Draft {
        Draft(
            taskId: try row.int(0, "task"), stage: try decode(Stage.self, row.text(1), column: "stage"), user: try row.text(2, "username"),
            classifications: StoreCodec.json(try row.text(3))?.arrayValue ?? [],
            time: TimeSpent(active: try row.int(4, "active"), idle: try row.int(5, "idle")),
            savedAt: Timestamp(millisecondsSince1970: try row.int(6, "savedat")))
    }

    /// The filter as SQL on `t`, its parameters numbered from `$first`.
    static func whereClause(_ filter: QueueFilter, first: Int = 1) -> (String, [SQLValue]) {
        var clauses: [String] = []
        var args: [SQLValue] = []
        func next() -> String { "$\(first + args.count)" }
        if let stage = filter.stage {
            clauses.append("t.stage = \(next())")
            args.append(.text(stage.rawValue))
        }
        if let statuses = filter.statuses {
            var marks: [String] = []
            for status in statuses.map(\.rawValue).sorted() {
                marks.append(next())
                args.append(.text(status))
            }
            clauses.append(marks.isEmpty ? "FALSE" : "t.status IN (\(marks.joined(separator: ",")))")
        }
        if let assignee = filter.assignee {
            clauses.append("t.assignee = \(next())")
            args.append(.text(assignee))
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), args)
    }

    public func count(_ filter: QueueFilter) throws -> Int {
        let (clause, args) = Self.whereClause(filter)
        // By stage and status: the kept counts (a few rows), not a scan of every task.
        let table = filter.assignee == nil ? "SELECT COALESCE(SUM(t.n), 0)::bigint FROM task_count t" : "SELECT COUNT(*) FROM task t"
        return try link.withSession { Int(try $0.int("\(table) \(clause)", args) ?? 0) }
    }

    public func page(_ filter: QueueFilter, offset: Int, limit: Int) throws -> [QueueRow] {
        let (clause, args) = Self.whereClause(filter)
        return try link.withSession { session in
            try session.query("""
                SELECT t.id, t.externalid, t.stage, t.status, t.assignee, t.preview, t.active + COALESCE(d.active, 0) AS spent
                FROM task t LEFT JOIN draft d ON d.task = t.id AND d.stage = t.stage
                \(clause) ORDER BY t.priority DESC, t.id LIMIT $\(args.count + 1) OFFSET $\(args.count + 2)
                """, args + [.int(limit), .int(offset)]
            ).map {
                QueueRow(
                    id: try $0.int(0, "id"), externalId: try $0.text(1, "externalid"), stage: try Self.decode(Stage.self, $0.text(2), column: "stage"),
                    status: try Self.decode(TaskStatus.self, $0.text(3), column: "status"), assignee: try $0.text(4),
                    activeMilliseconds: try $0.int(6, "spent"), preview: try $0.text(5, "preview"))
            }
        }
    }

    public func position(of taskId: Int64, in filter: QueueFilter) throws -> Int? {
        let (clause, args) = Self.whereClause(filter)
        let prefix = clause.isEmpty ? "WHERE" : clause + " AND"
        let n = args.count
        return try link.withSession { session in
            guard let priority = try session.int("SELECT t.priority FROM task t \(prefix) t.id = $\(n + 1)", args + [.int(taskId)]) else { return nil }
            return try session.int("""
                SELECT COUNT(*) FROM task t \(prefix) (t.priority > $\(n + 1) OR (t.priority = $\(n + 1) AND t.id < $\(n + 2)))
                """, args + [.int(priority), .int(taskId)]).map(Int.init)
        }
    }

    /// The kept counts by stage and status, their shards added up.
    static let countsSQL = "SELECT stage, status, SUM(n)::bigint AS n FROM task_count GROUP BY stage, status HAVING SUM(n) <> 0"

    public func progress() throws -> ProjectProgress {
        try link.withSession { session in
            var byStage: [Stage: Int] = [:]
            var byStatus: [TaskStatus: Int] = [:]
            var total = 0
            for row in try session.query(Self.countsSQL) {
                let n = Int(try row.int(2, "n"))
                guard n > 0 else { continue }
                total += n
                if let s = Stage(rawValue: try row.text(0, "stage")) { byStage[s, default: 0] += n }
                if let s = TaskStatus(rawValue: try row.text(1, "status")) { byStatus[s, default: 0] += n }
            }
            // Gold tasks stand in Label, new, for ever: they are not work to be done.
            let gold = Int(try session.int("SELECT COUNT(*) FROM task WHERE benchmark IS NOT NULL") ?? 0)
            total -= gold
            byStage[.label, default: 0] -= gold
            byStatus[.new, default: 0] -= gold
            return ProjectProgress(total: total, byStage: byStage, byStatus: byStatus)
        }
    }

    /// "ok", or what disagrees: the kept counts against the tasks, and rows that point nowhere.
    public func integrityCheck() throws -> String {
        try link.withSession { session in
            var problems: [String] = []
            let wrong = try session.int("""
                SELECT COUNT(*) FROM (SELECT stage, status, COUNT(*) AS n FROM task GROUP BY stage, status) a
                FULL JOIN (\(Self.countsSQL)) c USING (stage, status) WHERE a.n IS DISTINCT FROM c.n
                """) ?? 0
            if wrong > 0 { problems.append("the kept task counts disagree with the tasks in \(wrong) stage and status pairs") }
            let unknown = try session.int("""
                SELECT COUNT(*) FROM task WHERE stage NOT IN ('Start', 'Label', 'Review', 'Complete')
                OR status NOT IN (\(TaskStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")))
                """) ?? 0
            if unknown > 0 { problems.append("\(unknown) tasks have a stage or status termlabel does not know") }
            return problems.isEmpty ? "ok" : problems.joined(separator: "\n")
        }
    }
}
