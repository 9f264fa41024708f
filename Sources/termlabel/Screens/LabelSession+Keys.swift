import LabelCore
import TerminalUI

/// Keys become commands through the keymap (`Keymap`, from `KeyTable` and the user's keymap
/// files), and commands become form actions and session changes here.
extension LabelSession {
    func handle(_ event: InputEvent) throws {
        recordTime(event)
        defer { moveOnIfTakenAway() }
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
            quit()
            return
        default: break
        }
        // A message reports the last action; the next one replaces it (or clears it).
        message = nil
        switch event {
        case .mouse(let mouse):
            try handle(mouse)
            return
        case .paste(let text):
            try paste(text)
            return
        default: break
        }
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

    /// A key in normal mode: a command of the keymap (the pane's table, then the normal one),
    /// else an answer key: a digit chooses an option, a shortcut letter goes to its question.
    private func normal(_ event: InputEvent) throws {
        let keyMode: KeyMode = pane == .queue ? .list : .form
        if let command = keymap.command(for: event, in: keyMode, stage: stage) {
            try run(command, in: keyMode)
            return
        }
        guard case .character(let c) = event, c.isASCII else { return }
        if c.isNumber, pane == .form {
            try chooseOption(c == "0" ? 9 : Int(String(c))! - 1)
        } else if keymap.directShortcuts, ("a"..."k").contains(c) {
            shortcut(event)
        }
    }

    func run(_ command: Command, in keyMode: KeyMode) throws {
        switch command {
        case .help: mode = .help
        case .stats:
            stats = (try? store.activity(since: nil)).map(LabelerStats.compute) ?? []
            mode = .stats
        case .quit: quit()
        case .submit: try submit()
        case .save:
            try saveDraft()
            message = Message(text: "Draft saved.", isError: false)
        case .undo: try undo()
        case .redo: try redo()
        case .skip: try toggleSkip()
        case .nextTask: try step(1)
        case .previousTask: try step(-1)
        case .filter: try cycleFilter()
        case .goTo: mode = .prompt(.jump, TextEditing())
        case .shortcut: mode = .shortcut
        case .reject:
            if open != nil { mode = .prompt(.rejectComment, TextEditing()) }
        case .editAnswers:
            if var current = open, current.access == .review {
                current.access = .editable
                open = current
                message = Message(text: "Editing the labeler's answers: the review will be Fixed.", isError: false)
            }
        case .taskList: pane = .queue
        case .form: pane = .form
        case .scrollUp: scrollAsset(-5)
        case .scrollDown: scrollAsset(5)
        default:
            if keyMode == .list { try listCommand(command) } else { try formCommand(command) }
        }
    }

    private func step(_ delta: Int) throws {
        let target = queue.selected + delta
        guard target >= 0, target < queue.count else { return }
        pager.select(target)
        if let row = try selectedRow() { try open(taskId: row.id) }
    }

    func scrollAsset(_ delta: Int) {
        guard var current = open else { return }
        current.assetScroll = max(0, current.assetScroll + delta)
        open = current
    }

    func listCommand(_ command: Command) throws {
        switch command {
        case .up: moveQueueSelection(to: queue.selected - 1)
        case .down: moveQueueSelection(to: queue.selected + 1)
        case .first: moveQueueSelection(to: 0)
        case .last: moveQueueSelection(to: queue.count - 1)
        case .open:
            if let row = try selectedRow() { try open(taskId: row.id) }
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

    /// A digit: chooses (or toggles) the question's option with that number.
    private func chooseOption(_ n: Int) throws {
        guard let current = open, let q = focusedQuestion else { return }
        guard !current.readOnly else { return readOnlyMessage() }
        guard n < q.choices.count else { return }
        switch q.kind {
        case .radio, .singleDropdown: try applyForm(.choose(q.schemaId, value: q.choices[n]))
        case .checkbox, .multiDropdown: try applyForm(.toggle(q.schemaId, value: q.choices[n]))
        default: return
        }
        if q.kind == .radio || q.kind == .checkbox { optionCursor[q.schemaId] = n }
        try autoAdvanceIfAnswered(q)
    }

    func formCommand(_ command: Command) throws {
        guard let current = open, let q = focusedQuestion else { return }
        let editable = !current.readOnly
        switch command {
        case .nextQuestion: try applyForm(.focusNext, record: false)
        case .previousQuestion: try applyForm(.focusPrevious, record: false)
        case .down:
            if cursor(q) < cursorRows(q) - 1 { optionCursor[q.schemaId] = cursor(q) + 1 } else { try moveQuestion(1) }
        case .up:
            if cursor(q) > 0 { optionCursor[q.schemaId] = cursor(q) - 1 } else { try moveQuestion(-1) }
        case .choose:
            guard editable else { return readOnlyMessage() }
            try activate(q)
        case .rankUp, .rankDown:
            guard editable, q.kind == .rank else { return }
            let order = current.form.rankOrder(q)
            let i = cursor(q)
            guard order.indices.contains(i) else { return }
            let by = command == .rankUp ? -1 : 1
            try applyForm(.moveRank(q.schemaId, value: order[i], by: by))
            optionCursor[q.schemaId] = max(0, min(order.count - 1, i + by))
        case .clear:
            guard editable else { return readOnlyMessage() }
            if current.form.answer(q.schemaId) != nil { try applyForm(.clear(q.schemaId)) }
        default: break
        }
    }

    private func readOnlyMessage() {
        guard let reason = open?.access.reason else { return }
        message = Message(text: reason, isError: true)
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
    private func activate(_ q: Question) throws {
        guard let form = open?.form else { return }
        if form.answers[q.schemaId]?.locked == true {
            message = Message(text: "“\(q.title)” is locked by its pre-label: it cannot be changed.", isError: true)
            return
        }
        let value = form.answer(q.schemaId)?.values ?? []
        switch q.kind {
        case .radio:
            try applyForm(.choose(q.schemaId, value: q.choices[cursor(q)]))
            try autoAdvanceIfAnswered(q)
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

    // MARK: Paste

    /// A paste goes only into what takes typing (a text answer, a filter, a prompt), whole; it never
    /// runs a command. Text answers keep its line breaks; one-line places get spaces instead.
    func paste(_ raw: String) throws {
        let text = Self.pasteText(raw)
        let oneLine = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        switch mode {
        case .editingText(let id, var editing, _):
            editing.insert(text)
            mode = .editingText(schemaId: id, editing: editing, error: nil)
        case .prompt(let kind, var editing):
            editing.insert(oneLine)
            mode = .prompt(kind, editing)
        case .dropdown(let id, let query, _):
            mode = .dropdown(schemaId: id, query: query + oneLine, cursor: 0)
        case .tree(let id, let query, _, let expanded):
            guard let q = ontology.question(id) else { return }
            let filter = query + oneLine
            mode = .tree(schemaId: id, query: filter, cursor: Self.firstMatch(TreeBridge(q), query: filter), expanded: expanded)
        default:
            message = Message(text: "Paste ignored: a paste goes only into a text answer (Enter on it opens it), a filter or a prompt.", isError: true)
        }
    }

    /// Pasted text as an answer takes it: line breaks as "\n", tabs kept, other control
    /// characters dropped.
    static func pasteText(_ raw: String) -> String {
        var out = ""
        for scalar in raw.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar.value {
            case 0x0D, 0x0A: out.unicodeScalars.append("\n")
            case 0x09: out.unicodeScalars.append(scalar)
            case 0x00..<0x20, 0x7F..<0xA0: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
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

    // MARK: Typing modes

    private func editText(_ id: String, _ editing: TextEditing, _ event: InputEvent) throws {
        var editing = editing
        let command = keymap.command(for: event, in: .text, stage: stage)
        switch command {
        case .cancel:
            mode = .normal
            return
        case .newLine:
            // Text answers may hold several lines; Enter keeps the text, Alt-Enter breaks the line.
            editing.insert("\n")
        case .done, .doneNext, .donePrevious:
            guard let q = ontology.question(id) else { mode = .normal; return }
            if let pattern = q.regex, !editing.text.isEmpty, !FormState.matches(editing.text, pattern) {
                mode = .editingText(schemaId: id, editing: editing, error: "does not match \(pattern)")
                return
            }
            mode = .normal
            try applyForm(.setText(id, text: editing.text))
            if command == .doneNext { try applyForm(.focusNext, record: false) }
            if command == .donePrevious { try applyForm(.focusPrevious, record: false) }
            return
        default: Self.edit(&editing, command: command, event: event)
        }
        mode = .editingText(schemaId: id, editing: editing, error: nil)
    }

    func dropdown(_ id: String, _ query: String, _ cursor: Int, _ event: InputEvent) throws {
        try dropdown(id, query, cursor, keymap.command(for: event, in: .dropdown, stage: stage), event)
    }

    func dropdown(_ id: String, _ query: String, _ cursor: Int, _ command: Command?, _ event: InputEvent? = nil) throws {
        guard let q = ontology.question(id) else { mode = .normal; return }
        var query = query
        var cursor = cursor
        let matches = OptionFilter.filter(q.choices, by: query)
        switch command {
        case .close:
            mode = .normal
            return
        case .up, .down, .pageUp, .pageDown: cursor = Self.move(cursor, with: command, count: matches.count)
        // Space and Enter choose in every list, whatever was typed: a filter never takes a space.
        case .choose:
            guard matches.indices.contains(cursor) else { return }
            let value = q.choices[matches[cursor]]
            if q.kind == .singleDropdown {
                try applyForm(.choose(id, value: value))
                mode = .normal
                try autoAdvanceIfAnswered(q)
                return
            }
            try applyForm(.toggle(id, value: value))
        default:
            if let event, Self.typeFilter(&query, with: event) { cursor = 0 }
        }
        mode = .dropdown(schemaId: id, query: query, cursor: cursor)
    }

    func tree(_ id: String, _ query: String, _ cursor: Int, _ expanded: Set<[Int]>, _ event: InputEvent) throws {
        try tree(id, query, cursor, expanded, keymap.command(for: event, in: .tree, stage: stage), event)
    }

    func tree(_ id: String, _ query: String, _ cursor: Int, _ expanded: Set<[Int]>, _ command: Command?, _ event: InputEvent? = nil) throws {
        guard let q = ontology.question(id) else { mode = .normal; return }
        let bridge = TreeBridge(q)
        var query = query
        var cursor = cursor
        var expanded = expanded
        let rows = TreePicker.visibleRows(bridge.roots, expanded: expanded, query: query)
        let row = rows.indices.contains(cursor) ? rows[cursor] : nil
        switch command {
        case .close:
            mode = .normal
            return
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
            if let row, let path = bridge.path(row.path) { try applyForm(.toggle(id, value: path)) }
        default:
            if let event, Self.typeFilter(&query, with: event) { cursor = Self.firstMatch(bridge, query: query) }
        }
        mode = .tree(schemaId: id, query: query, cursor: cursor, expanded: expanded)
    }

    private func prompt(_ kind: PromptKind, _ editing: TextEditing, _ event: InputEvent) throws {
        var editing = editing
        let command = keymap.command(for: event, in: .prompt, stage: stage)
        switch command {
        case .cancel:
            mode = .normal
            return
        case .confirm:
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
        default: Self.edit(&editing, command: command, event: event)
        }
        mode = .prompt(kind, editing)
    }

    /// The keys of every line being typed (a text answer, the prompts): an editing command, else
    /// a character typed.
    static func edit(_ editing: inout TextEditing, command: Command?, event: InputEvent) {
        switch command {
        case .cursorLeft: editing.left()
        case .cursorRight: editing.right()
        case .lineStart: editing.home()
        case .lineEnd: editing.end()
        case .deleteBackward: editing.backspace()
        case .deleteForward: editing.delete()
        case .deleteWord: editing.deleteWordBackward()
        case .deleteLine: editing.clear()
        case nil: if case .character(let c) = event { editing.insert(c) }
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
    static func typeFilter(_ query: inout String, with event: InputEvent) -> Bool {
        switch event {
        case .character(" "): return false
        case .character(let c): query.append(c)
        case .backspace where !query.isEmpty: query.removeLast()
        default: return false
        }
        return true
    }
}
