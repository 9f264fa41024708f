import LabelCore
import TerminalUI

/// What keys mean right now. Typing into a text, a dropdown filter or a prompt has its own mode,
/// so a typed letter can never submit, skip or quit. A typing mode's keys are transitions of this
/// value: the next mode, and what the session must do (`Mode.Effect`); nothing here touches the
/// project.
enum Mode: Equatable {
    case normal
    case editingText(schemaId: String, editing: TextEditing, error: String?)
    case dropdown(schemaId: String, query: String, cursor: Int)
    case tree(schemaId: String, query: String, cursor: Int, expanded: Set<[Int]>)
    case prompt(PromptKind, TextEditing)
    /// `;` was pressed: the next key names a question by its shortcut key.
    case shortcut
    /// The `?` overlay, at one of its pages (`Keymap.overlayPages`).
    case help(page: Int)
    case stats
    /// The project's instructions over the screen, scrolled this many lines.
    case instructions(scroll: Int)
    /// A search in the asset: typing its query, or moving between its matches.
    case search(AssetSearch)
    /// Review of a consensus task: its annotators' answers over the screen.
    case answers

    var isTyping: Bool {
        switch self {
        case .editingText, .dropdown, .tree, .prompt: true
        case .search(let search): search.typing
        default: false
        }
    }

    /// The keymap table a typing mode reads its keys from.
    var keyMode: KeyMode? {
        switch self {
        case .editingText: .text
        case .dropdown: .dropdown
        case .tree: .tree
        case .prompt: .prompt
        case .instructions: .instructions
        case .answers: .answers
        case .search(let search): search.typing ? .search : .matches
        default: nil
        }
    }

    /// What a transition asks of the session.
    enum Effect: Equatable {
        /// Change the answers (kept for undo, saved at once).
        case answer(FormAction)
        /// Move the form's focus.
        case focus(FormAction)
        /// A single-choice answer was given: auto-advance may submit.
        case answered(schemaId: String)
        case jump(String)
        case reject(comment: String)
        case openIssue(schemaId: String?, content: String, code: String?)
        case resolveIssue(id: Int64, comment: String)
        case hold(reason: String)
        case error(String)
    }

    /// A key in a typing mode: the keymap's command for it (nil: the key itself, typed).
    func next(_ command: Command?, key: InputEvent?, ontology: Ontology) -> (Mode, [Effect]) {
        switch self {
        case .editingText(let id, var editing, _):
            switch command {
            case .cancel: return (.normal, [])
            case .newLine:
                // Text answers may hold several lines; Enter keeps the text, Alt-Enter breaks the line.
                editing.insert("\n")
            case .done, .doneNext, .donePrevious:
                if let pattern = ontology.question(id)?.regex, !editing.text.isEmpty, !FormState.matches(editing.text, pattern) {
                    return (.editingText(schemaId: id, editing: editing, error: "does not match \(pattern)"), [])
                }
                let move: [Effect] = command == .doneNext ? [.focus(.focusNext)] : command == .donePrevious ? [.focus(.focusPrevious)] : []
                return (.normal, [.answer(.setText(id, text: editing.text))] + move)
            default: Self.edit(&editing, command: command, key: key)
            }
            return (.editingText(schemaId: id, editing: editing, error: nil), [])

        case .dropdown(let id, var query, var cursor):
            guard let q = ontology.question(id) else { return (.normal, []) }
            let matches = OptionFilter.filter(q.choices, by: query)
            switch command {
            case .close: return (.normal, [])
            case .up, .down, .pageUp, .pageDown: cursor = Self.move(cursor, with: command, count: matches.count)
            // Space and Enter choose in every list, whatever was typed: a filter never takes a space.
            case .choose:
                guard matches.indices.contains(cursor) else { return (self, []) }
                let value = q.choices[matches[cursor]]
                if q.kind == .singleDropdown { return (.normal, [.answer(.choose(id, value: value)), .answered(schemaId: id)]) }
                return (self, [.answer(.toggle(id, value: value))])
            default:
                if let key, Self.typeFilter(&query, with: key) { cursor = 0 }
            }
            return (.dropdown(schemaId: id, query: query, cursor: cursor), [])

        case .tree(let id, var query, var cursor, var expanded):
            guard let q = ontology.question(id) else { return (.normal, []) }
            let bridge = TreeBridge(q)
            let rows = TreePicker.visibleRows(bridge.roots, expanded: expanded, query: query)
            let row = rows.indices.contains(cursor) ? rows[cursor] : nil
            switch command {
            case .close: return (.normal, [])
            case .up, .down, .pageUp, .pageDown: cursor = Self.move(cursor, with: command, count: rows.count)
            case .expand:
                if let row, row.hasChildren { expanded.insert(row.path) }
            case .collapse:
                if let row {
                    if row.isExpanded, query.isEmpty {
                        expanded.remove(row.path)
                    } else if row.path.count > 1, let parent = rows.firstIndex(where: { $0.path == Array(row.path.dropLast()) }) {
                        cursor = parent
                    }
                }
            // Space and Enter choose, whatever was typed: a filter never takes a space.
            case .choose:
                if let row, let path = bridge.path(row.path) { return (self, [.answer(.toggle(id, value: path))]) }
            default:
                if let key, Self.typeFilter(&query, with: key) { cursor = Self.firstMatch(bridge, query: query) }
            }
            return (.tree(schemaId: id, query: query, cursor: cursor, expanded: expanded), [])

        case .prompt(let kind, var editing):
            switch command {
            case .cancel: return (.normal, [])
            case .confirm:
                switch kind {
                case .jump: return (.normal, [.jump(editing.text)])
                case .rejectComment:
                    let comment = editing.text.trimmingCharacters(in: .whitespaces)
                    guard !comment.isEmpty else { return (self, [.error("A rejection needs a comment for the labeler.")]) }
                    return (.normal, [.reject(comment: comment)])
                case .rejectWithIssues:
                    return (.normal, [.reject(comment: editing.text.trimmingCharacters(in: .whitespaces))])
                case .issue(let id, let codes, let chosen):
                    let content = editing.text.trimmingCharacters(in: .whitespaces)
                    guard !content.isEmpty else { return (self, [.error("An issue needs a comment: say what is wrong.")]) }
                    return (.normal, [.openIssue(schemaId: id, content: content, code: chosen.map { codes[$0].key })])
                case .resolve(let issue):
                    return (.normal, [.resolveIssue(id: issue.id, comment: editing.text.trimmingCharacters(in: .whitespaces))])
                case .holdReason:
                    let reason = editing.text.trimmingCharacters(in: .whitespaces)
                    guard !reason.isEmpty else { return (self, [.error("A hold needs a reason, for the manager who forwards it.")]) }
                    return (.normal, [.hold(reason: reason)])
                }
            case .nextCode, .previousCode:
                // Tab goes through the error codes, then back to none.
                guard case .issue(let id, let codes, let chosen) = kind, !codes.isEmpty else { return (self, []) }
                let all = codes.count + 1
                let now = chosen.map { $0 + 1 } ?? 0
                let next = (now + (command == .nextCode ? 1 : all - 1)) % all
                return (.prompt(.issue(schemaId: id, codes: codes, chosen: next == 0 ? nil : next - 1), editing), [])
            default: Self.edit(&editing, command: command, key: key)
            }
            return (.prompt(kind, editing), [])

        default:
            return (self, [])
        }
    }

    /// A paste into a typing mode: the mode with the text in it, or nil where nothing takes text.
    /// Text answers keep line breaks; one-line places get spaces instead.
    func pasting(_ text: String, ontology: Ontology) -> Mode? {
        let oneLine = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        switch self {
        case .editingText(let id, var editing, _):
            editing.insert(text)
            return .editingText(schemaId: id, editing: editing, error: nil)
        case .prompt(let kind, var editing):
            editing.insert(oneLine)
            return .prompt(kind, editing)
        case .dropdown(let id, let query, _):
            return .dropdown(schemaId: id, query: query + oneLine, cursor: 0)
        case .tree(let id, let query, _, let expanded):
            guard let q = ontology.question(id) else { return nil }
            let filter = query + oneLine
            return .tree(schemaId: id, query: filter, cursor: Self.firstMatch(TreeBridge(q), query: filter), expanded: expanded)
        default:
            return nil
        }
    }

    /// The keys of every line being typed (a text answer, the prompts): an editing command, else
    /// a character typed.
    static func edit(_ editing: inout TextEditing, command: Command?, key: InputEvent?) {
        switch command {
        case .cursorLeft: editing.left()
        case .cursorRight: editing.right()
        case .lineStart: editing.home()
        case .lineEnd: editing.end()
        case .deleteBackward: editing.backspace()
        case .deleteForward: editing.delete()
        case .deleteWord: editing.deleteWordBackward()
        case .deleteLine: editing.clear()
        case nil: if case .character(let c) = key { editing.insert(c) }
        default: break
        }
    }

    /// A cursor in an open list (dropdown, tree) after a move.
    static func move(_ cursor: Int, with command: Command?, count: Int) -> Int {
        let step = switch command {
        case .up: -1
        case .down: 1
        case .pageUp: -10
        case .pageDown: 10
        default: 0
        }
        return max(0, min(max(0, count - 1), cursor + step))
    }

    /// The first row of a filtered tree that matches the filter itself (not an ancestor shown
    /// only to lead to a match).
    static func firstMatch(_ bridge: TreeBridge, query: String) -> Int {
        let rows = TreePicker.visibleRows(bridge.roots, expanded: [], query: query)
        return rows.firstIndex { OptionFilter.matches($0.label, query: query) } ?? 0
    }

    /// Typing into an open list's filter; true when the filter changed (the cursor goes to the top).
    static func typeFilter(_ query: inout String, with key: InputEvent) -> Bool {
        switch key {
        case .character(" "): return false
        case .character(let c): query.append(c)
        case .backspace where !query.isEmpty: query.removeLast()
        default: return false
        }
        return true
    }
}
