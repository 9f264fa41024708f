import OrderedCollections

/// A task about to be added to a project, as read from an assets file.
public struct NewTask: Equatable, Sendable {
    /// Kept from an Ango export; otherwise made when the task is added.
    public var taskId: String?
    public var externalId: String
    public var asset: JSONValue
    public var metadata: JSONValue
    public var batches: [JSONValue]
    public var priority: Int
    /// Pre-labels: the answers the task starts with.
    public var annotations: Annotations
    /// Stage history carried over from an Ango export.
    public var history: [StageHistoryEntry]
    public var extra: JSONObject
    public var updatedAt: Timestamp?
    public var updatedBy: String?

    public init(
        externalId: String, asset: JSONValue, metadata: JSONValue = [:], batches: [JSONValue] = [], priority: Int = 0,
        annotations: Annotations = .empty, history: [StageHistoryEntry] = [], extra: JSONObject = [:],
        taskId: String? = nil, updatedAt: Timestamp? = nil, updatedBy: String? = nil
    ) {
        self.taskId = taskId
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.externalId = externalId
        self.asset = asset
        self.metadata = metadata
        self.batches = batches
        self.priority = priority
        self.annotations = annotations
        self.history = history
        self.extra = extra
    }
}

/// Pre-labels for a task already in the project (an Ango import file's record).
public struct PreLabels: Equatable, Sendable {
    public var externalId: String
    public var annotations: Annotations
    public init(externalId: String, annotations: Annotations) {
        self.externalId = externalId
        self.annotations = annotations
    }
}
