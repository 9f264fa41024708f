/// One row of a `ScrollList`: text on the left, optional text aligned right.
public struct ListRow: Sendable {
    public var text: String
    public var style: Style
    public var trailing: String?
    public var trailingStyle: Style

    public init(_ text: String, style: Style = .plain, trailing: String? = nil, trailingStyle: Style = .dim) {
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
        screen.fill(area)
        if count == 0 {
            screen.put(TextLayout.truncate(emptyText, to: area.width), at: area.origin, style: .dim, clip: area)
            return
        }
        let showsBar = count > area.height && area.width >= 2
        let (rowsArea, barArea) = showsBar ? area.split(rightWidth: 1) : (area, Rect(x: area.maxX, y: area.y, width: 0, height: 0))
        let first = Self.scrollOffset(selected: selected, current: offset, visibleRows: area.height, count: count)
        for line in 0..<min(area.height, count - first) {
            drawRow(first + line, in: rowsArea.row(line), on: &screen)
        }
        if showsBar { drawBar(first: first, in: barArea, on: &screen) }
    }

    private func drawRow(_ index: Int, in area: Rect, on screen: inout Screen) {
        let item = row(index)
        let isSelected = index == selected
        let base = isSelected ? item.style.adding(selectedStyle) : item.style
        if isSelected { screen.fill(area, style: base) }
        var textWidth = area.width
        if let trailing = item.trailing, !trailing.isEmpty {
            let shown = TextLayout.truncate(trailing, to: max(0, area.width - 2))
            let trailingWidth = DisplayWidth.of(shown)
            if trailingWidth > 0 {
                let style = isSelected ? item.trailingStyle.adding(selectedStyle) : item.trailingStyle
                screen.put(shown, at: Point(x: area.maxX - trailingWidth, y: area.y), style: style, clip: area)
                textWidth = area.width - trailingWidth - 1
            }
        }
        screen.put(TextLayout.truncate(item.text, to: textWidth), at: area.origin, style: base, clip: area)
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
