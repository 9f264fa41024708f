import Foundation
import OrderedCollections

/// Reads ClearML Hyper-Dataset frames (`datasets.frame`): a JSON array, JSON Lines, one frame, or
/// the `frames` list of a `get_snippet`/`get_next` response. The first source's URI is the asset;
/// the frame's id, context, meta and sources are shown as metadata; frame-level ROI labels become
/// pre-labels. The whole frame is kept, so `export --format clearml` writes every other ROI back
/// as it came.
public enum ClearMLFrameReader {
    /// Whether a value is a frame: `sources` that are objects with a `uri` or `id`, or `rois` with
    /// a `context_id`.
    public static func isFrame(_ value: JSONValue) -> Bool {
        guard let object = value.objectValue else { return false }
        if let first = object["sources"]?.arrayValue?.first?.objectValue, first["uri"] != nil || first["id"] != nil { return true }
        return object["rois"]?.arrayValue != nil && object["context_id"] != nil
    }

    /// Whether parsed JSON holds frames: a frame, an array with one among its first items, or a response with
    /// a `frames` list (also inside the API's `data` envelope).
    public static func detect(_ json: JSONValue) -> Bool {
        if isFrame(json) { return true }
        if let items = json.arrayValue { return items.prefix(20).contains(where: isFrame) }
        for frames in [json["frames"], json["data"]?["frames"]] {
            if let list = frames?.arrayValue { return list.first.map(isFrame) ?? true }
        }
        return false
    }

    /// The schemaId of the question termlabel builds from frame-level labels.
    public static let questionId = "clearml-frame-labels"

    public static func read(_ bytes: [UInt8], file: String, ontology: Ontology? = nil) throws(DiagnosticsError) -> AssetFile {
        let records = try JSONRecords(bytes, file: file, listKeys: [["frames"], ["data", "frames"]])
        var errors = records.syntaxErrors
        var warnings: [Diagnostic] = []
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var frames: [(record: JSONRecords.Record, frame: JSONObject, externalId: String, asset: String)] = []
        var seenLabels = OrderedSet<String>()

        for record in records.records {
            func problem(_ message: String, _ path: JSONPath, hint: String? = nil) {
                errors.append(records.diagnostic(.error, message, at: path, in: record, hint: hint))
            }
            guard let frame = record.value.objectValue else {
                problem("a ClearML frame must be an object, found \(record.value.kindName)", record.path)
                continue
            }
            let sources = frame["sources"]?.arrayValue ?? []
            guard let uri = sources.first?["uri"]?.stringValue ?? frame["src"]?.stringValue, !uri.isEmpty else {
                problem(sources.isEmpty ? "a ClearML frame needs \"sources\" (a list of {\"id\", \"uri\"})" : "the frame's first source has no \"uri\"",
                        sources.isEmpty ? record.path : record.path / "sources" / 0)
                continue
            }
            if let rois = frame["rois"], rois.arrayValue == nil {
                problem("\"rois\" must be a list", record.path / "rois")
                continue
            }
            for roi in frame["rois"]?.arrayValue ?? [] where ClearMLROI.isFrameLevel(roi) {
                seenLabels.formUnion(ClearMLROI.labels(roi))
            }
            frames.append((record, frame, externalId(frame, fallback: "\(base)-\(record.number)"), uri))
        }
        if frames.isEmpty, errors.isEmpty { throw DiagnosticsError(Diagnostic(.error, "the file holds no ClearML frames", file: file)) }

        var built: JSONValue?
        var questions = ontology
        if ontology == nil, !seenLabels.isEmpty {
            let question: JSONObject = [
                "tool": "checkbox", "title": "Frame labels", "schemaId": .string(questionId), "required": false,
                "options": .array(seenLabels.map { ["value": .string($0), "schemaId": .string($0)] }), "classifications": [],
            ]
            let schema: JSONValue = ["tools": [], "classifications": [.object(question)], "relations": []]
            built = schema
            questions = try? OntologyReader.read(Array(schema.description.utf8), file: "built ontology").ontology
        }

        var tasks: [NewTask] = []
        for (record, frame, externalId, uri) in frames {
            var answers = OrderedDictionary<String, (question: Question, values: [String])>()
            for (i, roi) in (frame["rois"]?.arrayValue ?? []).enumerated() where ClearMLROI.isFrameLevel(roi) {
                for label in ClearMLROI.labels(roi) {
                    guard let questions, let question = ClearMLROI.question(for: label, in: questions) else {
                        warnings.append(records.diagnostic(
                            .warning, "the frame-level label \"\(label)\" is no option of the ontology; the ROI is kept as it came",
                            at: record.path / "rois" / i, in: record))
                        continue
                    }
                    var entry = answers[question.schemaId] ?? (question, [])
                    if !entry.values.contains(label) { entry.values.append(label) }
                    answers[question.schemaId] = entry
                }
            }
            var classifications: [JSONValue] = []
            for (_, entry) in answers {
                if !entry.question.kind.answersWithList, entry.values.count > 1 {
                    warnings.append(records.diagnostic(
                        .warning, "\"\(entry.question.title)\" takes one answer but the frame has \(entry.values.count) labels for it (\(entry.values.joined(separator: ", "))); the first is the pre-label",
                        at: record.path / "rois", in: record))
                }
                classifications.append(PreLabel.classification(
                    entry.question, answer: entry.question.kind.answersWithList ? entry.values : [entry.values[0]]))
            }
            tasks.append(NewTask(
                externalId: externalId, asset: .string(uri), metadata: metadata(frame),
                annotations: Annotations(classifications: classifications),
                source: SourceRecord(format: .clearml, record: .object(frame))))
        }
        if !errors.isEmpty {
            if errors.count > AssetReader.errorLimit {
                let more = errors.count - AssetReader.errorLimit
                errors = Array(errors.prefix(AssetReader.errorLimit))
                errors.append(Diagnostic(.error, "… and \(more) more errors", file: file))
            }
            throw DiagnosticsError(errors)
        }
        var seen: [String: Int] = [:]
        for task in tasks { seen[task.externalId, default: 0] += 1 }
        let repeated = seen.filter { $0.value > 1 }.keys.sorted()
        if !repeated.isEmpty {
            warnings.append(Diagnostic(.warning, "\(repeated.count) externalId(s) appear more than once (\(repeated.prefix(5).joined(separator: ", "))); only the first of each is added", file: file))
        }
        var file = AssetFile(kind: .clearml, tasks: tasks, warnings: warnings, counts: ["ClearML frames": tasks.count])
        file.builtOntology = built
        return file
    }

    /// The frame's `id`; else its `context_id` and `timestamp` (ClearML's own order of frames) as
    /// `context@timestamp`; else its place in the file.
    static func externalId(_ frame: JSONObject, fallback: String) -> String {
        switch frame["id"] {
        case .string(let s) where !s.isEmpty: return s
        case .number(let n): return n
        default: break
        }
        guard let context = frame["context_id"]?.stringValue, !context.isEmpty else { return fallback }
        if case .number(let t) = frame["timestamp"] { return "\(context)@\(t)" }
        return context
    }

    /// What the asset pane shows beside the URI: the frame's context, timestamp, meta and sources.
    static func metadata(_ frame: JSONObject) -> JSONValue {
        var out = JSONObject()
        for key in ["id", "context_id", "timestamp", "meta"] { if let v = frame[key] { out[key] = v } }
        let sources: [JSONValue] = (frame["sources"]?.arrayValue ?? []).map { source in
            var s = JSONObject()
            for key in ["id", "uri", "content_type", "width", "height"] { if let v = source[key] { s[key] = v } }
            if let preview = source["preview"]?["uri"] { s["preview"] = preview }
            return .object(s)
        }
        if !sources.isEmpty { out["sources"] = .array(sources) }
        return .object(out)
    }
}
