import LabelCore

/// Issues on the open task and putting it on hold.
extension LabelSession {
    /// Reads the open task's issues and hold again (after a change, or when it is shown).
    func reloadIssues() throws {
        guard let id = open?.task.id else { return }
        open?.issues = try store.issues(taskId: id)
        open?.hold = open?.task.status == .hold ? try store.hold(taskId: id) : nil
    }

    /// Opens an issue on the open task (on a question, or the whole task).
    func openIssue(schemaId: String?, content: String, code: String?) throws {
        guard let current = open else { return }
        let issue = try store.openIssue(NewIssue(taskId: current.task.id, schemaId: schemaId, content: content, errorCode: code,
                                                 user: user, at: .now()))
        try reloadIssues()
        let on = schemaId.flatMap { ontology.question($0) }.map { "on “\($0.title)”" } ?? "on the task"
        let next = stage == .review
            ? " \(keymap.shown(.reject, in: .normal)) sends the task back to the labeler with it."
            : ""
        message = Message(text: "Issue #\(issue.id) opened \(on).\(next)", isError: false)
    }

    /// Resolves an open issue of the open task, with an answer.
    func resolveIssue(id: Int64, comment: String) throws {
        _ = try store.resolveIssue(id: id, by: user, comment: comment, at: .now())
        try reloadIssues()
        let left = open?.issues.filter(\.isOpen).count ?? 0
        message = Message(text: "Issue #\(id) resolved." + (left > 0 ? " \(left) still open." : ""), isError: false)
    }

    /// Puts the open task on hold: it stays this user's, saved, and cannot be submitted until a
    /// manager forwards it.
    func putOnHold(reason: String) throws {
        guard let current = open, current.access.holds else { return }
        try saveDraft()
        _ = try store.hold(.taskIds([current.task.taskId]), reason: reason, by: user, at: .now())
        if let task = try store.task(id: current.task.id) { open?.task = task }
        try reloadIssues()
        queueChange = .rows
        message = Message(text: "\(current.task.externalId) is on hold: edit and save it; a manager forwards it with termlabel requeue.",
                          isError: false)
    }

    /// The open issues that stop this user's submit: in review every one (unless the task is sent
    /// back), in labeling those someone else opened (`SubmitGuard` in the store says the same).
    func blockingIssues(_ current: OpenTask) -> [TaskIssue] {
        current.issues.filter { $0.isOpen && (stage == .review || $0.createdBy != user) }
    }

    /// Why the open task cannot be submitted for its hold or issues; nil when it can. The cursor
    /// goes to the question of the first blocking issue.
    func holdOrIssuesRefusal(_ current: OpenTask) throws -> String? {
        if let hold = current.hold {
            return "On hold (\(hold.reason)): saved but not submitted until a manager forwards it."
        }
        let blocking = blockingIssues(current)
        guard let first = blocking.first else { return nil }
        if let id = first.schemaId, current.form.visibleQuestions.contains(where: { $0.question.schemaId == id }) {
            try applyForm(.focus(id), record: false)
        }
        let resolve = keymap.shown(.resolveIssue, in: .normal)
        let how = stage == .review
            ? "\(resolve) resolves \(blocking.count == 1 ? "it" : "each"), \(keymap.shown(.reject, in: .normal)) sends the task back with \(blocking.count == 1 ? "it" : "them")"
            : "\(resolve) resolves \(blocking.count == 1 ? "it" : "each") once fixed"
        return "Cannot submit: \(blocking.count) open issue\(blocking.count == 1 ? "" : "s") (#\(first.id) first); \(how)."
    }
}
