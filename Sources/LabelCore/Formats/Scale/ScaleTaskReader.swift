import OrderedCollections

/// Reads Scale task objects (a JSON array, JSON Lines, one task, or a task-list response's
/// `docs`) as tasks. A categorization task's attachment becomes the asset, its response a
/// pre-label; the whole task object is kept for `export --format scale`. Canceled and error tasks
/// are kept read-only; task types termlabel cannot answer are left out and reported.
public enum ScaleTaskReader {
    /// The task types termlabel asks in its form.
    public static let answerableTypes: Set<String> = ["categorization"]

    /// Whether a value is a Scale task object: a `task_id` with a `type` or `params`.
    public static func isTask(_ value: JSONValue) -> Bool {
        guard let object = value.objectValue, object["task_id"]?.stringValue != nil else { return false }
        return object["type"] != nil || object["params"] != nil
    }

    /// Whether parsed JSON holds Scale tasks: a task, an array with one among its first items, or a task-list
    /// response (`{"docs": [...], "total", "limit", "offset", "has_more"}`).
    public static func detect(_ json: JSONValue) -> Bool {
        if isTask(json) { return true }
        if let items = json.arrayValue { return items.prefix(20).contains(where: isTask) }
        if let docs = json["docs"]?.arrayValue {
            return docs.first.map(isTask) ?? (json["has_more"] != nil || json["total"] != nil)
        }
        return false
    }

    /// Reads the tasks. With an ontology, responses pre-label the question offering the task's
    /// categories; without one, a question is built from the categories (`builtOntology`).
    public static func read(_ bytes: [UInt8], file: String, ontology: Ontology? = nil) throws(DiagnosticsError) -> AssetFile {
        let records = try JSONRecords(bytes, file: file, listKeys: [["docs"]])
        var errors = records.syntaxErrors
        var warnings: [Diagnostic] = []
        var read: [(record: JSONRecords.Record, task: JSONObject, categories: ScaleCategories)] = []
        var leftOut = OrderedDictionary<String, Int>()

        for record in records.records {
            func problem(_ message: String, _ path: JSONPath, hint: String? = nil) {
                errors.append(records.diagnostic(.error, message, at: path, in: record, hint: hint))
            }
            guard let task = record.value.objectValue else {
                problem("a Scale task must be an object, found \(record.value.kindName)", record.path)
                continue
            }
            guard let taskId = task["task_id"]?.stringValue, !taskId.isEmpty else {
                problem("a Scale task needs \"task_id\"", record.path)
                continue
            }
            let type = task["type"]?.stringValue ?? "(no type)"
            guard answerableTypes.contains(type) else {
                leftOut[type, default: 0] += 1
                continue
            }
            guard let params = task["params"]?.objectValue else {
                problem("a categorization task needs \"params\" (an object)", record.path / "params")
                continue
            }
            guard params["attachment"].map({ !$0.isNull }) == true else {
                problem("a categorization task needs \"params.attachment\" (the text, or the URL of the image or website)",
                        record.path / "params")
                continue
            }
            guard let list = params["categories"]?.arrayValue, !list.isEmpty else {
                let path = record.path / "params"
                problem("a categorization task needs \"params.categories\" (a list of strings or {\"label\": …} objects)",
                        params["categories"] == nil ? path : path / "categories")
                continue
            }
            var values: [String] = []
            for (i, item) in list.enumerated() {
                if let value = item.stringValue ?? item["label"]?.stringValue ?? item["value"]?.stringValue, !value.isEmpty {
                    if !values.contains(value) { values.append(value) }
                } else {
                    problem("a category must be a string or an object with \"label\"", record.path / "params" / "categories" / i)
                }
            }
            var ids: [String: String] = [:]
            for (key, value) in params["category_ids"]?.objectValue ?? [:] { ids[key] = value.stringValue }
            read.append((record, task, ScaleCategories(values: values, allowMultiple: params["allow_multiple"]?.boolValue ?? false, ids: ids)))
        }

        let types = leftOut.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let hint = "termlabel answers Scale categorization tasks; drawing, segmentation, transcription and comparison tasks need Scale's own tools"
        if read.isEmpty, errors.isEmpty {
            let message = leftOut.isEmpty ? "the file holds no Scale tasks" : "no Scale task here is one termlabel can answer: \(types)"
            throw DiagnosticsError(Diagnostic(.error, message, file: file, hint: leftOut.isEmpty ? nil : hint))
        }
        if !leftOut.isEmpty {
            let n = leftOut.values.reduce(0, +)
            warnings.append(Diagnostic(.warning, "left out \(n) Scale task\(n == 1 ? "" : "s") of types termlabel cannot answer: \(types)",
                                       file: file, hint: hint))
        }

        var built: JSONValue?
        var questions = ontology
        if ontology == nil {
            let schema = ScaleCategories.ontology(read.map(\.categories))
            built = schema
            questions = try? OntologyReader.read(Array(schema.description.utf8), file: "built ontology").ontology
        }

        var tasks: [NewTask] = []
        var counts: [String: Int] = [:]
        for (record, task, categories) in read {
            let externalId = task["unique_id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? task["task_id"]?.stringValue ?? ""
            let params = task["params"]?.objectValue ?? [:]
            let status = task["status"]?.stringValue ?? "pending"
            var readOnly: String?
            switch status {
            case "canceled":
                readOnly = "canceled in Scale"
                counts["read-only (canceled in Scale)", default: 0] += 1
            case "error":
                readOnly = "Scale reported an error for this task"
                counts["read-only (error in Scale)", default: 0] += 1
            default: break
            }
            counts["Scale categorization tasks", default: 0] += 1
            var annotations = Annotations.empty
            if let response = task["response"]?.objectValue, let category = response["category"], !category.isNull {
                let answer = category.stringValue.map { [$0] } ?? category.arrayValue?.compactMap(\.stringValue) ?? []
                if let questions, let question = ScaleCategories.question(in: questions, categories: categories.values, values: answer) {
                    annotations.classifications = [PreLabel.classification(question, answer: answer)]
                    for value in answer where !question.choices.contains(value) {
                        warnings.append(records.diagnostic(
                            .warning, "the response's category \"\(value)\" is not an option of \"\(question.title)\"",
                            at: record.path / "response" / "category", in: record))
                    }
                } else {
                    warnings.append(records.diagnostic(
                        .warning, "no question of the ontology offers this task's categories; its response is not a pre-label",
                        at: record.path / "response", in: record))
                }
            }
            let taskId = task["task_id"]?.stringValue
            tasks.append(NewTask(
                externalId: externalId, asset: params["attachment"] ?? "",
                metadata: task["metadata"].flatMap { $0.objectValue != nil ? $0 : nil } ?? [:],
                annotations: annotations,
                taskId: taskId.flatMap { isAngoTaskId($0) ? $0 : nil },
                source: SourceRecord(format: .scale, record: .object(task)),
                readOnlyReason: readOnly, instruction: task["instruction"]?.stringValue))
        }

        var seen: [String: Int] = [:]
        for task in tasks { seen[task.externalId, default: 0] += 1 }
        let repeated = seen.filter { $0.value > 1 }.keys.sorted()
        if !repeated.isEmpty {
            warnings.append(Diagnostic(.warning, "\(repeated.count) externalId(s) appear more than once (\(repeated.prefix(5).joined(separator: ", "))); only the first of each is added", file: file))
        }
        if !errors.isEmpty {
            if errors.count > AssetReader.errorLimit {
                let more = errors.count - AssetReader.errorLimit
                errors = Array(errors.prefix(AssetReader.errorLimit))
                errors.append(Diagnostic(.error, "… and \(more) more errors", file: file))
            }
            throw DiagnosticsError(errors)
        }
        var file = AssetFile(kind: .scale, tasks: tasks, warnings: warnings, counts: counts)
        file.builtOntology = built
        return file
    }

    /// Scale's task ids are 24 hexadecimal characters, as Ango's are: kept as the task's id.
    static func isAngoTaskId(_ id: String) -> Bool {
        id.utf8.count == 24 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
