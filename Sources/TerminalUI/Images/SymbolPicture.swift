/// A picture as terminal cells: a symbol (a block, a half block, a space) in a foreground and a
/// background colour per cell. Drawn onto a `Screen` it is ordinary cells, so the renderer's diff
/// sends it once and not again while it stays the same.
public struct SymbolPicture: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Row-major, `width * height` cells, each of width 1.
    public let cells: [Cell]

    public init(width: Int, height: Int, cells: [Cell]) {
        precondition(cells.count == width * height, "a cell per column and row")
        self.width = width
        self.height = height
        self.cells = cells
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// The rows' characters, for tests and captures.
    public var text: String {
        (0..<height).map { y in (0..<width).map { self[$0, y].character }.joined() }.joined(separator: "\n")
    }
}

extension Screen {
    /// Lays `picture` on the screen with its top left at `origin`, clipped to `clip`.
    public mutating func draw(_ picture: SymbolPicture, at origin: Point, clip: Rect? = nil) {
        let area = (clip ?? bounds).intersection(bounds)
        for y in 0..<picture.height {
            let row = origin.y + y
            guard row >= area.minY, row < area.maxY else { continue }
            for x in 0..<picture.width {
                let column = origin.x + x
                guard column >= area.minX, column < area.maxX else { continue }
                set(picture[x, y], at: Point(x: column, y: row))
            }
        }
    }
}
