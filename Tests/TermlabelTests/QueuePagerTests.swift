@testable import LabelCore
import Testing
@testable import termlabel

/// The task list's pager over a fake project of a million rows: it reads a page only when the
/// visible rows leave the window it holds.
@Suite("The queue pager")
struct QueuePagerTests {
    final class MillionRows: QueuePages {
        var pagesRead: [Range<Int>] = []
        func count(_ filter: QueueFilter) throws -> Int { filter.statuses == nil ? 1_000_000 : 10 }
        func page(_ filter: QueueFilter, offset: Int, limit: Int) throws -> [QueueRow] {
            let rows = offset..<min(try count(filter), offset + limit)
            pagesRead.append(rows)
            return rows.map { QueueRow(id: Int64($0 + 1), externalId: "r-\($0)", stage: .label, status: .new, assignee: nil, activeMilliseconds: 0, preview: "") }
        }
        func position(of taskId: Int64, in filter: QueueFilter) throws -> Int? { filter.statuses == nil ? Int(taskId) - 1 : nil }
    }

    @Test("moving the selection reads a page only when the visible rows leave the window")
    func readsOnlyWhenNeeded() throws {
        let pages = MillionRows()
        var pager = QueuePager(pages)
        try pager.refresh(follow: 1)
        try pager.settle(visibleRows: 20)
        #expect(pages.pagesRead == [0..<220])
        for i in 1...230 {
            pager.select(i)
            try pager.settle(visibleRows: 20)
        }
        // One read more: when row 220 came into view (offset 201), 100 rows before it and 120 after.
        #expect(pager.window.offset == 211)
        #expect(pages.pagesRead == [0..<220, 101..<321])
        #expect(try pager.selectedRow()?.externalId == "r-230")
        pager.select(999_999)
        try pager.settle(visibleRows: 20)
        #expect(pager.window.offset == 999_980)
        #expect(pages.pagesRead.last == 999_880..<1_000_000)
    }

    @Test("a task hidden by the filter is revealed by showing all tasks")
    func reveal() throws {
        var pager = QueuePager(MillionRows())
        try pager.cycleFilter()
        #expect(pager.window.filterName == "new")
        #expect(pager.window.count == 10)
        #expect(try pager.reveal(5000))
        #expect(pager.window.filterName == "all")
        #expect(pager.window.selected == 4999)
    }
}
