import LabelCore
import TerminalUI

/// The form pane: every question shown for the current answers, nested ones indented under
/// their parent, with required marks and problems; scrolled so the cursor stays in view. An open
/// dropdown or tree takes the whole pane.
struct FormView {
    let session: LabelSession

    func draw(in area: Rect, on screen: inout Screen) -> Point? {
        let focused = session.pane == .form
        guard let open = session.open else {
            Box(title: "Form", style: .dim).draw(in: area, on: &screen)
            return nil
        }
        let problems = open.form.problems
        let title = open.readOnly ? "Form · read-only (m edits)" : problems.isEmpty ? "Form · ready to submit" : "Form · \(problems.count) to fix"
        Box(title: title, style: focused ? .bold : .dim).draw(in: area, on: &screen)
        let inner = Box.inner(area)
        guard !inner.isEmpty else { return nil }
        switch session.mode {
        case .dropdown(let id, let query, let cursor):
            guard let q = session.ontology.question(id) else { return nil }
            let chosen = Set((open.form.answer(id)?.values ?? []).compactMap { q.choices.firstIndex(of: $0) })
            let dropdown = Dropdown(
                title: q.title + (q.kind == .multiDropdown ? " (Space toggles, Esc closes)" : " (Enter chooses, Esc closes)"),
                options: q.choices, chosen: chosen, multiple: q.kind == .multiDropdown, isOpen: true, query: query,
                cursor: cursor, focused: true)
            dropdown.draw(in: inner, on: &screen)
            return dropdown.cursorPosition(in: inner)
        case .tree(let id, let query, let cursor, let expanded):
            guard let q = session.ontology.question(id) else { return nil }
            let bridge = TreeBridge(q)
            let picker = TreePicker(
                title: q.title + " (type to filter, →← open/close, Space chooses, Esc closes)" + (query.isEmpty ? "" : " · filter: \(query)"),
                roots: bridge.roots, expanded: expanded, chosen: bridge.chosen(open.form.answer(id)?.values ?? []),
                cursor: cursor, query: query)
            picker.draw(in: inner, on: &screen)
            return nil
        default: break
        }
        // Lay out the whole form on a tall canvas, then show the window around the cursor.
        var canvas = Screen(width: inner.width, height: max(1, formHeight(open.form, width: inner.width)))
        var cursorLine = 0
        var textCursor: Point?
        var y = 0
        for row in open.form.visibleQuestions {
            let q = row.question
            let isFocus = open.form.focus == q.schemaId
            let indent = row.depth * 2
            let header = Rect(x: indent, y: y, width: max(0, inner.width - indent), height: 1)
            if isFocus { cursorLine = y }
            drawHeader(q, focus: isFocus && focused, problems: problems.filter { $0.schemaId == q.schemaId }, in: header, on: &canvas)
            y += 1
            let body = Rect(x: indent + 2, y: y, width: max(0, inner.width - indent - 2), height: bodyHeight(q, form: open.form))
            let cursor = isFocus && focused ? session.cursor(q) : nil
            if let c = cursor, q.kind == .radio || q.kind == .checkbox || q.kind == .rank { cursorLine = y + c }
            if let p = drawBody(q, form: open.form, cursor: cursor, in: body, on: &canvas) { textCursor = p }
            y += body.height
        }
        let offset = max(0, min(cursorLine - inner.height / 3, canvas.height - inner.height))
        for line in 0..<min(inner.height, canvas.height - offset) {
            copyRow(from: canvas, row: offset + line, to: &screen, at: Point(x: inner.x, y: inner.y + line))
        }
        if offset > 0 { _ = screen.put("↑", at: Point(x: area.maxX - 2, y: area.y), style: .dim) }
        if canvas.height - offset > inner.height { _ = screen.put("↓", at: Point(x: area.maxX - 2, y: area.maxY - 1), style: .dim) }
        guard let p = textCursor else { return nil }
        let shown = Point(x: inner.x + p.x, y: inner.y + p.y - offset)
        return inner.contains(shown) ? shown : nil
    }

    private func formHeight(_ form: FormState, width: Int) -> Int {
        form.visibleQuestions.reduce(0) { $0 + 1 + bodyHeight($1.question, form: form) }
    }

    private func bodyHeight(_ q: Question, form: FormState) -> Int {
        switch q.kind {
        case .radio, .checkbox: q.choices.count
        case .rank: q.choices.count + (form.answer(q.schemaId) == nil ? 1 : 0)
        case .text:
            if case .editingText(let id, _, let error) = session.mode, id == q.schemaId, error != nil { 2 } else { 1 }
        default: 1
        }
    }

    private func drawHeader(_ q: Question, focus: Bool, problems: [FormProblem], in area: Rect, on screen: inout Screen) {
        var x = area.x
        let marker = focus ? "▸ " : "  "
        x += screen.put(marker, at: Point(x: x, y: area.y), style: .bold, clip: area)
        x += screen.put(q.title, at: Point(x: x, y: area.y), style: Style(bold: true, underline: focus), clip: area)
        if q.required { x += screen.put(" *", at: Point(x: x, y: area.y), style: Style(foreground: .red, bold: true), clip: area) }
        if let key = q.shortcutKey { x += screen.put(" [\(key)]", at: Point(x: x, y: area.y), style: .dim, clip: area) }
        let note = problems.first.map { problem -> String in
            switch problem {
            case .required: " — required"
            case .regexMismatch(_, _, let pattern): " — does not match \(pattern)"
            case .unknownValue(_, _, let value): " — “\(value)” is not a choice"
            case .tooManyAnswers: " — takes one answer"
            }
        }
        if let note { _ = screen.put(note, at: Point(x: x, y: area.y), style: Style(foreground: .red), clip: area) }
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
            let shown = values.isEmpty ? "(none — Enter to choose)" : values.joined(separator: q.kind == .treeDropdown ? "; " : ", ")
            let marker = cursor != nil ? "› " : "  "
            let x = area.x + screen.put(marker + "▾ ", at: area.origin, style: .bold, clip: area)
            _ = screen.put(shown + locked, at: Point(x: x, y: area.y), style: values.isEmpty ? .dim : .plain, clip: area)
        case .text:
            if case .editingText(let id, let editing, let error) = session.mode, id == q.schemaId {
                let field = TextField(editing: editing, error: error, focused: true)
                field.draw(in: area, on: &screen)
                return field.cursorPosition(in: area)
            }
            let marker = cursor != nil ? "› " : "  "
            let x = area.x + screen.put(marker, at: area.origin, style: .bold, clip: area)
            let shown = values.first.map { "“\($0)”" } ?? "(empty — Enter to type)"
            _ = screen.put(shown + locked, at: Point(x: x, y: area.y), style: values.isEmpty ? .dim : .plain, clip: area)
        case .rank:
            let items = form.rankOrder(q)
            RankList(items: items, cursor: cursor).draw(in: Rect(x: area.x, y: area.y, width: area.width, height: items.count), on: &screen)
            if form.answer(q.schemaId) == nil {
                _ = screen.put("  (not ranked yet — K/J move, Enter keeps this order)", at: Point(x: area.x, y: area.y + items.count), style: .dim, clip: area)
            }
        }
        return nil
    }

    private func copyRow(from canvas: Screen, row: Int, to screen: inout Screen, at origin: Point) {
        var x = 0
        while x < canvas.width {
            guard let cell = canvas.cell(at: Point(x: x, y: row)) else { break }
            if !cell.isContinuation { _ = screen.put(cell.character, at: Point(x: origin.x + x, y: origin.y), style: cell.style) }
            x += max(1, cell.width)
        }
    }
}
