import Testing
@testable import TerminalUI

@Suite struct TextEditingTests {
    @Test func insertsAtTheCursor() {
        var editing = TextEditing("ac", cursor: 1)
        editing.insert("b")
        #expect(editing == TextEditing("abc", cursor: 2))
    }

    @Test func combiningMarkJoinsThePreviousLetter() {
        var editing = TextEditing("cafe")
        editing.insert("\u{301}")
        #expect(editing.text == "cafe\u{301}")
        #expect(editing.cursor == 4)
    }

    @Test func backspaceRemovesAWholeGrapheme() {
        var editing = TextEditing("日本e\u{301}")
        editing.backspace()
        #expect(editing == TextEditing("日本", cursor: 2))
        editing.home()
        editing.backspace()
        #expect(editing == TextEditing("日本", cursor: 0))
    }

    @Test func deleteRemovesTheGraphemeAfterTheCursor() {
        var editing = TextEditing("a😀b", cursor: 1)
        editing.delete()
        #expect(editing == TextEditing("ab", cursor: 1))
        editing.end()
        editing.delete()
        #expect(editing == TextEditing("ab", cursor: 2))
    }

    @Test func leftAndRightStopAtTheEnds() {
        var editing = TextEditing("ab", cursor: 0)
        editing.left()
        #expect(editing.cursor == 0)
        editing.right(); editing.right(); editing.right()
        #expect(editing.cursor == 2)
    }

    @Test func wordMovesSkipPunctuationAndSpaces() {
        var editing = TextEditing("one, two three")
        editing.wordLeft()
        #expect(editing.cursor == 9)
        editing.wordLeft()
        #expect(editing.cursor == 5)
        editing.wordRight()
        #expect(editing.cursor == 8)
        editing.home()
        editing.wordRight()
        #expect(editing.cursor == 3)
    }

    @Test func homeAndEndStayOnTheCurrentLine() {
        var editing = TextEditing("first\nsecond", cursor: 8)
        editing.home()
        #expect(editing.cursor == 6)
        editing.end()
        #expect(editing.cursor == 12)
    }

    @Test func deleteWordBackward() {
        var editing = TextEditing("jump to 42")
        editing.deleteWordBackward()
        #expect(editing == TextEditing("jump to ", cursor: 8))
    }
}
