/// A store whose tables can be read and written row by row, column for column: how
/// `termlabel migrate` copies a project between SQLite and PostgreSQL with every id kept.
public protocol ProjectCopying: ProjectStore {
    /// Calls `body` with each row of `table` in id order, the values in `table.columns` order,
    /// reading in batches.
    func readRows(of table: StoredTable, _ body: ([StoredValue]) throws -> Void) throws
    /// Adds rows (ids included) to `table` in one transaction; a setting row replaces the one there.
    func writeRows(_ rows: [[StoredValue]], into table: StoredTable) throws
    func rowCount(of table: StoredTable) throws -> Int
    /// After a copy: ids made later follow the copied ones.
    func finishCopy() throws
}

/// A table of a project, with its columns as the SQLite store names them.
public enum StoredTable: String, CaseIterable, Sendable {
    case setting, task, history, draft, event, audit, issue
    case taskHold = "task_hold"
    case consensusAnswer = "consensus_answer", consensusScore = "consensus_score"
    case benchmarkAnswer = "benchmark_answer"

    public var columns: [String] {
        switch self {
        case .setting: ["key", "value"]
        case .task:
            ["id", "taskId", "externalId", "asset", "preview", "metadata", "batches", "extra", "priority", "stage", "status", "assignee",
             "labeler", "annotations", "reviewComment", "updatedAt", "updatedBy", "active", "idle", "createdAt", "heldSince", "activeAt",
             "sourceFormat", "source", "readOnlyReason", "instruction", "benchmark"]
        case .history: ["id", "task", "stage", "user", "labeler", "active", "idle", "reviewStatus", "completedAt", "imported", "entry"]
        case .draft: ["task", "stage", "user", "classifications", "active", "idle", "savedAt"]
        case .event: ["id", "task", "user", "kind", "at"]
        case .audit: ["id", "at", "user", "action", "externalId", "detail"]
        case .issue: ["id", "task", "schemaId", "content", "errorCode", "createdBy", "createdAt", "stage", "resolvedBy", "resolvedAt", "resolution"]
        case .taskHold: ["task", "reason", "user", "at", "previousStatus"]
        case .consensusAnswer:
            ["task", "user", "heldSince", "activeAt", "skipped", "classifications", "active", "idle", "savedAt", "submittedAt"]
        case .consensusScore: ["task", "score", "scoredAt"]
        case .benchmarkAnswer: ["task", "user", "heldSince", "skipped", "classifications", "active", "idle", "savedAt", "submittedAt", "score"]
        }
    }

    /// The column rows are read in order of.
    public var order: String {
        switch self {
        case .setting: "key"
        case .draft: "task, stage"
        case .taskHold: "task"
        case .consensusAnswer: "task, user"
        case .consensusScore: "task"
        case .benchmarkAnswer: "task"
        default: "id"
        }
    }
}

/// One value of a stored row.
public enum StoredValue: Equatable, Sendable {
    case integer(Int64)
    case text(String)
    case null
}
