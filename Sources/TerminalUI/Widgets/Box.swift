/// A border of box-drawing characters with an optional title in the top edge:
///
///     ┌ Title ───┐
///     │          │
///     └──────────┘
public struct Box {
    public var title: String?
    public var style: Style
    public var titleStyle: Style

    public init(title: String? = nil, style: Style = .plain, titleStyle: Style = .bold) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle
    }

    /// The area inside the border.
    public static func inner(_ area: Rect) -> Rect {
        area.inset(by: 1)
    }

    /// Draws the border on the edge cells of `area`; areas under 2x2 get nothing.
    public func draw(in area: Rect, on screen: inout Screen) {
        guard area.width >= 2, area.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: area.width - 2)
        screen.put("┌" + horizontal + "┐", at: area.origin, style: style, clip: area)
        screen.put("└" + horizontal + "┘", at: Point(x: area.x, y: area.maxY - 1), style: style, clip: area)
        for y in (area.y + 1)..<(area.maxY - 1) {
            screen.put("│", at: Point(x: area.x, y: y), style: style, clip: area)
            screen.put("│", at: Point(x: area.maxX - 1, y: y), style: style, clip: area)
        }
        let room = area.width - 4
        if let title, !title.isEmpty, room >= 1 {
            let label = " " + TextLayout.truncate(title, to: room) + " "
            screen.put(label, at: Point(x: area.x + 1, y: area.y), style: titleStyle,
                       clip: Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1))
        }
    }
}
