import LabelCore
import TerminalUI

/// The keymap, in one place: keys become form actions and session commands. `docs/keys.md` and
/// the help overlay (`KeyHelp`) say the same.
extension LabelSession {
    func handle(_ event: InputEvent) throws {
        recordTime(event)
        switch event {
        case .tick:
            try autosaveIfDue()
            return
        case .suspended:
            // The process stops right after this event: keep the work and its time first.
            try saveDraft()
            return
        case .resize, .focusIn, .focusOut, .resumed:
            return
        case .hangup, .terminate, .interrupt:
            try closeCurrent()
            finished = true
            return
        case .mouse(let mouse):
            try handle(mouse)
            return
        default: break
        }
        if case .character = event, message != nil, !mode.isTyping { message = nil }
        switch mode {
        case .help, .stats: mode = .normal
        case .shortcut: shortcut(event)
        case .prompt(let kind, let editing): try prompt(kind, editing, event)
        case .editingText(let id, let editing, _): try editText(id, editing, event)
        case .dropdown(let id, let query, let cursor): try dropdown(id, query, cursor, event)
        case .tree(let id, let query, let cursor, let expanded): try tree(id, query, cursor, expanded, event)
        case .normal: try normal(event)
        }
    }

    // MARK: Normal mode

    private func normal(_ event: InputEvent) throws {
        switch event {
        case .character("?"): mode = .help
        case .character("%"): mode = .stats
        case .character("q"), .control("c"):
            try closeCurrent()
            finished = true
        case .character("s"): try submit()
        case .character("w"):
            try saveDraft()
            message = Message(text: "Draft saved.", isError: false)
        case .character("u"): try undo()
        case .character("x"): try toggleSkip()
        case .character("n"): try step(1)
        case .character("p"): try step(-1)
        case .character("v"): try cycleFilter()
        case .character("/"): mode = .prompt(.jump, TextEditing())
        case .character(";"): mode = .shortcut
        case .character("r") where stage == .review:
            if open != nil { mode = .prompt(.rejectComment, TextEditing()) }
        case .character("m") where stage == .review:
            if var current = open, current.readOnly {
                current.readOnly = false
                open = current
                message = Message(text: "Editing the labeler's answers: the review will be Fixed.", isError: false)
            }
        case .left: pane = .queue
        case .right where pane == .queue: pane = .form
        case .pageUp: scrollAsset(-5)
        case .pageDown: scrollAsset(5)
        default:
            if pane == .queue { try queueKey(event) } else { try formKey(event) }
        }
    }

    private func step(_ delta: Int) throws {
        let target = queue.selected + delta
        guard target >= 0, target < queue.count else { return }
        queue.selected = target
        if let row = try selectedRow() { try open(taskId: row.id) }
    }

    func scrollAsset(_ delta: Int) {
        guard var current = open else { return }
        current.assetScroll = max(0, current.assetScroll + delta)
        open = current
    }

    func queueKey(_ event: InputEvent) throws {
        switch event {
        case .up: moveQueueSelection(to: queue.selected - 1)
        case .down: moveQueueSelection(to: queue.selected + 1)
        case .home: moveQueueSelection(to: 0)
        case .end: moveQueueSelection(to: queue.count - 1)
        case .enter, .character(" "):
            if let row = try selectedRow() { try open(taskId: row.id) }
        case .character(let c) where ("a"..."k").contains(c): shortcut(event)
        default: break
        }
    }

    /// Jumps to the question whose shortcut key this is.
    private func shortcut(_ event: InputEvent) {
        mode = .normal
        let key: ShortcutKey?
        switch event {
        case .character(let c): key = ShortcutKey(String(c))
        case .control(let c): key = c.wholeNumberValue.map(ShortcutKey.controlDigit)
        default: key = nil
        }
        guard let key, let form = open?.form else { return }
        guard let q = form.visibleQuestions.first(where: { $0.question.shortcutKey == key })?.question else {
            message = Message(text: "No question has the shortcut \(key).", isError: true)
            return
        }
        try? applyForm(.focus(q.schemaId), record: false)
        pane = .form
    }

    // MARK: The form

    var focusedQuestion: Question? { open?.form.focus.flatMap { ontology.question($0) } }

    func cursor(_ q: Question) -> Int { optionCursor[q.schemaId] ?? 0 }

    /// Rows the cursor moves through inside a question: its options, a rank's items, else one.
    func cursorRows(_ q: Question) -> Int {
        switch q.kind {
        case .radio, .checkbox, .rank: max(1, q.choices.count)
        default: 1
        }
    }

    func formKey(_ event: InputEvent) throws {
        guard let current = open, let q = focusedQuestion else { return }
        let editable = !current.readOnly
        switch event {
        case .tab: try applyForm(.focusNext, record: false)
        case .backTab: try applyForm(.focusPrevious, record: false)
        case .down:
            if cursor(q) < cursorRows(q) - 1 { optionCursor[q.schemaId] = cursor(q) + 1 } else { try moveQuestion(1) }
        case .up:
            if cursor(q) > 0 { optionCursor[q.schemaId] = cursor(q) - 1 } else { try moveQuestion(-1) }
        case .character(let c) where ("a"..."k").contains(c): shortcut(event)
        case .character(let c) where c.isASCII && c.isNumber:
            guard editable else { return readOnlyMessage() }
            let n = c == "0" ? 9 : Int(String(c))! - 1
            guard n < q.choices.count else { return }
            switch q.kind {
            case .radio, .singleDropdown: try applyForm(.choose(q.schemaId, value: q.choices[n]))
            case .checkbox, .multiDropdown: try applyForm(.toggle(q.schemaId, value: q.choices[n]))
            default: return
            }
            if q.kind == .radio || q.kind == .checkbox { optionCursor[q.schemaId] = n }
        case .character(" "), .enter:
            guard editable else { return readOnlyMessage() }
            try activate(q, enter: event == .enter)
        case .character("K"), .character("J"):
            guard editable, q.kind == .rank else { return }
            let order = current.form.rankOrder(q)
            let i = cursor(q)
            guard order.indices.contains(i) else { return }
            let by = event == .character("K") ? -1 : 1
            try applyForm(.moveRank(q.schemaId, value: order[i], by: by))
            optionCursor[q.schemaId] = max(0, min(order.count - 1, i + by))
        case .backspace, .delete:
            guard editable else { return readOnlyMessage() }
            if current.form.answer(q.schemaId) != nil { try applyForm(.clear(q.schemaId)) }
        default: break
        }
    }

    private func readOnlyMessage() {
        message = Message(text: "The labeler's answers are read-only: press m to edit them, s to accept, r to reject.", isError: true)
    }

    func moveQuestion(_ delta: Int) throws {
        guard let form = open?.form else { return }
        let rows = form.visibleQuestions
        guard let i = rows.firstIndex(where: { $0.question.schemaId == form.focus }) else { return }
        let j = i + delta
        guard rows.indices.contains(j) else { return }
        let target = rows[j].question
        try applyForm(.focus(target.schemaId), record: false)
        optionCursor[target.schemaId] = delta > 0 ? 0 : cursorRows(target) - 1
    }

    /// Space or Enter on a question: choose the option under the cursor, or open the question's
    /// own editor (text, dropdown, tree).
    private func activate(_ q: Question, enter: Bool) throws {
        guard let form = open?.form else { return }
        let value = form.answer(q.schemaId)?.values ?? []
        switch q.kind {
        case .radio: try applyForm(.choose(q.schemaId, value: q.choices[cursor(q)]))
        case .checkbox: try applyForm(.toggle(q.schemaId, value: q.choices[cursor(q)]))
        case .rank: try applyForm(.setRank(q.schemaId, order: form.rankOrder(q)))
        case .text: mode = .editingText(schemaId: q.schemaId, editing: TextEditing(value.first ?? ""), error: nil)
        case .singleDropdown, .multiDropdown:
            let first = value.first.flatMap { q.choices.firstIndex(of: $0) } ?? 0
            mode = .dropdown(schemaId: q.schemaId, query: "", cursor: first)
        case .treeDropdown:
            let bridge = TreeBridge(q)
            mode = .tree(schemaId: q.schemaId, query: "", cursor: 0, expanded: bridge.ancestorsExpanded(value))
        }
    }

    // MARK: Typing modes

    private func editText(_ id: String, _ editing: TextEditing, _ event: InputEvent) throws {
        var editing = editing
        switch event {
        case .escape:
            mode = .normal
            return
        case .enter, .tab, .backTab:
            guard let q = ontology.question(id) else { mode = .normal; return }
            if let pattern = q.regex, !editing.text.isEmpty, !FormState.matches(editing.text, pattern) {
                mode = .editingText(schemaId: id, editing: editing, error: "does not match \(pattern)")
                return
            }
            mode = .normal
            try applyForm(.setText(id, text: editing.text))
            if event == .tab { try applyForm(.focusNext, record: false) }
            if event == .backTab { try applyForm(.focusPrevious, record: false) }
            return
        default: Self.edit(&editing, with: event)
        }
        mode = .editingText(schemaId: id, editing: editing, error: nil)
    }

    func dropdown(_ id: String, _ query: String, _ cursor: Int, _ event: InputEvent) throws {
        guard let q = ontology.question(id) else { mode = .normal; return }
        var query = query
        var cursor = cursor
        let matches = OptionFilter.filter(q.choices, by: query)
        switch event {
        case .escape, .tab:
            mode = .normal
            return
        case .up, .down, .pageUp, .pageDown: cursor = Self.move(cursor, with: event, count: matches.count)
        case .enter:
            guard matches.indices.contains(cursor) else { return }
            let value = q.choices[matches[cursor]]
            if q.kind == .singleDropdown {
                try applyForm(.choose(id, value: value))
                mode = .normal
                return
            }
            try applyForm(.toggle(id, value: value))
        // In a multi dropdown Space toggles; in a single one it is part of the filter text.
        case .character(" ") where q.kind == .multiDropdown:
            guard matches.indices.contains(cursor) else { return }
            try applyForm(.toggle(id, value: q.choices[matches[cursor]]))
        default:
            if Self.typeFilter(&query, with: event) { cursor = 0 }
        }
        mode = .dropdown(schemaId: id, query: query, cursor: cursor)
    }

    func tree(_ id: String, _ query: String, _ cursor: Int, _ expanded: Set<[Int]>, _ event: InputEvent) throws {
        guard let q = ontology.question(id) else { mode = .normal; return }
        let bridge = TreeBridge(q)
        var query = query
        var cursor = cursor
        var expanded = expanded
        let rows = TreePicker.visibleRows(bridge.roots, expanded: expanded, query: query)
        let row = rows.indices.contains(cursor) ? rows[cursor] : nil
        switch event {
        case .escape, .tab:
            mode = .normal
            return
        case .up, .down, .pageUp, .pageDown: cursor = Self.move(cursor, with: event, count: rows.count)
        case .right:
            if let row, row.hasChildren { expanded.insert(row.path) }
        case .left:
            if let row {
                if row.isExpanded, query.isEmpty {
                    expanded.remove(row.path)
                } else if row.path.count > 1, let parent = rows.firstIndex(where: { $0.path == Array(row.path.dropLast()) }) {
                    cursor = parent
                }
            }
        case .enter:
            if let row, let path = bridge.path(row.path) { try applyForm(.toggle(id, value: path)) }
        // Space chooses until a filter is being typed; then it is part of the filter text.
        case .character(" ") where query.isEmpty:
            if let row, let path = bridge.path(row.path) { try applyForm(.toggle(id, value: path)) }
        default:
            if Self.typeFilter(&query, with: event) { cursor = 0 }
        }
        mode = .tree(schemaId: id, query: query, cursor: cursor, expanded: expanded)
    }

    private func prompt(_ kind: PromptKind, _ editing: TextEditing, _ event: InputEvent) throws {
        var editing = editing
        switch event {
        case .escape:
            mode = .normal
            return
        case .enter:
            mode = .normal
            switch kind {
            case .jump: try jump(to: editing.text)
            case .rejectComment:
                let comment = editing.text.trimmingCharacters(in: .whitespaces)
                guard !comment.isEmpty else {
                    message = Message(text: "A rejection needs a comment for the labeler.", isError: true)
                    mode = .prompt(kind, editing)
                    return
                }
                try submit(review: .rejected, comment: comment)
            }
            return
        default: Self.edit(&editing, with: event)
        }
        mode = .prompt(kind, editing)
    }

    /// The keys of every line being typed: a text answer and the prompts.
    static func edit(_ editing: inout TextEditing, with event: InputEvent) {
        switch event {
        case .character(let c): editing.insert(c)
        case .backspace: editing.backspace()
        case .delete: editing.delete()
        case .left: editing.left()
        case .right: editing.right()
        case .home, .control("a"): editing.home()
        case .end, .control("e"): editing.end()
        case .control("w"): editing.deleteWordBackward()
        case .control("u"): editing.clear()
        default: break
        }
    }

    /// A cursor in an open list (dropdown, tree) after an arrow or page key.
    static func move(_ cursor: Int, with event: InputEvent, count: Int) -> Int {
        let step = switch event {
        case .up: -1
        case .down: 1
        case .pageUp: -10
        case .pageDown: 10
        default: 0
        }
        return max(0, min(max(0, count - 1), cursor + step))
    }

    /// Typing into an open list's filter; true when the filter changed (the cursor goes to the top).
    static func typeFilter(_ query: inout String, with event: InputEvent) -> Bool {
        switch event {
        case .character(let c): query.append(c)
        case .backspace where !query.isEmpty: query.removeLast()
        default: return false
        }
        return true
    }
}
