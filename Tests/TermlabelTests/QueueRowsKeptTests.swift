import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// The task list keeps its rows in memory and, after a submit, a skip or a task opened, reads
/// again only the rows of the tasks that changed: what it shows must be what the project holds.
@Suite("The list's rows kept in memory")
struct QueueRowsKeptTests {
    /// Keys that change tasks (answers, submit, skip, undo, opening a task from the list) and
    /// keys that move around, from the same generator as the pane memo's test.
    static let keys: [InputEvent] = [
        .character("1"), .character("1"), .character("s"), .character("s"), .character("x"), .character("u"),
        .left, .right, .down, .down, .up, .enter, .character("v"), .pageDown, .home, .end, .tick,
    ]

    static func script(count: Int, seed: UInt64) -> [InputEvent] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return keys[Int((state >> 33) % UInt64(keys.count))]
        }
    }

    @Test("key after key, the rows the list holds are the rows the project holds, and it follows the open task",
          arguments: [1, 2, 3])
    func keptRowsAreExact(_ seed: Int) throws {
        let fixture = try Fixture(tasks: (1...300).map { NewTask(externalId: "t-\($0)", asset: .string("Review \($0): fine.")) })
        let controller = try fixture.session()
        var screen = Screen(width: 120, height: 40)
        _ = LabelApp.draw(controller, on: &screen)
        var submits = 0
        for (step, event) in Self.script(count: 400, seed: UInt64(seed)).enumerated() {
            if event == .tick { fixture.clock.advance(by: 700) }
            let before = controller.session.progress.labeled
            try? controller.handle(event, frame: screen.size)
            if controller.finished { break }
            let submitted = controller.session.progress.labeled > before
            if submitted { submits += 1 }
            _ = LabelApp.draw(controller, on: &screen)
            let window = controller.queue
            let held = try fixture.store.page(window.filter, offset: window.cacheStart, limit: window.cache.count)
            let differing = zip(window.cache, held).filter { $0 != $1 }.map { "\($0.externalId): kept \($0.status) \($0.stage) \($0.assignee ?? "-") \($0.activeMilliseconds), project \($1.status) \($1.stage) \($1.assignee ?? "-") \($1.activeMilliseconds)" }
            #expect(window.cache.count == held.count && differing.isEmpty, "step \(step), after \(event): \(differing)")
            #expect(window.count == (try fixture.store.count(window.filter)), "step \(step), after \(event)")
            if submitted, controller.pane == .form, window.filterIndex == 0, let open = controller.open {
                #expect(window.selected == (try fixture.store.position(of: open.task.id, in: window.filter)), "step \(step), after \(event)")
            }
            if window.cache != held { return }
        }
        #expect(submits > 3, "the script submitted too little to test anything")
    }

    @Test("a submit reads again the submitted task's row and the next task's, not the whole window")
    func submitReadsTwoRows() throws {
        let fixture = try Fixture(tasks: (1...300).map { NewTask(externalId: "t-\($0)", asset: .string("Review \($0).")) })
        let pages = CountingPages(store: fixture.store)
        let controller = try fixture.session()
        controller.pager = QueuePager(pages)
        controller.session.queueChange = .counts
        try controller.sync()
        var screen = Screen(width: 120, height: 40)
        _ = LabelApp.draw(controller, on: &screen)
        let pagesBefore = pages.pages
        try controller.handle(.character("1"))
        _ = LabelApp.draw(controller, on: &screen)
        try controller.handle(.character("s"))
        _ = LabelApp.draw(controller, on: &screen)
        #expect(pages.pages == pagesBefore)
        #expect(pages.rowsRead == [[1], [1, 2]])
        #expect(controller.queue.row(0)?.status == .submitted)
        #expect(controller.queue.selected == 1)
    }

    /// The project's pages, counting what is read.
    final class CountingPages: QueuePages {
        let store: SQLiteProjectStore
        var pages = 0
        var rowsRead: [[Int64]] = []
        init(store: SQLiteProjectStore) { self.store = store }
        func count(_ filter: QueueFilter) throws -> Int { try store.count(filter) }
        func page(_ filter: QueueFilter, offset: Int, limit: Int) throws -> [QueueRow] {
            pages += 1
            return try store.page(filter, offset: offset, limit: limit)
        }
        func position(of taskId: Int64, in filter: QueueFilter) throws -> Int? { try store.position(of: taskId, in: filter) }
        func rows(ids: [Int64]) throws -> [QueueRow]? {
            rowsRead.append(ids.sorted())
            return try store.queueRows(ids: ids)
        }
    }
}
