/// A single or multiple choice from a long list. Closed, it shows the chosen values; open, a filter
/// line with the typed text and the matching options (see `OptionFilter`):
///
///     Brand                     Brand
///       Apple, Samsung ▾          Filter: app
///                               › [x] Apple
///                                 [ ] Applebees
public struct Dropdown {
    public var title: String?
    public var options: [String]
    public var chosen: Set<Int>
    public var multiple: Bool
    public var isOpen: Bool
    /// The filter text typed so far.
    public var query: String
    /// Position of the cursor among `matches`.
    public var cursor: Int
    public var focused: Bool
    public var placeholder: String

    public init(title: String? = nil, options: [String], chosen: Set<Int> = [], multiple: Bool = false,
                isOpen: Bool = false, query: String = "", cursor: Int = 0, focused: Bool = false,
                placeholder: String = "(none)") {
        self.title = title
        self.options = options
        self.chosen = chosen
        self.multiple = multiple
        self.isOpen = isOpen
        self.query = query
        self.cursor = cursor
        self.focused = focused
        self.placeholder = placeholder
    }

    /// Indices of the options the filter lets through.
    public var matches: [Int] { OptionFilter.filter(options, by: query) }

    /// The option index under the cursor when open.
    public var cursorOption: Int? {
        let matches = self.matches
        return matches.indices.contains(cursor) ? matches[cursor] : nil
    }

    public func draw(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area)
        var rest = area
        if let title {
            screen.put(TextLayout.truncate(title, to: area.width), at: area.origin, style: .bold, clip: area)
            rest = area.split(topHeight: 1).bottom
        }
        guard !rest.isEmpty else { return }
        if isOpen { drawOpen(in: rest, on: &screen) } else { drawClosed(in: rest.row(0), on: &screen) }
    }

    /// Where the terminal cursor goes (the end of the filter text) when open and focused.
    public func cursorPosition(in area: Rect) -> Point? {
        let line = area.row(title == nil ? 0 : 1)
        guard isOpen, focused, !line.isEmpty else { return nil }
        let shown = TextLayout.truncateHead(query, to: max(0, line.width - Self.filterLabel.count - 1))
        return Point(x: min(line.maxX - 1, line.x + Self.filterLabel.count + DisplayWidth.of(shown)), y: line.y)
    }

    private static let filterLabel = "  Filter: "

    private func drawClosed(in row: Rect, on screen: inout Screen) {
        let values = options.indices.filter(chosen.contains).map { options[$0] }
        var x = row.x + screen.put(focused ? "› " : "  ", at: row.origin, style: .bold, clip: row)
        let text = values.isEmpty ? placeholder : values.joined(separator: ", ")
        let room = max(0, row.maxX - x - 2)
        x += screen.put(TextLayout.truncate(text, to: room), at: Point(x: x, y: row.y),
                        style: values.isEmpty ? .dim : .plain, clip: row)
        screen.put(" ▾", at: Point(x: x, y: row.y), clip: row)
    }

    private func drawOpen(in area: Rect, on screen: inout Screen) {
        let filterRow = area.row(0)
        let x = filterRow.x + screen.put(Self.filterLabel, at: filterRow.origin, style: .dim, clip: filterRow)
        let shown = TextLayout.truncateHead(query, to: max(0, filterRow.maxX - x - 1))
        screen.put(shown, at: Point(x: x, y: filterRow.y), clip: filterRow)
        let list = area.split(topHeight: 1).bottom
        let matches = self.matches
        guard !list.isEmpty else { return }
        if matches.isEmpty {
            screen.put("  (no match)", at: list.origin, style: .dim, clip: list)
            return
        }
        let first = ScrollList.scrollOffset(selected: cursor, current: 0, visibleRows: list.height, count: matches.count)
        for line in 0..<min(list.height, matches.count - first) {
            let position = first + line
            let option = matches[position]
            let row = list.row(line)
            let isCursor = position == cursor
            let isChosen = chosen.contains(option)
            let mark = multiple ? (isChosen ? "[x]" : "[ ]") : (isChosen ? "(•)" : "( )")
            let style: Style = isCursor ? .bold : .plain
            let used = screen.put((isCursor ? "› " : "  ") + mark + " ", at: row.origin, style: style, clip: row)
            screen.put(TextLayout.truncate(options[option], to: row.width - used),
                       at: Point(x: row.x + used, y: row.y), style: style, clip: row)
        }
    }
}
