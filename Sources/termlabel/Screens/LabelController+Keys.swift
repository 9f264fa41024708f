import LabelCore
import TerminalUI

/// Keys become commands through the keymap (`Keymap`, from `KeyTable` and the user's keymap
/// files), and commands become form actions and session calls here.
extension LabelController {
    /// One input event. A mouse event is placed on the frame it was aimed at (`frame`: the size
    /// of the frame on screen); without one it does nothing. Afterwards the screen state follows
    /// what the session did (`sync`).
    func handle(_ event: InputEvent, frame: Size? = nil) throws {
        do {
            try dispatch(event, frame: frame)
        } catch {
            session.moveOnIfTakenAway()
            try? sync()
            throw error
        }
        session.moveOnIfTakenAway()
        try sync()
    }

    private func dispatch(_ event: InputEvent, frame: Size?) throws {
        session.recordTime(event)
        switch event {
        case .tick:
            try session.autosaveIfDue()
            return
        case .suspended:
            // The process stops right after this event: keep the work and its time first.
            try session.saveDraft()
            return
        case .resize, .focusIn, .focusOut, .resumed:
            return
        case .hangup, .terminate, .interrupt:
            session.quit()
            return
        default: break
        }
        // A message reports the last action; the next one replaces it (or clears it).
        message = nil
        switch event {
        case .mouse(let mouse):
            if let frame { try handle(mouse, frame: frame) }
            return
        case .paste(let text):
            try paste(text)
            return
        default: break
        }
        if showsZoomedImage { return try zoomed(event) }
        switch mode {
        case .help(let page):
            // The help key turns the overlay's page; any other key closes it.
            let more = keymap.command(for: event, in: .normal, stage: stage) == .help && page + 1 < Keymap.overlayPages
            mode = more ? .help(page: page + 1) : .normal
        case .stats: mode = .normal
        case .answers: try answersKey(event)
        case .instructions: try readInstructions(event, frame: frame)
        case .search: search(event)
        case .shortcut: shortcut(event)
        case .normal: try normal(event)
        case .prompt, .editingText, .dropdown, .tree:
            try typing(mode.keyMode.flatMap { keymap.command(for: event, in: $0, stage: stage) }, key: event)
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

    /// A key over a consensus task's answers: a digit takes that annotator's answer.
    private func answersKey(_ event: InputEvent) throws {
        switch keymap.command(for: event, in: .answers, stage: stage) {
        case .pickAnswer:
            guard case .character(let c) = event, let n = Int(String(c)) else { return }
            try session.pickAnswer(n - 1)
            mode = .normal
            pane = .form
        case .close: mode = .normal
        default: break
        }
    }

    func run(_ command: Command, in keyMode: KeyMode) throws {
        switch command {
        case .help: mode = .help(page: 0)
        case .stats:
            session.loadStats()
            mode = .stats
        case .quit: session.quit()
        case .submit: try session.submit()
        case .save:
            try session.saveDraft()
            message = Message(text: "Draft saved.", isError: false)
        case .undo:
            // Right after a submit, undo takes it back: the task returns to the form.
            if try session.takeBackSubmit() { pane = .form } else { try session.undo() }
        case .redo: try session.redo()
        case .skip:
            let target = pane == .queue ? try selectedRow()?.id : open?.task.id
            if let target { try session.toggleSkip(taskId: target) }
            if open?.task.id == target { pane = .form }
        case .nextTask: try step(1)
        case .previousTask: try step(-1)
        case .filter: try cycleFilter()
        case .goTo: mode = .prompt(.jump, TextEditing())
        case .shortcut: mode = .shortcut
        case .reject:
            if let current = open {
                let issues = current.issues.filter(\.isOpen).count
                mode = .prompt(issues > 0 ? .rejectWithIssues(issues) : .rejectComment, TextEditing())
            }
        case .openIssue:
            guard open != nil else { return }
            let on = pane == .form ? focusedQuestion?.schemaId : nil
            mode = .prompt(.issue(schemaId: on, codes: session.settings.errorCodes, chosen: nil), TextEditing())
        case .resolveIssue: startResolving()
        case .hold:
            guard let current = open else { return }
            if current.task.status == .hold {
                message = Message(text: "\(current.task.externalId) is on hold already.", isError: true)
            } else if !current.access.holds {
                message = Message(text: "Only the task's holder can put it on hold (termlabel requeue --to Hold for a manager).", isError: true)
            } else {
                mode = .prompt(.holdReason, TextEditing())
            }
        case .editAnswers: session.editAnswers()
        case .showAnswers:
            if open?.consensus != nil { mode = .answers } else { message = Message(text: "This task had no consensus round.", isError: false) }
        case .taskList: pane = .queue
        case .form: pane = .form
        case .scrollUp: scrollAsset(-5)
        case .scrollDown: scrollAsset(5)
        case .zoomImage: zoomImage()
        case .imageInfo: images.showInfo.toggle()
        case .instructions: showInstructions()
        case .find: startSearch()
        default:
            if keyMode == .list { try listCommand(command) } else { try formCommand(command) }
        }
    }

    /// R: the open issue on the question under the cursor, else the task's first open one.
    private func startResolving() {
        guard let current = open else { return }
        let open = current.issues.filter(\.isOpen)
        let here = pane == .form ? focusedQuestion?.schemaId : nil
        guard let issue = open.first(where: { $0.schemaId == here }) ?? open.first(where: { $0.schemaId == nil }) ?? open.first else {
            message = Message(text: "No open issue on this task.", isError: true)
            return
        }
        mode = .prompt(.resolve(issue), TextEditing())
    }

    private func step(_ delta: Int) throws {
        let target = queue.selected + delta
        guard target >= 0, target < queue.count else { return }
        pager.select(target)
        if let row = try selectedRow() { try openTask(row.id) }
    }

    func scrollAsset(_ delta: Int) {
        guard open != nil else { return }
        assetScroll = max(0, assetScroll + delta)
    }

    func listCommand(_ command: Command) throws {
        switch command {
        case .up: moveQueueSelection(to: queue.selected - 1)
        case .down: moveQueueSelection(to: queue.selected + 1)
        case .first: moveQueueSelection(to: 0)
        case .last: moveQueueSelection(to: queue.count - 1)
        case .open:
            if let row = try selectedRow() { try openTask(row.id) }
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
        try? session.applyForm(.focus(q.schemaId), record: false)
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
        case .radio, .singleDropdown: try session.applyForm(.choose(q.schemaId, value: q.choices[n]))
        case .checkbox, .multiDropdown: try session.applyForm(.toggle(q.schemaId, value: q.choices[n]))
        default: return
        }
        if q.kind == .radio || q.kind == .checkbox { optionCursor[q.schemaId] = n }
        try session.autoAdvanceIfAnswered(q)
    }

    func formCommand(_ command: Command) throws {
        guard let current = open, let q = focusedQuestion else { return }
        let editable = !current.readOnly
        switch command {
        case .nextQuestion: try session.applyForm(.focusNext, record: false)
        case .previousQuestion: try session.applyForm(.focusPrevious, record: false)
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
            try session.applyForm(.moveRank(q.schemaId, value: order[i], by: by))
            optionCursor[q.schemaId] = max(0, min(order.count - 1, i + by))
        case .clear:
            guard editable else { return readOnlyMessage() }
            if current.form.answer(q.schemaId) != nil { try session.applyForm(.clear(q.schemaId)) }
        default: break
        }
    }

    private func readOnlyMessage() {
        guard let reason = open?.access.reason(keys: keymap) else { return }
        message = Message(text: reason, isError: true)
    }

    func moveQuestion(_ delta: Int) throws {
        guard let form = open?.form else { return }
        let rows = form.visibleQuestions
        guard let i = rows.firstIndex(where: { $0.question.schemaId == form.focus }) else { return }
        let j = i + delta
        guard rows.indices.contains(j) else { return }
        let target = rows[j].question
        try session.applyForm(.focus(target.schemaId), record: false)
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
            try session.applyForm(.choose(q.schemaId, value: q.choices[cursor(q)]))
            try session.autoAdvanceIfAnswered(q)
        case .checkbox: try session.applyForm(.toggle(q.schemaId, value: q.choices[cursor(q)]))
        case .rank: try session.applyForm(.setRank(q.schemaId, order: form.rankOrder(q)))
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
        if let next = mode.pasting(Self.pasteText(raw), ontology: ontology) {
            mode = next
        } else {
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

    // MARK: Typing modes

    /// A key (or a command, from the mouse) in a typing mode: the mode's transition, then what it
    /// asks for.
    func typing(_ command: Command?, key: InputEvent? = nil) throws {
        let (next, effects) = mode.next(command, key: key, ontology: ontology)
        mode = next
        for effect in effects {
            switch effect {
            case .answer(let action): try session.applyForm(action)
            case .focus(let action): try session.applyForm(action, record: false)
            case .answered(let id): if let q = ontology.question(id) { try session.autoAdvanceIfAnswered(q) }
            case .jump(let text): try jump(to: text)
            case .reject(let comment): try session.submit(review: .rejected, comment: comment.isEmpty ? nil : comment)
            case .openIssue(let id, let content, let code): try session.openIssue(schemaId: id, content: content, code: code)
            case .resolveIssue(let id, let comment): try session.resolveIssue(id: id, comment: comment)
            case .hold(let reason): try session.putOnHold(reason: reason)
            case .error(let text): message = Message(text: text, isError: true)
            }
        }
    }
}
