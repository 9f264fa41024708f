import OrderedCollections

/// What a reader of another tool's export collects: the tasks and, for each, the labels it
/// had. `finish` matches the labels to the ontology (or builds one) and makes the asset file.
struct ForeignAssets {
    var tasks: [NewTask] = []
    var labels: [[ForeignLabel]] = []
    /// Who gave each task's labels and when, as Ango answer metadata (`createdBy`, `createdAt`).
    var provenance: [JSONObject?] = []
    var problems: ProblemList
    var counts: OrderedDictionary<String, Int> = [:]
    var notes: [String] = []

    init(file: String) { problems = ProblemList(file: file) }

    mutating func append(_ task: NewTask, _ taskLabels: [ForeignLabel], by user: String? = nil, at time: Timestamp? = nil) {
        tasks.append(task)
        labels.append(taskLabels)
        var metadata = JSONObject()
        if let time { metadata["createdAt"] = .string(time.iso8601) }
        if let user { metadata["createdBy"] = .string(user) }
        provenance.append(metadata.isEmpty ? nil : metadata)
    }

    mutating func count(_ what: String, _ n: Int = 1) { counts[what, default: 0] += n }

    func finish(_ source: AssetSource, format: String) throws(DiagnosticsError) -> AssetFile {
        try problems.check()
        var warnings = problems.warnings
        if tasks.isEmpty {
            throw DiagnosticsError(warnings + [Diagnostic(.error, "the file holds no records with text to label", file: source.file)])
        }
        let matched = LabelMatcher.resolve(labels, ontology: source.options.ontology)
        var out = tasks
        for i in out.indices {
            out[i].annotations.classifications = matched.classifications[i].map { answer in
                guard let metadata = provenance[i], var object = answer.objectValue else { return answer }
                object["metadata"] = .object(metadata)
                object["classifications"] = object.removeValue(forKey: "classifications")
                return .object(object)
            }
        }
        if !matched.unmatched.isEmpty {
            let list = matched.unmatched.prefix(8).map { "\"\($0.key)\" (\($0.value))" }.joined(separator: ", ")
            let total = matched.unmatched.values.reduce(0, +)
            warnings.append(Diagnostic(
                .warning, "\(total) label\(total == 1 ? "" : "s") match no question of the ontology and are left out: \(list)",
                file: source.file, hint: "add them as options of a radio or checkbox question, or leave out --ontology to build one"))
        }
        if matched.truncated > 0 {
            warnings.append(Diagnostic(
                .warning, "\(matched.truncated) task\(matched.truncated == 1 ? " has" : "s have") more than one label for a question that takes one; the first is kept",
                file: source.file))
        }
        var seen: [String: Int] = [:]
        for task in out { seen[task.externalId, default: 0] += 1 }
        let repeated = seen.filter { $0.value > 1 }
        if !repeated.isEmpty {
            let names = repeated.keys.sorted().prefix(5).joined(separator: ", ")
            warnings.append(Diagnostic(.warning, "\(repeated.count) externalId(s) appear more than once (\(names)); only the first of each is added", file: source.file))
        }
        let kind: AssetFile.Kind = switch source.layout {
        case .document(let json): json.arrayValue != nil ? .jsonArray : .jsonObject
        case .lines: .jsonLines
        case .csv: .csv
        }
        var file = AssetFile(kind: kind, tasks: out, warnings: warnings, counts: Dictionary(uniqueKeysWithValues: counts.map { ($0.key, $0.value) }))
        file.format = format
        file.builtOntology = matched.builtOntology
        file.notes = notes
        return file
    }
}
