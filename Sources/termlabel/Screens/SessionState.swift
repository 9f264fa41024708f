import LabelCore
import TerminalUI

/// Which part of the screen arrow keys move in.
enum Pane: Equatable { case queue, form }

/// What keys mean right now. Typing into a text, a dropdown filter or a prompt has its own mode,
/// so a typed letter can never submit, skip or quit.
enum Mode: Equatable {
    case normal
    case editingText(schemaId: String, editing: TextEditing, error: String?)
    case dropdown(schemaId: String, query: String, cursor: Int)
    case tree(schemaId: String, query: String, cursor: Int, expanded: Set<[Int]>)
    case prompt(PromptKind, TextEditing)
    /// `;` was pressed: the next key names a question by its shortcut key.
    case shortcut
    case help
    case stats

    var isTyping: Bool {
        switch self {
        case .editingText, .dropdown, .tree, .prompt: true
        default: false
        }
    }
}

enum PromptKind: Equatable {
    case jump
    case rejectComment
}

/// The task on screen: its form, its timer and what undo can step back to.
struct OpenTask {
    var task: LabelTask
    var form: FormState
    var timer: TaskTimer
    var undo: [FormState] = []
    /// Review: the labeler's answers are read-only until the reviewer chooses to edit.
    var readOnly: Bool
    /// Review: edited answers make the review `Fixed`.
    var edited = false
    var lastSaved: Instant
    /// Lines of the asset scrolled past.
    var assetScroll = 0
}

/// A status message at the bottom of the screen.
struct Message: Equatable {
    var text: String
    var isError: Bool
}

/// The queue pane: a filter, a selection and a window of rows read from the store as the
/// selection moves, so a project of any size costs the same to show.
struct QueueModel {
    static let filters: [(String, Set<TaskStatus>?)] = [
        ("all", nil), ("new", [.new]), ("draft", [.draft]), ("skipped", [.skipped]), ("submitted", [.submitted]),
        ("rejected", [.rejected]), ("accepted", [.accepted]),
    ]
    var filterIndex = 0
    var count = 0
    var selected = 0
    var offset = 0
    var cacheStart = 0
    var cache: [QueueRow] = []

    var filterName: String { Self.filters[filterIndex].0 }
    var filter: QueueFilter { QueueFilter(statuses: Self.filters[filterIndex].1) }

    func row(_ index: Int) -> QueueRow? {
        let i = index - cacheStart
        return cache.indices.contains(i) ? cache[i] : nil
    }
}
