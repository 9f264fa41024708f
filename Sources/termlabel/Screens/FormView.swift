import LabelCore
import TerminalUI

/// The form pane: every question shown for the current answers, nested ones indented under
/// their parent, with required marks and problems; scrolled so the cursor stays in view. An open
/// dropdown or tree takes the whole pane.
struct FormView {
    let state: ScreenState
    var keymap: Keymap { state.keymap }

    func draw(in area: Rect, on screen: inout Screen) -> Point? {
        var shown: Shown?
        return draw(in: area, on: &screen, shown: &shown)
    }

    /// What the pane shows of the form's canvas, as `draw` left it: enough for a move among the
    /// focused question's options to draw the two rows that change (`redrawOptionRows`) without
    /// laying out the form again.
    struct Shown {
        /// The first line of the canvas shown, and the canvas's height.
        var offset: Int
        var canvasHeight: Int
        /// The focused radio or checkbox question and where its options are; nil for other questions.
        var options: FocusedOptions?
    }

    struct FocusedOptions {
        var question: Question
        /// The first option's line on the canvas, and the question's indent.
        var top: Int
        var indent: Int
        /// The option the cursor was on when the options were last drawn.
        var cursor: Int
    }

    /// Draws the pane; `shown` says what of the form's canvas it shows (nil while a dropdown or
    /// tree takes the pane, or with no task).
    func draw(in area: Rect, on screen: inout Screen, shown: inout Shown?) -> Point? {
        shown = nil
        let focused = state.pane == .form
        guard let open = state.open else {
            Box(title: "Form", style: .dim).draw(in: area, on: &screen)
            return nil
        }
        let problems = open.form.problems
        let access: String = switch open.access {
        case .review: "Form · read-only (\(keymap.shown(.editAnswers, in: .normal)) edits)"
        case .heldBy(let who): "Form · read-only (held by \(who))"
        case .otherStage(let stage): "Form · read-only (\(stage.name))"
        case .ownLabels: "Form · read-only (your labels)"
        case .readOnly: "Form · read-only"
        case .editable: problems.isEmpty ? "Form · ready to submit" : "Form · \(problems.count) to fix"
        }
        let openIssues = open.issues.filter(\.isOpen).count
        let issues = openIssues > 0 ? " · \(openIssues) open issue\(openIssues == 1 ? "" : "s")" : ""
        // A task on hold is not "ready to submit", whatever its answers.
        let title = visible(open.hold.map { "Form · on hold: \($0.reason)" + issues } ?? access + issues)
        Box(title: title, style: focused ? .bold : .dim).draw(in: area, on: &screen)
        let inner = Box.inner(area)
        guard !inner.isEmpty else { return nil }
        switch state.mode {
        case .dropdown(let id, let query, let cursor):
            guard let q = state.ontology.question(id) else { return nil }
            let chosen = Set((open.form.answer(id)?.values ?? []).compactMap { q.choices.firstIndex(of: $0) })
            let dropdown = Dropdown(
                title: q.title + (q.kind == .multiDropdown
                    ? " (\(keymap.shown(.choose, in: .dropdown)) toggles, \(keymap.shown(.close, in: .dropdown)) closes)"
                    : " (\(keymap.shown(.choose, in: .dropdown, all: true)) chooses, \(keymap.shown(.close, in: .dropdown)) closes)"),
                options: q.choices, chosen: chosen, multiple: q.kind == .multiDropdown, isOpen: true, query: query,
                cursor: cursor, focused: true)
            dropdown.draw(in: inner, on: &screen)
            return dropdown.cursorPosition(in: inner)
        case .tree(let id, let query, let cursor, let expanded):
            guard let q = state.ontology.question(id) else { return nil }
            let bridge = TreeBridge(q)
            let picker = TreePicker(
                title: q.title + " (type to filter, \(keymap.shown(.expand, in: .tree))\(keymap.shown(.collapse, in: .tree)) open/close, "
                    + "\(keymap.shown(.choose, in: .tree)) chooses, \(keymap.shown(.close, in: .tree)) closes)" + (query.isEmpty ? "" : " · filter: \(query)"),
                roots: bridge.roots, expanded: expanded, chosen: bridge.chosen(open.form.answer(id)?.values ?? []),
                cursor: cursor, query: query)
            picker.draw(in: inner, on: &screen)
            return nil
        default: break
        }
        // Lay out the whole form on a tall canvas, then show the window around the cursor.
        let layout = layout(open.form, width: inner.width)
        var canvas = Screen(width: inner.width, height: max(1, layout.height))
        var textCursor: Point?
        // A reviewer's edits, marked against the labeler's answers.
        let changed = Set(open.baseline.map { open.form.changedQuestions(from: $0) } ?? [])
        let issueStyle = Style(foreground: .yellow, bold: true)
        for (i, line) in layout.taskIssues.enumerated() {
            _ = canvas.put(line, at: Point(x: 0, y: i), style: issueStyle, clip: Rect(x: 0, y: i, width: inner.width, height: 1))
        }
        for entry in layout.entries {
            let q = entry.question
            let isFocus = open.form.focus == q.schemaId
            let indent = entry.depth * 2
            let header = Rect(x: indent, y: entry.y, width: max(0, inner.width - indent), height: 1)
            let was = changed.contains(q.schemaId) ? open.baseline?.answer(q.schemaId)?.values ?? [] : nil
            drawHeader(q, focus: isFocus && focused, problems: problems.filter { $0.schemaId == q.schemaId }, was: was, in: header, on: &canvas)
            for (i, note) in entry.notes.enumerated() {
                _ = canvas.put(note, at: Point(x: indent + 2, y: entry.y + 1 + i), style: Style(dim: true, italic: true),
                               clip: Rect(x: indent + 2, y: entry.y + 1 + i, width: max(0, inner.width - indent - 2), height: 1))
            }
            let body = Rect(x: indent + 2, y: entry.y + 1 + entry.notes.count, width: max(0, inner.width - indent - 2), height: entry.bodyHeight)
            let cursor = isFocus && focused ? state.cursor(q) : nil
            if let p = drawBody(q, form: open.form, cursor: cursor, in: body, on: &canvas) { textCursor = p }
            for (i, line) in entry.issues.enumerated() {
                let y = body.y + body.height + i
                _ = canvas.put(line, at: Point(x: indent + 2, y: y), style: issueStyle, clip: Rect(x: indent + 2, y: y, width: body.width, height: 1))
            }
        }
        let offset = layout.offset(visibleRows: inner.height)
        shown = Shown(offset: offset, canvasHeight: canvas.height, options: focusedOptions(layout, form: open.form))
        for line in 0..<min(inner.height, canvas.height - offset) {
            copyRow(from: canvas, row: offset + line, to: &screen, at: Point(x: inner.x, y: inner.y + line))
        }
        if offset > 0 { _ = screen.put("↑", at: Point(x: area.maxX - 2, y: area.y), style: .dim) }
        if canvas.height - offset > inner.height { _ = screen.put("↓", at: Point(x: area.maxX - 2, y: area.maxY - 1), style: .dim) }
        guard let p = textCursor else { return nil }
        let shown = Point(x: inner.x + p.x, y: inner.y + p.y - offset)
        return inner.contains(shown) ? shown : nil
    }

    /// The focused question's options, when it is a radio or checkbox list the cursor is in.
    private func focusedOptions(_ layout: Layout, form: FormState) -> FocusedOptions? {
        guard state.pane == .form, let entry = layout.entries.first(where: { $0.question.schemaId == form.focus }),
              entry.question.kind == .radio || entry.question.kind == .checkbox, entry.bodyHeight > 0 else { return nil }
        return FocusedOptions(question: entry.question, top: entry.y + 1 + entry.notes.count, indent: entry.depth * 2,
                              cursor: state.cursor(entry.question))
    }

    /// After a move within the focused question's options, with the rest of the pane as `draw`
    /// left it (`shown`): draws the option the cursor left and the one it reached, and nothing
    /// else. False, drawing nothing, when the pane must be drawn whole (the window would scroll,
    /// another kind of question, a dropdown or a text open).
    func redrawOptionRows(in area: Rect, on screen: inout Screen, shown: inout Shown) -> Bool {
        guard state.pane == .form, let open = state.open, var options = shown.options,
              options.question.schemaId == open.form.focus else { return false }
        switch state.mode {
        case .dropdown, .tree, .editingText: return false
        default: break
        }
        let inner = Box.inner(area)
        guard !inner.isEmpty else { return false }
        let q = options.question
        let cursor = state.cursor(q)
        // The window follows the cursor line (`Layout.offset`): it must stay where it is.
        var layout = Layout()
        layout.height = shown.canvasHeight
        layout.cursorLine = options.top + cursor
        guard layout.offset(visibleRows: inner.height) == shown.offset else { return false }
        let values = open.form.answer(q.schemaId)?.values ?? []
        let list = ChoiceList(options: q.choices, chosen: Set(values.compactMap { q.choices.firstIndex(of: $0) }), cursor: cursor,
                              multiple: q.kind == .checkbox)
        for option in (options.cursor == cursor ? [cursor] : [options.cursor, cursor]) where q.choices.indices.contains(option) {
            let y = inner.y + options.top + option - shown.offset
            guard y >= inner.y, y < inner.maxY else { continue }
            list.draw(option: option, in: Rect(x: inner.x + options.indent + 2, y: y, width: max(0, inner.width - options.indent - 2), height: 1),
                      on: &screen)
        }
        options.cursor = cursor
        shown.options = options
        return true
    }

    /// Where each visible question sits on the form's tall canvas: its header line, then its body.
    struct Layout {
        struct Entry {
            var question: Question
            var depth: Int
            /// The header's line; the notes (the focused question's description and hint), then the body follow it.
            var y: Int
            var notes: [String] = []
            var bodyHeight: Int
            /// The open issues on the question, wrapped, below its body.
            var issues: [String] = []

            /// Lines from the header to the end of the issues.
            var height: Int { 1 + notes.count + bodyHeight + issues.count }
        }

        /// The open issues on the whole task, above the questions.
        var taskIssues: [String] = []
        var entries: [Entry] = []
        var height = 0
        /// The line the window is kept around: the focused option, else the focused header.
        var cursorLine = 0

        /// The first canvas line shown in `visibleRows` rows.
        func offset(visibleRows: Int) -> Int { max(0, min(cursorLine - visibleRows / 3, height - visibleRows)) }
    }

    func layout(_ form: FormState, width: Int) -> Layout {
        var layout = Layout()
        let focused = state.pane == .form
        let open = state.open?.issues.filter(\.isOpen) ?? []
        layout.taskIssues = Self.issueLines(open.filter { $0.schemaId == nil }, width: width)
        layout.height = layout.taskIssues.count
        for row in form.visibleQuestions {
            let q = row.question
            var entry = Layout.Entry(question: q, depth: row.depth, y: layout.height, bodyHeight: bodyHeight(q, form: form))
            entry.issues = Self.issueLines(open.filter { $0.schemaId == q.schemaId }, width: width - row.depth * 2 - 2)
            if form.focus == q.schemaId {
                entry.notes = Self.notes(q, width: width - row.depth * 2 - 2)
                layout.cursorLine = entry.y
                if focused, q.kind == .radio || q.kind == .checkbox || q.kind == .rank {
                    layout.cursorLine = entry.y + 1 + entry.notes.count + state.cursor(q)
                }
            }
            layout.entries.append(entry)
            layout.height += entry.height
        }
        return layout
    }

    /// At most this many lines of one issue show.
    static let maxIssueLines = 3

    /// Each open issue as `⚑ #3 WRONG bob: text`, wrapped, at most `maxIssueLines` lines each.
    static func issueLines(_ issues: [TaskIssue], width: Int) -> [String] {
        guard width > 0 else { return [] }
        return issues.flatMap { issue -> [String] in
            let code = issue.errorCode.map { "\($0.key) " } ?? ""
            let text = "⚑ #\(issue.id) \(code)\(issue.createdBy): " + issue.content.replacingOccurrences(of: "\n", with: " ")
            var lines = TextWrap.lines(visible(text), width: width)
            if lines.count > maxIssueLines {
                lines = Array(lines.prefix(maxIssueLines))
                lines[maxIssueLines - 1] = TextLayout.truncate(lines[maxIssueLines - 1] + " …", to: width)
            }
            return lines
        }
    }

    /// At most this many lines of a question's description and hint show.
    static let maxNoteLines = 4

    /// The focused question's description, then its hint, wrapped; cut with "…" past `maxNoteLines`.
    static func notes(_ q: Question, width: Int) -> [String] {
        let texts = [q.description, q.hint.map { "Hint: " + $0 }].compactMap { $0 }
        guard !texts.isEmpty, width > 0 else { return [] }
        var lines = texts.flatMap { text in
            text.split(separator: "\n", omittingEmptySubsequences: true).flatMap { TextWrap.lines(visible(String($0)), width: width) }
        }
        if lines.count > maxNoteLines {
            lines = Array(lines.prefix(maxNoteLines))
            lines[maxNoteLines - 1] = TextLayout.truncate(lines[maxNoteLines - 1] + " …", to: width)
        }
        return lines
    }

    /// What is drawn at `point` of the form pane in `area`: a question, and the row of its body
    /// (an option, a rank item, the answer line), or nil for its title. Nil outside the form, or
    /// while a dropdown or tree takes the pane.
    func target(at point: Point, in area: Rect) -> (question: Question, row: Int?)? {
        switch state.mode {
        case .dropdown, .tree: return nil
        default: break
        }
        let inner = Box.inner(area)
        guard let open = state.open, inner.contains(point) else { return nil }
        let layout = layout(open.form, width: inner.width)
        let line = layout.offset(visibleRows: inner.height) + point.y - inner.y
        guard let entry = layout.entries.first(where: { $0.y <= line && line < $0.y + $0.height }) else { return nil }
        let row = line - entry.y - 1 - entry.notes.count
        return (entry.question, row < 0 || row >= entry.bodyHeight ? nil : row)
    }

    private func bodyHeight(_ q: Question, form: FormState) -> Int {
        switch q.kind {
        case .radio, .checkbox: q.choices.count
        case .rank: q.choices.count + (form.answer(q.schemaId) == nil ? 1 : 0)
        case .text:
            if case .editingText(let id, let editing, let error) = state.mode, id == q.schemaId {
                Self.textLines(editing.text) + (error != nil ? 1 : 0)
            } else {
                Self.textLines(form.answer(q.schemaId)?.values.first ?? "")
            }
        default: 1
        }
    }

    /// Lines a text answer takes on the form: one per line of the text, at most `maxTextLines`.
    static let maxTextLines = 6
    static func textLines(_ text: String) -> Int {
        min(maxTextLines, 1 + text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) })
    }

    private func drawHeader(_ q: Question, focus: Bool, problems: [FormProblem], was: [String]?, in area: Rect, on screen: inout Screen) {
        var x = area.x
        let marker = focus ? "▸ " : "  "
        x += screen.put(marker, at: Point(x: x, y: area.y), style: .bold, clip: area)
        x += screen.put(q.title, at: Point(x: x, y: area.y), style: Style(bold: true, underline: focus), clip: area)
        if q.required { x += screen.put(" *", at: Point(x: x, y: area.y), style: Style(foreground: .red, bold: true), clip: area) }
        if let key = q.shortcutKey { x += screen.put(" [\(keymap.shortcutBadge(key))]", at: Point(x: x, y: area.y), style: .dim, clip: area) }
        let note = problems.first.map { problem -> String in
            switch problem {
            case .required: " — required"
            case .regexMismatch(_, _, let pattern): " — does not match \(pattern)"
            case .unknownValue(_, _, let value): " — “\(value)” is not a choice"
            case .tooManyAnswers: " — takes one answer"
            }
        }
        if let note { x += screen.put(note, at: Point(x: x, y: area.y), style: Style(foreground: .red), clip: area) }
        if let was {
            let before = was.isEmpty ? "no answer" : was.joined(separator: ", ").replacingOccurrences(of: "\n", with: " ")
            _ = screen.put(" — changed (labeler: \(before))", at: Point(x: x, y: area.y), style: Style(foreground: .yellow, bold: true), clip: area)
        }
    }

    private func drawBody(_ q: Question, form: FormState, cursor: Int?, in area: Rect, on screen: inout Screen) -> Point? {
        let values = form.answer(q.schemaId)?.values ?? []
        let locked = form.answers[q.schemaId]?.locked == true ? " 🔒" : ""
        switch q.kind {
        case .radio, .checkbox:
            ChoiceList(
                options: q.choices, chosen: Set(values.compactMap { q.choices.firstIndex(of: $0) }), cursor: cursor,
                multiple: q.kind == .checkbox
            ).draw(in: area, on: &screen)
        case .singleDropdown, .multiDropdown, .treeDropdown:
            let shown = values.isEmpty ? "(none — \(keymap.shown(.choose, in: .form, prefer: .enter)) to choose)" : values.joined(separator: q.kind == .treeDropdown ? "; " : ", ")
            let marker = cursor != nil ? "› " : "  "
            let x = area.x + screen.put(marker + "▾ ", at: area.origin, style: .bold, clip: area)
            _ = screen.put(shown + locked, at: Point(x: x, y: area.y), style: values.isEmpty ? .dim : .plain, clip: area)
        case .text:
            if case .editingText(let id, let editing, let error) = state.mode, id == q.schemaId {
                let field = TextField(editing: editing, error: error, multiline: editing.text.contains("\n"), focused: true)
                field.draw(in: area, on: &screen)
                return field.cursorPosition(in: area)
            }
            let marker = cursor != nil ? "› " : "  "
            let x = area.x + screen.put(marker, at: area.origin, style: .bold, clip: area)
            guard let text = values.first else {
                _ = screen.put("(empty — \(keymap.shown(.choose, in: .form, prefer: .enter)) to type)" + locked, at: Point(x: x, y: area.y), style: .dim, clip: area)
                return nil
            }
            // Each line of the answer on its own row; the last shown row says how many more.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let rows = min(area.height, lines.count)
            for (i, line) in lines.prefix(rows).enumerated() {
                var shown = (i == 0 ? "“" : " ") + line + (i == lines.count - 1 ? "”" + locked : "")
                if i == rows - 1, lines.count > rows { shown += " … \(lines.count - rows) more lines" }
                _ = screen.put(shown, at: Point(x: x, y: area.y + i), style: .plain, clip: area)
            }
        case .rank:
            let items = form.rankOrder(q)
            RankList(items: items, cursor: cursor).draw(in: Rect(x: area.x, y: area.y, width: area.width, height: items.count), on: &screen)
            if form.answer(q.schemaId) == nil {
                _ = screen.put("  (not ranked yet — \(keymap.shown(.rankUp, in: .form))/\(keymap.shown(.rankDown, in: .form)) move, \(keymap.shown(.choose, in: .form, prefer: .enter)) keeps this order)", at: Point(x: area.x, y: area.y + items.count), style: .dim, clip: area)
            }
        }
        return nil
    }

    private func copyRow(from canvas: Screen, row: Int, to screen: inout Screen, at origin: Point) {
        screen.paste(row: row, of: canvas, at: origin)
    }
}
