/// What an assets file holds: new tasks, and pre-labels for tasks already in a project.
public struct AssetFile: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case jsonLines = "JSON Lines"
        case jsonArray = "JSON array"
        case jsonObject = "JSON object"
        case csv = "CSV"
        case scale = "Scale tasks"
        case clearml = "ClearML frames"
    }

    public var kind: Kind
    public var tasks: [NewTask]
    public var preLabels: [PreLabels]
    public var warnings: [Diagnostic]
    /// How many records were of each kind: assets, Ango export assets, Ango import records.
    public var counts: [String: Int]
    /// The registry name of the format it was read as (`label-studio`, `ango-export`, …).
    public var format: String = ""
    /// A category schema built from the labels seen, when the file's labels were read without an
    /// ontology: one radio or checkbox question per label set, printed for the user to keep.
    public var builtOntology: JSONValue?
    /// What a person should know about the reading, one line each (skips kept, labels not matched).
    public var notes: [String] = []

    public init(kind: Kind, tasks: [NewTask] = [], preLabels: [PreLabels] = [], warnings: [Diagnostic] = [], counts: [String: Int] = [:]) {
        self.kind = kind
        self.tasks = tasks
        self.preLabels = preLabels
        self.warnings = warnings
        self.counts = counts
    }
}
