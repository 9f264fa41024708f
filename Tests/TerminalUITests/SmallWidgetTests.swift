import Testing
@testable import TerminalUI

@Suite struct RankListTests {
    @Test func showsRanksAndTheCursor() {
        var screen = Screen(width: 20, height: 4)
        RankList(title: "Rank by relevance", items: ["Price", "Battery", "Screen"], cursor: 1)
            .draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
            Rank by relevance
              1. Price
            › 2. Battery
              3. Screen
            """)
    }

    @Test func movingItemIsMarked() {
        var screen = Screen(width: 14, height: 2)
        RankList(items: ["Price", "Battery"], cursor: 0, moving: true).draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "↕ 1. Price\n  2. Battery")
    }

    @Test func ranksAlignPastNine() {
        var screen = Screen(width: 12, height: 2)
        RankList(items: (1...10).map { "I\($0)" }, cursor: 9).draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "   9. I9\n› 10. I10")
    }

    @Test func moveUpAndDownSwapNeighbours() {
        var items = ["a", "b", "c"]
        #expect(RankList.moveUp(&items, at: 2) == 1)
        #expect(items == ["a", "c", "b"])
        #expect(RankList.moveDown(&items, at: 0) == 1)
        #expect(items == ["c", "a", "b"])
        #expect(RankList.moveUp(&items, at: 0) == 0)
        #expect(RankList.moveDown(&items, at: 2) == 2)
        #expect(items == ["c", "a", "b"])
    }
}

@Suite struct BoxTests {
    @Test func drawsBorderWithTitle() {
        var screen = Screen(width: 12, height: 3)
        Box(title: "Asset").draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
            ┌ Asset ───┐
            │          │
            └──────────┘
            """)
        #expect(Box.inner(screen.bounds) == Rect(x: 1, y: 1, width: 10, height: 1))
    }

    @Test func longTitleIsTruncated() {
        var screen = Screen(width: 8, height: 2)
        Box(title: "A long title").draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "┌ A l… ┐\n└──────┘")
    }
}

@Suite struct StatusLineTests {
    let line = StatusLine(left: [StatusSegment("reviews"), StatusSegment("Label"), StatusSegment("ana")],
                          right: [StatusSegment("12/340"), StatusSegment("01:23")])

    @Test func leftAndRightSegments() {
        var screen = Screen(width: 44, height: 1)
        line.draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "reviews │ Label │ ana         12/340 │ 01:23")
        #expect(screen.style(at: Point(x: 25, y: 0))?.reverse == true)
    }

    @Test func narrowLineCutsTheLeftFirst() {
        var screen = Screen(width: 28, height: 1)
        line.draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "reviews │ La… 12/340 │ 01:23")
    }

    @Test func veryNarrowLineCutsTheRightToo() {
        var screen = Screen(width: 8, height: 1)
        line.draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "12/340")
    }
}

@Suite struct PromptLineTests {
    @Test func showsLabelAndText() {
        var screen = Screen(width: 24, height: 1)
        let prompt = PromptLine(label: "Jump to task:", editing: TextEditing("42"))
        prompt.draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "Jump to task: 42")
        #expect(prompt.cursorPosition(in: screen.bounds) == Point(x: 16, y: 0))
    }

    @Test func longTextScrolls() {
        var screen = Screen(width: 20, height: 1)
        PromptLine(label: "Reject comment:", editing: TextEditing("wrong label"))
            .draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "Reject comment: …el")
    }

    @Test func errorIsShownOnTheRight() {
        var screen = Screen(width: 40, height: 1)
        PromptLine(label: "Jump to task:", editing: TextEditing("x"), error: "not a number")
            .draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "Jump to task: x             not a number")
    }
}

@Suite struct HelpOverlayTests {
    let entries = [HelpEntry("j/k", "down/up"), HelpEntry("space", "toggle"), HelpEntry("?", "help"),
                   HelpEntry("q", "quit")]

    @Test func centredBoxWithColumns() {
        var screen = Screen(width: 40, height: 6)
        HelpOverlay(title: "Keys", entries: entries).draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """

              ┌ Keys ───────────────────────────┐
              │ j/k    down/up   ?      help    │
              │ space  toggle    q      quit    │
              └─────────────────────────────────┘

            """)
    }

    @Test func smallScreenSaysHowManyAreHidden() {
        var screen = Screen(width: 20, height: 4)
        HelpOverlay(title: "Keys", entries: entries).draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
             ┌ Keys ──────────┐
             │ j/k    down/up │
             │ … 3 more       │
             └────────────────┘
            """)
    }
}
