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
    public static func storedEntry(_ entry: StageHistoryEntry) -> String {
        var stored = entry.json(includeIdle: true).objectValue ?? [:]
        if entry.original != nil { stored["_imported"] = true }
        return JSONValue.object(stored).description
    }

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
        let emails = JSONValue.object(JSONObject(uniqueKeysWithValues: s.emails.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
        return [
            ("name", s.name), ("ontology", s.ontologyJSON), ("review", s.hasReview ? "1" : "0"),
            ("idleTimeoutMs", String(s.idleTimeoutMilliseconds)), ("claimLeaseMs", String(s.claimLeaseMilliseconds)),
            ("createdAt", String(s.createdAt.millisecondsSince1970)), ("emails", emails.description), ("autoAdvance", s.autoAdvance ? "1" : "0"),
        ]
    }

    /// Settings from stored key/value pairs; `damaged` when the name or the ontology is missing.
    public static func settings(from map: [String: String]) throws -> ProjectSettings {
        guard let name = map["name"], let ontology = map["ontology"] else { throw StoreError.damaged("the project settings are missing") }
        var emails: [String: String] = [:]
        if let text = map["emails"], let object = (try? JSONParser.parse(text))?.objectValue {
            for (k, v) in object { emails[k] = v.stringValue }
        }
        var settings = ProjectSettings(
            name: name, ontologyJSON: ontology, hasReview: map["review"] == "1",
            idleTimeoutMilliseconds: Int64(map["idleTimeoutMs"] ?? "") ?? 300_000,
            claimLeaseMilliseconds: Int64(map["claimLeaseMs"] ?? "") ?? ProjectSettings.defaultClaimLease,
            createdAt: Timestamp(millisecondsSince1970: Int64(map["createdAt"] ?? "") ?? 0), emails: emails)
        settings.autoAdvance = map["autoAdvance"] == "1"
        return settings
    }
}
