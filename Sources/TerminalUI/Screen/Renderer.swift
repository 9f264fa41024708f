/// Shows frames. The ncurses renderer (`CursesTerminal`) and the in-memory one for tests
/// (`MemoryRenderer`) conform.
public protocol Renderer: AnyObject {
    /// The size frames should have.
    var size: Size { get }

    /// Shows `screen`, with the text cursor at `cursor` or hidden when nil.
    func render(_ screen: Screen, cursor: Point?)
}

extension Renderer {
    /// Shows `screen` with the cursor hidden.
    public func render(_ screen: Screen) {
        render(screen, cursor: nil)
    }
}
