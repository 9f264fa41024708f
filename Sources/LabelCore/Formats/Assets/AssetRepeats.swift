/// Records of one file that a project cannot hold together: a repeated externalId, or a taskId
/// shared by records with different externalIds (an Ango export merged from two projects). Only
/// the first of each is added; the others are named here, with the reason.
public enum AssetRepeats {
    /// For each task, nil when it would be added, else the earlier record it collides with.
    public static func collisions(_ tasks: [NewTask]) -> [(task: NewTask, reason: SkippedTask.Reason)?] {
        var externalIds: Set<String> = []
        var taskIds: [String: String] = [:]
        return tasks.map { task in
            if externalIds.contains(task.externalId) { return (task, .externalIdRepeated) }
            if let taskId = task.taskId, let holder = taskIds[taskId] { return (task, .taskIdRepeated(taskId: taskId, externalId: holder)) }
            externalIds.insert(task.externalId)
            if let taskId = task.taskId { taskIds[taskId] = task.externalId }
            return nil
        }
    }

    /// How many tasks the file adds to an empty project.
    public static func distinctCount(_ tasks: [NewTask]) -> Int {
        collisions(tasks).filter { $0 == nil }.count
    }

    static func warnings(_ tasks: [NewTask], file: String) -> [Diagnostic] {
        warnings(collisions(tasks).compactMap { $0.map { SkippedTask(externalId: $0.task.externalId, reason: $0.reason) } }, file: file)
    }

    /// The same warnings from what a streamed add skipped as repeats within the file.
    public static func warnings(skipped: [SkippedTask], file: String) -> [Diagnostic] {
        warnings(skipped.filter {
            switch $0.reason {
            case .externalIdRepeated, .taskIdRepeated: true
            default: false
            }
        }, file: file)
    }

    static func warnings(_ found: [SkippedTask], file: String) -> [Diagnostic] {
        guard !found.isEmpty else { return [] }
        var byExternalId: [String] = []
        var byTaskId: [String] = []
        for task in found {
            switch task.reason {
            case .taskIdRepeated(let taskId, let holder):
                byTaskId.append("\(Excerpt.of(task.externalId)) (taskId \(Excerpt.of(taskId)), as \(Excerpt.of(holder)))")
            default: byExternalId.append(Excerpt.of(task.externalId))
            }
        }
        func list(_ names: [String]) -> String {
            names.prefix(5).joined(separator: ", ") + (names.count > 5 ? " and \(names.count - 5) more" : "")
        }
        var out: [Diagnostic] = []
        if !byExternalId.isEmpty {
            out.append(Diagnostic(.warning, "\(byExternalId.count) record(s) repeat an earlier record's externalId and will not be added: \(list(byExternalId))", file: file))
        }
        if !byTaskId.isEmpty {
            out.append(Diagnostic(.warning, "\(byTaskId.count) record(s) have the taskId of an earlier record with another externalId and will not be added: \(list(byTaskId))",
                                  file: file, hint: "each task needs its own taskId; remove \"taskId\" from these records to give them new ones"))
        }
        return out
    }
}
