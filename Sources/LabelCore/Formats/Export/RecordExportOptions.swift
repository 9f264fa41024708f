/// How tasks are exported in another tool's format (Scale, ClearML).
public struct RecordExportOptions: Equatable, Sendable {
    /// The stage whose tasks are exported; nil for every task, which these formats expect (each
    /// record says where it stands).
    public var stage: Stage?
    /// One record per line instead of a JSON array.
    public var jsonLines: Bool
    /// Adds idle milliseconds to termlabel's record of the work.
    public var includeIdle: Bool

    public init(stage: Stage? = nil, jsonLines: Bool = false, includeIdle: Bool = false) {
        self.stage = stage
        self.jsonLines = jsonLines
        self.includeIdle = includeIdle
    }
}
