import OrderedCollections

/// One asset to label and where its task stands.
public struct LabelTask: Equatable, Sendable, Identifiable {
    /// The store's row number: creation order, which the queue follows.
    public var id: Int64
    /// Ango-style task id: 24 hexadecimal characters.
    public var taskId: String
    public var externalId: String
    /// The asset as it came: text to label, a URL or path, or any JSON value.
    public var asset: JSONValue
    public var metadata: JSONValue
    public var batches: [JSONValue]
    public var priority: Int
    public var stage: Stage
    public var status: TaskStatus
    public var assignee: String?
    /// The answers as they stand in the current stage: pre-labels, or what the last stage passed on.
    public var annotations: Annotations
    public var updatedAt: Timestamp?
    public var updatedBy: String?
    /// The latest reviewer's comment when the task was sent back.
    public var reviewComment: String?
    /// Time in the current stage so far (from drafts), and the task's total once submitted.
    public var time: TimeSpent
    /// Who submitted the Label stage last (a reviewer never reviews their own labels).
    public var labeler: String?
    /// Keys of an imported asset that termlabel does not use, written back on export.
    public var extra: JSONObject
    /// The record as another tool wrote it (Scale, ClearML), for exporting back to that tool.
    public var source: SourceRecord?
    /// Why the task may be looked at but never answered (a task canceled in Scale); nil when it may.
    public var readOnlyReason: String?
    /// What the annotator is asked to do, shown with the task (Scale's `instruction`).
    public var instruction: String?
    /// A gold (benchmark) task's known answers, as Ango classifications; nil for work. Every
    /// annotator answers a gold task once, apart from the others, and is scored on it.
    public var benchmark: [JSONValue]?

    public init(
        id: Int64 = 0, taskId: String, externalId: String, asset: JSONValue, metadata: JSONValue = [:],
        batches: [JSONValue] = [], priority: Int = 0, stage: Stage = .label, status: TaskStatus = .new,
        assignee: String? = nil, annotations: Annotations = .empty, updatedAt: Timestamp? = nil, updatedBy: String? = nil,
        reviewComment: String? = nil, time: TimeSpent = .zero, labeler: String? = nil, extra: JSONObject = [:],
        source: SourceRecord? = nil, readOnlyReason: String? = nil, instruction: String? = nil,
        benchmark: [JSONValue]? = nil
    ) {
        self.benchmark = benchmark
        self.source = source
        self.readOnlyReason = readOnlyReason
        self.instruction = instruction
        self.labeler = labeler
        self.extra = extra
        self.id = id
        self.taskId = taskId
        self.externalId = externalId
        self.asset = asset
        self.metadata = metadata
        self.batches = batches
        self.priority = priority
        self.stage = stage
        self.status = status
        self.assignee = assignee
        self.annotations = annotations
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.reviewComment = reviewComment
        self.time = time
    }
}

/// Where a task stands, as the queue shows it.
public enum TaskStatus: String, CaseIterable, Sendable, Codable {
    case new
    case draft
    case skipped
    case submitted
    case rejected
    case accepted
    /// On hold: kept by its holder, edited and saved but not submitted until a manager forwards it.
    case hold

    /// The one-character mark the queue shows.
    public var mark: Character {
        switch self {
        case .new: "·"
        case .draft: "✎"
        case .skipped: "»"
        case .submitted: "✓"
        case .rejected: "✗"
        case .accepted: "★"
        case .hold: "‖"
        }
    }
}
