/// Ango Hub's API task responses: get-tasks (`{"status", "data": {"tasks": […], "total"}}`) and
/// get-task (`{"data": {"task": {…}}}`). Each task is read as a task, not as one asset: its
/// `asset.externalId` and `asset.data`, its `_id` as the taskId, and its `answer` (tools,
/// classifications, relations) as pre-labels. The API names nested answers by option schemaIds,
/// not values; they are kept as they came.
public struct AngoAPIFormat: AssetFormat {
    public let name = "ango-api"
    public let title = "an Ango API task response"
    public init() {}

    public func detect(_ source: AssetSource) -> Detection? {
        guard let json = source.document else { return nil }
        if json["data"]?["tasks"]?.arrayValue != nil { return .certain("\"data\": {\"tasks\": […]}") }
        if json["data"]?["task"]?.objectValue != nil { return .certain("\"data\": {\"task\": {…}}") }
        return nil
    }

    public func read(_ source: AssetSource) throws(DiagnosticsError) -> AssetFile {
        let json = source.document ?? .null
        let list: [JSONValue]
        let base: JSONPath
        if let tasks = json["data"]?["tasks"]?.arrayValue {
            list = tasks
            base = JSONPath.root / "data" / "tasks"
        } else if let task = json["data"]?["task"] {
            list = [task]
            base = JSONPath.root / "data" / "task"
        } else {
            throw DiagnosticsError(Diagnostic(.error, "no \"data.tasks\" list", file: source.file))
        }
        var problems = ProblemList(file: source.file)
        var tasks: [NewTask] = []
        let single = json["data"]?["tasks"] == nil
        for (i, item) in list.enumerated() {
            let path = single ? base : base / i
            let bytes = source.bytes
            let record = LocatedRecord(value: item, path: path, number: i + 1) { JSONParser.location(of: $0, in: bytes) }
            guard let task = item.objectValue else {
                problems.error("a task must be an object, found \(item.kindName)", record)
                continue
            }
            guard let asset = task["asset"]?.objectValue, let data = asset["data"] else {
                problems.error("the task has no \"asset\" with \"data\"", record, at: path / "asset")
                continue
            }
            let externalId = asset["externalId"].flatMap(LabelStudioFormat.idText) ?? "\(source.baseName)-\(i + 1)"
            let answer = task["answer"]?.objectValue ?? [:]
            tasks.append(NewTask(
                externalId: externalId, asset: data, metadata: asset["metadata"] ?? [:], annotations: Annotations(from: answer),
                taskId: task["_id"]?.stringValue,
                updatedAt: task["updatedAt"]?.stringValue.flatMap { Timestamp(iso8601: $0) }, updatedBy: task["updatedBy"]?.stringValue))
        }
        try problems.check()
        if tasks.isEmpty { throw DiagnosticsError(Diagnostic(.error, "the response holds no tasks", file: source.file)) }
        var file = AssetFile(kind: .jsonObject, tasks: tasks, warnings: problems.warnings, counts: ["Ango API tasks": tasks.count])
        file.format = name
        file.notes = ["Ango API tasks enter the Label stage with their answers as pre-labels; answers given by option schemaId are kept as they came."]
        return file
    }
}
