import OrderedCollections

/// A task as one flat record, for spreadsheets and pipelines: who, when, how long, and one
/// field per question of the ontology (nested questions as `Parent/Child`).
public struct FlatTask: Equatable, Sendable {
    /// The fixed fields, in order, before and after the answers.
    public static let leading = ["externalId", "taskId", "stage", "status", "asset"]
    public static let trailing = ["annotator", "reviewer", "reviewStatus", "totalDuration", "completedAt"]
    public static let idle = "idleDuration"

    /// The question columns of an ontology: each question's title path and schemaId, depth first.
    /// A title path that is already a column (two questions titled alike, or one titled `status`)
    /// gets its schemaId after it, `Notes (q-notes-2)`, so every field has its own column.
    public static func columns(_ ontology: Ontology) -> [(title: String, schemaId: String)] {
        var out: [(String, String)] = []
        var taken = Set(leading + trailing + [idle, "metadata"])
        func walk(_ questions: [Question], prefix: String) {
            for q in questions {
                let path = prefix.isEmpty ? q.title : prefix + "/" + q.title
                var title = path
                if taken.contains(title) { title = "\(path) (\(q.schemaId))" }
                taken.insert(title)
                out.append((title, q.schemaId))
                walk(q.children, prefix: path)
            }
        }
        walk(ontology.classifications, prefix: "")
        return out
    }

    /// Every field of the record, in column order; answers as their JSON (a string, or a list).
    public var fields: OrderedDictionary<String, JSONValue>

    public init(_ record: TaskRecord, columns: [(title: String, schemaId: String)], ontology: Ontology,
                settings: ProjectSettings, includeIdle: Bool) {
        let task = record.task
        var fields: OrderedDictionary<String, JSONValue> = [
            "externalId": .string(task.externalId), "taskId": .string(task.taskId), "stage": .string(task.stage.name),
            "status": .string(task.status.rawValue), "asset": task.asset,
        ]
        let answers = Self.answers(record.draft?.classifications ?? task.annotations.classifications, ontology: ontology)
        for column in columns { fields[column.title] = answers[column.schemaId] ?? .null }
        let stages = record.history.filter { $0.stage != Stage.start.name }
        let label = stages.last { $0.stage == Stage.label.name }
        let review = stages.last { $0.reviewStatus != nil }
        fields["annotator"] = label?.completedBy.map { .string(settings.exportName(of: $0)) } ?? .null
        fields["reviewer"] = review?.completedBy.map { .string(settings.exportName(of: $0)) } ?? .null
        fields["reviewStatus"] = review?.reviewStatus.map { .string($0.rawValue) } ?? .null
        fields["totalDuration"] = .int(stages.reduce(0) { $0 + $1.duration })
        fields["completedAt"] = stages.last?.completedAt.map { .string($0.iso8601) } ?? .null
        if includeIdle { fields[Self.idle] = .int(stages.reduce(0) { $0 + ($1.idleDuration ?? 0) }) }
        self.fields = fields
    }

    /// Answers by question schemaId, nested answers included. A classification names its
    /// question by schemaId, else by title (as Ango's import does).
    static func answers(_ classifications: [JSONValue], ontology: Ontology) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        func walk(_ items: [JSONValue]) {
            for item in items {
                let q = item["schemaId"]?.stringValue.flatMap { ontology.question($0) }
                    ?? item["title"]?.stringValue.flatMap(ontology.question(titled:))
                if let q, let answer = item["answer"], answer != .string(""), answer != .array([]) { out[q.schemaId] = answer }
                walk(item["classifications"]?.arrayValue ?? [])
            }
        }
        walk(classifications)
        return out
    }
}
