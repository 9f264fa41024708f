import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// The whole run loop in memory: `LabelApp.run` on a scripted terminal, frames and bytes checked.
@Suite("The run loop")
struct LabelAppLoopTests {
    @Test("keys in, frames out: one frame per key, only the changed cells sent, and the loop ends on q")
    func keysToFrames() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        let terminal = ScriptedTerminal([.down, .character("2"), .character("s"), .character("q"), .character("x")])
        let notes = try LabelApp.run(session, on: terminal)
        #expect(notes == [])
        #expect(session.finished)
        #expect(terminal.frames.count == 4, "the first frame, then one per key before q; x is never read")
        #expect(terminal.frames[1].row(10) == "│                      ││    ( ) 1 Positive                                    │")
        #expect(terminal.frames[1].row(11) == "│                      ││  › ( ) 2 Negative                                    │")
        #expect(terminal.frames[3].row(22) == "t-1 submitted → Complete.")
        #expect(terminal.bytes[0] > 1_000)
        #expect(terminal.bytes[1] == 56, "a form cursor move sends the two rows' cursor marks, nothing else")
        #expect(try fixture.store.task(externalId: "t-1")?.annotations.classifications.first?["answer"] == "Negative")
    }

    @Test("a form cursor move: the renderer compares the two option rows alone and sends their cursor marks")
    func formMoveComparesTwoRows() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        let terminal = ScriptedTerminal([.down, .up])
        _ = try LabelApp.run(session, on: terminal)
        #expect(terminal.rowsCompared == [24, 2, 2], "the first frame compares every row")
        // Each option's row from its cursor mark to the end of its label: the style changes there.
        let rows = [ScreenDiff.Run(y: 10, x: 27, count: 16), ScreenDiff.Run(y: 11, x: 27, count: 16)]
        #expect(terminal.changes[1] == rows)
        #expect(terminal.changes[2] == rows)
        #expect(terminal.bytes[1...] == [56, 60], "the second also turns the bold off")
    }

    @Test("ticks redraw only when the second shown changes")
    func ticks() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        let events = [InputEvent](repeating: .tick, count: 7) + [.character("q")]
        let terminal = ScriptedTerminal(events) { event in
            if event == .tick { fixture.clock.advance(by: 300) }
        }
        _ = try LabelApp.run(session, on: terminal)
        // Ticks at 0.3, 0.6, 0.9, 1.2, 1.5, 1.8 and 2.1 s: the timer shows 0:01 at 1.2 s and 0:02 at 2.1 s.
        #expect(terminal.frames.count == 3)
        #expect(terminal.frames.map { $0.row(23).hasSuffix("⏱ 0:00") } == [true, false, false])
        #expect(terminal.frames[1].row(23).hasSuffix("⏱ 0:01"))
        #expect(terminal.frames[2].row(23).hasSuffix("⏱ 0:02"))
    }

    @Test("input that ends is a hang-up: the draft is kept and the loop returns")
    func inputEnds() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        _ = try LabelApp.run(session, on: ScriptedTerminal([.character("2")]))
        #expect(session.finished)
        #expect(try fixture.store.draft(taskId: 1, stage: .label)?.classifications.first?["answer"] == "Negative")
    }

    @Test("the selected row of the task list is highlighted, the open task's row bold (styled frame)")
    func highlightedRows() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        let terminal = ScriptedTerminal([.left, .down])
        _ = try LabelApp.run(session, on: terminal)
        // Row 1 is the open task (bold, its border too: the list has the focus); row 2 is selected
        // (reverse, the whole width inside the border).
        #expect(terminal.frames[2].styledDump(rows: 0..<4) == """
            ┌ Tasks · all · 3 ─────┐┌ t-1 · new ───────────────────────────────────────────┐
              ↳ 0..<24 bold
              ↳ 24..<25 dim
              ↳ 25..<36 bold
              ↳ 36..<80 dim
            │· t-1 The blender is… ││The blender is loud but strong.                       │
              ↳ 0..<22 bold
              ↳ 23..<24 bold
              ↳ 24..<25 dim
              ↳ 79..<80 dim
            │· t-2 日本語のレビュ… ││                                                      │
              ↳ 0..<1 bold
              ↳ 1..<23 reverse
              ↳ 23..<24 bold
              ↳ 24..<25 dim
              ↳ 79..<80 dim
            │· t-3 Third.          ││stars: 3                                              │
              ↳ 0..<1 bold
              ↳ 23..<24 bold
              ↳ 24..<33 dim
              ↳ 79..<80 dim
            """)
    }
}
