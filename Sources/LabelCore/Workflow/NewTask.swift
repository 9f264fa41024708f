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
    /// The stage the task enters: Label for new work; an Ango export's task keeps the stage it was
    /// exported from (its history says how it got there).
    public var stage: Stage
    /// Who skipped it in the tool it came from (a Label Studio cancelled annotation, a Prodigy
    /// "ignore"): the task enters Label skipped, assigned to them.
    public var skippedBy: String?
    /// The record as another tool wrote it (Scale, ClearML), for exporting back to that tool.
    public var source: SourceRecord?
    /// Why the task may be looked at but never answered (a task canceled in Scale); nil when it may.
    public var readOnlyReason: String?
    /// What the annotator is asked to do, shown with the task (Scale's `instruction`).
    public var instruction: String?

    public init(
        externalId: String, asset: JSONValue, metadata: JSONValue = [:], batches: [JSONValue] = [], priority: Int = 0,
        annotations: Annotations = .empty, history: [StageHistoryEntry] = [], extra: JSONObject = [:],
        taskId: String? = nil, updatedAt: Timestamp? = nil, updatedBy: String? = nil, stage: Stage = .label,
        skippedBy: String? = nil, source: SourceRecord? = nil, readOnlyReason: String? = nil, instruction: String? = nil
    ) {
        self.stage = stage
        self.skippedBy = skippedBy
        self.source = source
        self.readOnlyReason = readOnlyReason
        self.instruction = instruction
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
