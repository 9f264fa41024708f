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

    public init(size: Size) {
        self.size = size
    }

    public convenience init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    public func render(_ screen: Screen, cursor: Point?) {
        lastChanges = ScreenDiff.changes(from: lastFrame, to: screen)
        cellsWritten += ScreenDiff.cellCount(lastChanges)
        lastFrame = screen
        self.cursor = cursor
        framesRendered += 1
    }

    /// The last frame's text, or "" before the first frame.
    public var text: String { lastFrame?.text ?? "" }
}
