import Testing
@testable import TerminalUI

/// A screen notes the rows drawn since it was shown, and the next diff compares those rows only.
@Suite("Rows changed since a frame was shown")
struct ChangedRowsTests {
    private func shown(width: Int = 20, height: Int = 8) -> Screen {
        var screen = Screen(width: width, height: height)
        for y in 0..<height { screen.put("row \(y)", at: Point(x: 0, y: y)) }
        screen.markShown()
        return screen
    }

    @Test("a row set holds the rows put in it, in order, however far apart")
    func rowSet() {
        var rows = RowSet([70, 3, 64, 3])
        #expect(rows.sorted == [3, 64, 70])
        #expect(rows.count == 3)
        #expect(rows.contains(64) && !rows.contains(4) && !rows.contains(-1))
        rows.insert(5..<7)
        rows.insert(-2)
        #expect(rows.sorted == [3, 5, 6, 64, 70])
        rows.removeAll()
        #expect(rows.isEmpty && rows == RowSet())
    }

    @Test("every way of drawing notes its rows: put, fill, set, paste, setStyle")
    func drawingNotesRows() {
        var screen = shown()
        let revision = screen.revision
        #expect(screen.rowsChanged(since: revision) == RowSet())
        screen.put("x", at: Point(x: 2, y: 1))
        screen.fill(Rect(x: 0, y: 3, width: 4, height: 2))
        screen.set(.blank(.bold), at: Point(x: 0, y: 7))
        screen.setStyle(.reverse, in: Rect(x: 0, y: 6, width: 1, height: 1))
        var other = Screen(width: 20, height: 1)
        other.put("pasted", at: Point(x: 0, y: 0))
        screen.paste(row: 0, of: other, at: Point(x: 0, y: 5))
        #expect(screen.rowsChanged(since: revision)?.sorted == [1, 3, 4, 5, 6, 7])
    }

    @Test("drawing outside the screen notes nothing")
    func outsideNotesNothing() {
        var screen = shown()
        let revision = screen.revision
        screen.put("x", at: Point(x: 0, y: 8))
        screen.put("x", at: Point(x: 20, y: 0))
        screen.set(.blank(), at: Point(x: -1, y: 2))
        screen.fill(Rect(x: 0, y: 9, width: 5, height: 3))
        #expect(screen.rowsChanged(since: revision) == RowSet())
    }

    @Test("a screen cannot say which rows changed since a frame it was not marked shown at")
    func unknownFrame() {
        var screen = shown()
        let old = screen.revision
        screen.put("x", at: Point(x: 0, y: 2))
        #expect(screen.rowsChanged(since: old + 1_000) == nil)
        #expect(Screen(width: 20, height: 8).rowsChanged(since: old) == nil)
        screen.markShown()
        #expect(screen.rowsChanged(since: old) == nil, "marked again: it counts from its new revision")
        #expect(screen.rowsChanged(since: screen.revision) == RowSet())
    }

    @Test("a diff over the changed rows is the diff over every row")
    func diffOverChangedRows() {
        let before = shown()
        var after = before
        after.put("R", at: Point(x: 1, y: 2))
        after.fill(Rect(x: 0, y: 6, width: 3, height: 1))
        let rows = after.rowsChanged(since: before.revision)
        #expect(rows?.sorted == [2, 6])
        let runs = ScreenDiff.changes(from: before, to: after, rows: rows)
        #expect(runs == [.init(y: 2, x: 1, count: 1), .init(y: 6, x: 0, count: 3)])
        #expect(runs == ScreenDiff.changes(from: before, to: after))
    }

    @Test("the memory renderer compares only the rows drawn since the frame it showed")
    func memoryRendererComparesChangedRows() {
        let renderer = MemoryRenderer(width: 20, height: 8)
        var screen = shown()
        renderer.render(screen)
        #expect(renderer.lastRowsCompared == 8, "the first frame: every row")
        screen.markShown()
        screen.put("NEW", at: Point(x: 0, y: 4))
        renderer.render(screen)
        #expect(renderer.lastRowsCompared == 1)
        #expect(renderer.lastChanges == [.init(y: 4, x: 0, count: 3)])
        var unmarked = screen
        unmarked.put("x", at: Point(x: 0, y: 0))
        renderer.render(unmarked)
        #expect(renderer.lastRowsCompared == 8, "not marked shown after the last render: every row")
        #expect(renderer.lastChanges == [.init(y: 0, x: 0, count: 1)])
    }
}
