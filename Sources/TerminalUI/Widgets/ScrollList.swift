/// One row of a `ScrollList`: text on the left, optional text aligned right.
public struct ListRow: Sendable {
    /// A short symbol before the text and a space (a status mark): drawn as it is, so that a
    /// row of ASCII text after a non-ASCII mark is still cut a byte a column.
    public var mark: String?
    public var text: String
    public var style: Style
    public var trailing: String?
    public var trailingStyle: Style

    public init(_ text: String, mark: String? = nil, style: Style = .plain, trailing: String? = nil, trailingStyle: Style = .dim) {
        self.mark = mark
        self.text = text
        self.style = style
        self.trailing = trailing
        self.trailingStyle = trailingStyle
    }
}

/// A virtualised list: rows come from a closure that is asked only for the rows on screen, so a
/// million rows cost what ten do. The selected row is drawn in `selectedStyle` across the full
/// width; a scroll bar takes the last column when the rows do not fit.
public struct ScrollList {
    public var count: Int
    public var selected: Int?
    /// Index of the first row shown; keep it with `scrollOffset(selected:current:visibleRows:count:)`.
    public var offset: Int
    public var row: (Int) -> ListRow
    public var selectedStyle: Style
    public var emptyText: String

    public init(count: Int, selected: Int?, offset: Int = 0, selectedStyle: Style = .reverse,
                emptyText: String = "", row: @escaping (Int) -> ListRow) {
        self.count = max(0, count)
        self.selected = selected
        self.offset = offset
        self.row = row
        self.selectedStyle = selectedStyle
        self.emptyText = emptyText
    }

    /// The first row to show so that `selected` is visible, moving as little as possible from
    /// `current`, and never leaving blank rows at the bottom while there are rows above.
    public static func scrollOffset(selected: Int?, current: Int, visibleRows: Int, count: Int) -> Int {
        guard visibleRows > 0, count > visibleRows else { return 0 }
        var offset = min(max(0, current), count - visibleRows)
        if let selected {
            let target = min(max(0, selected), count - 1)
            if target < offset { offset = target }
            if target >= offset + visibleRows { offset = target - visibleRows + 1 }
        }
        return offset
    }

    public func draw(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        if count == 0 {
            screen.fill(area)
            screen.put(TextLayout.truncate(emptyText, to: area.width), at: area.origin, style: .dim, clip: area)
            return
        }
        let (rowsArea, barArea) = areas(area)
        let first = Self.scrollOffset(selected: selected, current: offset, visibleRows: area.height, count: count)
        let shown = min(area.height, count - first)
        // Each row blanks what its text leaves; only the rows below the last are blanked here.
        for line in 0..<shown {
            drawRow(first + line, in: rowsArea.row(line), on: &screen)
        }
        screen.fill(Rect(x: rowsArea.x, y: rowsArea.y + shown, width: rowsArea.width, height: rowsArea.height - shown))
        if barArea.width > 0 { drawBar(first: first, in: barArea, on: &screen) }
    }

    /// Draws again only the rows `indices` (those on screen), as `draw` would: for a list already
    /// drawn with the same count, offset and rows, whose selection moved (the rows it left and
    /// reached are the only ones that differ).
    public func draw(rows indices: [Int], in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty, count > 0 else { return }
        let (rowsArea, _) = areas(area)
        let first = Self.scrollOffset(selected: selected, current: offset, visibleRows: area.height, count: count)
        for index in indices where index >= first && index < min(count, first + area.height) {
            drawRow(index, in: rowsArea.row(index - first), on: &screen)
        }
    }

    /// The rows' area and the scroll bar's (the last column, when the rows do not fit).
    private func areas(_ area: Rect) -> (rows: Rect, bar: Rect) {
        let showsBar = count > area.height && area.width >= 2
        return showsBar ? area.split(rightWidth: 1) : (area, Rect(x: area.maxX, y: area.y, width: 0, height: 0))
    }

    private func drawRow(_ index: Int, in area: Rect, on screen: inout Screen) {
        let item = row(index)
        let isSelected = index == selected
        let base = isSelected ? item.style.adding(selectedStyle) : item.style
        var textWidth = area.width
        var trailingX = area.maxX
        if let trailing = item.trailing, !trailing.isEmpty {
            let shown = TextLayout.truncate(trailing, to: max(0, area.width - 2))
            let trailingWidth = DisplayWidth.of(shown)
            if trailingWidth > 0 {
                let style = isSelected ? item.trailingStyle.adding(selectedStyle) : item.trailingStyle
                trailingX = area.maxX - trailingWidth
                screen.put(shown, at: Point(x: trailingX, y: area.y), style: style, clip: area)
                textWidth = area.width - trailingWidth - 1
            }
        }
        var x = area.x
        // (Split only where the text keeps a first character: else the cut trims the space too.)
        if let mark = item.mark, case let markWidth = DisplayWidth.of(mark), markWidth + 2 < textWidth, item.text.first?.isWhitespace == false {
            // The same cut as of "mark text" whole, without walking the text's graphemes.
            x += screen.put(mark + " ", at: area.origin, style: base, clip: area)
            textWidth -= markWidth + 1
        } else if let mark = item.mark {
            x += screen.put(TextLayout.truncate(mark + " " + item.text, to: textWidth), at: area.origin, style: base, clip: area)
            textWidth = 0
        }
        x += screen.put(TextLayout.truncate(item.text, to: textWidth), at: Point(x: x, y: area.y), style: base, clip: area)
        // Blank what the text left, up to the trailing text.
        screen.fill(Rect(x: x, y: area.y, width: max(0, trailingX - x), height: 1), style: isSelected ? base : .plain)
    }

    private func drawBar(first: Int, in area: Rect, on screen: inout Screen) {
        let height = area.height
        let thumb = max(1, height * height / count)
        let travel = height - thumb
        let position = count > height ? travel * first / (count - height) : 0
        for line in 0..<height {
            let isThumb = line >= position && line < position + thumb
            screen.put(isThumb ? "█" : "│", at: Point(x: area.x, y: area.y + line), style: isThumb ? .plain : .dim, clip: area)
        }
    }
}
