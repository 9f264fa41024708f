import LabelCore
import TerminalUI

/// What the list, asset and form panes and the message and status lines of the last frame were
/// drawn from. A pane whose inputs are the same is not drawn again: its cells are still on the
/// screen. A key that moves the list's selection redraws the list, not the form and the asset;
/// one that moves the form's cursor redraws the two options it left and reached. The message
/// and status lines are drawn when their text changes (a message, the hint's mode, the clock's
/// second).
///
/// It remembers the frame it drew, and is used only when the screen handed to it is that frame
/// unchanged: a new screen (a resize, a test's own), or one something else drew on, is drawn in
/// full.
final class PaneMemo {
    /// The revision of the frame it drew last (not the frame: holding its cells would make the
    /// next change to the screen copy them all).
    private var frame: Int?
    var queue: QueueInputs?
    var asset: AssetInputs?
    var form: FormInputs?
    var message: MessageInputs?
    var status: StatusInputs?
    /// Where the asset pane (a search being typed) and the form (a text being typed) put the
    /// cursor when they were drawn.
    var assetCursor: Point?
    var formCursor: Point?
    /// What of the form's canvas the form pane showed when it was drawn whole.
    var formShown: FormView.Shown?
    /// The panes drawn in the last frame.
    private(set) var drawn: [String] = []

    init() {}

    /// Starts a frame on `screen`: whether it holds what this memo drew last (if not, every pane
    /// is drawn).
    func start(_ screen: Screen) -> Bool {
        drawn = []
        let holds = frame == screen.revision
        if !holds { forget() }
        return holds
    }

    /// The panes' cells are no longer on screen (an overlay covers them).
    func forget() {
        queue = nil
        asset = nil
        form = nil
        message = nil
        status = nil
    }

    func finish(_ screen: Screen) {
        frame = screen.revision
    }

    /// The last pane `mustDraw` named was drawn only in part (`name` says which part).
    func drewPart(_ name: String) {
        if !drawn.isEmpty { drawn[drawn.count - 1] = name }
    }

    /// Whether a pane must be drawn: its inputs changed (or cannot be compared: nil).
    func mustDraw<Inputs: Equatable>(_ last: Inputs?, _ now: Inputs?, name: String) -> Bool {
        if let now, last == now { return false }
        drawn.append(name)
        return true
    }

    /// How the form's inputs changed since the form was drawn (`.more` when it was not).
    func formChange(_ now: FormInputs) -> FormInputs.Change {
        let change = form?.change(to: now) ?? .more
        if change != .none { drawn.append("form") }
        return change
    }
}

/// What the list pane shows.
struct QueueInputs: Equatable {
    var area: Rect
    var queue: QueueModel
    var focused: Bool
    var openId: Int64?
    /// The open task's live time as the list shows it.
    var live: String?

    /// The rows (indexes in the list) that look different in `now` than in this list, when
    /// only rows differ: the same area, focus, filter, count and scroll offset (so the same
    /// title and scroll bar). A moved selection changes the row it left and the one it reached;
    /// a task opened, submitted or answered, its row and the open one's; the live time, the
    /// open row. Nil when the pane must be drawn whole.
    func changedRows(in now: QueueInputs) -> [Int]? {
        guard area == now.area, focused == now.focused, queue.filterIndex == now.queue.filterIndex,
              queue.count == now.queue.count, queue.offset == now.queue.offset else { return nil }
        let visible = now.queue.offset..<min(now.queue.count, now.queue.offset + Box.inner(now.area).height)
        return visible.filter { index in
            let before = queue.row(index), after = now.queue.row(index)
            guard before == after else { return true }
            if (index == queue.selected) != (index == now.queue.selected) { return true }
            let wasOpen = before != nil && before?.id == openId, isOpen = after != nil && after?.id == now.openId
            return wasOpen != isOpen || (isOpen && live != now.live)
        }
    }
}

/// What the asset pane shows (with a picture: nil, always drawn).
struct AssetInputs: Equatable {
    var area: Rect
    var task: LabelTask?
    var history: [StageHistoryEntry]
    var queueEmpty: Bool
    var scroll: Int
    var search: AssetSearch?
}

/// What the form pane shows.
struct FormInputs: Equatable {
    var area: Rect
    var focused: Bool
    var form: FormState?
    var access: Access?
    var baseline: FormState?
    var mode: Mode
    var cursors: [String: Int]
    var issues: [TaskIssue]
    var hold: TaskHold?

    enum Change { case none, cursorsOnly, more }

    /// How `now` differs from these inputs: not at all, only in the options' cursors (a move
    /// within a question's options), or in more.
    func change(to now: FormInputs) -> Change {
        var same = self
        same.cursors = now.cursors
        guard same == now else { return .more }
        return cursors == now.cursors ? .none : .cursorsOnly
    }
}

/// What the message line shows: a message, else the hint for a mode (made from the session's
/// keymap, which does not change). A prompt being typed has none: it is always drawn.
struct MessageInputs: Equatable {
    var area: Rect
    var message: Message?
    var hint: KeyHints.Context?
}

/// What the status line shows.
struct StatusInputs: Equatable {
    var area: Rect
    var line: StatusLine
}
