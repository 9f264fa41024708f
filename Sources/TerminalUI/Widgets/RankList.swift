/// Items in rank order with their numbers. `›` marks the cursor; while the item under the cursor
/// is being moved, `↕` marks it instead:
///
///     Rank by relevance
///       1. Price
///     ↕ 2. Battery
///       3. Screen
public struct RankList {
    public var title: String?
    public var items: [String]
    public var cursor: Int?
    public var moving: Bool

    public init(title: String? = nil, items: [String], cursor: Int? = nil, moving: Bool = false) {
        self.title = title
        self.items = items
        self.cursor = cursor
        self.moving = moving
    }

    /// Moves the element at `index` one place up and returns its new index (unchanged at the top
    /// or out of range).
    public static func moveUp<Element>(_ items: inout [Element], at index: Int) -> Int {
        guard index > 0, index < items.count else { return index }
        items.swapAt(index, index - 1)
        return index - 1
    }

    /// Moves the element at `index` one place down and returns its new index.
    public static func moveDown<Element>(_ items: inout [Element], at index: Int) -> Int {
        guard index >= 0, index < items.count - 1 else { return index }
        items.swapAt(index, index + 1)
        return index + 1
    }

    public func draw(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area)
        var list = area
        if let title {
            screen.put(TextLayout.truncate(title, to: area.width), at: area.origin, style: .bold, clip: area)
            list = area.split(topHeight: 1).bottom
        }
        let digits = String(items.count).count
        let first = ScrollList.scrollOffset(selected: cursor, current: 0, visibleRows: list.height, count: items.count)
        for line in 0..<min(list.height, max(0, items.count - first)) {
            let index = first + line
            let row = list.row(line)
            let isCursor = index == cursor
            let marker = isCursor ? (moving ? "↕ " : "› ") : "  "
            let number = TextLayout.pad("\(index + 1).", to: digits + 1, alignment: .right) + " "
            let style: Style = isCursor ? (moving ? Style(bold: true, reverse: true) : .bold) : .plain
            let used = screen.put(marker + number, at: row.origin, style: isCursor ? .bold : .plain, clip: row)
            screen.put(TextLayout.truncate(items[index], to: row.width - used), at: Point(x: row.x + used, y: row.y),
                       style: style, clip: row)
        }
    }
}
