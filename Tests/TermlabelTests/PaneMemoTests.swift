import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// Drawing only the panes whose inputs changed must give the frame a full redraw gives.
@Suite("Panes drawn again only when they change")
struct PaneMemoTests {
    /// Keys of every kind: moves in the list and the form, answers, dropdowns, the tree, text,
    /// search, help, statistics, skip, undo, submit, and the clock moving on.
    static let keys: [InputEvent] = [
        .up, .down, .left, .right, .tab, .backTab, .enter, .escape, .pageDown, .pageUp, .home, .end, .backspace,
        .character("1"), .character("2"), .character("a"), .character("b"), .character("s"), .character("x"),
        .character("/"), .character("?"), .character("n"), .character("f"), .character("u"), .character("e"),
        .character("k"), .character("9"), .character(" "), .character("z"), .control("r"), .tick,
    ]

    /// A fixed stream of keys from `keys` (a linear congruential generator: the same every run).
    static func script(count: Int, seed: UInt64) -> [InputEvent] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return keys[Int((state >> 33) % UInt64(keys.count))]
        }
    }

    @Test("key after key, the frame drawn with the memo is the frame drawn in full", arguments: [(80, 24, 1), (200, 60, 2), (120, 40, 3)])
    func sameFrames(_ width: Int, _ height: Int, _ seed: Int) throws {
        let fixture = try Fixture()
        let controller = try fixture.session()
        let memo = PaneMemo()
        var kept = Screen(width: width, height: height)
        _ = LabelApp.draw(controller, on: &kept, memo: memo)
        var redrawn = 0
        for (step, event) in Self.script(count: 400, seed: UInt64(seed)).enumerated() {
            if event == .tick { fixture.clock.advance(by: 700) }
            try? controller.handle(event, frame: kept.size)
            if controller.finished { break }
            let cursor = LabelApp.draw(controller, on: &kept, memo: memo)
            var fresh = Screen(width: width, height: height)
            let freshCursor = LabelApp.draw(controller, on: &fresh)
            #expect(kept == fresh, "step \(step), after \(event):\n\(kept.text)\n---- in full:\n\(fresh.text)")
            #expect(cursor == freshCursor, "step \(step), after \(event)")
            if kept != fresh { return }
            redrawn += memo.drawn.count
        }
        #expect(redrawn < 5 * 400, "some keys left some panes and lines as they were")
    }

    @Test("a move in the list draws the list again, not the asset nor the form")
    func listMove() throws {
        let fixture = try Fixture()
        let controller = try fixture.session()
        let memo = PaneMemo()
        var screen = Screen(width: 80, height: 24)
        try controller.handle(.left)
        _ = LabelApp.draw(controller, on: &screen, memo: memo)
        try controller.handle(.down)
        _ = LabelApp.draw(controller, on: &screen, memo: memo)
        #expect(memo.drawn == ["list"])
    }

    @Test("a move within a question's options draws the option it left and the one it reached, and the frame is the full one")
    func formMove() throws {
        let fixture = try Fixture()
        let controller = try fixture.session()
        let memo = PaneMemo()
        var screen = Screen(width: 80, height: 24)
        _ = LabelApp.draw(controller, on: &screen, memo: memo)
        screen.markShown()
        let shown = screen.revision
        try controller.handle(.down)
        _ = LabelApp.draw(controller, on: &screen, memo: memo)
        #expect(memo.drawn == ["form options"], "not the message line nor the status line either")
        #expect(screen.rowsChanged(since: shown)?.sorted == [10, 11], "Positive, which the cursor left, and Negative")
        var fresh = Screen(width: 80, height: 24)
        _ = LabelApp.draw(controller, on: &fresh)
        #expect(screen == fresh)
    }

    @Test("a screen the memo did not draw last is drawn in full")
    func otherScreen() throws {
        let fixture = try Fixture()
        let controller = try fixture.session()
        let memo = PaneMemo()
        var screen = Screen(width: 80, height: 24)
        _ = LabelApp.draw(controller, on: &screen, memo: memo)
        var other = Screen(width: 80, height: 24)
        _ = LabelApp.draw(controller, on: &other, memo: memo)
        #expect(memo.drawn == ["list", "asset", "form", "message", "status"])
        #expect(other == screen)
    }
}
