import Testing
@testable import TerminalUI

@Suite struct TextFieldTests {
    @Test func showsLabelTextAndError() {
        var screen = Screen(width: 26, height: 3)
        TextField(label: "Order number", editing: TextEditing("12a"), error: "does not match ^[0-9]+$")
            .draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
            Order number
            12a
            does not match ^[0-9]+$
            """)
        #expect(screen.style(at: Point(x: 20, y: 1))?.underline == true)
    }

    @Test func emptyFieldShowsPlaceholder() {
        var screen = Screen(width: 20, height: 1)
        TextField(editing: TextEditing(), placeholder: "type a comment").draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "type a comment")
        #expect(screen.style(at: Point(x: 0, y: 0))?.dim == true)
    }

    @Test func longLineScrollsToKeepTheCursorVisible() {
        var screen = Screen(width: 10, height: 1)
        let field = TextField(editing: TextEditing("the quick brown fox"), focused: true)
        field.draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "…rown fox")
        #expect(field.cursorPosition(in: screen.bounds) == Point(x: 9, y: 0))
    }

    @Test func cursorAtTheStartShowsTheStart() {
        var screen = Screen(width: 10, height: 1)
        let field = TextField(editing: TextEditing("the quick brown fox", cursor: 0), focused: true)
        field.draw(in: screen.bounds, on: &screen)
        #expect(screen.text == "the quick…")
        #expect(field.cursorPosition(in: screen.bounds) == Point(x: 0, y: 0))
    }

    @Test func cursorColumnCountsWideCharacters() {
        let field = TextField(editing: TextEditing("日本語", cursor: 2), focused: true)
        #expect(field.cursorPosition(in: Rect(x: 0, y: 0, width: 20, height: 1)) == Point(x: 4, y: 0))
    }

    @Test func multilineWrapsAndScrollsToTheCursorLine() {
        var screen = Screen(width: 8, height: 3)
        let field = TextField(label: "Notes", editing: TextEditing("one two three four five"), multiline: true, focused: true)
        field.draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
            Notes
            four
            five
            """)
        #expect(field.cursorPosition(in: screen.bounds) == Point(x: 4, y: 2))
    }

    @Test func unfocusedFieldHasNoCursor() {
        #expect(TextField(editing: TextEditing("x")).cursorPosition(in: Rect(x: 0, y: 0, width: 5, height: 1)) == nil)
    }
}
