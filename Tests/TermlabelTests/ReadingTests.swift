import Foundation
import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// Reading: the project's instructions (once per user and text, and on I), question
/// descriptions under the focused question, and searching the asset.
@Suite("Reading: instructions, descriptions, search")
struct ReadingTests {
    static let instructions = """
        # Review sentiment

        Read the **whole** review before answering. Mark *mixed* reviews by the stronger side.

        1. Choose a sentiment.
        2. For a negative review, say why: `Price` or `Quality`.

        > Unsure? Ask in [the channel](https://chat.example.com/labels).
        """

    func keys(_ session: LabelController, _ events: InputEvent...) throws {
        for event in events { try session.handle(event, frame: Size(width: 80, height: 24)) }
    }

    func screen(_ session: LabelController, width: Int = 80, height: Int = 24) -> Screen {
        var screen = Screen(width: width, height: height)
        LabelApp.draw(session, on: &screen)
        return screen
    }

    func withInstructions(_ text: String = instructions, tasks: [NewTask]? = nil) throws -> Fixture {
        let fixture = try Fixture(tasks: tasks)
        try fixture.store.updateSettings { $0.instructions = text }
        return fixture
    }

    // MARK: Instructions

    @Test("the instructions show over the screen at first open, rendered from Markdown, with their styles")
    func instructionsOverlay() throws {
        let session = try withInstructions().session()
        #expect(session.mode == .instructions(scroll: 0))
        #expect(screen(session).styledDump(rows: 0..<14) == """
            ┌ Tasks · all · 3 ─────┐┌ t-1 · new ───────────────────────────────────────────┐
              ↳ 0..<1 dim
              ↳ 1..<18 bold
              ↳ 18..<25 dim
              ↳ 25..<36 bold
              ↳ 36..<80 dim
            │·┌ Instructions · fixture ──────────────────────────────────────────────────┐ │
              ↳ 0..<1 dim
              ↳ 1..<78 bold
              ↳ 79..<80 dim
            │·│ Review sentiment                                                         │ │
              ↳ 0..<1 dim
              ↳ 2..<3 bold
              ↳ 4..<20 bold underline fg:cyan
              ↳ 77..<78 bold
              ↳ 79..<80 dim
            │·│ ════════════════                                                         │ │
              ↳ 0..<1 dim
              ↳ 2..<3 bold
              ↳ 4..<20 dim
              ↳ 77..<78 bold
              ↳ 79..<80 dim
            │ │                                                                          │ │
              ↳ 0..<1 dim
              ↳ 2..<3 bold
              ↳ 77..<78 bold
              ↳ 79..<80 dim
            │ │ Read the whole review before answering. Mark mixed reviews by the        │ │
              ↳ 0..<1 dim
              ↳ 2..<3 bold
              ↳ 13..<18 bold
              ↳ 49..<54 italic
              ↳ 77..<78 bold
              ↳ 79..<80 dim
            │ │ stronger side.                                                           │ │
              ↳ 0..<1 dim
              ↳ 2..<3 bold
              ↳ 77..<78 bold
              ↳ 79..<80 dim
            │ │                                                                          │─┘
              ↳ 0..<1 dim
              ↳ 2..<3 bold
              ↳ 77..<78 bold
              ↳ 78..<80 dim
            │ │ 1. Choose a sentiment.                                                   │─┐
              ↳ 0..<1 dim
              ↳ 2..<3 bold
              ↳ 4..<7 dim
              ↳ 77..<80 bold
            │ │ 2. For a negative review, say why: Price or Quality.                     │ │
              ↳ 0..<1 dim
              ↳ 2..<3 bold
              ↳ 4..<7 dim
              ↳ 39..<44 fg:yellow
              ↳ 48..<55 fg:yellow
              ↳ 77..<78 bold
              ↳ 79..<80 bold
            │ │                                                                          │ │
              ↳ 0..<1 dim
              ↳ 2..<3 bold
              ↳ 77..<78 bold
              ↳ 79..<80 bold
            │ │ │ Unsure? Ask in the channel (https://chat.example.com/labels).          │ │
              ↳ 0..<1 dim
              ↳ 2..<3 bold
              ↳ 4..<6 dim
              ↳ 6..<21 italic
              ↳ 21..<32 italic underline fg:blue
              ↳ 32..<66 dim italic
              ↳ 66..<67 italic
              ↳ 77..<78 bold
              ↳ 79..<80 bold
            │ │                                                                          │ │
              ↳ 0..<1 dim
              ↳ 2..<3 bold
              ↳ 77..<78 bold
              ↳ 79..<80 bold
            │ │                                                                          │ │
              ↳ 0..<1 dim
              ↳ 2..<3 bold
              ↳ 77..<78 bold
              ↳ 79..<80 bold
            """)
    }

    @Test("closing the instructions remembers this user read them: a second session does not show them, another user's does")
    func shownOncePerUser() throws {
        let fixture = try withInstructions()
        let first = try fixture.session()
        try keys(first, .escape)
        #expect(first.mode == .normal)
        first.session.quit()
        #expect(try fixture.session().mode == .normal)
        #expect(try fixture.session(user: "bob").mode == .instructions(scroll: 0))
    }

    @Test("quitting without closing them leaves them unread: they show at the next open")
    func unreadUntilClosed() throws {
        let fixture = try withInstructions()
        let first = try fixture.session()
        first.session.quit()
        #expect(try fixture.session().mode == .instructions(scroll: 0))
    }

    @Test("changed instructions show again")
    func changedShowAgain() throws {
        let fixture = try withInstructions()
        let first = try fixture.session()
        try keys(first, .character("q"))
        #expect(!first.finished)
        try fixture.store.updateSettings { $0.instructions = ReadingTests.instructions + "\n\nNew: skip spam." }
        #expect(try fixture.session().mode == .instructions(scroll: 0))
    }

    @Test("I shows the instructions at any time; arrows and pages scroll within the text; keys under them do nothing")
    func instructionsKey() throws {
        let long = (1...60).map { "- rule \($0)" }.joined(separator: "\n")
        let fixture = try withInstructions(long)
        let session = try fixture.session()
        try keys(session, .escape, .character("I"))
        #expect(session.mode == .instructions(scroll: 0))
        try keys(session, .down, .down, .character("s"), .character("1"))
        #expect(session.mode == .instructions(scroll: 2))
        #expect(session.open?.form.answers.isEmpty == true)
        #expect(try fixture.store.task(externalId: "t-1")?.status == .new)
        try keys(session, .end)
        _ = screen(session)
        // 60 lines in a box of 20: the last line at the bottom.
        #expect(session.mode == .instructions(scroll: 40))
        let bottom = screen(session)
        #expect(bottom.row(21) == "└─│ • rule 60                                                                │↓┘")
        #expect(bottom.row(22) == "In└─────────────────────────────── 41–60 of 60 · ↓↑ PgDn scroll · Esc closes ┘")
        try keys(session, .pageUp, .home)
        #expect(session.mode == .instructions(scroll: 0))
        try keys(session, .escape)
        #expect(session.mode == .normal)
    }

    @Test("I in a project without instructions says how to add them")
    func noInstructions() throws {
        let session = try Fixture().session()
        try keys(session, .character("I"))
        #expect(session.mode == .normal)
        #expect(session.message == Message(text: "This project has no instructions (termlabel config DIR --instructions FILE adds them).", isError: false))
    }

    @Test("a task's own instruction (Scale) is rendered as Markdown above the asset")
    func taskInstructionMarkdown() throws {
        let fixture = try Fixture(tasks: [NewTask(externalId: "s-1", asset: "A red car.", instruction: "Is it **big** or *small*?")])
        let dump = screen(try fixture.session()).styledDump(rows: 1..<4)
        #expect(dump == """
            │· s-1 A red car.      ││Is it big or small?                                   │
              ↳ 0..<1 dim
              ↳ 1..<23 bold
              ↳ 23..<25 dim
              ↳ 25..<31 fg:cyan
              ↳ 31..<34 bold fg:cyan
              ↳ 34..<38 fg:cyan
              ↳ 38..<43 italic fg:cyan
              ↳ 43..<44 fg:cyan
              ↳ 79..<80 dim
            │                      ││                                                      │
              ↳ 0..<1 dim
              ↳ 23..<25 dim
              ↳ 79..<80 dim
            │                      ││A red car.                                            │
              ↳ 0..<1 dim
              ↳ 23..<25 dim
              ↳ 79..<80 dim
            """)
    }

    // MARK: Descriptions

    static let described = """
        {"tools": [], "relations": [], "classifications": [
          {"tool": "radio", "title": "Sentiment", "schemaId": "s", "required": true,
           "description": "How the reviewer feels about the product overall, not about the delivery.",
           "hint": "Mixed: the stronger side.",
           "options": [{"value": "Positive", "schemaId": "s1"}, {"value": "Negative", "schemaId": "s2"}]},
          {"tool": "text", "title": "Note", "schemaId": "note", "description": "Anything odd."}
        ]}
        """

    @Test("the focused question shows its description and hint under its title, dim; others show none")
    func describedQuestion() throws {
        let fixture = try Fixture(ontology: Self.described, tasks: [NewTask(externalId: "t-1", asset: "Fine.")])
        let session = try fixture.session()
        #expect(screen(session).styledDump(rows: 9..<16) == """
            │                      ││▸ Sentiment * — required                              │
              ↳ 0..<1 dim
              ↳ 23..<24 dim
              ↳ 24..<27 bold
              ↳ 27..<36 bold underline
              ↳ 36..<38 bold fg:red
              ↳ 38..<49 fg:red
              ↳ 79..<80 bold
            │                      ││  How the reviewer feels about the product overall,   │
              ↳ 0..<1 dim
              ↳ 23..<24 dim
              ↳ 24..<25 bold
              ↳ 27..<76 dim italic
              ↳ 79..<80 bold
            │                      ││  not about the delivery.                             │
              ↳ 0..<1 dim
              ↳ 23..<24 dim
              ↳ 24..<25 bold
              ↳ 27..<50 dim italic
              ↳ 79..<80 bold
            │                      ││  Hint: Mixed: the stronger side.                     │
              ↳ 0..<1 dim
              ↳ 23..<24 dim
              ↳ 24..<25 bold
              ↳ 27..<58 dim italic
              ↳ 79..<80 bold
            │                      ││  › ( ) 1 Positive                                    │
              ↳ 0..<1 dim
              ↳ 23..<24 dim
              ↳ 24..<25 bold
              ↳ 27..<43 bold
              ↳ 79..<80 bold
            │                      ││    ( ) 2 Negative                                    │
              ↳ 0..<1 dim
              ↳ 23..<24 dim
              ↳ 24..<25 bold
              ↳ 79..<80 bold
            │                      ││  Note                                                │
              ↳ 0..<1 dim
              ↳ 23..<24 dim
              ↳ 24..<31 bold
              ↳ 79..<80 bold
            """)
        try keys(session, .tab)
        let rows = (9..<14).map { screen(session).row($0) }
        #expect(rows == [
            "│                      ││  Sentiment * — required                              │",
            "│                      ││    ( ) 1 Positive                                    │",
            "│                      ││    ( ) 2 Negative                                    │",
            "│                      ││▸ Note                                                │",
            "│                      ││  Anything odd.                                       │",
        ])
    }

    @Test("a click on an option under a description still chooses that option")
    func clickUnderDescription() throws {
        let fixture = try Fixture(ontology: Self.described, tasks: [NewTask(externalId: "t-1", asset: "Fine.")])
        let session = try fixture.session()
        try session.handle(.mouse(MouseEvent(.press, at: Point(x: 34, y: 14))), frame: Size(width: 80, height: 24))
        #expect(session.open?.form.answer("s") == .one("Negative"))
    }

    // MARK: Search

    @Test("Ctrl-F searches the asset as the query is typed: matches highlighted, the current one reversed, the count in the prompt")
    func searchHighlights() throws {
        let fixture = try Fixture(tasks: [NewTask(externalId: "t-1", asset: "Battery life is great. The battery charges fast.\nBATTERY: 5 stars")])
        let session = try fixture.session()
        try keys(session, .control("f"))
        for c in "battery" { try keys(session, .character(c)) }
        let frame = screen(session)
        #expect(frame.styledDump(rows: 1..<8) == """
            │· t-1 Battery life is…││Battery life is great. The battery charges fast.      │
              ↳ 0..<1 dim
              ↳ 1..<23 bold
              ↳ 23..<25 dim
              ↳ 25..<32 bold reverse
              ↳ 52..<59 underline bg:yellow
              ↳ 79..<80 dim
            │                      ││BATTERY: 5 stars                                      │
              ↳ 0..<1 dim
              ↳ 23..<25 dim
              ↳ 25..<32 underline bg:yellow
              ↳ 79..<80 dim
            │                      ││                                                      │
              ↳ 0..<1 dim
              ↳ 23..<25 dim
              ↳ 79..<80 dim
            │                      ││                                                      │
              ↳ 0..<1 dim
              ↳ 23..<25 dim
              ↳ 79..<80 dim
            │                      ││                                                      │
              ↳ 0..<1 dim
              ↳ 23..<25 dim
              ↳ 79..<80 dim
            │                      ││                                                      │
              ↳ 0..<1 dim
              ↳ 23..<25 dim
              ↳ 79..<80 dim
            │                      │└Find: battery                            match 1 of 3 ┘
              ↳ 0..<1 dim
              ↳ 23..<25 dim
              ↳ 25..<30 bold reverse
              ↳ 30..<65 reverse
              ↳ 65..<79 bold reverse
              ↳ 79..<80 dim
            """)
        #expect(KeyHelp.hint(for: session.snapshot()) == "Search (capitals match case) — Enter keep · ↓↑ next/previous · Esc leave")
        try keys(session, .enter, .character("n"))
        #expect(screen(session).row(7) == "│                      │└Find: battery                            match 2 of 3 ┘")
        #expect(screen(session).styleRuns(1) == ["0..<1 dim", "1..<23 bold", "23..<25 dim", "25..<32 underline bg:yellow", "52..<59 bold reverse", "79..<80 dim"])
        try keys(session, .character("N"), .character("N"))
        #expect(screen(session).row(7) == "│                      │└Find: battery                            match 3 of 3 ┘")
        // n and N are the search's while it is on: no task was left.
        #expect(session.open?.task.externalId == "t-1")
        try keys(session, .escape)
        #expect(session.mode == .normal)
        #expect(screen(session).styleRuns(1) == ["0..<1 dim", "1..<23 bold", "23..<25 dim", "79..<80 dim"])
    }

    @Test("a query with a capital matches case (smart case); none found says so")
    func smartCase() throws {
        let fixture = try Fixture(tasks: [NewTask(externalId: "t-1", asset: "Battery life is great. The battery charges fast.\nBATTERY: 5 stars")])
        let session = try fixture.session()
        try keys(session, .control("f"), .character("B"), .character("A"))
        guard case .search(let search) = session.mode else { Issue.record("\(session.mode)"); return }
        #expect(search.matches == [AssetMatch(paragraph: 1, range: 0..<2)])
        try keys(session, .character("x"))
        #expect(screen(session).row(7) == "│                      │└Find: BAx                                    no match ┘")
    }

    @Test("the next match far down a long asset is scrolled into view")
    func scrollsToMatch() throws {
        let text = (1...3000).map { "Line \($0) of the contract." }.joined(separator: "\n") + "\nThe penalty clause is here."
        let fixture = try Fixture(tasks: [NewTask(externalId: "doc", asset: .string(text))])
        let session = try fixture.session()
        try keys(session, .control("f"))
        for c in "penalty" { try keys(session, .character(c)) }
        let frame = screen(session)
        // The last lines of the text fill the pane: the match is on its last row.
        #expect(frame.row(6) == "│                      ││The penalty clause is here.                           │")
        #expect(frame.styleRuns(6) == ["0..<1 dim", "23..<25 dim", "29..<36 bold reverse", "79..<80 dim"])
        #expect(frame.row(7) == "│                      │└Find: penalty                            match 1 of 1 ┘")
    }

    @Test("matches are found in the whole text, also across the place a line wraps, and highlighted on both lines")
    func matchAcrossWrap() throws {
        let fixture = try Fixture(tasks: [NewTask(externalId: "t-1", asset: "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm")])
        let session = try fixture.session()
        try keys(session, .control("f"))
        for c in "kkkk llll" { try keys(session, .character(c)) }
        let frame = screen(session)
        #expect(frame.row(1) == "│· t-1 aaaa bbbb cccc… ││aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk│")
        #expect(frame.row(2) == "│                      ││llll mmmm                                             │")
        #expect(frame.styleRuns(1) == ["0..<1 dim", "1..<23 bold", "23..<25 dim", "75..<79 bold reverse", "79..<80 dim"])
        #expect(frame.styleRuns(2) == ["0..<1 dim", "23..<25 dim", "25..<29 bold reverse", "79..<80 dim"])
    }

    @Test("beyond ASCII: accented capitals fold unless the query has one, and a match after wide characters is highlighted at its columns")
    func searchBeyondASCII() throws {
        let document = AssetDocument(taskId: 1, asset: "Café, CAFÉ and café.\n日本語のカフェ café")
        #expect(document.search("café") == [
            AssetMatch(paragraph: 0, range: 0..<4), AssetMatch(paragraph: 0, range: 6..<10), AssetMatch(paragraph: 0, range: 15..<19),
            AssetMatch(paragraph: 1, range: 8..<12),
        ])
        #expect(document.search("CAFÉ") == [AssetMatch(paragraph: 0, range: 6..<10)])
        let fixture = try Fixture(tasks: [NewTask(externalId: "t-1", asset: "日本語のカフェ café")])
        let session = try fixture.session()
        try keys(session, .control("f"))
        for c in "カフェ" { try keys(session, .character(c)) }
        // Four wide characters before it: the match starts 8 columns in.
        #expect(screen(session).styleRuns(1) == ["0..<1 dim", "1..<23 bold", "23..<25 dim", "33..<39 bold reverse", "79..<80 dim"])
    }

    @Test("escape sequences in the instructions are shown as symbols: no control character reaches a cell")
    func hostileInstructions() throws {
        let session = try withInstructions("# Guide \u{1B}[2J\n\nRed \u{1B}[31mtext\u{1B}]0;title\u{07} and \u{9B}1m.").session()
        let frame = screen(session)
        #expect(frame.row(2) == "│·│ Guide ␛[2J                                                               │ │")
        #expect(frame.row(5) == "│ │ Red ␛[31mtext␛]0;title␇ and �1m.                                         │ │")
        #expect(!frame.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F..<0xA0).contains($0.value) })
    }
}
