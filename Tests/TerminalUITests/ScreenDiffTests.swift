import Testing
@testable import TerminalUI

@Suite struct ScreenDiffTests {
    private func queue(selected: Int, width: Int = 200, height: Int = 60) -> Screen {
        var screen = Screen(width: width, height: height)
        ScrollList(count: 1_000_000, selected: selected, offset: 0) { ListRow("Task \($0)", trailing: "new") }
            .draw(in: screen.bounds, on: &screen)
        return screen
    }

    @Test func identicalFramesHaveNoChanges() {
        #expect(ScreenDiff.changes(from: queue(selected: 3), to: queue(selected: 3)).isEmpty)
    }

    @Test func firstFrameIsWrittenInFull() {
        let runs = ScreenDiff.changes(from: nil, to: Screen(width: 3, height: 2))
        #expect(runs == [.init(y: 0, x: 0, count: 3), .init(y: 1, x: 0, count: 3)])
    }

    @Test func movingTheSelectionChangesExactlyTwoRows() {
        let runs = ScreenDiff.changes(from: queue(selected: 10), to: queue(selected: 11))
        #expect(Set(runs.map(\.y)) == [10, 11])
    }

    @Test func nearbyChangesMergeIntoOneRun() {
        var old = Screen(width: 20, height: 1), new = old
        old.put("abcdefghij", at: Point(x: 0, y: 0))
        new.put("aXcdXfghij", at: Point(x: 0, y: 0))
        #expect(ScreenDiff.changes(from: old, to: new) == [.init(y: 0, x: 1, count: 4)])
    }

    @Test func distantChangesAreSeparateRuns() {
        var old = Screen(width: 20, height: 1), new = old
        new.put("X", at: Point(x: 1, y: 0))
        new.put("Y", at: Point(x: 15, y: 0))
        #expect(ScreenDiff.changes(from: old, to: new) == [.init(y: 0, x: 1, count: 1), .init(y: 0, x: 15, count: 1)])
    }

    @Test func runsCoverBothHalvesOfAWideCharacter() {
        let old = Screen(width: 6, height: 1)
        var new = old
        new.put("日", at: Point(x: 2, y: 0))
        #expect(ScreenDiff.changes(from: old, to: new) == [.init(y: 0, x: 2, count: 2)])
    }

    @Test func styleChangesAreChanges() {
        let old = Screen(width: 4, height: 1)
        var new = old
        new.fill(Rect(x: 3, y: 0, width: 1, height: 1), style: .reverse)
        #expect(ScreenDiff.changes(from: old, to: new) == [.init(y: 0, x: 3, count: 1)])
    }

    @Test func memoryRendererCountsOnlyChangedCells() {
        let renderer = MemoryRenderer(width: 200, height: 60)
        renderer.render(queue(selected: 0))
        #expect(renderer.cellsWritten == 200 * 60)
        renderer.render(queue(selected: 1), cursor: Point(x: 0, y: 1))
        #expect(Set(renderer.lastChanges.map(\.y)) == [0, 1])
        #expect(renderer.cellsWritten <= 200 * 60 + 2 * 200)
        #expect(renderer.cursor == Point(x: 0, y: 1))
        #expect(renderer.framesRendered == 2)
    }
}

@Suite struct EmptyScreenDiffTests {
    @Test func emptyScreensHaveNoChanges() {
        #expect(ScreenDiff.changes(from: Screen(width: 0, height: 3), to: Screen(width: 0, height: 3)).isEmpty)
        #expect(ScreenDiff.changes(from: Screen(width: 4, height: 0), to: Screen(width: 4, height: 0)).isEmpty)
    }

    @Test func benchmarkKeypressChangesOnlyTheMovedRowsAndCounter() {
        let before = FrameBenchmark.frame(selected: 10)
        let (after, cells) = FrameBenchmark.keypress(from: before, selected: 10)
        #expect(Set(ScreenDiff.changes(from: before, to: after).map(\.y)) == [10, 11, 59])
        #expect(cells < 200 * 3)
    }
}
