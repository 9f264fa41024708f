/// How a store keeps a task's parts as text, shared by every `ProjectStore`: the SQLite store's
/// encoding, so that a task reads back the same from either store and a project copies between
/// them column for column.
public enum StoreCodec {
    /// The queue pane's one-line picture of an asset.
    public static func preview(of asset: JSONValue) -> String { SQLiteProjectStore.preview(of: asset) }

    /// Annotations as stored: `{"tools", "classifications", "relations"}`.
    public static func encode(_ annotations: Annotations) -> String { SQLiteProjectStore.encode(annotations) }

    public static func decodeAnnotations(_ text: String?) -> Annotations { SQLiteProjectStore.decodeAnnotations(text) }

    /// Stored JSON text as a value; nil for NULL or text that is not JSON.
    public static func json(_ text: String?) -> JSONValue? { SQLiteProjectStore.json(text) }

    /// A new Ango-style taskId: 24 hexadecimal characters.
    public static func newTaskId() -> String { SQLiteProjectStore.newTaskId() }

    /// Where an added task stands (stage, status, labeler).
    public static func placement(of task: NewTask) -> (stage: Stage, status: TaskStatus, labeler: String?) {
        SQLiteProjectStore.placement(of: task)
    }

    /// A stage-history entry as stored (with idle time; imported ones marked `_imported`).
    public static func storedEntry(_ entry: StageHistoryEntry) -> String { TaskInsertion.stored(entry) }

    /// A stored stage-history entry read back; nil when the text is not a JSON object.
    public static func entry(fromStored text: String?) -> StageHistoryEntry? {
        json(text)?.objectValue.map(StageHistoryEntry.init(stored:))
    }

    /// The task's source record from its stored columns.
    public static func sourceRecord(format: String?, record: String?) -> SourceRecord? {
        SQLiteProjectStore.sourceRecord(format: format, record: record)
    }

    /// The settings as stored key/value pairs (the `setting` table of both stores).
    public static func settingRows(_ s: ProjectSettings) -> [(key: String, value: String)] {
        SQLiteProjectStore.settingRows(s).map { (key: $0.0, value: $0.1) }
    }

    /// Settings from stored key/value pairs; `damaged` when the name or the ontology is missing.
    public static func settings(from map: [String: String]) throws -> ProjectSettings {
        try SQLiteProjectStore.settings(from: map)
    }
}
