import Foundation
import LabelCore
import PostgresStore

/// Answers the database could not take because the connection to it was lost: kept on screen
/// and in the draft journal, retried until the server takes them.
struct UnsavedWork {
    var draft: Draft
    var attempts: Int
    var nextTry: ContinuousClock.Instant
    var reason: String
}

extension LabelSession {
    /// How long between tries to save again.
    static let reconnectInterval: Duration = .seconds(2)

    /// Whether an error is the connection to the server, not the request: worth trying again.
    static func isConnectionLoss(_ error: any Error) -> Bool {
        (error as? DatabaseError)?.isConnectionProblem ?? false
    }

    /// The connection was lost: the answers stay on screen, go to the journal, and are tried
    /// again; the status says so. `draft` is what was being saved (else the open task's answers).
    func keepWhileDisconnected(_ draft: Draft?, error: any Error) {
        let reason = (error as? DatabaseError).map { Self.shortReason($0) } ?? "\(error)"
        if let draft = draft ?? openDraft() {
            let kept = journal.write(draft)
            // The next try stays where it was, unless it is due: then it is an interval away.
            let next = unsaved.map { $0.nextTry > .now ? $0.nextTry : .now + Self.reconnectInterval } ?? .now + Self.reconnectInterval
            unsaved = UnsavedWork(draft: draft, attempts: unsaved?.attempts ?? 0, nextTry: next, reason: reason)
            let place = kept ? "in \(journal.path)" : "only on screen (the journal cannot be written)"
            message = Message(text: "Not saved: reconnecting… (\(reason)). Your answers are on screen and \(place).", isError: true)
        } else {
            message = Message(text: "Not saved: reconnecting… (\(reason)).", isError: true)
            reconnectProbe = .now + Self.reconnectInterval
        }
    }

    /// While a lost connection has work waiting and the next try is not due, a new draft only
    /// replaces it (screen and journal): true. False when the server is to be asked.
    func waitForReconnect(_ draft: Draft) -> Bool {
        guard var work = unsaved, ContinuousClock.now < work.nextTry else { return false }
        if work.draft.taskId != draft.taskId {
            // Another task's answers wait already: that one is tried first, this one when due.
            return false
        }
        work.draft = draft
        journal.write(draft)
        unsaved = work
        return true
    }

    /// The server took a draft again after a lost connection.
    func savedAgain(_ draft: Draft) {
        let waiting = unsaved
        unsaved = nil
        journal.clear()
        if let waiting, waiting.draft.taskId != draft.taskId { try? store.saveDraft(waiting.draft) }
        message = Message(text: "Saved: the connection is back (task #\(draft.taskId) saved as a draft; submit it again if you had).", isError: false)
    }

    /// The open task's answers as a draft, when this session holds it.
    func openDraft() -> Draft? {
        guard let current = open, current.access.holds else { return nil }
        return Draft(taskId: current.task.id, stage: stage, user: user, classifications: answersToSave,
                     time: current.timer.spent(at: clock.now()), savedAt: .now(), activeAt: current.lastActivity)
    }

    /// Tries again, when it is time, to save what the lost connection left unsaved; returns
    /// whether the screen changed.
    func retryUnsavedIfDue() -> Bool {
        if let probe = reconnectProbe, unsaved == nil {
            guard ContinuousClock.now >= probe else { return false }
            do {
                progress = try store.progress()
                reconnectProbe = nil
                queueChange = .everything
                message = Message(text: "Connected again.", isError: false)
            } catch {
                reconnectProbe = .now + Self.reconnectInterval
            }
            return true
        }
        guard var work = unsaved, ContinuousClock.now >= work.nextTry else { return false }
        // The newest answers on screen go, if the task is still open here.
        if let current = open, current.task.id == work.draft.taskId, let draft = openDraft() { work.draft = draft }
        work.attempts += 1
        do {
            try store.saveDraft(work.draft)
        } catch let error as StoreError {
            unsaved = nil
            journal.clear()
            if (try? submittedBefore(work.draft)) == true {
                message = Message(text: "Connected again: your submit of task #\(work.draft.taskId) had reached the server.", isError: false)
                if open?.task.id == work.draft.taskId { open = nil; try? openNext() }
                return true
            }
            let note = open.map { writeRecovery($0, classifications: work.draft.classifications, time: work.draft.time, reason: error.description) }
            message = Message(text: "Connected again, but the draft was not taken: \(error). \(note ?? "")", isError: true)
            return true
        } catch {
            work.nextTry = .now + Self.reconnectInterval
            work.reason = (error as? DatabaseError).map { Self.shortReason($0) } ?? "\(error)"
            unsaved = work
            message = Message(text: "Not saved: reconnecting… (try \(work.attempts): \(work.reason)). Your answers are on screen and in \(journal.path).", isError: true)
            return true
        }
        unsaved = nil
        journal.clear()
        if var current = open, current.task.id == work.draft.taskId {
            current.touched = true
            current.lastSaved = clock.now()
            open = current
        }
        progress = (try? store.progress()) ?? progress
        queueChange = .everything
        message = Message(text: "Saved: the connection is back (task #\(work.draft.taskId) saved as a draft; submit it again if you had).", isError: false)
        return true
    }

    /// Whether the task left `draft`'s stage by this user's own submit (the answer to a submit
    /// was lost with the connection, but the server had committed it).
    func submittedBefore(_ draft: Draft) throws -> Bool {
        guard let task = try store.task(id: draft.taskId), task.stage != draft.stage,
              let last = try store.history(taskId: draft.taskId).last else { return false }
        return last.stage == draft.stage.name && last.completedBy == settings.exportName(of: user)
    }

    /// At start: a draft the journal kept from a session that lost its connection is saved first.
    func replayJournal() {
        guard let draft = journal.read(), draft.user == user else { return }
        do {
            try store.saveDraft(draft)
            journal.clear()
            message = Message(text: "Saved the draft of task #\(draft.taskId) kept while the server was away.", isError: false)
        } catch is StoreError {
            journal.clear()
        } catch {
            // Still away: the journal stays, and the first save tries again.
            unsaved = UnsavedWork(draft: draft, attempts: 0, nextTry: .now + Self.reconnectInterval, reason: "\(error)")
        }
    }

    static func shortReason(_ error: DatabaseError) -> String {
        switch error {
        case .unreachable(_, let detail), .connectionLost(_, let detail): detail
        default: error.description
        }
    }
}
