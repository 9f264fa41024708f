import OrderedCollections

/// Label Studio's JSON export: a list of tasks `{"id", "data": {"text": …}, "annotations":
/// [{"result": [{"type": "choices", "from_name", "value": {"choices": […]}}], "was_cancelled"}],
/// "predictions", "meta"}`, also one task alone, and Label Studio 0.x completions (`completions`
/// instead of `annotations`; or `{"result": "<JSON text>", "task": {…}}`).
///
/// The text field of `data` becomes the asset (`text`, else the one field whose name holds
/// "text", else the only string; `--text-column` names another); the other `data` fields and
/// `meta` become metadata. The first annotation that was not cancelled gives the pre-labels
/// (else the first prediction); a task whose every annotation was cancelled is kept as skipped.
/// Results other than `choices` (spans, text areas, ratings…) are counted and reported.
public struct LabelStudioFormat: AssetFormat {
    public let name = "label-studio"
    public let title = "a Label Studio export"
    public init() {}

    public func detect(_ source: AssetSource) -> Detection? {
        for record in source.sample {
            if record["data"]?.objectValue != nil,
               let key = ["annotations", "completions", "predictions", "drafts"].first(where: { record[$0]?.arrayValue != nil }) {
                return .certain("tasks with \"data\" and \"\(key)\"")
            }
            if record["result"] != nil, record["task"]?["data"]?.objectValue != nil {
                return .certain("a completion with \"result\" and \"task\"")
            }
        }
        // Label Studio's import shape, tasks without annotations. termlabel's own records may hold
        // an object as data too (`{"url": …}`): only a text field makes it Label Studio's.
        if !source.sample.isEmpty, source.sample.allSatisfy({ $0["data"]?.objectValue != nil && $0["externalId"] == nil }) {
            if source.sample.contains(where: { $0["data"]?["text"]?.stringValue != nil }) { return .likely("tasks whose \"data\" has \"text\"") }
            return Detection(25, "tasks whose \"data\" is an object")
        }
        return nil
    }

    public func read(_ source: AssetSource) throws(DiagnosticsError) -> AssetFile {
        var out = ForeignAssets(file: source.file)
        let (records, errors) = source.records()
        for e in errors { out.problems.add(e) }
        var otherResults: OrderedDictionary<String, Int> = [:]
        var severalAnnotations = 0
        for record in records {
            guard let object = record.value.objectValue else {
                out.problems.error("a task must be an object, found \(record.value.kindName)", record)
                continue
            }
            var task = object
            var taskPath = record.path
            var annotations = object["annotations"]?.arrayValue ?? object["completions"]?.arrayValue ?? []
            if let inner = object["task"]?.objectValue, object["result"] != nil {
                // A 0.x completion file: the result (sometimes as JSON text) with its task.
                task = inner
                taskPath = record.path / "task"
                var result = object["result"] ?? []
                if let text = result.stringValue {
                    guard let parsed = try? JSONParser.parse(text) else {
                        out.problems.error("\"result\" is text that is not JSON", record, at: record.path / "result")
                        continue
                    }
                    result = parsed
                }
                annotations = [["result": result]]
            }
            guard let data = task["data"]?.objectValue else {
                out.problems.error("the task has no \"data\" object", record, at: taskPath)
                continue
            }
            guard let field = textField(data, named: source.options.textColumn) else {
                let fields = data.keys.map { "\"\($0)\"" }.joined(separator: ", ")
                out.problems.error(
                    source.options.textColumn.map { "\"data\" has no text field \"\($0)\"" } ?? "which field of \"data\" holds the text to label?",
                    record, at: taskPath / "data", hint: "name it with --text-column; the fields are: \(fields)")
                continue
            }
            var metadata = data
            metadata.removeValue(forKey: field)
            for (k, v) in task["meta"]?.objectValue ?? [:] where metadata[k] == nil { metadata[k] = v }
            let externalId = task["id"].flatMap(Self.idText) ?? "\(source.baseName)-\(record.number)"

            let kept = annotations.filter { $0["was_cancelled"]?.boolValue != true }
            if kept.count > 1 { severalAnnotations += 1 }
            var labels: [ForeignLabel] = []
            var skippedBy: String?
            var skippedAt: Timestamp?
            let answer = kept.first ?? (annotations.isEmpty ? task["predictions"]?.arrayValue?.first : nil)
            if let answer {
                for item in answer["result"]?.arrayValue ?? [] {
                    let type = item["type"]?.stringValue ?? "?"
                    if type == "choices", let values = item["value"]?["choices"]?.arrayValue {
                        labels.append(.choices(question: item["from_name"]?.stringValue, values: values.compactMap(\.stringValue)))
                    } else {
                        otherResults[type, default: 0] += 1
                    }
                }
            } else if let cancelled = annotations.first {
                skippedBy = Self.user(cancelled["completed_by"]) ?? "label-studio"
                skippedAt = (cancelled["updated_at"] ?? cancelled["created_at"])?.stringValue.flatMap { Timestamp(iso8601: $0) }
                out.count("skipped (cancelled in Label Studio)")
            }
            out.count("Label Studio tasks")
            // An annotation's author and time go with its answers (a prediction has none).
            let by = kept.first.flatMap { Self.user($0["completed_by"]) }
            let at = kept.first.flatMap { $0["created_at"]?.stringValue }.flatMap { Timestamp(iso8601: $0) }
            out.append(NewTask(
                externalId: externalId, asset: data[field]!, metadata: .object(metadata), updatedAt: skippedAt, skippedBy: skippedBy),
                labels, by: by, at: at)
        }
        if !otherResults.isEmpty {
            let list = otherResults.map { "\($0.value) of type \"\($0.key)\"" }.joined(separator: ", ")
            out.problems.add(Diagnostic(
                .warning, "results termlabel cannot answer are left out: \(list)", file: source.file,
                hint: "termlabel answers classification questions (choices); spans, regions and free text are not read"))
        }
        if severalAnnotations > 0 {
            out.notes.append("\(severalAnnotations) task\(severalAnnotations == 1 ? " has" : "s have") several annotations; the first not cancelled gives the pre-labels.")
        }
        return try out.finish(source, format: name)
    }

    /// The field of `data` that holds the text to label.
    func textField(_ data: JSONObject, named: String?) -> String? {
        if let named { return data[named]?.stringValue != nil ? named : nil }
        if data["text"]?.stringValue != nil { return "text" }
        let strings = data.filter { $0.value.stringValue != nil }.map(\.key)
        let texty = strings.filter { $0.lowercased().contains("text") }
        if texty.count == 1 { return texty[0] }
        return strings.count == 1 ? strings[0] : nil
    }

    static func idText(_ id: JSONValue) -> String? {
        switch id {
        case .string(let s) where !s.isEmpty: s
        case .number(let n): n
        default: nil
        }
    }

    /// An annotator as Label Studio writes one: an object with an e-mail, or a user id.
    static func user(_ value: JSONValue?) -> String? {
        if let email = value?["email"]?.stringValue, !email.isEmpty { return email }
        return value.flatMap(idText)
    }
}
