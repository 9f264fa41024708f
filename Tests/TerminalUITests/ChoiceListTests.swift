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
