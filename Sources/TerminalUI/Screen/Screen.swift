import Synchronization

/// A grid of cells: what the terminal should show. Widgets draw into it; a `Renderer` shows it.
/// Text put on it is sanitised and laid out per scalar the way ncurses does (see `DisplayWidth`).
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major, `width * height` cells.
    public private(set) var cells: [Cell] {
        didSet { revision = Self.nextRevision() }
    }
    /// Pictures in a terminal graphics protocol (sixel, kitty, iTerm2), written by the renderer
    /// after the cells, over cells the frame leaves blank.
    public var graphics: [PixelGraphic] = [] {
        didSet { revision = Self.nextRevision() }
    }
    /// Changes with every change to the screen, and no two screens drawn apart share one: equal
    /// revisions are equal screens (one a copy of the other). Whoever drew a frame can tell it is
    /// still what they drew without keeping a copy of it (which would make the next change to
    /// the screen copy every cell).
    public private(set) var revision: Int
    /// The rows changed since `markShown()`, and the revision it was called at.
    private var changedRows = RowSet()
    private var shownRevision: Int?

    private static let revisions = Atomic<Int>(0)

    private static func nextRevision() -> Int {
        revisions.add(1, ordering: .relaxed).newValue
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(), count: self.width * self.height)
        revision = Self.nextRevision()
    }

    /// A renderer has just shown this frame: from now on the screen notes the rows that change, so
    /// the next frame is compared with this one on those rows only (`rowsChanged(since:)`).
    public mutating func markShown() {
        changedRows.removeAll()
        shownRevision = revision
    }

    /// The rows that can differ from the frame of revision `shown`, when this screen is that frame
    /// changed in place since `markShown()`; nil when it cannot tell (any row can differ).
    public func rowsChanged(since shown: Int) -> RowSet? {
        shownRevision == shown ? changedRows : nil
    }

    /// The same cells and pictures (whatever the revisions).
    public static func == (a: Screen, b: Screen) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.graphics == b.graphics
    }

    /// Copies the cells of `runs` from `frame` (of the same size): a renderer keeps its own copy
    /// of the last frame up to date this way, writing only the cells that changed.
    public mutating func copyCells(_ runs: [ScreenDiff.Run], from frame: Screen) {
        guard frame.width == width, frame.height == height else { return }
        let (width, height) = (self.width, self.height)
        for run in runs where run.y < height && run.x < width { changedRows.insert(run.y) }
        frame.cells.withUnsafeBufferPointer { source in
            cells.withUnsafeMutableBufferPointer { target in
                for run in runs where run.y < height && run.x < width {
                    let start = run.y * width + max(0, run.x)
                    for index in start..<(start + min(run.count, width - run.x)) { target[index] = source[index] }
                }
            }
        }
        graphics = frame.graphics
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
        graphics = []
        fill(bounds, style: .plain)
    }

    /// Blanks the cells of `rect` (clipped to the screen) with `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let blank = Cell.blank(style)
        let width = self.width
        changedRows.insert(area.minY..<area.maxY)
        cells.withUnsafeMutableBufferPointer { buffer in
            for y in area.minY..<area.maxY {
                let row = GridRow(buffer: buffer, base: y * width, width: width)
                // Only the edges can split a wide character (whose other half is then blanked);
                // the cells between are simply overwritten.
                row.set(blank, at: area.minX)
                if area.width > 1 {
                    let base = y * width
                    for x in (area.minX + 1)..<(area.maxX - 1) { buffer[base + x] = blank }
                    row.set(blank, at: area.maxX - 1)
                }
            }
        }
    }

    /// Copies row `row` of `source` to this screen from `origin`, as far as it fits: the cells
    /// as they are (they were laid out and sanitised when put there), a wide character whole or
    /// not at all.
    public mutating func paste(row: Int, of source: Screen, at origin: Point) {
        guard row >= 0, row < source.height, origin.y >= 0, origin.y < height, origin.x >= 0 else { return }
        let width = self.width
        let count = min(source.width, width - origin.x)
        guard count > 0 else { return }
        changedRows.insert(origin.y)
        source.cells.withUnsafeBufferPointer { from in
            cells.withUnsafeMutableBufferPointer { buffer in
                let target = GridRow(buffer: buffer, base: origin.y * width, width: width)
                var x = 0
                while x < count {
                    let cell = from[row * source.width + x]
                    if cell.width == 2 && x + 1 >= count {
                        // Its right half would fall off: a space, as `put` shows it.
                        target.set(.blank(cell.style), at: origin.x + x)
                    } else if !cell.isContinuation {
                        target.set(cell, at: origin.x + x)
                    }
                    x += max(1, cell.width)
                }
            }
        }
    }

    /// Puts one cell (a picture's symbol: already safe to show) at `point`; outside the screen it
    /// is dropped.
    public mutating func set(_ cell: Cell, at point: Point) {
        guard bounds.contains(point) else { return }
        let width = self.width
        changedRows.insert(point.y)
        cells.withUnsafeMutableBufferPointer { GridRow(buffer: $0, base: point.y * width, width: width).set(cell, at: point.x) }
    }

    /// Changes only the style of the cells of `rect`, keeping their characters (for highlights
    /// laid over text already drawn).
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        changedRows.insert(area.minY..<area.maxY)
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
        let width = self.width
        changedRows.insert(point.y)
        let end = cells.withUnsafeMutableBufferPointer { buffer in
            var writer = ClusterWriter(row: GridRow(buffer: buffer, base: point.y * width, width: width),
                                       x: point.x, minX: area.minX, maxX: area.maxX, style: style)
            writer.write(text)
            return writer.x
        }
        return max(0, min(end, area.maxX) - max(point.x, area.minX))
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

/// One row of the grid, written in place. Keeps wide characters whole: writing over either half
/// of one blanks the other half.
private struct GridRow {
    let buffer: UnsafeMutableBufferPointer<Cell>
    let base: Int
    let width: Int

    func set(_ cell: Cell, at x: Int) {
        let index = base + x
        let oldWidth = buffer[index].width
        if oldWidth == 0, x > 0 {
            buffer[index - 1] = .blank(buffer[index - 1].style)
        } else if oldWidth == 2, x + 1 < width {
            buffer[index + 1] = .blank(buffer[index + 1].style)
        }
        buffer[index] = cell
        guard cell.width == 2, x + 1 < width else { return }
        if buffer[index + 1].width == 2, x + 2 < width {
            buffer[index + 2] = .blank(buffer[index + 2].style)
        }
        buffer[index + 1] = .continuation(cell.style)
    }
}

/// Groups scalars into cells (a base and its zero-width followers) and writes them left to right.
/// Clusters are sliced from the source text where possible, so ordinary text costs no copying
/// beyond the cell strings themselves.
private struct ClusterWriter {
    let row: GridRow
    var x: Int
    let minX: Int
    let maxX: Int
    let style: Style

    private var pendingWidth = 0
    private var pendingSource: Range<String.UnicodeScalarView.Index>?
    private var pendingOwned: String.UnicodeScalarView?

    init(row: GridRow, x: Int, minX: Int, maxX: Int, style: Style) {
        self.row = row
        self.x = x
        self.minX = minX
        self.maxX = maxX
        self.style = style
    }

    mutating func write(_ text: String) {
        // Printable ASCII is a cell per byte and needs no clustering, except a byte that a
        // following mark may sit on: those bytes go straight in; the rest is clustered.
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte >= 0x20, byte < 0x7F else { break }
            let next = utf8.index(after: index)
            if next != utf8.endIndex {
                let following = utf8[next]
                guard following >= 0x20, following < 0x7F else { break }
            }
            if x >= maxX { return }
            if x >= minX { row.set(Cell(character: asciiStrings[Int(byte)], width: 1, style: style), at: x) }
            x += 1
            index = next
        }
        writeClusters(text, from: index)
    }

    private mutating func writeClusters(_ text: String, from start: String.Index) {
        let scalars = text.unicodeScalars
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            defer { index = next }
            let value = scalar.value
            if value >= 0x20 && value < 0x7F {
                flush(scalars)
                if x >= maxX { return }
                pendingSource = index..<next
                pendingWidth = 1
                continue
            }
            let replacement = Sanitizer.replacement(for: scalar)
            let shown = replacement ?? scalar
            let width = DisplayWidth.of(shown)
            if width == 0 {
                attach(shown, through: next)
                continue
            }
            flush(scalars)
            if x >= maxX { return }
            pendingWidth = width
            if replacement == nil {
                pendingSource = index..<next
            } else {
                var owned = String.UnicodeScalarView()
                owned.append(shown)
                pendingOwned = owned
            }
        }
        flush(scalars)
    }

    private mutating func attach(_ scalar: Unicode.Scalar, through next: String.UnicodeScalarView.Index) {
        if pendingWidth == 0 {
            // A mark with nothing to sit on: shown on a dotted circle, or dropped if invisible.
            guard Sanitizer.needsBase(scalar) else { return }
            var owned = String.UnicodeScalarView()
            owned.append("\u{25CC}")
            owned.append(scalar)
            pendingOwned = owned
            pendingWidth = 1
        } else if pendingOwned != nil {
            pendingOwned!.append(scalar)
        } else if let source = pendingSource {
            pendingSource = source.lowerBound..<next
        }
    }

    private mutating func flush(_ scalars: String.UnicodeScalarView) {
        guard pendingWidth > 0 else { return }
        let start = x
        x += pendingWidth
        let character: String
        if let owned = pendingOwned {
            character = String(owned)
        } else if let source = pendingSource {
            let first = scalars[source.lowerBound]
            if first.isASCII && scalars.index(after: source.lowerBound) == source.upperBound {
                character = asciiStrings[Int(first.value)]
            } else {
                character = String(scalars[source])
            }
        } else {
            character = " "
        }
        pendingWidth = 0
        pendingSource = nil
        pendingOwned = nil
        if start >= minX && x <= maxX {
            row.set(Cell(character: character, width: x - start, style: style), at: start)
            return
        }
        // Partly outside the clip: the visible part becomes spaces.
        let first = max(start, minX), end = min(x, maxX)
        guard first < end else { return }
        for column in first..<end { row.set(.blank(style), at: column) }
    }
}

private let asciiStrings: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }
