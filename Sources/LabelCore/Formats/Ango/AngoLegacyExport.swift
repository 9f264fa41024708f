import OrderedCollections

/// Ango's legacy export (2021 to mid-2023): assets with a `tasks` list, one task per annotator
/// (several with consensus), each with `objects`, `classifications`, `relations` and a `review`.
/// The answers of the first task become pre-labels in the Label stage (the legacy format keeps
/// no stage history to rebuild where the task stood); the asset's own fields (`labeledAt`,
/// `status`, `consensus`, …) pass through to the export.
enum AngoLegacyExport {
    static func read(_ source: AssetSource, format: String) throws(DiagnosticsError) -> AssetFile {
        var problems = ProblemList(file: source.file)
        var tasks: [NewTask] = []
        var consensus = 0
        var brush = 0
        let (records, errors) = source.records()
        for e in errors { problems.add(e) }
        for record in records {
            guard let object = record.value.objectValue else {
                problems.error("an asset must be an object, found \(record.value.kindName)", record)
                continue
            }
            guard let asset = object["asset"] ?? object["data"] else {
                problems.error("the asset has no \"asset\"", record)
                continue
            }
            guard let list = object["tasks"]?.arrayValue else {
                problems.error("the asset has no \"tasks\" list", record, hint: "a legacy Ango export has one \"tasks\" list per asset")
                continue
            }
            if list.count > 1 { consensus += 1 }
            let first = list.first?.objectValue ?? [:]
            if first["brushDataUrl"] != nil || first["medicalBrushDataUrl"] != nil { brush += 1 }
            var extra = object
            for key in ["asset", "data", "externalId", "metadata", "batches", "tasks"] { extra.removeValue(forKey: key) }
            let externalId = object["externalId"].flatMap(LabelStudioFormat.idText) ?? "\(source.baseName)-\(record.number)"
            tasks.append(NewTask(
                externalId: externalId, asset: asset, metadata: object["metadata"] ?? [:], batches: object["batches"]?.arrayValue ?? [],
                annotations: Annotations(from: first), extra: extra, taskId: first["taskId"]?.stringValue,
                updatedAt: first["updatedAt"]?.stringValue.flatMap { Timestamp(iso8601: $0) }, updatedBy: first["updatedBy"]?.stringValue))
        }
        try problems.check()
        var warnings = problems.warnings
        if consensus > 0 {
            warnings.append(Diagnostic(.warning, "\(consensus) asset\(consensus == 1 ? " has" : "s have") several tasks (consensus); the first task's answers are used", file: source.file))
        }
        if brush > 0 {
            warnings.append(Diagnostic(.warning, "\(brush) task\(brush == 1 ? " has" : "s have") brush masks (brushDataUrl), which termlabel does not read", file: source.file))
        }
        if tasks.isEmpty { throw DiagnosticsError(Diagnostic(.error, "the file holds no assets", file: source.file)) }
        var file = AssetFile(kind: source.document == nil ? .jsonLines : source.document?.arrayValue != nil ? .jsonArray : .jsonObject, tasks: tasks, warnings: warnings,
                             counts: ["legacy Ango export assets": tasks.count])
        file.format = format
        file.notes = ["A legacy Ango export keeps no stage history: its answers are pre-labels in the Label stage."]
        return file
    }
}
