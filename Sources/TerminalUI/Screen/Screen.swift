/// A grid of cells: what the terminal should show. Widgets draw into it; a `Renderer` shows it.
/// Text put on it is sanitised and laid out per scalar the way ncurses does (see `DisplayWidth`).
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major, `width * height` cells.
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(), count: self.width * self.height)
    }

    public init(size: Size) {
        self.init(width: size.width, height: size.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }
    public var size: Size { Size(width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    public func cell(at point: Point) -> Cell? {
        bounds.contains(point) ? cells[point.y * width + point.x] : nil
    }

    public func style(at point: Point) -> Style? {
        cell(at: point)?.style
    }

    /// Blanks every cell.
    public mutating func clear() {
        fill(bounds, style: .plain)
    }

    /// Blanks the cells of `rect` (clipped to the screen) with `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.minY..<area.maxY {
            for x in area.minX..<area.maxX {
                set(.blank(style), x: x, y: y)
            }
        }
    }

    /// Changes only the style of the cells of `rect`, keeping their characters (for highlights
    /// laid over text already drawn).
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.minY..<area.maxY {
            for x in area.minX..<area.maxX {
                cells[y * width + x].style = style
            }
        }
    }

    /// Writes `text` from `point` on one row and returns the columns it took.
    ///
    /// Control characters are shown as symbols (`Sanitizer`); text stops at the right edge of `clip`
    /// (the whole screen by default); a wide character that would cross that edge becomes a space,
    /// and so does one that starts left of the clip. Newlines do not start a new row.
    @discardableResult
    public mutating func put(_ text: String, at point: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard point.y >= area.minY, point.y < area.maxY, point.x < area.maxX, !area.isEmpty else { return 0 }
        var writer = ClusterWriter(x: point.x, y: point.y, area: area, style: style)
        for scalar in text.unicodeScalars {
            if !writer.add(scalar, to: &self) { break }
        }
        writer.finish(on: &self)
        return max(0, min(writer.x, area.maxX) - max(point.x, area.minX))
    }

    /// Writes a cell, repairing any wide character it cuts in half.
    mutating func set(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        } else if old.width == 2, x + 1 < width {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
        cells[index] = cell
        guard cell.width == 2, x + 1 < width else { return }
        let next = cells[index + 1]
        if next.width == 2, x + 2 < width {
            cells[index + 2] = .blank(cells[index + 2].style)
        }
        cells[index + 1] = .continuation(cell.style)
    }

    /// Row `y` as text: wide characters once, trailing spaces trimmed.
    public func row(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var line = ""
        line.reserveCapacity(width)
        for x in 0..<width {
            line += cells[y * width + x].character
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// Every row joined with "\n" (all `height` rows, each with trailing spaces trimmed).
    public var text: String {
        (0..<height).map(row).joined(separator: "\n")
    }

    /// The text of the cells inside `rect`, one line per row, trailing spaces trimmed.
    public func text(in rect: Rect) -> String {
        let area = rect.intersection(bounds)
        return (area.minY..<area.maxY).map { y in
            var line = ""
            for x in area.minX..<area.maxX { line += cells[y * width + x].character }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}

/// Groups scalars into cells (a base and its zero-width followers) and writes them left to right.
private struct ClusterWriter {
    var x: Int
    let y: Int
    let area: Rect
    let style: Style
    var pending = String.UnicodeScalarView()
    var pendingWidth = 0

    init(x: Int, y: Int, area: Rect, style: Style) {
        self.x = x
        self.y = y
        self.area = area
        self.style = style
    }

    /// False once the right edge is reached.
    mutating func add(_ scalar: Unicode.Scalar, to screen: inout Screen) -> Bool {
        let shown = Sanitizer.replacement(for: scalar) ?? scalar
        let width = DisplayWidth.of(shown)
        if width == 0 {
            if pendingWidth > 0 {
                pending.append(shown)
            } else if Sanitizer.needsBase(shown) {
                pending = String.UnicodeScalarView()
                pending.append("\u{25CC}")
                pending.append(shown)
                pendingWidth = 1
            }
            return true
        }
        flush(on: &screen)
        if x >= area.maxX { return false }
        pending.removeAll(keepingCapacity: true)
        pending.append(shown)
        pendingWidth = width
        return true
    }

    mutating func finish(on screen: inout Screen) {
        flush(on: &screen)
    }

    private mutating func flush(on screen: inout Screen) {
        guard pendingWidth > 0 else { return }
        defer { pendingWidth = 0 }
        let start = x
        x += pendingWidth
        if start >= area.minX && x <= area.maxX {
            screen.set(Cell(character: Self.string(pending), width: pendingWidth, style: style), x: start, y: y)
            return
        }
        // Partly outside the clip: the visible part becomes spaces.
        let first = max(start, area.minX), end = min(x, area.maxX)
        guard first < end else { return }
        for column in first..<end {
            screen.set(.blank(style), x: column, y: y)
        }
    }

    private static let ascii: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    private static func string(_ scalars: String.UnicodeScalarView) -> String {
        if scalars.count == 1, let only = scalars.first, only.isASCII { return ascii[Int(only.value)] }
        return String(scalars)
    }
}
