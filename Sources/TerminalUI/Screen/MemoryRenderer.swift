/// A renderer that keeps frames in memory, for tests: it remembers the last frame and cursor and
/// counts the cells a real terminal would have been sent.
public final class MemoryRenderer: Renderer {
    public var size: Size
    public private(set) var lastFrame: Screen?
    public private(set) var cursor: Point?
    public private(set) var framesRendered = 0
    /// Cells written over all frames (after diffing against the previous frame).
    public private(set) var cellsWritten = 0
    /// The runs written for the last frame.
    public private(set) var lastChanges: [ScreenDiff.Run] = []
    /// Rows of the last frame compared with the one before: those changed since the app marked
    /// the frame before shown (`Screen.markShown()`), else all of them.
    public private(set) var lastRowsCompared = 0
    /// What a terminal would have been sent for the last frame, as a plain xterm writer sends it:
    /// a cursor move per run, an SGR sequence where the style changes, the cells' UTF-8.
    public private(set) var lastBytes = 0
    public private(set) var bytesWritten = 0

    public init(size: Size) {
        self.size = size
    }

    public convenience init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    public func render(_ screen: Screen, cursor: Point?) {
        let rows = lastFrame.flatMap { screen.rowsChanged(since: $0.revision) }
        lastRowsCompared = rows?.count ?? screen.height
        lastChanges = ScreenDiff.changes(from: lastFrame, to: screen, rows: rows)
        cellsWritten += ScreenDiff.cellCount(lastChanges)
        lastBytes = Self.bytes(lastChanges, of: screen)
        bytesWritten += lastBytes
        lastFrame = screen
        self.cursor = cursor
        framesRendered += 1
    }

    static func bytes(_ runs: [ScreenDiff.Run], of screen: Screen) -> Int {
        var total = 0
        var pen = Style.plain
        for run in runs {
            total += "\u{1B}[\(run.y + 1);\(run.x + 1)H".utf8.count
            for x in run.x..<(run.x + run.count) {
                guard let cell = screen.cell(at: Point(x: x, y: run.y)), !cell.isContinuation else { continue }
                if cell.style != pen {
                    total += sgrLength(cell.style)
                    pen = cell.style
                }
                total += cell.character.utf8.count
            }
        }
        return total
    }

    /// `ESC [ 0 ; 1 ; 7 ; 31 m`: a reset, then each attribute and colour.
    static func sgrLength(_ style: Style) -> Int {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.italic { codes.append("3") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if let fg = style.foreground { codes.append(colorCode(fg, base: 30)) }
        if let bg = style.background { codes.append(colorCode(bg, base: 40)) }
        return 3 + codes.joined(separator: ";").utf8.count
    }

    /// `31` for a named colour (`91` bright), `38;5;N` for a palette colour, as xterm takes them.
    static func colorCode(_ color: Color, base: Int) -> String {
        let index = color.paletteIndex
        switch index {
        case ..<0: return "\(base + 9)"
        case 0..<8: return "\(base + index)"
        case 8..<16: return "\(base + 60 + index - 8)"
        default: return "\(base + 8);5;\(index)"
        }
    }

    /// The last frame's text, or "" before the first frame.
    public var text: String { lastFrame?.text ?? "" }
}
