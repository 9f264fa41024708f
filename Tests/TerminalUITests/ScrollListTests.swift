import Testing
@testable import TerminalUI

@Suite struct ScrollListTests {
    @Test func showsRowsWithTrailingTextAndAScrollBar() {
        var screen = Screen(width: 16, height: 4)
        ScrollList(count: 10, selected: 1, offset: 0) { ListRow("Task \($0 + 1)", trailing: $0 == 1 ? "draft" : "new") }
            .draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
            Task 1      new█
            Task 2    draft│
            Task 3      new│
            Task 4      new│
            """)
        #expect(screen.style(at: Point(x: 0, y: 1))?.reverse == true)
        #expect(screen.style(at: Point(x: 14, y: 1))?.reverse == true)
        #expect(screen.style(at: Point(x: 0, y: 0))?.reverse == false)
    }

    @Test func rowsThatFitHaveNoScrollBar() {
        var screen = Screen(width: 10, height: 3)
        ScrollList(count: 2, selected: nil) { ListRow("Row \($0)") }.draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
            Row 0
            Row 1

            """)
    }

    @Test func millionRowsAskOnlyForVisibleOnes() {
        var screen = Screen(width: 20, height: 5)
        nonisolated(unsafe) var asked: [Int] = []
        ScrollList(count: 1_000_000, selected: 999_999, offset: 999_995) { index in
            asked.append(index)
            return ListRow("#\(index)")
        }.draw(in: screen.bounds, on: &screen)
        #expect(asked == Array(999_995...999_999))
        #expect(screen.text == """
            #999995            │
            #999996            │
            #999997            │
            #999998            │
            #999999            █
            """)
    }

    @Test func longTextIsTruncatedBeforeTrailingText() {
        var screen = Screen(width: 14, height: 1)
        ScrollList(count: 1, selected: nil) { _ in ListRow("A rather long task name", trailing: "12s") }
            .draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "A rather…  12s")
    }

    @Test func emptyListShowsItsEmptyText() {
        var screen = Screen(width: 12, height: 2)
        ScrollList(count: 0, selected: nil, emptyText: "No tasks") { _ in ListRow("") }.draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "No tasks\n")
    }

    @Test func offsetKeepsSelectionVisible() {
        #expect(ScrollList.scrollOffset(selected: 12, current: 0, visibleRows: 10, count: 100) == 3)
        #expect(ScrollList.scrollOffset(selected: 2, current: 5, visibleRows: 10, count: 100) == 2)
        #expect(ScrollList.scrollOffset(selected: 7, current: 5, visibleRows: 10, count: 100) == 5)
    }

    @Test func offsetNeverLeavesBlankRowsAtTheBottom() {
        #expect(ScrollList.scrollOffset(selected: 5, current: 90, visibleRows: 10, count: 20) == 5)
        #expect(ScrollList.scrollOffset(selected: nil, current: 3, visibleRows: 10, count: 5) == 0)
    }

    @Test func aMarkedRowIsCutAsTheWholeTextWouldBe() {
        let text = "r-123 Review 123: the battery lasts all day, 価格は高い but worth it."
        for width in 1...40 {
            for trailing in [nil, "1m 5s"] {
                var marked = Screen(width: width, height: 1), whole = Screen(width: width, height: 1)
                marked.put(String(repeating: "x", count: width), at: Point(x: 0, y: 0))
                whole.put(String(repeating: "x", count: width), at: Point(x: 0, y: 0))
                ScrollList(count: 1, selected: 0) { _ in ListRow(text, mark: "◐", style: .bold, trailing: trailing) }
                    .draw(in: marked.bounds, on: &marked)
                ScrollList(count: 1, selected: 0) { _ in ListRow("◐ " + text, style: .bold, trailing: trailing) }
                    .draw(in: whole.bounds, on: &whole)
                #expect(marked == whole, "width \(width), trailing \(trailing ?? "none"): \(marked.text) | \(whole.text)")
            }
        }
    }

    @Test func drawingOnlyTheRowsASelectionMoveChangedGivesTheFullFrame() {
        let row = { (index: Int) in ListRow("t-\(index) 日本語 review", mark: index % 3 == 0 ? "✓" : "○", style: index == 4 ? .bold : .plain,
                                       trailing: index % 2 == 0 ? "\(index)s" : nil) }
        var kept = Screen(width: 30, height: 8)
        ScrollList(count: 100, selected: 3, offset: 0, row: row).draw(in: kept.bounds, on: &kept)
        for (from, to) in [(3, 4), (4, 5), (5, 4), (4, 0), (0, 7)] {
            ScrollList(count: 100, selected: to, offset: 0, row: row).draw(rows: [from, to], in: kept.bounds, on: &kept)
            var full = Screen(width: 30, height: 8)
            ScrollList(count: 100, selected: to, offset: 0, row: row).draw(in: full.bounds, on: &full)
            #expect(kept == full, "from \(from) to \(to)")
        }
        #expect(kept.text == """
            ✓ t-0 日本語 review        0s█
            ○ t-1 日本語 review          │
            ○ t-2 日本語 review        2s│
            ✓ t-3 日本語 review          │
            ○ t-4 日本語 review        4s│
            ○ t-5 日本語 review          │
            ✓ t-6 日本語 review        6s│
            ○ t-7 日本語 review          │
            """)
    }
}
