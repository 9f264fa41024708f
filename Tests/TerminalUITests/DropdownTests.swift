import Testing
@testable import TerminalUI

@Suite struct DropdownTests {
    let brands = ["Apple", "Samsung", "Applebees", "Čapek"]

    @Test func closedShowsChosenValues() {
        var screen = Screen(width: 22, height: 2)
        Dropdown(title: "Brand", options: brands, chosen: [0, 1], multiple: true, focused: true)
            .draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
            Brand
            › Apple, Samsung ▾
            """)
    }

    @Test func closedWithNothingChosenShowsPlaceholder() {
        var screen = Screen(width: 14, height: 1)
        Dropdown(options: brands).draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "  (none) ▾")
    }

    @Test func openShowsFilterAndMatchingOptions() {
        var screen = Screen(width: 22, height: 5)
        let dropdown = Dropdown(title: "Brand", options: brands, chosen: [2], multiple: true, isOpen: true,
                                query: "app", cursor: 1, focused: true)
        dropdown.draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
            Brand
              Filter: app
              [ ] Apple
            › [x] Applebees

            """)
        #expect(dropdown.cursorOption == 2)
        #expect(dropdown.cursorPosition(in: screen.bounds) == Point(x: 13, y: 1))
    }

    @Test func openWithNoMatchSaysSo() {
        var screen = Screen(width: 20, height: 3)
        Dropdown(options: brands, isOpen: true, query: "zzz").draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
              Filter: zzz
              (no match)

            """)
    }

    @Test func singleChoiceUsesRadioMarks() {
        var screen = Screen(width: 16, height: 3)
        Dropdown(options: ["Red", "Green"], chosen: [1], isOpen: true, cursor: 0).draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
              Filter:
            › ( ) Red
              (•) Green
            """)
    }

    @Test func filterIgnoresCaseAndDiacritics() {
        #expect(OptionFilter.filter(brands, by: "CAP") == [3])
        #expect(OptionFilter.filter(["Café", "cafeteria", "tea"], by: "cafe") == [0, 1])
        #expect(OptionFilter.filter(brands, by: " ") == [0, 1, 2, 3])
    }
}
