/// A keymap's tables: what keys mean in a mode and pane of the screen. `form` and `list` add to
/// `normal` in their pane; `editing` adds to `text` and `prompt`.
enum KeyMode: String, CaseIterable, Sendable {
    case normal, form, list, text, prompt, editing, dropdown, tree, zoom, instructions, search, matches, answers

    /// What the table is for, for `termlabel keys` and docs/keys.md.
    var title: String {
        switch self {
        case .normal: "Normal mode (both panes)"
        case .form: "The form pane"
        case .list: "The task list pane"
        case .text: "Typing a text answer"
        case .prompt: "Prompts (go to a task, reject)"
        case .editing: "Editing a line (text answers and prompts)"
        case .dropdown: "An open dropdown"
        case .tree: "An open tree dropdown"
        case .zoom: "A picture zoomed to the whole screen"
        case .instructions: "The instructions"
        case .search: "Typing a search in the asset"
        case .matches: "Moving between the matches of a search"
        case .answers: "The answers of a consensus task (review)"
        }
    }

    /// The modes whose keys are live together with this one: one key may mean one command there.
    var liveWith: [KeyMode] {
        switch self {
        case .normal: [.form, .list]
        case .form, .list: [.normal]
        case .text, .prompt, .search: [.editing]
        case .editing: [.text, .prompt, .search]
        case .dropdown, .tree, .zoom, .instructions, .matches, .answers: []
        }
    }

    /// The tables a key is looked up in while this mode is on, in order.
    var layers: [KeyMode] {
        switch self {
        case .form, .list: [self, .normal]
        case .text, .prompt, .search: [self, .editing]
        default: [self]
        }
    }

    /// The `?` overlay's page that lists this table: the screen's keys, or the keys while typing.
    var overlayPage: Int {
        switch self {
        case .normal, .form, .list, .zoom: 0
        default: 1
        }
    }

    /// Where printable keys are text (a filter takes no spaces, so Space may choose there).
    var typesText: Bool { self == .text || self == .prompt || self == .editing || self == .dropdown || self == .tree || self == .search }
    var spaceIsText: Bool { self == .text || self == .prompt || self == .editing || self == .search }
}
