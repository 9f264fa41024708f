/// A gold (benchmark) task read from a benchmark file: the task, and the answers it is scored by.
public struct GoldTask: Equatable, Sendable {
    public var task: NewTask
    /// The known answers: Ango classifications naming top-level questions by `schemaId`, a text
    /// answer optionally with `"regex"` beside it.
    public var answers: [JSONValue]

    public init(task: NewTask, answers: [JSONValue]) {
        self.task = task
        self.answers = answers
    }
}
