/// What the Ango export adds to tasks from outside their rows: their issues and holds, read once
/// for the whole export (a project has few of them against its tasks).
struct TaskAnnex {
    var issues: [Int64: [TaskIssue]] = [:]
    var holds: [Int64: TaskHold] = [:]

    init(_ store: any ProjectStore) throws {
        for issue in try store.issues(includeResolved: true) { issues[issue.taskId, default: []].append(issue) }
        for hold in try store.tasksOnHold() { holds[hold.taskId] = hold }
    }

    func has(_ taskId: Int64) -> Bool { issues[taskId] != nil || holds[taskId] != nil }

    /// The record with its issues and hold.
    func complete(_ record: TaskRecord) -> TaskRecord {
        guard has(record.task.id) else { return record }
        var record = record
        record.issues = issues[record.task.id] ?? []
        record.hold = holds[record.task.id]
        return record
    }
}
