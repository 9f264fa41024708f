import GRDB
import OrderedCollections

/// What a requeue would throw away: the reason it asks for `--force`.
public struct RequeueImpact: Equatable, Sendable {
    /// Tasks the selection matches.
    public var tasks: Int
    /// Tasks whose submitted (or imported) answers would be removed.
    public var answersRemoved: [String]
    /// Tasks whose stage history (past Start) would be removed.
    public var historyRemoved: [String]
    /// Open drafts that would be discarded, as (externalId, user).
    public var draftsDiscarded: [(externalId: String, user: String)]
    /// Who labeled or reviewed the work that would go.
    public var authors: [String]

    public init(tasks: Int, answersRemoved: [String], historyRemoved: [String], draftsDiscarded: [(externalId: String, user: String)], authors: [String]) {
        self.tasks = tasks
        self.answersRemoved = answersRemoved
        self.historyRemoved = historyRemoved
        self.draftsDiscarded = draftsDiscarded
        self.authors = authors
    }

    public var discardsWork: Bool { !answersRemoved.isEmpty || !historyRemoved.isEmpty }

    public static func == (a: RequeueImpact, b: RequeueImpact) -> Bool {
        a.tasks == b.tasks && a.answersRemoved == b.answersRemoved && a.historyRemoved == b.historyRemoved
            && a.draftsDiscarded.map { "\($0.externalId)|\($0.user)" } == b.draftsDiscarded.map { "\($0.externalId)|\($0.user)" }
            && a.authors == b.authors
    }
}

/// One destructive change: when, who, what, to which task, and what it removed (JSON).
public struct AuditEntry: Equatable, Sendable {
    public var at: Timestamp
    public var user: String
    public var action: String
    public var externalId: String
    public var detail: JSONValue

    public init(at: Timestamp, user: String, action: String, externalId: String, detail: JSONValue) {
        self.at = at
        self.user = user
        self.action = action
        self.externalId = externalId
        self.detail = detail
    }
}

extension SQLiteProjectStore {
    /// The work tasks a requeue selects (gold tasks never move).
    static func requeueSelection(_ db: Database, _ selection: RequeueRequest.Selection) throws -> [Int64] {
        let work = try anySelection(db, selection)
        let gold = Set(try Int64.fetchAll(db, sql: "SELECT id FROM task INDEXED BY task_benchmark WHERE benchmark IS NOT NULL"))
        return gold.isEmpty ? work : work.filter { !gold.contains($0) }
    }

    static func anySelection(_ db: Database, _ selection: RequeueRequest.Selection) throws -> [Int64] {
        switch selection {
        case .taskIds(let list):
            try list.flatMap { try Int64.fetchAll(db, sql: "SELECT id FROM task WHERE taskId = ?", arguments: [$0]) }
        case .externalIds(let list):
            try list.flatMap { try Int64.fetchAll(db, sql: "SELECT id FROM task WHERE externalId = ?", arguments: [$0]) }
        case .stage(let stage):
            try Int64.fetchAll(db, sql: "SELECT id FROM task WHERE stage = ?", arguments: [stage.rawValue])
        case .user(let user):
            try Int64.fetchAll(db, sql: "SELECT id FROM task WHERE assignee = ? OR labeler = ?", arguments: [user, user])
        }
    }

    /// What a requeue would discard, without doing it.
    public func requeueImpact(_ r: RequeueRequest) throws -> RequeueImpact {
        try pool.read { db in
            let ids = try Self.requeueSelection(db, r.selection)
            var impact = RequeueImpact(tasks: ids.count, answersRemoved: [], historyRemoved: [], draftsDiscarded: [], authors: [])
            var authors: Set<String> = []
            for id in ids {
                let task = try Self.fetchTask(db, id)
                let worked = try Row.fetchAll(db, sql: "SELECT user FROM history WHERE task = ? AND stage != 'Start'", arguments: [id])
                let workers = worked.compactMap { $0["user"] as String? }
                if r.removeAnswers, !worked.isEmpty, task.annotations != .empty {
                    impact.answersRemoved.append(task.externalId)
                    authors.formUnion(workers)
                }
                if r.removeHistory, !worked.isEmpty {
                    impact.historyRemoved.append(task.externalId)
                    authors.formUnion(workers)
                }
                if TaskHold.forwards(task, by: r) { continue }
                for user in try String.fetchAll(db, sql: "SELECT user FROM draft WHERE task = ?", arguments: [id]) {
                    impact.draftsDiscarded.append((task.externalId, user))
                }
            }
            impact.authors = authors.sorted()
            return impact
        }
    }

    /// Writes down, before a requeue changes task `id`, who asked and what it takes away.
    static func recordRequeue(_ db: Database, _ id: Int64, _ r: RequeueRequest) throws {
        let task = try fetchTask(db, id)
        let drafts = try Row.fetchAll(db, sql: "SELECT * FROM draft WHERE task = ?", arguments: [id]).map(draft)
        let history = r.removeHistory
            ? try String.fetchAll(db, sql: "SELECT entry FROM history WHERE task = ? ORDER BY id", arguments: [id]).compactMap { json($0) } : []
        let detail = AuditRecord.requeue(task, drafts: drafts, history: history, request: r)
        try db.execute(sql: "INSERT INTO audit(at, user, action, externalId, detail) VALUES (?, ?, 'requeue', ?, ?)",
                       arguments: [r.at.millisecondsSince1970, r.user, task.externalId, detail.description])
    }

    /// Before `add` replaces a task's pre-labels with a file's, writes down the ones it replaces.
    static func recordReplacedPreLabels(_ db: Database, _ p: PreLabels, by user: String) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT taskId, annotations FROM task WHERE externalId = ? AND status = 'new'",
                                         arguments: [p.externalId]) else { return }
        let old = decodeAnnotations(row["annotations"])
        guard old != .empty, old != p.annotations else { return }
        let detail = AuditRecord.replacedPreLabels(taskId: row["taskId"], old: old)
        try db.execute(sql: "INSERT INTO audit(at, user, action, externalId, detail) VALUES (?, ?, 'replace pre-labels', ?, ?)",
                       arguments: [Timestamp.now().millisecondsSince1970, user, p.externalId, detail.description])
    }

    /// Destructive changes, oldest first: who made them and what they removed.
    public func auditLog() throws -> [AuditEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT at, user, action, externalId, detail FROM audit ORDER BY id").map { row in
                AuditEntry(at: Timestamp(millisecondsSince1970: row["at"]), user: row["user"], action: row["action"],
                           externalId: row["externalId"], detail: Self.json(row["detail"]) ?? .null)
            }
        }
    }
}
