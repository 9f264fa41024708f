import Foundation
import LabelCore
import TerminalUI

/// The labeling (or review) work: the open task, its answers, time, drafts and undo, and moving
/// between tasks in the project. It knows no keys, modes, panes or cursors (`LabelController`
/// holds those and turns keys into calls here) and no terminal: tests drive it with a manual clock.
///
/// Opening a task holds it for this annotator (the queue serves it to nobody else) but does not
/// claim it: the first change to its answers does. Leaving a task never answered lets go of it.
final class LabelSession {
    let store: any ProjectStore
    let settings: ProjectSettings
    let ontology: Ontology
    let stage: Stage
    let user: String
    let clock: any LabelCore.Clock
    let recovery: RecoveryFile
    /// Where answers wait while the database cannot be reached.
    let journal: DraftJournal
    /// Answers the lost connection left unsaved, tried again until saved.
    var unsaved: UnsavedWork?
    /// When to look for the server again after a lost connection with nothing unsaved.
    var reconnectProbe: ContinuousClock.Instant?
    /// What keys do: the built-in keymap with the user's preset and keymap files applied.
    let keymap: Keymap
    /// Submit as soon as a form whose only required question is single-choice is answered.
    let autoAdvance: Bool
    /// How often the time of an open task is saved without a change to its answers.
    static let autosaveInterval: Milliseconds = 5_000

    var open: OpenTask? {
        didSet { if open?.task.id != oldValue?.task.id { shownTask &+= 1 } }
    }
    /// Counts the tasks shown: the controller starts a task's cursors and modes afresh when it moves.
    private(set) var shownTask = 0
    /// The text being typed into a text answer, not yet confirmed with Enter (the controller
    /// sets it while a text is open): part of the draft, so a hang-up or a kill keeps it.
    var typing: (schemaId: String, text: String)?
    /// The task list must be counted again (tasks moved between statuses), or only read again.
    var queueChange: QueueChange = .none
    /// Tasks whose list rows changed besides the open ones (the controller follows those
    /// itself): a task skipped from the list.
    var changedTasks: Set<Int64> = []
    /// What the last action did, for the message line.
    var message: Message?
    var progress: ProjectProgress
    var finished = false
    var queueEmpty = false
    /// What the user must read after the screen closes: work that could not be saved in the
    /// project, and where it went instead.
    var exitNotes: [String] = []
    /// The open task was taken away while saving: the next task opens once the event is handled.
    var movingOn = false
    /// Labeler figures for the statistics screen, read when it opens.
    var stats: [LabelerStats] = []
    /// The quality block of the statistics screen, read with `stats`.
    var quality: [String: AnnotatorQuality] = [:]

    /// The task submitted last, while the task opened after it is on screen: undo takes the
    /// submit back.
    var undoableSubmit: (taskId: Int64, externalId: String, next: Int64?)?

    init(store: any ProjectStore, stage: Stage, user: String, clock: any LabelCore.Clock, projectDirectory: String? = nil,
         keymap: Keymap = .standard, autoAdvance: Bool? = nil) throws {
        self.store = store
        self.settings = try store.settings()
        self.keymap = keymap
        self.autoAdvance = autoAdvance ?? settings.autoAdvance
        self.ontology = try settings.ontology()
        self.stage = stage
        self.user = user
        self.clock = clock
        self.recovery = RecoveryFile(projectDirectory: projectDirectory ?? (store as? SQLiteProjectStore)?.directory)
        self.journal = DraftJournal(projectDirectory: projectDirectory ?? (store as? SQLiteProjectStore)?.directory, user: user)
        self.progress = try store.progress()
        replayJournal()
        try openNext()
    }

    var exportUser: String { settings.exportName(of: user) }

    /// What the task list must do after an action.
    enum QueueChange: Equatable {
        case none
        /// Statuses changed: read the changed tasks' rows again.
        case rows
        /// Tasks moved (opened, submitted, skipped): count again, follow the open task, and read
        /// the changed tasks' rows again.
        case counts
        /// Anything may have changed (the project was out of reach for a while): count again
        /// and read every row again.
        case everything
    }

    // MARK: Tasks

    /// Opens the next task the queue serves to this user: their own unfinished work first.
    func openNext() throws {
        try closeCurrent()
        try showNext(try store.claimNext(stage: stage, user: user))
    }

    /// Shows the task the queue served (already held for this user), or says none is left.
    /// `read`: its draft and issues, when the store read them with the claim.
    func showNext(_ claimed: LabelTask?, read: ShownAfterSubmit? = nil) throws {
        if let task = claimed {
            try show(task, access: stage == .review ? .review : .editable, read: read)
        } else {
            open = nil
            queueEmpty = true
            message = Message(text: stage == .review ? "No task waits for your review." : "The queue is empty: every task is taken or done.", isError: false)
        }
        queueChange = .counts
    }

    /// Opens a task chosen in the queue: held for you if it is free or already yours, else shown
    /// read-only with the reason (someone holds it, another stage, your own labels).
    func open(taskId: Int64) throws {
        if open?.task.id == taskId { return }
        guard let task = try store.task(id: taskId) else { return }
        try closeCurrent()
        var shown = task
        var access: Access = stage == .review ? .review : .editable
        if task.stage != stage {
            access = .otherStage(task.stage)
        } else {
            do {
                shown = try store.claim(taskId: taskId, stage: stage, user: user)
            } catch StoreError.assignedToSomeoneElse(_, let holder) {
                access = .heldBy(holder)
            } catch StoreError.ownLabels {
                access = .ownLabels
            } catch StoreError.readOnly(_, let why) {
                access = .readOnly(why)
            }
        }
        try show(shown, access: access)
        if let reason = access.reason(keys: keymap), access != .review { message = Message(text: reason, isError: false) }
        queueChange = .counts
    }

    func show(_ task: LabelTask, access: Access, read: ShownAfterSubmit? = nil) throws {
        let draft = access.holds ? try read.map(\.draft) ?? store.draft(taskId: task.id, stage: stage, user: user) : nil
        let context = FormContext(taskId: task.taskId, user: exportUser, stageId: stage.id)
        let form = FormState(ontology: ontology, context: context, classifications: draft?.classifications ?? task.annotations.classifications)
        let now = clock.now()
        let review = stage == .review && task.stage == .review
        open = OpenTask(
            task: task, form: form,
            timer: TaskTimer(idleTimeout: settings.idleTimeoutMilliseconds, carriedOver: draft?.time ?? .zero, openedAt: now),
            access: access,
            baseline: review ? FormState(ontology: ontology, context: context, classifications: task.annotations.classifications) : nil,
            history: review ? try store.history(taskId: task.id) : [],
            consensus: review && settings.consensus > 1 ? try consensusReview(task.id) : nil,
            benchmarkFlag: review ? try benchmarkFlag(labeler: task.labeler) : nil,
            touched: draft != nil, lastSaved: now, lastActivity: .now())
        if let read {
            open?.issues = read.issues
            open?.hold = task.status == .hold ? try store.hold(taskId: task.id) : nil
        } else {
            try reloadIssues()
        }
        typing = nil
        queueEmpty = false
        if stage == .label, access == .editable, task.status == .rejected || task.reviewComment != nil {
            let issues = open?.issues.filter(\.isOpen).count ?? 0
            let with = issues == 0 ? "" : "\(task.reviewComment == nil ? ":" : " ·") \(issues) open issue\(issues == 1 ? "" : "s"), shown under \(issues == 1 ? "its question" : "their questions")"
            message = Message(text: "Sent back by review" + (task.reviewComment.map { ": \($0)" } ?? "") + with, isError: true)
        }
    }

    /// Leaves the open task: its draft and time are saved if it was answered (or text is being
    /// typed into it); a task never answered is let go, so the queue can serve it to others.
    func closeCurrent() throws {
        guard let current = open else { return }
        if current.access.holds {
            if current.touched || unsavedTyping != nil {
                try saveDraft()
            } else {
                try store.release(taskId: current.task.id, stage: stage, user: user)
            }
        }
        open = nil
    }

    /// The text being typed, when it differs from the answer it would replace.
    var unsavedTyping: (schemaId: String, text: String)? {
        guard let typing, let form = open?.form, form.answer(typing.schemaId)?.values.first ?? "" != typing.text else { return nil }
        return typing
    }

    /// The answers as they would be saved now: the form, with the text being typed.
    var answersToSave: [JSONValue] {
        guard var form = open?.form else { return [] }
        if let typing = unsavedTyping { try? form.apply(.setText(typing.schemaId, text: typing.text), at: .now()) }
        return form.classifications()
    }

    /// Saves the open task's answers and time as a draft, which claims the task. If the task was
    /// taken away (its hold lapsed and someone else took it, or it was requeued), the answers go to
    /// a recovery file and the session moves on.
    func saveDraft() throws {
        guard var current = open, current.access.holds else { return }
        let now = clock.now()
        let classifications = answersToSave
        let time = current.timer.spent(at: now)
        let draft = Draft(
            taskId: current.task.id, stage: stage, user: user, classifications: classifications,
            time: time, savedAt: .now(), activeAt: current.lastActivity)
        // While the server is away, answers go to the journal; the retry goes to the server.
        if waitForReconnect(draft) { return }
        do {
            try store.saveDraft(draft)
            if unsaved != nil { savedAgain(draft) }
        } catch where Self.isConnectionLoss(error) {
            keepWhileDisconnected(draft, error: error)
            return
        } catch let error as StoreError where error.tookTheTaskAway {
            takenAway(current, classifications: classifications, time: time, reason: error.description)
            return
        }
        current.lastSaved = now
        current.touched = true
        if current.task.status == .new {
            current.task.status = .draft
            if queueChange == .none { queueChange = .rows }
        }
        open = current
    }

    /// The task left this session's hands: keep the answers in a recovery file, say so, move on.
    func takenAway(_ current: OpenTask, classifications: [JSONValue], time: TimeSpent, reason: String) {
        let note = writeRecovery(current, classifications: classifications, time: time, reason: reason)
        open = nil
        typing = nil
        movingOn = true
        message = Message(text: "\(current.task.externalId) was taken away (\(reason)). \(note)", isError: true)
        exitNotes.append("\(current.task.externalId) was taken away while you worked on it (\(reason)). \(note)")
    }

    /// Writes the open task's answers where they can be found again; says where.
    func writeRecovery(_ current: OpenTask, classifications: [JSONValue], time: TimeSpent, reason: String) -> String {
        let at = Timestamp.now()
        let record = RecoveryFile.record(task: current.task, stage: stage, user: user, classifications: classifications,
                                         time: time, reason: reason, at: at)
        if let path = recovery.write(record, externalId: current.task.externalId, at: at) {
            return "Your answers are in \(path) (an Ango import record: termlabel add attaches it to the task once it is new)."
        }
        return "Your answers could not be written anywhere; here they are: \(JSONWriter().string(record))"
    }

    /// Quits, whatever happens: saves what it can; what it cannot goes to a recovery file, and
    /// the exit notes say where.
    func quit() {
        do {
            try closeCurrent()
        } catch {
            if let current = open {
                let note = writeRecovery(current, classifications: answersToSave, time: current.timer.spent(at: clock.now()),
                                         reason: "not saved: \(error)")
                exitNotes.append("Could not save \(current.task.externalId): \(error). \(note)")
            }
        }
        open = nil
        finished = true
    }

    /// Review: the reviewer starts editing the labeler's answers (the review becomes Fixed if they
    /// change).
    func editAnswers() {
        guard var current = open, current.access == .review else { return }
        current.access = .editable
        open = current
        message = Message(text: "Editing the labeler's answers: the review will be Fixed.", isError: false)
    }

    /// Review of a consensus task: its answers (nil when it had no round).
    func consensusReview(_ taskId: Int64) throws -> ConsensusReview? {
        let answers = try store.consensusAnswers(taskId: taskId)
        return answers.isEmpty ? nil : ConsensusReview(answers: answers, ontology: ontology)
    }

    /// Review of a consensus task: annotator `index`'s answer becomes the form's (undo takes it
    /// back); submitting accepts it, Fixed when it is not the answer the task showed.
    func pickAnswer(_ index: Int) throws {
        guard var current = open, let review = current.consensus, review.answers.indices.contains(index) else { return }
        let answer = review.answers[index]
        let context = FormContext(taskId: current.task.taskId, user: exportUser, stageId: stage.id)
        current.undo.append(current.form)
        current.redo = []
        current.form = FormState(ontology: ontology, context: context, classifications: answer.classifications)
        current.access = .editable
        open = current
        try saveDraft()
        message = Message(text: "The final answer is \(answer.user)'s (annotator \(index + 1)); submit to keep it.", isError: false)
    }

    /// Labeler figures for the statistics screen.
    func loadStats() {
        stats = (try? store.activity(since: nil)).map(LabelerStats.compute) ?? []
        quality = (try? QualityFigures.read(store, since: nil)) ?? [:]
    }

    /// What a reviewer is told about the labeler's gold tasks when they failed any.
    func benchmarkFlag(labeler: String?) throws -> String? {
        guard let labeler else { return nil }
        let quality = AnnotatorQuality.compute(benchmarks: try store.benchmarkResults().filter { $0.user == labeler })[labeler]
        guard let quality, quality.benchmarkFailed > 0 else { return nil }
        let mean = quality.benchmarkScore.map { " (mean score \(StatsTable.score($0)))" } ?? ""
        return "⚑ Failed benchmark: \(settings.exportName(of: labeler)) failed \(quality.benchmarkFailed) of \(quality.benchmarkTasks) gold task\(quality.benchmarkTasks == 1 ? "" : "s")\(mean)."
    }

    /// After a task was taken away while saving, the next one opens (the message stays).
    func moveOnIfTakenAway() {
        guard movingOn else { return }
        movingOn = false
        guard open == nil, !finished else { return }
        let kept = message
        try? openNext()
        if let kept { message = kept }
    }

    // MARK: The form

    /// Applies a form action, keeps the previous form for undo, and saves the draft at once.
    func applyForm(_ action: FormAction, record: Bool = true) throws {
        guard var current = open else { return }
        let before = current.form
        do {
            try current.form.apply(action, at: .now())
        } catch {
            message = Message(text: error.description.prefix(1).uppercased() + error.description.dropFirst() + ".", isError: true)
            return
        }
        guard current.form != before else { return }
        let changedAnswers = current.form.answers != before.answers
        if changedAnswers { undoableSubmit = nil }
        if changedAnswers, record {
            current.undo.append(before)
            if current.undo.count > 200 { current.undo.removeFirst() }
            current.redo = []
        }
        open = current
        if changedAnswers { try saveDraft() }
    }

    /// Undo in the form (the controller first offers it to `takeBackSubmit`).
    func undo() throws {
        try step(from: \.undo, to: \.redo, done: "Undone.", nothing: "Nothing to undo.")
    }

    func redo() throws {
        try step(from: \.redo, to: \.undo, done: "Redone.", nothing: "Nothing to redo.")
    }

    /// Undo and redo: the form goes back to the last one kept in `from`, and the one it leaves is
    /// kept in `to`; the draft is saved.
    private func step(from: WritableKeyPath<OpenTask, [FormState]>, to: WritableKeyPath<OpenTask, [FormState]>,
                      done: String, nothing: String) throws {
        guard var current = open, let form = current[keyPath: from].popLast() else {
            message = Message(text: nothing, isError: false)
            return
        }
        current[keyPath: to].append(current.form)
        current.form = form
        open = current
        try saveDraft()
        message = Message(text: done, isError: false)
    }

    // MARK: Time

    /// Feeds the timer: input is activity; leaving the terminal is idle at once.
    func recordTime(_ event: InputEvent) {
        guard var current = open else { return }
        let now = clock.now()
        switch event {
        case .tick, .resize: return
        case .focusOut: current.timer.record(.focusLost, at: now)
        case .focusIn: current.timer.record(.focusGained, at: now)
        case .suspended: current.timer.record(.suspended, at: now)
        case .resumed: current.timer.record(.resumed, at: now)
        case .hangup: current.timer.record(.connectionLost, at: now)
        case .terminate, .interrupt: return
        default:
            current.timer.record(.input, at: now)
            current.lastActivity = .now()
        }
        open = current
    }

    /// Saves the time now and then, so a killed process loses at most one interval. A task never
    /// answered has nothing to save.
    func autosaveIfDue() throws {
        guard let current = open, current.touched || unsavedTyping != nil,
              clock.now().milliseconds(since: current.lastSaved) >= Self.autosaveInterval else { return }
        try saveDraft()
    }
}

extension StoreError {
    /// The task left this session's hands while it worked on it (its hold lapsed and someone else
    /// took it, it was requeued, or it is gone): the answers go to a recovery file.
    var tookTheTaskAway: Bool {
        switch self {
        case .assignedToSomeoneElse, .notInStage, .noSuchTask: true
        default: false
        }
    }
}
