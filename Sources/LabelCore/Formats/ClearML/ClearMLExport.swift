import Foundation
import OrderedCollections

/// Writes tasks as ClearML frames (`datasets.frame`), streaming. A frame read from ClearML is
/// written back as it came, its ROIs value for value (keys in their order, numbers as written),
/// except that the frame-level ROIs the form answers are replaced by the answers: one ROI per
/// answered question, `{"label": [values], "meta": {"question", "schemaId", "annotator"},
/// "confidence": 1}`. The frame's `meta.termlabel` holds the stage, annotator, reviewer and
/// durations. A frame nobody has worked on here is written exactly as it came.
public enum ClearMLExport {
    @discardableResult
    public static func export(_ store: any ProjectStore, options: RecordExportOptions, to path: String?) throws -> Int {
        let settings = try store.settings()
        let ontology = try settings.ontology()
        return try ExportFile.write(to: path) { out in
            try ExportFile.records(store, stage: options.stage, jsonLines: options.jsonLines, to: &out) {
                frame($0, ontology: ontology, settings: settings, options: options)
            }
        }
    }

    /// One frame.
    public static func frame(_ record: TaskRecord, ontology: Ontology, settings: ProjectSettings, options: RecordExportOptions) -> JSONValue {
        let task = record.task
        let source = record.source?.format == .clearml ? record.source?.record.objectValue : nil
        var frame = source ?? fresh(task)
        let work = TaskWork(record)
        let classifications = record.draft?.classifications ?? task.annotations.classifications
        guard !work.isEmpty || source == nil else { return .object(frame) }
        let kept = (frame["rois"]?.arrayValue ?? []).filter { !ClearMLROI.isAnswered($0, by: ontology) }
        let annotator = work.draft.map { settings.exportName(of: $0.user) } ?? work.annotator
        frame["rois"] = .array(kept + rois(classifications, ontology: ontology, annotator: annotator))
        if !work.isEmpty {
            var meta = frame["meta"]?.objectValue ?? [:]
            meta["termlabel"] = work.json(includeIdle: options.includeIdle)
            frame["meta"] = .object(meta)
        }
        return .object(frame)
    }

    /// The answers as frame-level ROIs, in the form's order; nested answers each their own ROI.
    static func rois(_ classifications: [JSONValue], ontology: Ontology, annotator: String?) -> [JSONValue] {
        let form = FormState(ontology: ontology, context: FormContext(taskId: "", user: "", stageId: ""), classifications: classifications)
        return form.visibleQuestions.compactMap { row -> JSONValue? in
            guard let answer = form.answers[row.question.schemaId], !answer.value.isEmpty else { return nil }
            var meta: JSONObject = ["question": .string(row.question.title), "schemaId": .string(row.question.schemaId)]
            let by = answer.metadata["updatedBy"]?.stringValue ?? answer.metadata["createdBy"]?.stringValue ?? annotator
            if let by { meta["annotator"] = .string(by) }
            return ["label": .array(answer.value.values.map(JSONValue.string)), "meta": .object(meta), "confidence": 1]
        }
    }

    /// A frame for a task that did not come from ClearML: its asset as the one source.
    static func fresh(_ task: LabelTask) -> JSONObject {
        let uri = task.asset.stringValue ?? task.asset.description
        return ["id": .string(task.externalId), "context_id": .string(task.externalId),
                "sources": [["id": "default", "uri": .string(uri)]], "rois": []]
    }
}
