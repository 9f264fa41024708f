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
/// JSON texts (PostgreSQL through a server-side cursor; SQLite hands over its rows' bytes,
/// `SQLiteProjectStore.forEachStoredTaskRow`).
public protocol StoredTaskReading: ProjectStore {
    /// Calls `body` with each task of `stage` (every stage: nil) in id order, as stored, in
    /// batches: memory does not grow with the project.
    func forEachStoredTask(in stage: Stage?, _ body: (StoredTask) throws -> Void) throws
}
