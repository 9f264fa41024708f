import Foundation
import LabelCore
import TerminalUI

/// The labeling (or review) session: everything the screen shows, changed only by `handle`.
/// Keys become form actions in `FormKeys`; this type applies them, saves at once, and moves
/// between tasks. It knows no terminal: tests drive it with events and a manual clock.
final class LabelSession {
    let store: any ProjectStore
    let settings: ProjectSettings
    let ontology: Ontology
    let stage: Stage
    let user: String
    let clock: any LabelCore.Clock
    /// How often the time of an open task is saved without a change to its answers.
    static let autosaveInterval: Milliseconds = 5_000

    var pane: Pane = .form
    var mode: Mode = .normal
    var open: OpenTask?
    /// The option (or item) under the cursor, per question.
    var optionCursor: [String: Int] = [:]
    var queue = QueueModel()
    var message: Message?
    var progress: ProjectProgress
    var finished = false
    var queueEmpty = false
    /// The size of the last frame drawn: where a mouse event landed is found from it.
    var screenSize = Size(width: 80, height: 24)

    init(store: any ProjectStore, stage: Stage, user: String, clock: any LabelCore.Clock) throws {
        self.store = store
        self.settings = try store.settings()
        self.ontology = try settings.ontology()
        self.stage = stage
        self.user = user
        self.clock = clock
        self.progress = try store.progress()
        try refreshQueue()
        try openNext()
    }

    var exportUser: String { settings.exportName(of: user) }

    // MARK: Tasks

    /// Opens the next task the queue serves to this user: their own unfinished work first.
    func openNext() throws {
        try closeCurrent()
        if let task = try store.claimNext(stage: stage, user: user) {
            try show(task)
        } else {
            open = nil
            queueEmpty = true
            message = Message(text: stage == .review ? "No task waits for your review." : "The queue is empty: every task is taken or done.", isError: false)
        }
        try refreshQueue()
    }

    /// Opens a task chosen in the queue, if it is free or already yours.
    func open(taskId: Int64) throws {
        if open?.task.id == taskId { pane = .form; return }
        guard let task = try store.task(id: taskId) else { return }
        guard task.stage == stage else {
            message = Message(text: "\(task.externalId) is in the \(task.stage.name) stage, not \(stage.name).", isError: true)
            return
        }
        try closeCurrent()
        do {
            try show(try store.claim(taskId: taskId, stage: stage, user: user))
            pane = .form
        } catch let error as StoreError {
            message = Message(text: error.description, isError: true)
            if let current = open { try show(try store.task(id: current.task.id) ?? current.task) }
        }
        try refreshQueue()
    }

    private func show(_ task: LabelTask) throws {
        let draft = try store.draft(taskId: task.id, stage: stage)
        let context = FormContext(taskId: task.taskId, user: exportUser, stageId: stage.id)
        let form = FormState(ontology: ontology, context: context, classifications: draft?.classifications ?? task.annotations.classifications)
        let now = clock.now()
        open = OpenTask(
            task: task, form: form,
            timer: TaskTimer(idleTimeout: settings.idleTimeoutMilliseconds, carriedOver: draft?.time ?? .zero, openedAt: now),
            readOnly: stage == .review && draft == nil, edited: draft != nil && stage == .review, lastSaved: now)
        // The cursor starts on what is chosen, so a reviewer sees the labeler's answer under it.
        optionCursor = [:]
        for q in ontology.allQuestions where q.kind == .radio || q.kind == .checkbox {
            if let first = form.answer(q.schemaId)?.values.first, let i = q.choices.firstIndex(of: first) { optionCursor[q.schemaId] = i }
        }
        queueEmpty = false
        mode = .normal
        if let comment = task.reviewComment, stage == .label {
            message = Message(text: "Sent back by review: \(comment)", isError: true)
        }
    }

    /// Saves the open task's draft and time (nothing to save if nothing was ever answered and
    /// no time was spent).
    func closeCurrent() throws {
        guard open != nil else { return }
        try saveDraft()
        open = nil
    }

    func saveDraft() throws {
        guard var current = open else { return }
        let now = clock.now()
        try store.saveDraft(Draft(
            taskId: current.task.id, stage: stage, user: user, classifications: current.form.classifications(),
            time: current.timer.spent(at: now), savedAt: .now()))
        current.lastSaved = now
        if current.task.status == .new {
            current.task.status = .draft
            queue.cache = []
        }
        open = current
    }

    func submit(review: ReviewStatus? = nil, comment: String? = nil) throws {
        guard let current = open else { return }
        if review != .rejected, let problem = current.form.problems.first {
            try applyForm(.focusFirstProblem, record: false)
            message = Message(text: "Cannot submit: \(problem).", isError: true)
            return
        }
        let now = clock.now()
        let status = stage == .review ? (review ?? (current.edited ? .fixed : .accepted)) : nil
        let next = try store.submit(Submission(
            taskId: current.task.id, stage: stage, user: user, classifications: current.form.classifications(),
            time: current.timer.spent(at: now), at: .now(), reviewStatus: status, comment: comment))
        let what = status.map { "\($0.rawValue.lowercased())" } ?? "submitted"
        open = nil
        progress = try store.progress()
        try openNext()
        if !queueEmpty {
            message = Message(text: "\(current.task.externalId) \(what) → \(next.name).", isError: false)
        }
    }

    func toggleSkip() throws {
        let target = pane == .queue ? try selectedRow()?.id : open?.task.id
        guard let id = target, let task = try store.task(id: id) else { return }
        if task.status == .skipped {
            try store.unskip(taskId: id, user: user, at: .now())
            try refreshQueue()
            try open(taskId: id)
            message = Message(text: "\(task.externalId) is back in your queue.", isError: false)
        } else {
            if open?.task.id == id { try saveDraft(); open = nil }
            try store.skip(taskId: id, user: user, at: .now())
            try openNext()
            message = Message(text: "Skipped \(task.externalId) (x on it in the queue brings it back).", isError: false)
        }
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
        if changedAnswers, record {
            current.undo.append(before)
            if current.undo.count > 200 { current.undo.removeFirst() }
            if stage == .review { current.edited = true }
        }
        open = current
        if changedAnswers { try saveDraft() }
    }

    func undo() throws {
        guard var current = open, let previous = current.undo.popLast() else {
            message = Message(text: "Nothing to undo.", isError: false)
            return
        }
        current.form = previous
        open = current
        try saveDraft()
        message = Message(text: "Undone.", isError: false)
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
        default: current.timer.record(.input, at: now)
        }
        open = current
    }

    /// Saves the time now and then, so a killed process loses at most one interval.
    func autosaveIfDue() throws {
        guard let current = open, clock.now().milliseconds(since: current.lastSaved) >= Self.autosaveInterval else { return }
        try saveDraft()
    }

    // MARK: The queue

    func refreshQueue() throws {
        queue.count = try store.count(queue.filter)
        if let id = open?.task.id, let position = try store.position(of: id, in: queue.filter), pane == .form {
            queue.selected = position
        }
        queue.selected = max(0, min(queue.selected, queue.count - 1))
        queue.cache = []
    }

    /// Reads the rows around what is shown (the store is asked again only when the window moves).
    func loadQueueRows(visible: Int) throws {
        let need = queue.offset..<min(queue.count, queue.offset + max(visible, 1))
        if need.isEmpty { return }
        let have = queue.cacheStart..<(queue.cacheStart + queue.cache.count)
        if have.contains(need.lowerBound), have.contains(need.upperBound - 1) { return }
        let start = max(0, queue.offset - 100)
        queue.cache = try store.page(queue.filter, offset: start, limit: visible + 200)
        queue.cacheStart = start
    }

    /// The row selected in the queue pane, read from the store if it is not in the window.
    func selectedRow() throws -> QueueRow? {
        if let row = queue.row(queue.selected) { return row }
        return try store.page(queue.filter, offset: queue.selected, limit: 1).first
    }

    func moveQueueSelection(to index: Int) {
        queue.selected = max(0, min(queue.count - 1, index))
    }

    func cycleFilter() throws {
        queue.filterIndex = (queue.filterIndex + 1) % QueueModel.filters.count
        queue.selected = 0
        queue.offset = 0
        try refreshQueue()
        message = Message(text: "Queue: \(queue.filterName) (\(queue.count)).", isError: false)
    }

    /// Goes to a task by externalId, taskId or row number.
    func jump(to text: String) throws {
        let query = text.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return }
        if let task = try store.task(externalId: query) {
            if queue.filterIndex != 0, try store.position(of: task.id, in: queue.filter) == nil {
                queue.filterIndex = 0
                try refreshQueue()
            }
            if let position = try store.position(of: task.id, in: queue.filter) { queue.selected = position }
            try open(taskId: task.id)
        } else if let number = Int(query), number >= 1, number <= queue.count {
            queue.selected = number - 1
            pane = .queue
        } else {
            message = Message(text: "No task \(query).", isError: true)
        }
    }
}
