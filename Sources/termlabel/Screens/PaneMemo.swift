import LabelCore
import TerminalUI

/// What the list, asset and form panes of the last frame were drawn from. A pane whose inputs
/// are the same is not drawn again: its cells are still on the screen. A key that moves the
/// list's selection redraws the list, not the form and the asset; one that moves the form's
/// cursor redraws the form. The message and status lines are always drawn (two rows).
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
    /// Where the asset pane (a search being typed) and the form (a text being typed) put the
    /// cursor when they were drawn.
    var assetCursor: Point?
    var formCursor: Point?
    /// The first line of the form's canvas the form pane showed when it was drawn whole.
    var formOffset: Int?
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

    /// Whether only the options' cursors differ in `now` (a move within a question's options).
    func differsOnlyInCursors(from now: FormInputs) -> Bool {
        var same = self
        same.cursors = now.cursors
        return same == now && cursors != now.cursors
    }
}
