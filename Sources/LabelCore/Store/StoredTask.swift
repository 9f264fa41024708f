import GRDB

/// A task as the project stores it: its JSON columns as the text `JSONWriter` wrote when they
/// were stored, unparsed. The Ango export splices these texts into its output where they are
/// already in the export's shape, instead of parsing and writing them again.
public struct StoredTask: Sendable {
    public struct HistoryEntry: Sendable {
        /// The entry as stored: the exported JSON with idle time (and `"_imported":true` last
        /// for an entry that came from an Ango export).
        public var json: String
        public var stage: String
        public var duration: Int64
        public var idle: Int64

        public init(json: String, stage: String, duration: Int64, idle: Int64) {
            self.json = json
            self.stage = stage
            self.duration = duration
            self.idle = idle
        }
    }

    public struct Draft: Sendable {
        public var user: String
        public var savedAt: Timestamp
        /// The JSON array of its classifications.
        public var classifications: String

        public init(user: String, savedAt: Timestamp, classifications: String) {
            self.user = user
            self.savedAt = savedAt
            self.classifications = classifications
        }
    }

    public var id: Int64
    public var taskId: String
    public var externalId: String
    public var asset: String
    public var metadata: String
    public var batches: String
    public var extra: String
    public var stage: Stage
    public var updatedAt: Timestamp?
    public var updatedBy: String?
    /// `{"tools":[…],"classifications":[…],"relations":[…]}`, in that order.
    public var annotations: String
    public var reviewComment: String?
    public var history: [HistoryEntry]
    public var draft: Draft?
    /// Consensus: the task has a score (the export writes it, so the task is decoded).
    public var scored = false

    public init(id: Int64, taskId: String, externalId: String, asset: String, metadata: String, batches: String, extra: String,
                stage: Stage, updatedAt: Timestamp?, updatedBy: String?, annotations: String, reviewComment: String?,
                history: [HistoryEntry] = [], draft: Draft? = nil) {
        self.id = id
        self.taskId = taskId
        self.externalId = externalId
        self.asset = asset
        self.metadata = metadata
        self.batches = batches
        self.extra = extra
        self.stage = stage
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.annotations = annotations
        self.reviewComment = reviewComment
        self.history = history
        self.draft = draft
    }
}

/// A store that hands its tasks over as stored, for the Ango export that splices the stored
/// JSON texts (SQLite, and PostgreSQL through a server-side cursor).
public protocol StoredTaskReading: ProjectStore {
    /// Calls `body` with each task of `stage` (every stage: nil) in id order, as stored, in
    /// batches: memory does not grow with the project.
    func forEachStoredTask(in stage: Stage?, _ body: (StoredTask) throws -> Void) throws
}

extension SQLiteProjectStore: StoredTaskReading {}

extension SQLiteProjectStore {
    /// Calls `body` with each task of `stage` (every stage: nil) in id order, as stored, reading
    /// in batches: memory does not grow with the project.
    public func forEachStoredTask(in stage: Stage?, _ body: (StoredTask) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let tasks = try pool.read { db in try Self.storedTasks(db, after: after, stage: stage, limit: 500) }
            guard let last = tasks.last else { return }
            for task in tasks { try body(task) }
            after = last.id
        }
    }

    static func storedTasks(_ db: Database, after: Int64, stage: Stage?, limit: Int) throws -> [StoredTask] {
        // Read column by number through SQLite's C interface: a million tasks pass through here.
        let select = BoundStatement(try db.cachedStatement(sql: """
            SELECT id, taskId, externalId, asset, metadata, batches, extra, stage, updatedAt, updatedBy, annotations, reviewComment
            FROM task WHERE id > ? AND (? IS NULL OR stage = ?) AND benchmark IS NULL ORDER BY id LIMIT ?
            """))
        select.bind(1, after)
        select.bind(2, stage?.rawValue)
        select.bind(3, stage?.rawValue)
        select.bind(4, limit)
        var tasks: [StoredTask] = []
        tasks.reserveCapacity(limit)
        try select.forEachRow(db) { row in
            tasks.append(StoredTask(
                id: row.int64(0), taskId: row.text(1), externalId: row.text(2), asset: row.text(3), metadata: row.text(4),
                batches: row.text(5), extra: row.text(6), stage: try decode(Stage.self, row.text(7), column: "stage"),
                updatedAt: row.int64OrNil(8).map(Timestamp.init(millisecondsSince1970:)), updatedBy: row.textOrNil(9),
                annotations: row.text(10), reviewComment: row.textOrNil(11), history: [], draft: nil))
        }
        guard let first = tasks.first, let last = tasks.last else { return [] }
        // Ids ascend: a task's place in `tasks` is found by a binary search, not a dictionary.
        func place(_ id: Int64) -> Int? {
            var low = 0
            var high = tasks.count
            while low < high {
                let mid = (low + high) / 2
                if tasks[mid].id < id { low = mid + 1 } else { high = mid }
            }
            return low < tasks.count && tasks[low].id == id ? low : nil
        }
        let history = BoundStatement(try db.cachedStatement(sql: "SELECT task, stage, active, idle, entry FROM history WHERE task BETWEEN ? AND ? ORDER BY id"))
        history.bind(1, first.id)
        history.bind(2, last.id)
        var current = 0
        try history.forEachRow(db) { row in
            let task = row.int64(0)
            // Entries come in id order, mostly task by task: the last place found is tried first.
            if tasks[current].id != task {
                guard let i = place(task) else { return }
                current = i
            }
            tasks[current].history.append(StoredTask.HistoryEntry(json: row.text(4), stage: row.text(1), duration: row.int64(2), idle: row.int64(3)))
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT d.task, d.user, d.savedAt, d.classifications FROM draft d JOIN task t ON t.id = d.task AND t.stage = d.stage
            WHERE d.task BETWEEN ? AND ?
            """, arguments: [first.id, last.id]) {
            guard let i = place(row["task"]) else { continue }
            tasks[i].draft = StoredTask.Draft(user: row["user"], savedAt: Timestamp(millisecondsSince1970: row["savedAt"]),
                                              classifications: row["classifications"])
        }
        for id in try Int64.fetchAll(db, sql: "SELECT task FROM consensus_score WHERE task BETWEEN ? AND ?", arguments: [first.id, last.id]) {
            if let i = place(id) { tasks[i].scored = true }
        }
        return tasks
    }
}
