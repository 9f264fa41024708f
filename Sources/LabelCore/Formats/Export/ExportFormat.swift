/// The formats `export` writes. Each streams task by task through `ExportFile`. To add one, add a
/// case and its writer in `export`; `--format` takes the case's name.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// Ango's export: a JSON array (or NDJSON) of assets, each with its task.
    case ango
    /// One row per task, one column per question.
    case csv
    /// One flat JSON record per line and task.
    case jsonl
    /// Scale task objects, with our answers, reviews (as audits) and durations.
    case scale
    /// ClearML frames, with our answers as frame-level ROIs.
    case clearml

    /// The stage exported when none is named: Complete, as in Ango; every stage for the formats
    /// that give records back to the tool they came from.
    public var defaultStage: Stage? {
        switch self {
        case .ango, .csv, .jsonl: .complete
        case .scale, .clearml: nil
        }
    }

    /// Whether `--ndjson` (one record per line) means something for this format.
    public var hasLineForm: Bool { self == .ango || self == .scale || self == .clearml }

    /// Exports the tasks of `options.stage` to `path` (standard output when nil); returns the count.
    @discardableResult
    public func export(_ store: any ProjectStore, options: ExportOptions, to path: String?) throws -> Int {
        try export(store, stage: options.stage, options: options, to: path)
    }

    /// Exports the tasks of `stage` (else `defaultStage`) to `path` (standard output when nil);
    /// returns the count.
    @discardableResult
    public func export(_ store: any ProjectStore, stage: Stage?, options: ExportOptions, to path: String?) throws -> Int {
        var options = options
        options.stage = stage ?? defaultStage ?? .complete
        let records = RecordExportOptions(stage: stage ?? defaultStage, jsonLines: options.ndjson, includeIdle: options.includeIdle)
        switch self {
        case .ango:
            return try AngoExport.export(store, options: options, to: path)
        case .csv:
            return try ExportFile.write(to: path) { out in try CSVExport.write(store, options: options, to: &out) }
        case .jsonl:
            return try ExportFile.write(to: path) { out in try JSONLExport.write(store, options: options, to: &out) }
        case .scale: return try ScaleExport.export(store, options: records, to: path)
        case .clearml: return try ClearMLExport.export(store, options: records, to: path)
        }
    }
}

/// What every export format is told: which stage's tasks, and what to include.
public struct ExportOptions: Equatable, Sendable {
    /// The stage whose tasks are exported; Ango's default is Complete.
    public var stage: Stage
    /// Ango, Scale and ClearML: one record per line instead of one JSON array.
    public var ndjson: Bool
    /// Adds idle milliseconds (`idleDuration`).
    public var includeIdle: Bool
    /// Ango only: leave out `stageHistory` when false.
    public var includeHistory: Bool
    /// Ango only: add the gold tasks, with `isBenchmark` and `benchmark` (their answers and scores).
    public var benchmarks = false

    public init(stage: Stage = .complete, ndjson: Bool = false, includeIdle: Bool = false, includeHistory: Bool = true) {
        self.stage = stage
        self.ndjson = ndjson
        self.includeIdle = includeIdle
        self.includeHistory = includeHistory
    }
}
