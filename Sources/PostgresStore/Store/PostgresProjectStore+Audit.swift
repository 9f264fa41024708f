import LabelCore

extension PostgresProjectStore {
    /// The work tasks a requeue selects (gold tasks never move).
    static func requeueSelection(_ session: DatabaseSession, _ selection: RequeueRequest.Selection) throws -> [Int64] {
        let work = try anySelection(session, selection)
        let gold = Set(try session.query("SELECT id FROM task WHERE benchmark IS NOT NULL").map { try $0.int(0, "id") })
        return gold.isEmpty ? work : work.filter { !gold.contains($0) }
    }

    static func anySelection(_ session: DatabaseSession, _ selection: RequeueRequest.Selection) throws -> [Int64] {
        func ids(_ sql: String, _ values: [SQLValue]) throws -> [Int64] { try session.query(sql, values).map { try $0.int(0, "id") } }
        switch selection {
        case .taskIds(let list):
            return try list.flatMap { try ids("SELECT id FROM task WHERE taskid = $1", [.text($0)]) }
        case .externalIds(let list):
            return try list.flatMap { try ids("SELECT id FROM task WHERE externalid = $1", [.text($0)]) }
        case .stage(let stage):
            return try ids("SELECT id FROM task WHERE stage = $1 ORDER BY id", [.text(stage.rawValue)])
        case .user(let user):
            return try ids("SELECT id FROM task WHERE assignee = $1 OR labeler = $1 ORDER BY id", [.text(user)])
        }
    }

    /// What a requeue would discard, without doing it.
    public func requeueImpact(_ r: RequeueRequest) throws -> RequeueImpact {
        try link.transaction(isolation: "REPEATABLE READ READ ONLY") { session in
            let ids = try Self.requeueSelection(session, r.selection)
            var impact = RequeueImpact(tasks: ids.count, answersRemoved: [], historyRemoved: [], draftsDiscarded: [], authors: [])
            var authors: Set<String> = []
            for id in ids {
                let task = try Self.fetchTask(session, id)
                let worked = try session.query("SELECT username FROM history WHERE task = $1 AND stage <> 'Start'", [.int(id)])
                let workers = try worked.compactMap { try $0.text(0) }
                if r.removeAnswers, !worked.isEmpty, task.annotations != .empty {
                    impact.answersRemoved.append(task.externalId)
                    authors.formUnion(workers)
                }
                if r.removeHistory, !worked.isEmpty {
                    impact.historyRemoved.append(task.externalId)
                    authors.formUnion(workers)
                }
                if TaskHold.forwards(task, by: r) { continue }
                for row in try session.query("SELECT username FROM draft WHERE task = $1", [.int(id)]) {
                    impact.draftsDiscarded.append((task.externalId, try row.text(0, "username")))
                }
            }
            impact.authors = authors.sorted()
            return impact
        }
    }

    /// Writes down, before a requeue changes task `id`, who asked and what it takes away.
    static func recordRequeue(_ session: DatabaseSession, _ id: Int64, _ r: RequeueRequest) throws {
        let task = try fetchTask(session, id, lock: true)
        let drafts = try session.query("SELECT \(draftColumns) FROM draft d WHERE d.task = $1", [.int(id)]).map(draft)
        let history = r.removeHistory
            ? try session.query("SELECT entry FROM history WHERE task = $1 ORDER BY id", [.int(id)]).compactMap { StoreCodec.json(try $0.text(0)) }
            : []
        let detail = AuditRecord.requeue(task, drafts: drafts, history: history, request: r)
        try session.execute("INSERT INTO audit(at, username, action, externalid, detail) VALUES ($1, $2, 'requeue', $3, $4)",
                            [.int(r.at.millisecondsSince1970), .text(r.user), .text(task.externalId), .text(detail.description)])
    }

    /// Before `add` replaces a task's pre-labels with a file's, writes down the ones it replaces.
    static func recordReplacedPreLabels(_ session: DatabaseSession, _ p: PreLabels, by user: String) throws {
        guard let row = try session.query("SELECT taskid, annotations FROM task WHERE externalid = $1 AND status = 'new'",
                                          [.text(p.externalId)]).first else { return }
        let old = StoreCodec.decodeAnnotations(try row.text(1))
        guard old != .empty, old != p.annotations else { return }
        let detail = AuditRecord.replacedPreLabels(taskId: try row.text(0, "taskid"), old: old)
        try session.execute("INSERT INTO audit(at, username, action, externalid, detail) VALUES ($1, $2, 'replace pre-labels', $3, $4)",
                            [.int(Timestamp.now().millisecondsSince1970), .text(user), .text(p.externalId), .text(detail.description)])
    }

    /// Destructive changes, oldest first: who made them and what they removed.
    public func auditLog() throws -> [AuditEntry] {
        try link.withSession { session in
            try session.query("SELECT at, username, action, externalid, detail FROM audit ORDER BY id").map { row in
                AuditEntry(at: Timestamp(millisecondsSince1970: try row.int(0, "at")), user: try row.text(1, "username"),
                           action: try row.text(2, "action"), externalId: try row.text(3, "externalid"),
                           detail: StoreCodec.json(try row.text(4)) ?? .null)
            }
        }
    }
}
