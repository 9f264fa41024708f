/// One terminal cell. A wide character (CJK, most emoji) sits in a cell of width 2 followed by a
/// continuation cell (empty character, width 0) that keeps the grid rectangular.
public struct Cell: Hashable, Sendable {
    /// A base scalar and the zero-width scalars drawn on it (the unit ncurses stores per cell),
    /// already sanitised; empty for a continuation cell.
    public var character: String
    public var style: Style
    private var storedWidth: UInt8

    public var width: Int { Int(storedWidth) }
    public var isContinuation: Bool { storedWidth == 0 }

    public init(character: String, width: Int, style: Style = .plain) {
        self.character = character
        self.storedWidth = UInt8(clamping: width)
        self.style = style
    }

    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(character: " ", width: 1, style: style)
    }

    static func continuation(_ style: Style) -> Cell {
        Cell(character: "", width: 0, style: style)
    }
}
