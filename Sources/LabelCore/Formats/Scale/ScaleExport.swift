import Foundation
import OrderedCollections

/// Writes tasks as Scale task objects, streaming. A task read from Scale is written back as it
/// came, with what termlabel changed: `status`, `completed_at`, `response`, `audits`, and
/// `metadata.termlabel`. A task nobody has worked on here is written exactly as it came.
///
/// - `response.category`: the answer to the question offering the task's categories (a string,
///   or a list for a question that takes several), as Scale's categorization response has it.
/// - `response.classifications`: the whole form's answers, as Ango classification objects.
/// - `audits`: Scale's own audits, then one per review here: `audit_result` accepted, rejected or
///   fixed, `audit_time_secs` the review's active time, `audit_source` "termlabel".
public enum ScaleExport {
    @discardableResult
    public static func export(_ store: any ProjectStore, options: RecordExportOptions, to path: String?) throws -> Int {
        let settings = try store.settings()
        let ontology = try settings.ontology()
        return try ExportFile.write(to: path) { out in
            try ExportFile.records(store, stage: options.stage, jsonLines: options.jsonLines, to: &out) {
                task($0, ontology: ontology, options: options)
            }
        }
    }

    /// One task object.
    public static func task(_ record: TaskRecord, ontology: Ontology, options: RecordExportOptions) -> JSONValue {
        let task = record.task
        let source = record.source?.format == .scale ? record.source?.record.objectValue : nil
        var object = source ?? fresh(task, ontology: ontology)
        let work = TaskWork(record)
        guard task.readOnlyReason == nil, !work.isEmpty || source == nil else { return .object(object) }
        if task.stage == .complete {
            object["status"] = "completed"
            if let at = work.completedAt ?? task.updatedAt { object["completed_at"] = .string(at.iso8601) }
            object["response"] = response(task.annotations.classifications, source: source, ontology: ontology)
        } else {
            object["status"] = "pending"
            object.removeValue(forKey: "completed_at")
            object.removeValue(forKey: "response")
        }
        if !work.isEmpty {
            var metadata = object["metadata"]?.objectValue ?? [:]
            metadata["termlabel"] = work.json(includeIdle: options.includeIdle)
            object["metadata"] = .object(metadata)
        }
        let audits = work.reviews.map(audit)
        if !audits.isEmpty { object["audits"] = .array((object["audits"]?.arrayValue ?? []) + audits) }
        return .object(object)
    }

    /// The response of a completed task: the category question's answer and every answer.
    static func response(_ classifications: [JSONValue], source: JSONObject?, ontology: Ontology) -> JSONValue {
        var response = JSONObject()
        let categories = (source?["params"]?["categories"]?.arrayValue ?? []).compactMap { $0.stringValue ?? $0["label"]?.stringValue }
        let form = FormState(ontology: ontology, context: FormContext(taskId: "", user: "", stageId: ""), classifications: classifications)
        let question = ScaleCategories.question(in: ontology, categories: categories) ?? ScaleCategories.firstQuestion(in: ontology)
        if let question, let answer = form.answer(question.schemaId) {
            response["category"] = question.kind.answersWithList ? answer.json : .string(answer.values.first ?? "")
        }
        response["classifications"] = .array(classifications)
        return .object(response)
    }

    static func audit(_ review: StageHistoryEntry) -> JSONValue {
        var audit: JSONObject = [:]
        if let by = review.completedBy { audit["audited_by"] = .string(by) }
        if let at = review.completedAt { audit["audited_at"] = .string(at.iso8601) }
        audit["audit_time_secs"] = .int((review.duration + 500) / 1000)
        audit["audit_result"] = .string((review.reviewStatus ?? .accepted).rawValue.lowercased())
        audit["audit_source"] = "termlabel"
        if let comment = review.comment { audit["comment"] = .string(comment) }
        return .object(audit)
    }

    /// A task object for a task that did not come from Scale: a categorization task whose
    /// categories are the first choice question's options.
    static func fresh(_ task: LabelTask, ontology: Ontology) -> JSONObject {
        var params: JSONObject = [:]
        let text = task.asset.stringValue ?? task.asset.description
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            let image = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff"].contains { lower.hasSuffix($0) }
            params["attachment_type"] = image ? "image" : "website"
        } else {
            params["attachment_type"] = "text"
        }
        params["attachment"] = .string(text)
        if let question = ScaleCategories.firstQuestion(in: ontology) {
            params["categories"] = .array(question.choices.map(JSONValue.string))
            if question.kind.answersWithList { params["allow_multiple"] = true }
        }
        var object: JSONObject = ["task_id": .string(task.taskId), "type": "categorization", "status": "pending"]
        if let instruction = task.instruction { object["instruction"] = .string(instruction) }
        object["params"] = .object(params)
        object["metadata"] = task.metadata.objectValue != nil ? task.metadata : [:]
        object["unique_id"] = .string(task.externalId)
        return object
    }
}
