/// A cell position: column `x`, row `y`, both from zero at the top left.
public struct Point: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A size in cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

/// A rectangle of cells. Width and height are never negative, so layout arithmetic that runs out of
/// room yields empty rectangles instead of traps.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(origin: Point, size: Size) {
        self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }

    public var minX: Int { x }
    public var minY: Int { y }
    /// One past the last column.
    public var maxX: Int { x + width }
    /// One past the last row.
    public var maxY: Int { y + height }
    public var origin: Point { Point(x: x, y: y) }
    public var size: Size { Size(width: width, height: height) }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func contains(_ point: Point) -> Bool {
        point.x >= x && point.x < maxX && point.y >= y && point.y < maxY
    }

    /// The cells both rectangles share; empty (at the clamped origin) when they do not overlap.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Shrinks every side by `amount` cells.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let newWidth = max(0, width - left - right)
        let newHeight = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: newWidth, height: newHeight)
    }

    /// Side by side: the left part is `leftWidth` columns (at most the whole), then `gap` columns,
    /// then the rest.
    public func split(leftWidth: Int, gap: Int = 0) -> (left: Rect, right: Rect) {
        let leftPart = min(max(0, leftWidth), width)
        let rightStart = min(width, leftPart + max(0, gap))
        return (Rect(x: x, y: y, width: leftPart, height: height),
                Rect(x: x + rightStart, y: y, width: width - rightStart, height: height))
    }

    /// Side by side, sized from the right edge.
    public func split(rightWidth: Int, gap: Int = 0) -> (left: Rect, right: Rect) {
        let rightPart = min(max(0, rightWidth), width)
        let leftPart = max(0, width - rightPart - max(0, gap))
        return (Rect(x: x, y: y, width: leftPart, height: height),
                Rect(x: maxX - rightPart, y: y, width: rightPart, height: height))
    }

    /// One above the other: the top part is `topHeight` rows (at most the whole).
    public func split(topHeight: Int, gap: Int = 0) -> (top: Rect, bottom: Rect) {
        let topPart = min(max(0, topHeight), height)
        let bottomStart = min(height, topPart + max(0, gap))
        return (Rect(x: x, y: y, width: width, height: topPart),
                Rect(x: x, y: y + bottomStart, width: width, height: height - bottomStart))
    }

    /// One above the other, sized from the bottom edge.
    public func split(bottomHeight: Int, gap: Int = 0) -> (top: Rect, bottom: Rect) {
        let bottomPart = min(max(0, bottomHeight), height)
        let topPart = max(0, height - bottomPart - max(0, gap))
        return (Rect(x: x, y: y, width: width, height: topPart),
                Rect(x: x, y: maxY - bottomPart, width: width, height: bottomPart))
    }

    /// The one-row rectangle at `index` rows from the top (empty when outside).
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y + max(0, min(index, height)), width: width, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// Every row, top to bottom.
    public var rows: [Rect] { (0..<height).map(row) }

    /// A rectangle of at most the given size, centred in this one.
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(max(0, width), self.width), h = min(max(0, height), self.height)
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }
}
