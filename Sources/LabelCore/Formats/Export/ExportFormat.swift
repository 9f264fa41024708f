/// The formats `export` writes. Each streams task by task through `ExportFile`. To add one, add a
/// case and its writer in `export`; `--format` takes the case's name.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// Ango's export: a JSON array (or NDJSON) of assets, each with its task.
    case ango
    /// One row per task, one column per question.
    case csv
    /// One flat JSON record per line and task.
    case jsonl

    /// Exports the tasks of `options.stage` to `path` (standard output when nil); returns the count.
    @discardableResult
    public func export(_ store: any ProjectStore, options: ExportOptions, to path: String?) throws -> Int {
        switch self {
        case .ango:
            let ango = AngoExport.Options(stage: options.stage, ndjson: options.ndjson, includeIdle: options.includeIdle,
                                          includeHistory: options.includeHistory)
            return try AngoExport.export(store, options: ango, to: path)
        case .csv:
            return try ExportFile.write(to: path) { out in try CSVExport.write(store, options: options, to: &out) }
        case .jsonl:
            return try ExportFile.write(to: path) { out in try JSONLExport.write(store, options: options, to: &out) }
        }
    }
}

/// What every export format is told: which stage's tasks, and what to include.
public struct ExportOptions: Equatable, Sendable {
    /// The stage whose tasks are exported; Ango's default is Complete.
    public var stage: Stage
    /// Ango only: NDJSON instead of one JSON array.
    public var ndjson: Bool
    /// Adds idle milliseconds (`idleDuration`).
    public var includeIdle: Bool
    /// Ango only: leave out `stageHistory` when false.
    public var includeHistory: Bool

    public init(stage: Stage = .complete, ndjson: Bool = false, includeIdle: Bool = false, includeHistory: Bool = true) {
        self.stage = stage
        self.ndjson = ndjson
        self.includeIdle = includeIdle
        self.includeHistory = includeHistory
    }
}
