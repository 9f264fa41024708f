import LabelCore
import TerminalUI

/// Leaving a task for good: submit (and take it back), auto-advance, skip.
extension LabelSession {
    func submit(review: ReviewStatus? = nil, comment: String? = nil) throws {
        guard let current = open else { return }
        if let reason = current.access.reason(keys: keymap), current.access != .review {
            message = Message(text: reason, isError: true)
            return
        }
        if review != .rejected || current.task.status == .hold, let refusal = try holdOrIssuesRefusal(current) {
            message = Message(text: refusal, isError: true)
            return
        }
        if review != .rejected, let problem = current.form.problems.first {
            try applyForm(.focusFirstProblem, record: false)
            message = Message(text: "Cannot submit: \(problem).", isError: true)
            return
        }
        let now = clock.now()
        let status = stage == .review ? (review ?? (current.edited ? .fixed : .accepted)) : nil
        let classifications = current.form.classifications()
        let time = current.timer.spent(at: now)
        // The submit and the hold of the next task are one transaction: one flush to disk.
        let done: SubmitAndClaim
        do {
            done = try store.submitAndClaimNext(Submission(
                taskId: current.task.id, stage: stage, user: user, classifications: classifications,
                time: time, at: .now(), reviewStatus: status, comment: comment))
        } catch let error as StoreError where error.tookTheTaskAway {
            takenAway(current, classifications: classifications, time: time, reason: error.description)
            return
        }
        let next = done.next
        let what = status.map { "\($0.rawValue.lowercased())" } ?? "submitted"
        open = nil
        // The store may have read the progress, and the next task's draft and issues, with the submit.
        progress = try done.shown?.progress ?? store.progress()
        try showNext(done.claimed, read: done.shown)
        if !queueEmpty {
            // A consensus answer that leaves the task in Label: the round waits for the others'.
            let moved = next == .label && stage == .label ? "; its consensus round waits for the other answers" : " → \(next.name)"
            message = Message(text: "\(current.task.externalId) \(what)\(moved).", isError: false)
        }
        if stage == .label { undoableSubmit = (current.task.id, current.task.externalId, open?.task.id) }
    }

    /// Auto-advance: a form whose only required question is single-choice (radio or single
    /// dropdown) is submitted as soon as that question is answered and nothing else is wrong.
    func autoAdvanceIfAnswered(_ q: Question) throws {
        guard autoAdvance, stage == .label, let current = open, current.access == .editable,
              q.kind == .radio || q.kind == .singleDropdown, current.form.answer(q.schemaId) != nil,
              current.form.problems.isEmpty else { return }
        let required = current.form.visibleQuestions.map(\.question).filter(\.required)
        guard required.count == 1, required[0].schemaId == q.schemaId else { return }
        try submit()
    }

    /// Undo right after a submit, while the next task shows untouched: the submitted task comes
    /// back as a draft with its answers, if nobody has touched it since.
    func takeBackSubmit() throws -> Bool {
        guard let last = undoableSubmit, open?.task.id == last.next, open?.undo.isEmpty ?? true else { return false }
        undoableSubmit = nil
        let task: LabelTask
        do {
            task = try store.reopen(taskId: last.taskId, stage: stage, user: user, at: .now())
        } catch let error as StoreError {
            message = Message(text: "Cannot take back the submit of \(last.externalId): \(error).", isError: true)
            return true
        }
        try closeCurrent()
        progress = try store.progress()
        try show(task, access: .editable)
        queueChange = .counts
        message = Message(text: "\(last.externalId) is back as a draft: the submit is undone.", isError: false)
        return true
    }

    /// Skips a task (the open one, or one chosen in the list), or brings a skipped one back and
    /// opens it.
    func toggleSkip(taskId id: Int64) throws {
        guard let task = try store.task(id: id) else { return }
        if task.status == .skipped {
            try store.unskip(taskId: id, user: user, at: .now())
            // Its row changes even when it is the open task (which opening again leaves as it is).
            changedTasks.insert(id)
            queueChange = .counts
            try open(taskId: id)
            message = Message(text: "\(task.externalId) is back in your queue.", isError: false)
        } else {
            if open?.task.id == id {
                if let reason = open?.access.reason(keys: keymap), open?.access.holds == false {
                    message = Message(text: reason, isError: true)
                    return
                }
                try saveDraft()
                open = nil
            }
            try store.skip(taskId: id, user: user, at: .now())
            changedTasks.insert(id)
            try openNext()
            message = Message(text: "Skipped \(task.externalId) (\(keymap.shown(.skip, in: .normal)) on it in the queue brings it back).", isError: false)
        }
    }
}
