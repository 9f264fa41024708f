/// A key and what it does, for `HelpOverlay`.
public struct HelpEntry: Hashable, Sendable {
    public var key: String
    public var description: String

    public init(_ key: String, _ description: String) {
        self.key = key
        self.description = description
    }
}

/// A bordered box centred over the screen listing keys in as many columns as fit, filled top to
/// bottom then left to right. On a screen too small for all of it, the box takes what there is and
/// the last visible line says how many entries are hidden.
public struct HelpOverlay {
    public var title: String
    public var entries: [HelpEntry]

    public init(title: String = "Keys", entries: [HelpEntry]) {
        self.title = title
        self.entries = entries
    }

    static let columnGap = 3

    public func draw(in area: Rect, on screen: inout Screen) {
        guard area.width >= 2, area.height >= 2 else { return }
        let keyWidth = entries.map { DisplayWidth.of($0.key) }.max() ?? 0
        let descriptionWidth = entries.map { DisplayWidth.of($0.description) }.max() ?? 0
        let entryWidth = keyWidth + 2 + descriptionWidth
        // Border and one space of padding each side.
        let room = max(1, area.width - 4)
        let columns = max(1, min(entries.count, (room + Self.columnGap) / (entryWidth + Self.columnGap)))
        let rows = entries.isEmpty ? 0 : (entries.count + columns - 1) / columns
        let contentWidth = max(DisplayWidth.of(title) + 2, columns * entryWidth + (columns - 1) * Self.columnGap)
        let box = area.centered(width: contentWidth + 4, height: rows + 2)
        screen.fill(box)
        Box(title: title).draw(in: box, on: &screen)
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard !inner.isEmpty else { return }
        let hidden = rows > inner.height
        let shownRows = hidden ? inner.height - 1 : rows
        for column in 0..<columns {
            for line in 0..<shownRows {
                let index = column * rows + line
                guard index < entries.count else { continue }
                let x = inner.x + column * (entryWidth + Self.columnGap)
                let cell = Rect(x: x, y: inner.y + line, width: min(entryWidth, inner.maxX - x), height: 1)
                    .intersection(inner)
                let used = screen.put(TextLayout.pad(entries[index].key, to: keyWidth), at: cell.origin, style: .bold, clip: cell)
                screen.put("  " + TextLayout.truncate(entries[index].description, to: cell.width - used - 2),
                           at: Point(x: cell.x + used, y: cell.y), clip: cell)
            }
        }
        if hidden {
            let more = "… \(entries.count - shownRows * columns) more"
            screen.put(TextLayout.truncate(more, to: inner.width), at: Point(x: inner.x, y: inner.maxY - 1), style: .dim, clip: inner)
        }
    }
}
