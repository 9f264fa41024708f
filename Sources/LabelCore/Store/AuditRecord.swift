/// What the audit log keeps of a change that takes something away, the same in every store:
/// the store reads the rows, this builds the record.
public enum AuditRecord {
    /// A requeue of `task`: where it goes, and what the request takes away (its drafts, answers,
    /// assignee, stage history with its labeler, review comment).
    public static func requeue(_ task: LabelTask, drafts: [Draft], history: [JSONValue], request r: RequeueRequest) -> JSONValue {
        var removed: JSONObject = [:]
        if !drafts.isEmpty {
            removed["drafts"] = .array(drafts.map { d in
                ["stage": .string(d.stage.name), "user": .string(d.user), "classifications": .array(d.classifications),
                 "savedAt": .string(d.savedAt.iso8601)]
            })
        }
        if r.removeAnswers, task.annotations != .empty { removed["answers"] = answers(task.annotations) }
        if r.removeAssignee, let assignee = task.assignee { removed["assignee"] = .string(assignee) }
        if r.removeHistory {
            if !history.isEmpty { removed["stageHistory"] = .array(history) }
            if let labeler = task.labeler { removed["labeler"] = .string(labeler) }
        }
        if let comment = task.reviewComment { removed["reviewComment"] = .string(comment) }
        return ["taskId": .string(task.taskId), "from": .string(task.stage.name), "to": .string(r.to.name), "removed": .object(removed)]
    }

    /// Pre-labels replaced by an `add`: the answers they held.
    public static func replacedPreLabels(taskId: String, old: Annotations) -> JSONValue {
        ["taskId": .string(taskId), "removed": ["answers": answers(old)]]
    }

    static func answers(_ a: Annotations) -> JSONValue {
        .object(["tools": .array(a.tools), "classifications": .array(a.classifications), "relations": .array(a.relations)])
    }
}
