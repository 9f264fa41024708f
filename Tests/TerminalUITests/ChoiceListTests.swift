import Testing
@testable import TerminalUI

@Suite struct ChoiceListTests {
    @Test func checkboxShowsChosenOptions() {
        var screen = Screen(width: 24, height: 3)
        ChoiceList(title: "Topics", options: ["Battery", "Price"], chosen: [1], cursor: 1, multiple: true)
            .draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
            Topics
              [ ] 1 Battery
            › [x] 2 Price
            """)
    }

    @Test func radioShowsTheChosenOptionAndHotkeys() {
        var screen = Screen(width: 24, height: 4)
        ChoiceList(title: "Sentiment", options: ["Positive", "Negative", "Neutral"], chosen: [0], cursor: 2,
                   hotkeys: ["p", "n"])
            .draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
            Sentiment
              (•) 1 Positive (p)
              ( ) 2 Negative (n)
            › ( ) 3 Neutral
            """)
    }

    @Test("after a cursor move, drawing the two options again gives the list drawn whole")
    func twoOptionsDrawnAgainAfterAMove() {
        let before = ChoiceList(options: ["Positive", "Negative", "寿司 and more"], chosen: [2], cursor: 0, hotkeys: ["p"])
        var after = before
        after.cursor = 1
        var screen = Screen(width: 18, height: 3)
        before.draw(in: screen.bounds, on: &screen)
        screen.markShown()
        let shown = screen.revision
        for option in [0, 1] { after.draw(option: option, in: screen.bounds.row(option), on: &screen) }
        var whole = Screen(width: 18, height: 3)
        after.draw(in: whole.bounds, on: &whole)
        #expect(screen == whole)
        #expect(screen.text == """
              ( ) 1 Posit… (p)
            › ( ) 2 Negative
              (•) 3 寿司 and…
            """)
        #expect(screen.rowsChanged(since: shown)?.sorted == [0, 1])
    }

    @Test func optionsPastNineHaveNoNumber() {
        var screen = Screen(width: 17, height: 2)
        ChoiceList(options: (1...10).map { "Option \($0)" }, cursor: 9).draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
              ( ) 9 Option 9
            › ( )   Option 10
            """)
    }

    @Test func hotkeyStaysWhenTheLabelKeepsSomeRoom() {
        var screen = Screen(width: 22, height: 1)
        ChoiceList(options: ["Very long option"], hotkeys: ["v"]).draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "  ( ) 1 Very long… (v)")
    }

    @Test func longLabelsAreTruncatedAndHotkeyDroppedWhenNoRoom() {
        var screen = Screen(width: 14, height: 1)
        ChoiceList(options: ["Very long option"], hotkeys: ["v"]).draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "  ( ) 1 Very…")
    }
}
