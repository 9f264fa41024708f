import LabelCore
import TerminalUI

/// The screen's side of a session: which pane the arrow keys move in, the mode (a text being
/// typed, an open list, a prompt, an overlay), the option cursor of each question, how far the
/// asset is scrolled, and the task list's pager. Keys become commands through the keymap, and
/// commands become calls on the `LabelSession`, which does the work (tasks, answers, time,
/// drafts). Views draw a snapshot of both (`snapshot()`), never either one itself.
final class LabelController {
    let session: LabelSession
    var pane: Pane = .form
    /// What keys mean now. A text being typed is part of the draft: the session is told.
    var mode: Mode = .normal {
        didSet {
            if case .editingText(let id, let editing, _) = mode { session.typing = (id, editing.text) } else { session.typing = nil }
        }
    }
    /// The option (or item) under the cursor, per question.
    var optionCursor: [String: Int] = [:]
    /// Lines of the open task's asset scrolled past.
    var assetScroll = 0
    /// The open task's asset laid out for the pane (made when a frame or a search first needs it).
    var document: AssetDocument?
    /// The task list: its filter, selection and the window of rows read.
    var pager: QueuePager
    var queue: QueueModel { pager.window }
    /// The session's task this screen state was made for.
    private var shownTask = -1
    /// Tasks the session has had open since the list last changed, and those it changed
    /// otherwise: the rows to read again when it next changes.
    private var touchedTasks: Set<Int64> = []
    /// The pictures of assets that are pictures: loaded off the input thread, settled per frame.
    let images: ImagePane

    init(_ session: LabelSession, images: ImagePane? = nil) throws {
        self.session = session
        self.images = images ?? .off()
        pager = QueuePager(StorePages(store: session.store))
        session.queueChange = .counts
        try sync()
        showInstructionsIfUnread()
    }

    convenience init(store: any ProjectStore, stage: Stage, user: String, clock: any LabelCore.Clock, projectDirectory: String? = nil,
                     keymap: Keymap = .standard, autoAdvance: Bool? = nil, images: ImagePane? = nil) throws {
        try self.init(LabelSession(store: store, stage: stage, user: user, clock: clock, projectDirectory: projectDirectory,
                                   keymap: keymap, autoAdvance: autoAdvance), images: images)
    }

    // The session's state, as the key handling and tests read it.
    var keymap: Keymap { session.keymap }
    var store: any ProjectStore { session.store }
    var ontology: Ontology { session.ontology }
    var stage: Stage { session.stage }
    var open: OpenTask? { session.open }
    var finished: Bool { session.finished }
    var exitNotes: [String] { session.exitNotes }
    var message: Message? {
        get { session.message }
        set { session.message = newValue }
    }

    /// After the session acted: a task newly on screen starts with its own cursors, no mode and
    /// no scroll; the list is counted or read again as the session says, following the open task
    /// while the form has the keys.
    func sync() throws {
        if session.shownTask != shownTask {
            shownTask = session.shownTask
            mode = .normal
            assetScroll = 0
            optionCursor = session.open.map { Self.startCursors($0.form, ontology: ontology) } ?? [:]
            // A consensus task opens on its annotators' answers.
            if session.open?.consensus != nil, session.open?.access == .review { mode = .answers }
        }
        // Only the tasks this session opened, left or changed have rows that differ.
        if let id = session.open?.task.id { touchedTasks.insert(id) }
        touchedTasks.formUnion(session.changedTasks)
        session.changedTasks = []
        let change = session.queueChange
        session.queueChange = .none
        let changed = touchedTasks
        if change != .none { touchedTasks = session.open.map { [$0.task.id] } ?? [] }
        switch change {
        case .none: break
        case .rows: try pager.update(changed)
        case .counts: try pager.refresh(follow: pane == .form ? session.open?.task.id : nil, changed: changed)
        case .everything: try pager.refresh(follow: pane == .form ? session.open?.task.id : nil)
        }
    }

    /// The cursor starts on what is chosen, so a reviewer sees the labeler's answer under it.
    static func startCursors(_ form: FormState, ontology: Ontology) -> [String: Int] {
        var cursors: [String: Int] = [:]
        for q in ontology.allQuestions where q.kind == .radio || q.kind == .checkbox {
            if let first = form.answer(q.schemaId)?.values.first, let i = q.choices.firstIndex(of: first) { cursors[q.schemaId] = i }
        }
        return cursors
    }

    // MARK: The task list

    /// Before a frame of `size` is drawn: the list's window follows the selection and its rows
    /// are read (the view only draws them).
    func settleFrame(_ size: Size) {
        // After the list's rows are read: the pictures fetched ahead are the next rows'.
        defer { settleImage(size) }
        guard let layout = ScreenLayout(size: size) else { return }
        try? pager.settle(visibleRows: Box.inner(layout.queue).height)
        settleReading(layout, size: size)
    }

    /// The row selected in the queue pane, read from the store if it is not in the window.
    func selectedRow() throws -> QueueRow? { try pager.selectedRow() }

    func moveQueueSelection(to index: Int) { pager.select(index) }

    func cycleFilter() throws {
        try pager.cycleFilter()
        message = Message(text: "Queue: \(queue.filterName) (\(queue.count)).", isError: false)
    }

    /// Opens a task chosen on screen; the form gets the keys.
    func openTask(_ taskId: Int64) throws {
        try session.open(taskId: taskId)
        pane = .form
    }

    /// Goes to a task by externalId, taskId or row number, and opens it.
    func jump(to text: String) throws {
        let query = text.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return }
        if let task = try store.task(externalId: query) {
            _ = try pager.reveal(task.id)
            try openTask(task.id)
        } else if let number = Int(query), number >= 1, number <= queue.count {
            pager.select(number - 1)
            if let row = try selectedRow() { try openTask(row.id) }
        } else {
            message = Message(text: "No task \(query).", isError: true)
        }
    }

    // MARK: A frame

    /// What a frame shows, as a value.
    func snapshot() -> ScreenState {
        ScreenState(
            settings: session.settings, ontology: ontology, stage: stage, user: session.user, keymap: keymap, pane: pane, mode: mode,
            open: session.open, optionCursor: optionCursor, assetScroll: assetScroll, document: document, queue: queue, message: session.message,
            progress: session.progress, queueEmpty: session.queueEmpty, stats: session.stats, quality: session.quality, now: session.clock.now(),
            image: ImageState(frame: images.settled, zoomed: images.zoomed && images.settled != nil, showInfo: images.showInfo))
    }
}
