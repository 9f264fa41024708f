/// What termlabel's people did to a task, as other tools' exports report it: who labeled and
/// reviewed it, when, and the active time each stage took. Entries imported from an Ango export
/// are the other tool's history, not work done here, and are left out.
public struct TaskWork: Equatable, Sendable {
    /// Label and Review entries of work done in termlabel, oldest first.
    public var entries: [StageHistoryEntry]
    /// A draft open in the task's current stage.
    public var draft: Draft?
    public var stage: Stage

    public init(_ record: TaskRecord) {
        entries = record.history.filter { $0.original == nil && ($0.stage == Stage.label.name || $0.stage == Stage.review.name) }
        draft = record.draft
        stage = record.task.stage
    }

    /// Whether anyone has answered or reviewed the task here (a draft counts).
    public var isEmpty: Bool { entries.isEmpty && draft == nil }

    public var reviews: [StageHistoryEntry] { entries.filter { $0.stage == Stage.review.name } }
    /// Who submitted the Label stage last.
    public var annotator: String? { entries.last { $0.stage == Stage.label.name }?.completedBy }
    /// Who reviewed last.
    public var reviewer: String? { reviews.last?.completedBy }
    /// When the task last left a stage.
    public var completedAt: Timestamp? { entries.last?.completedAt }

    public var labelMilliseconds: Int64 { entries.filter { $0.stage == Stage.label.name }.reduce(0) { $0 + $1.duration } }
    public var reviewMilliseconds: Int64 { reviews.reduce(0) { $0 + $1.duration } }
    public var idleMilliseconds: Int64 { entries.reduce(0) { $0 + ($1.idleDuration ?? 0) } }

    /// termlabel's record of the work, written into the other tool's metadata under `termlabel`:
    /// the stage, annotator, reviewer and active milliseconds (idle too with `includeIdle`).
    /// A draft's time is not in it until it is submitted, as in the Ango export.
    public func json(includeIdle: Bool) -> JSONValue {
        var out: JSONObject = ["stage": .string(stage.name)]
        if let annotator { out["annotator"] = .string(annotator) }
        if let reviewer { out["reviewer"] = .string(reviewer) }
        out["total_duration_ms"] = .int(labelMilliseconds + reviewMilliseconds)
        out["label_duration_ms"] = .int(labelMilliseconds)
        out["review_duration_ms"] = .int(reviewMilliseconds)
        if includeIdle { out["idle_duration_ms"] = .int(idleMilliseconds) }
        return .object(out)
    }
}
