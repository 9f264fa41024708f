/// A one-line prompt with editable text after its label, such as `Jump to task: 42`. The text
/// scrolls sideways when long; an error replaces the text's right part when set.
public struct PromptLine {
    public var label: String
    public var editing: TextEditing
    public var error: String?
    public var style: Style

    public init(label: String, editing: TextEditing = TextEditing(), error: String? = nil, style: Style = .plain) {
        self.label = label
        self.editing = editing
        self.error = error
        self.style = style
    }

    public func draw(in area: Rect, on screen: inout Screen) {
        let row = area.row(0)
        guard !row.isEmpty else { return }
        screen.fill(row, style: style)
        let (field, errorArea) = layout(in: row)
        screen.put(TextLayout.truncate(label, to: row.width), at: row.origin, style: style.adding(.bold), clip: row)
        if !field.isEmpty {
            let view = LineViewport.layout(editing.text, cursor: editing.cursor, width: field.width)
            screen.put(view.visible, at: field.origin, style: style, clip: field)
        }
        if let error, !errorArea.isEmpty {
            screen.put(TextLayout.truncate(error, to: errorArea.width), at: errorArea.origin,
                       style: style.adding(Style(foreground: .red, bold: true)), clip: errorArea)
        }
    }

    /// Where the terminal cursor goes: in the text, after the label.
    public func cursorPosition(in area: Rect) -> Point? {
        let field = layout(in: area.row(0)).field
        guard !field.isEmpty else { return nil }
        let column = LineViewport.layout(editing.text, cursor: editing.cursor, width: field.width).cursorColumn
        return Point(x: field.x + min(column, field.width - 1), y: field.y)
    }

    private func layout(in row: Rect) -> (field: Rect, error: Rect) {
        let labelWidth = DisplayWidth.of(label) + 1
        var field = row.split(leftWidth: labelWidth).right
        var errorArea = Rect(x: row.maxX, y: row.y, width: 0, height: 0)
        if let error, !error.isEmpty, field.width >= 20 {
            let errorWidth = min(DisplayWidth.of(error), field.width / 2)
            (field, errorArea) = field.split(rightWidth: errorWidth, gap: 1)
        }
        return (field, errorArea)
    }
}
