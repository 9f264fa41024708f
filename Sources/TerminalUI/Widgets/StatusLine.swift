/// A piece of text in the status line.
public struct StatusSegment: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One row with segments on the left and on the right. When narrow, the left side is cut first
/// (from its end, with `…`); the right side is cut only when it alone does not fit.
public struct StatusLine: Equatable {
    public var left: [StatusSegment]
    public var right: [StatusSegment]
    public var separator: String
    public var style: Style

    public init(left: [StatusSegment], right: [StatusSegment] = [], separator: String = " │ ", style: Style = .reverse) {
        self.left = left
        self.right = right
        self.separator = separator
        self.style = style
    }

    public func draw(in area: Rect, on screen: inout Screen) {
        let row = area.row(0)
        guard !row.isEmpty else { return }
        screen.fill(row, style: style)
        let rightWidth = min(row.width, width(of: right))
        let rightStart = row.maxX - rightWidth
        if rightWidth > 0 {
            draw(right, from: rightStart, limit: row.maxX, y: row.y, on: &screen)
        }
        let leftLimit = rightWidth > 0 ? rightStart - 1 : row.maxX
        draw(left, from: row.x, limit: max(row.x, leftLimit), y: row.y, on: &screen)
    }

    private func width(of segments: [StatusSegment]) -> Int {
        guard !segments.isEmpty else { return 0 }
        return segments.reduce(0) { $0 + DisplayWidth.of($1.text) } + DisplayWidth.of(separator) * (segments.count - 1)
    }

    /// Draws segments from `start` up to `limit`. A segment that does not fit is cut with `…`
    /// (when at least two columns remain); a separator that does not fit ends the side.
    private func draw(_ segments: [StatusSegment], from start: Int, limit: Int, y: Int, on screen: inout Screen) {
        var x = start
        for (index, segment) in segments.enumerated() {
            if index > 0 {
                let separatorWidth = DisplayWidth.of(separator)
                guard x + separatorWidth < limit else { return }
                x += screen.put(separator, at: Point(x: x, y: y), style: style.adding(.dim))
            }
            let room = limit - x
            let textWidth = DisplayWidth.of(segment.text)
            guard textWidth <= room || room >= 2 else { return }
            x += screen.put(TextLayout.truncate(segment.text, to: room), at: Point(x: x, y: y),
                            style: style.adding(segment.style), clip: Rect(x: x, y: y, width: room, height: 1))
        }
    }
}
