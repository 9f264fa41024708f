/// A task on hold (Ango's Hold stage): it stays in its stage, with its drafts and its holder, and
/// may be edited and saved but not submitted until a manager forwards it (`termlabel requeue --to
/// Label`). Its status is `hold` meanwhile; the queue never serves it.
public struct TaskHold: Equatable, Sendable {
    public var taskId: Int64
    public var reason: String
    public var by: String
    public var at: Timestamp

    public init(taskId: Int64, reason: String, by: String, at: Timestamp) {
        self.taskId = taskId
        self.reason = reason
        self.by = by
        self.at = at
    }

    /// The hold as the export writes it (`task.hold`, a termlabel field).
    public func json(settings: ProjectSettings) -> JSONValue {
        .object(["reason": .string(reason), "by": .string(settings.exportName(of: by)), "at": .string(at.iso8601)])
    }

    /// Whether a requeue forwards this task from its hold (sent to the stage it is in, the answers
    /// and history kept): its status comes back and its drafts and holder stay. Any other requeue of
    /// a held task ends the hold and moves it as a requeue does.
    public static func forwards(_ task: LabelTask, by r: RequeueRequest) -> Bool {
        task.status == .hold && r.to == task.stage && !r.removeAnswers && !r.removeHistory
    }
}
