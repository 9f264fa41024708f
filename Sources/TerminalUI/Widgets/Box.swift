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

    /// Whether the border's characters take one column each, as they do in every locale
    /// `DisplayWidth` knows (else they are laid out as text).
    static let narrowBorder = ["┌", "┐", "└", "┘", "─", "│"].allSatisfy { DisplayWidth.of($0) == 1 }

    /// The area inside the border.
    public static func inner(_ area: Rect) -> Rect {
        area.inset(by: 1)
    }

    /// Draws the border on the edge cells of `area`; areas under 2x2 get nothing.
    public func draw(in area: Rect, on screen: inout Screen) {
        guard area.width >= 2, area.height >= 2 else { return }
        if Self.narrowBorder {
            // A cell per character, set directly: the border is most of a pane's cells that are
            // not text, and laying it out as text cost more than the text itself.
            let cell = { (character: String) in Cell(character: character, width: 1, style: style) }
            let (horizontal, vertical) = (cell("─"), cell("│"))
            screen.set(cell("┌"), at: area.origin)
            screen.set(cell("┐"), at: Point(x: area.maxX - 1, y: area.y))
            screen.set(cell("└"), at: Point(x: area.x, y: area.maxY - 1))
            screen.set(cell("┘"), at: Point(x: area.maxX - 1, y: area.maxY - 1))
            for x in (area.x + 1)..<(area.maxX - 1) {
                screen.set(horizontal, at: Point(x: x, y: area.y))
                screen.set(horizontal, at: Point(x: x, y: area.maxY - 1))
            }
            for y in (area.y + 1)..<(area.maxY - 1) {
                screen.set(vertical, at: Point(x: area.x, y: y))
                screen.set(vertical, at: Point(x: area.maxX - 1, y: y))
            }
        } else {
            let horizontal = String(repeating: "─", count: area.width - 2)
            screen.put("┌" + horizontal + "┐", at: area.origin, style: style, clip: area)
            screen.put("└" + horizontal + "┘", at: Point(x: area.x, y: area.maxY - 1), style: style, clip: area)
            for y in (area.y + 1)..<(area.maxY - 1) {
                screen.put("│", at: Point(x: area.x, y: y), style: style, clip: area)
                screen.put("│", at: Point(x: area.maxX - 1, y: y), style: style, clip: area)
            }
        }
        let room = area.width - 4
        if let title, !title.isEmpty, room >= 1 {
            let label = " " + TextLayout.truncate(title, to: room) + " "
            screen.put(label, at: Point(x: area.x + 1, y: area.y), style: titleStyle,
                       clip: Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1))
        }
    }
}
