import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// Whole frames of the labeling screen, drawn from a session driven by keys, compared exactly.
@Suite("The labeling screen")
struct LabelScreenTests {
    func frame(_ session: LabelController, width: Int = 80, height: Int = 24) -> String {
        var screen = Screen(width: width, height: height)
        LabelApp.draw(session, on: &screen)
        return screen.text
    }

    func keys(_ session: LabelController, _ events: InputEvent...) throws {
        for event in events { try session.handle(event) }
    }

    @Test("at 80x24 the screen shows the queue, the asset, the form and the status line")
    func wholeScreenAt80x24() throws {
        let session = try Fixture().session()
        #expect(frame(session) == """
            ┌ Tasks · all · 3 ─────┐┌ t-1 · new ───────────────────────────────────────────┐
            │· t-1 The blender is… ││The blender is loud but strong.                       │
            │· t-2 日本語のレビュ… ││                                                      │
            │· t-3 Third.          ││stars: 3                                              │
            │                      ││                                                      │
            │                      ││                                                      │
            │                      ││                                                      │
            │                      │└──────────────────────────────────────────────────────┘
            │                      │┌ Form · 1 to fix ─────────────────────────────────────┐
            │                      ││▸ Sentiment * [a] — required                          │
            │                      ││  › ( ) 1 Positive                                    │
            │                      ││    ( ) 2 Negative                                    │
            │                      ││  Language [b]                                        │
            │                      ││    ▾ (none — Enter to choose)                        │
            │                      ││  Category                                            │
            │                      ││    ▾ (none — Enter to choose)                        │
            │                      ││  Order                                               │
            │                      ││    (empty — Enter to type)                           │
            │                      ││  Aspects                                             │
            │                      ││    1. Price                                          │
            │                      ││    2. Delivery                                       │
            └──────────────────────┘└─────────────────────────────────────────────────────↓┘
            Space choose · Tab next question · s submit · x skip · u undo · ? keys · q quit
            termlabel │ fixture │ Label │ ann                           0/3 labeled │ ⏱ 0:00
            """)
    }

    @Test("at 200x60 the asset and the form stand side by side")
    func wholeScreenAt200x60() throws {
        let session = try Fixture().session()
        #expect(frame(session, width: 200, height: 60) == """
            ┌ Tasks · all · 3 ─────────────────────────┐┌ t-1 · new ────────────────────────────────────────────────────────────────────────┐┌ Form · 1 to fix ────────────────────────────────────────────────────┐
            │· t-1 The blender is loud but strong.     ││The blender is loud but strong.                                                    ││▸ Sentiment * [a] — required                                         │
            │· t-2 日本語のレビュー：とても良い。      ││                                                                                   ││  › ( ) 1 Positive                                                   │
            │· t-3 Third.                              ││stars: 3                                                                           ││    ( ) 2 Negative                                                   │
            │                                          ││                                                                                   ││  Language [b]                                                       │
            │                                          ││                                                                                   ││    ▾ (none — Enter to choose)                                       │
            │                                          ││                                                                                   ││  Category                                                           │
            │                                          ││                                                                                   ││    ▾ (none — Enter to choose)                                       │
            │                                          ││                                                                                   ││  Order                                                              │
            │                                          ││                                                                                   ││    (empty — Enter to type)                                          │
            │                                          ││                                                                                   ││  Aspects                                                            │
            │                                          ││                                                                                   ││    1. Price                                                         │
            │                                          ││                                                                                   ││    2. Delivery                                                      │
            │                                          ││                                                                                   ││    (not ranked yet — [/] move, Enter keeps this order)              │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            │                                          ││                                                                                   ││                                                                     │
            └──────────────────────────────────────────┘└───────────────────────────────────────────────────────────────────────────────────┘└─────────────────────────────────────────────────────────────────────┘
            Space choose · Tab next question · s submit · x skip · u undo · ? keys · q quit
            termlabel │ fixture │ Label │ ann                                                                                                                                                   0/3 labeled │ ⏱ 0:00
            """)
    }

    @Test("choosing the parent option shows the nested question, indented under it")
    func nestedQuestionAppears() throws {
        let session = try Fixture().session()
        try keys(session, .character("2"), .down, .down, .character(" "))
        #expect(frame(session) == """
            ┌ Tasks · all · 3 ─────┐┌ t-1 · draft ─────────────────────────────────────────┐
            │✎ t-1 The blender is… ││The blender is loud but strong.                       │
            │· t-2 日本語のレビュ… ││                                                      │
            │· t-3 Third.          ││stars: 3                                              │
            │                      ││                                                      │
            │                      ││                                                      │
            │                      ││                                                      │
            │                      │└──────────────────────────────────────────────────────┘
            │                      │┌ Form · ready to submit ─────────────────────────────↑┐
            │                      ││    ( ) 1 Positive                                    │
            │                      ││    (•) 2 Negative                                    │
            │                      ││  ▸ Why                                               │
            │                      ││      [ ] 1 Price                                     │
            │                      ││    › [x] 2 Quality                                   │
            │                      ││  Language [b]                                        │
            │                      ││    ▾ (none — Enter to choose)                        │
            │                      ││  Category                                            │
            │                      ││    ▾ (none — Enter to choose)                        │
            │                      ││  Order                                               │
            │                      ││    (empty — Enter to type)                           │
            │                      ││  Aspects                                             │
            └──────────────────────┘└─────────────────────────────────────────────────────↓┘
            Space choose · Tab next question · s submit · x skip · u undo · ? keys · q quit
            termlabel │ fixture │ Label │ ann                           0/3 labeled │ ⏱ 0:00
            """)
    }

    @Test("an open dropdown takes the form pane and filters as you type")
    func dropdownFilters() throws {
        let session = try Fixture().session()
        try keys(session, .character("2"), .character("b"), .enter, .character("j"))
        #expect(frame(session).components(separatedBy: "\n")[9...11].joined(separator: "\n") == """
            │                      ││Language (Space or Enter chooses, Esc closes)         │
            │                      ││  Filter: j                                           │
            │                      ││› ( ) Japanese                                        │
            """)
        try keys(session, .enter)
        #expect(session.open?.form.answer("lang") == .one("Japanese"))
        #expect(session.mode == .normal)
    }

    @Test("the tree picker expands with the right arrow and chooses a node by its path")
    func treePicker() throws {
        let session = try Fixture().session()
        try keys(session, .character("1"), .tab, .tab, .enter, .right, .down, .right)
        #expect(frame(session).components(separatedBy: "\n")[9...12].joined(separator: "\n") == """
            │                      ││Category (type to filter, →← open/close, Space choose…│
            │                      ││  ▾ [ ] Home                                          │
            │                      ││›   ▾ [ ] Kitchen                                     │
            │                      ││        [ ] Blenders                                  │
            """)
        try keys(session, .down, .character(" "), .escape)
        #expect(session.open?.form.answer("cat") == .many(["Home / Kitchen / Blenders"]))
    }

    @Test("a text that does not match the pattern is refused with the pattern shown")
    func regexRefused() throws {
        let session = try Fixture().session()
        try keys(session, .character("1"), .character("b"), .tab, .tab, .enter, .character("1"), .character("2"), .character("a"), .enter)
        #expect(frame(session).components(separatedBy: "\n")[15...16].joined(separator: "\n") == """
            │                      ││  12a                                                 │
            │                      ││  does not match ^[0-9]+$                             │
            """)
        #expect(session.open?.form.answer("order") == nil)
        try keys(session, .backspace, .enter)
        #expect(session.open?.form.answer("order") == .one("12"))
    }

    @Test("typing in a text field never runs a command")
    func typingIsText() throws {
        let session = try Fixture().session()
        try keys(session, .character("1"), .character("b"), .tab, .tab, .enter)
        for c in "sq?xu" { try keys(session, .character(c)) }
        #expect(session.mode == .editingText(schemaId: "order", editing: TextEditing("sq?xu"), error: nil))
        #expect(!session.finished)
        #expect(try session.store.progress().labeled == 0)
    }

    @Test("? shows every key over the screen: the screen's keys, then (? again) the keys while typing")
    func helpOverlay() throws {
        let session = try Fixture().session()
        try keys(session, .character("?"))
        #expect(frame(session) == """
            ┌ Tas┌ Keys 1/2 — ? more, any other key closes ──────────────────────────┐─────┐
            │· t-│ ↑ ↓          move through options and questions                   │     │
            │· t-│ Tab S-Tab    next / previous question                             │     │
            │· t-│ 1–9 0        choose option 1–10 of the question                   │     │
            │    │ Space Enter  choose / toggle; open a dropdown, tree or text       │     │
            │    │ a–k          go to the question with that shortcut                │     │
            │    │ ; KEY        go to the question with shortcut KEY (0–9 too)       │     │
            │    │ [ ]          rank: move the item up / down                        │─────┘
            │    │ Bksp Del     clear the question's answer                          │─────┐
            │    │ u Ctrl-R     undo / redo the last change to the answers           │     │
            │    │ w            save the draft (every change is saved anyway)        │     │
            │    │ s            submit the task                                      │     │
            │    │ ! R H        open an issue / resolve one / put the task on hold   │     │
            │    │ x            skip the task / bring a skipped one back             │     │
            │    │ n p          next / previous task in the list                     │     │
            │    │ ← →          the task list (Enter opens a task) / the form        │     │
            │    │ v /          filter the list by status / go to a task (id or row) │     │
            │    │ PgUp PgDn    scroll the asset                                     │     │
            │    │ z M          zoom the picture / show its details                  │     │
            │    │ Ctrl-F       search the asset's text                              │     │
            │    │ I %          the project's instructions / labeler statistics      │     │
            └────│ mouse        click: open, choose, focus; wheel: scroll            │────↓┘
                 │ q Ctrl-C     quit (the draft and its time are kept)               │
            terml└───────────────────────────────────────────────────────────────────┘⏱ 0:00
            """)
        try keys(session, .character("?"))
        #expect(session.mode == .help(page: 1))
        #expect(frame(session) == """
            ┌ Tasks · all · 3 ─────┐┌ t-1 · new ───────────────────────────────────────────┐
            │· t-1 The blender is… ││The blender is loud but strong.                       │
            │· t-2 日本語のレビュ… ││                                                      │
            │· t-3 Third.          ││stars: 3                                              │
            │┌ Keys while typing 2/2 — any key closes ───────────────────────────────────┐ │
            ││ Enter                       text: keep it                                 │ │
            ││ Alt-Enter                   text: new line (pastes go only into text)     │ │
            ││ Tab S-Tab                   text: keep it, go to next / previous question │─┘
            ││ Esc                         text: leave it as it was                      │─┐
            ││ Enter                       prompt: go to the task / send the rejection   │ │
            ││ Esc                         prompt: close it                              │ │
            ││ Tab S-Tab                   issue: next / previous error code             │ │
            ││ ← → Home Ctrl-A End Ctrl-E  text, prompt: move in the line                │ │
            ││ Bksp Del Ctrl-W Ctrl-U      text, prompt: erase back, forward, word, all  │ │
            ││ ↑ ↓ PgUp PgDn               open list: move (PgUp PgDn: by 10)            │ │
            ││ Space Enter                 open list: choose / toggle (typing filters)   │ │
            ││ → ←                         tree: open / close a node                     │ │
            ││ Esc Tab                     open list: close                              │ │
            │└───────────────────────────────────────────────────────────────────────────┘ │
            │                      ││    1. Price                                          │
            │                      ││    2. Delivery                                       │
            └──────────────────────┘└─────────────────────────────────────────────────────↓┘

            termlabel │ fixture │ Label │ ann                           0/3 labeled │ ⏱ 0:00
            """)
        try keys(session, .character("?"))
        #expect(session.mode == .normal, "the last page closes on any key, ? too")
        try keys(session, .character("?"), .character("x"))
        #expect(session.mode == .normal)
        #expect(session.open?.task.externalId == "t-1", "the key that closes the overlay does nothing else")
    }

    @Test("a terminal that is too small gets a message, not a crash")
    func tooSmall() throws {
        let session = try Fixture().session()
        #expect(frame(session, width: 50, height: 10) == """




                        Terminal too small: 50x10.
                      termlabel needs 60x14 or more.
            Enlarge the window; q quits (your draft is saved).



            """)
        #expect(frame(session, width: 0, height: 0) == "")
    }

    @Test("control characters in asset text are shown as symbols")
    func controlCharactersShown() throws {
        let fixture = try Fixture(tasks: [NewTask(externalId: "esc", asset: "a\u{1B}[31mred\u{1B}]0;pwned\u{07}\tb")])
        let text = frame(try fixture.session())
        #expect(text.components(separatedBy: "\n")[1] == "│· esc a␛[31mred␛]0;pw…││a␛[31mred␛]0;pwned␇→b                                 │")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
