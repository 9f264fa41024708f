/// A labelled text input, one line (scrolling sideways) or several (wrapped), with a placeholder
/// while empty and an error line (a failed validation such as "does not match ^[0-9]+$"):
///
///     Order number
///     12a_______________
///     does not match ^[0-9]+$
public struct TextField {
    public var label: String?
    public var editing: TextEditing
    public var placeholder: String
    public var error: String?
    public var multiline: Bool
    public var focused: Bool
    /// The style of the input area, so an empty field can be seen without colour.
    public var fieldStyle: Style

    public init(label: String? = nil, editing: TextEditing = TextEditing(), placeholder: String = "",
                error: String? = nil, multiline: Bool = false, focused: Bool = false,
                fieldStyle: Style = .underline) {
        self.label = label
        self.editing = editing
        self.placeholder = placeholder
        self.error = error
        self.multiline = multiline
        self.focused = focused
        self.fieldStyle = fieldStyle
    }

    public func draw(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area)
        let parts = layout(in: area)
        if let label, let row = parts.label {
            screen.put(TextLayout.truncate(label, to: row.width), at: row.origin, style: .bold, clip: row)
        }
        if let error, let row = parts.error {
            screen.put(TextLayout.truncate(error, to: row.width), at: row.origin,
                       style: Style(foreground: .red, bold: true), clip: row)
        }
        let input = parts.input
        guard !input.isEmpty else { return }
        screen.fill(input, style: fieldStyle)
        if editing.text.isEmpty {
            screen.put(TextLayout.truncate(placeholder, to: input.width), at: input.origin,
                       style: fieldStyle.adding(.dim), clip: input)
        } else if multiline {
            let lines = TextWrap.wrap(editing.text, width: input.width)
            let first = firstVisibleLine(lines, rows: input.height)
            for (offset, line) in lines[first...].prefix(input.height).enumerated() {
                screen.put(line.text, at: Point(x: input.x, y: input.y + offset), style: fieldStyle, clip: input)
            }
        } else {
            let view = LineViewport.layout(editing.text, cursor: editing.cursor, width: input.width)
            screen.put(view.visible, at: input.origin, style: fieldStyle, clip: input)
        }
    }

    /// Where the terminal cursor goes when the field has focus.
    public func cursorPosition(in area: Rect) -> Point? {
        let input = layout(in: area).input
        guard focused, !input.isEmpty else { return nil }
        if multiline, !editing.text.isEmpty {
            let lines = TextWrap.wrap(editing.text, width: input.width)
            let index = lineIndex(of: editing.cursor, in: lines)
            let first = firstVisibleLine(lines, rows: input.height)
            let characters = Array(editing.text)
            let start = lines[index].range.lowerBound
            let column = DisplayWidth.of(String(characters[start..<max(start, editing.cursor)]))
            return Point(x: input.x + min(column, input.width - 1), y: input.y + index - first)
        }
        let column = LineViewport.layout(editing.text, cursor: editing.cursor, width: input.width).cursorColumn
        return Point(x: input.x + min(column, input.width - 1), y: input.y)
    }

    private func layout(in area: Rect) -> (label: Rect?, input: Rect, error: Rect?) {
        var rest = area
        var labelRow: Rect?, errorRow: Rect?
        if label != nil, rest.height >= 2 {
            labelRow = rest.row(0)
            rest = rest.split(topHeight: 1).bottom
        }
        if error != nil, rest.height >= 2 {
            errorRow = rest.row(rest.height - 1)
            rest = rest.split(bottomHeight: 1).top
        }
        let input = multiline ? rest : rest.row(0)
        return (labelRow, input, errorRow)
    }

    private func lineIndex(of cursor: Int, in lines: [TextWrap.Line]) -> Int {
        lines.lastIndex { $0.range.lowerBound <= cursor } ?? 0
    }

    private func firstVisibleLine(_ lines: [TextWrap.Line], rows: Int) -> Int {
        max(0, lineIndex(of: editing.cursor, in: lines) - rows + 1)
    }
}
