import OrderedCollections

/// Prodigy's JSON Lines (its `db-out` export and its input files): `{"text", "meta", "label",
/// "answer", "_input_hash", "_task_hash", …}`, or `{"text", "options", "accept", "answer"}`
/// from a multiple-choice recipe.
///
/// The text (or an `image` URL) becomes the asset and `meta` the metadata; `_task_hash` names the
/// task. A binary answer (`label` + `accept`/`reject`) is a decision on that label; the chosen
/// `accept` options of a choice task are its labels; `ignore` keeps the task as skipped. Other
/// keys (`priority`, the hashes, `spans` …) pass through to the export as they came; spans are
/// reported, since termlabel does not answer them.
public struct ProdigyFormat: AssetFormat {
    public let name = "prodigy"
    public let title = "Prodigy data"
    public init() {}

    static let ownKeys = ["_input_hash", "_task_hash", "answer", "accept", "_view_id", "_session_id", "spans"]

    public func detect(_ source: AssetSource) -> Detection? {
        for record in source.sample where record["text"]?.stringValue != nil || record["image"]?.stringValue != nil {
            if let key = Self.ownKeys.first(where: { record[$0] != nil }) { return .certain("records with \"text\" and \"\(key)\"") }
        }
        if !source.sample.isEmpty, source.sample.allSatisfy({ record in
            record["text"]?.stringValue != nil && record.objectValue!.keys.allSatisfy { ["text", "meta"].contains($0) }
        }) {
            return .possible("records with \"text\"")
        }
        return nil
    }

    public func read(_ source: AssetSource) throws(DiagnosticsError) -> AssetFile {
        var out = ForeignAssets(file: source.file)
        let (records, errors) = source.records()
        for e in errors { out.problems.add(e) }
        var spans = 0
        for record in records {
            guard let object = record.value.objectValue else {
                out.problems.error("a record must be an object, found \(record.value.kindName)", record)
                continue
            }
            guard let asset = object["text"] ?? object["image"], asset.stringValue != nil else {
                out.problems.error("the record has no \"text\"", record, hint: "each Prodigy record needs the text to label (or an \"image\" URL)")
                continue
            }
            let externalId = object["_task_hash"].flatMap(LabelStudioFormat.idText) ?? "\(source.baseName)-\(record.number)"
            var extra = object
            for key in ["text", "image", "meta", "label", "answer", "accept", "options"] { extra.removeValue(forKey: key) }
            if let s = object["spans"]?.arrayValue, !s.isEmpty { spans += 1 }
            var labels: [ForeignLabel] = []
            var skippedBy: String?
            var skippedAt: Timestamp?
            let answer = object["answer"]?.stringValue
            switch answer {
            case "ignore":
                skippedBy = object["_annotator_id"]?.stringValue ?? object["_session_id"]?.stringValue ?? "prodigy"
                skippedAt = object["_timestamp"]?.intValue.map { Timestamp(millisecondsSince1970: Int64($0) * 1000) }
                out.count("ignored (kept as skipped)")
            case "accept", "reject":
                out.count(answer == "accept" ? "accepted" : "rejected")
                if let options = object["options"]?.arrayValue {
                    if answer == "accept" {
                        let chosen = (object["accept"]?.arrayValue ?? []).map { id in
                            options.first { $0["id"] == id }?["text"]?.stringValue ?? LabelStudioFormat.idText(id) ?? id.description
                        }
                        labels.append(.choices(question: nil, values: chosen))
                    }
                } else if let label = object["label"]?.stringValue {
                    labels.append(.decision(label: label, accepted: answer == "accept"))
                }
            default:
                break
            }
            out.count("Prodigy records")
            out.append(NewTask(
                externalId: externalId, asset: asset, metadata: object["meta"] ?? [:], extra: extra, updatedAt: skippedAt,
                skippedBy: skippedBy), labels,
                by: object["_annotator_id"]?.stringValue, at: object["_timestamp"]?.intValue.map { Timestamp(millisecondsSince1970: Int64($0) * 1000) })
        }
        if spans > 0 {
            out.problems.add(Diagnostic(
                .warning, "\(spans) record\(spans == 1 ? " has" : "s have") \"spans\" (named entities), which termlabel cannot answer; they are kept as they came and passed through to the export",
                file: source.file))
        }
        return try out.finish(source, format: name)
    }
}
