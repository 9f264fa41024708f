import Testing
@testable import TerminalUI

@Suite struct ScreenTests {
    @Test func newScreenIsBlankLines() {
        let screen = Screen(width: 4, height: 3)
        #expect(screen.text == "\n\n")
    }

    @Test func putReturnsColumnsUsed() {
        var screen = Screen(width: 10, height: 1)
        #expect(screen.put("日本a", at: Point(x: 1, y: 0)) == 5)
        #expect(screen.text == " 日本a")
    }

    @Test func wideCharacterTakesACellAndAContinuation() {
        var screen = Screen(width: 4, height: 1)
        screen.put("日", at: Point(x: 0, y: 0))
        #expect(screen[0, 0].width == 2)
        #expect(screen[1, 0].isContinuation)
        #expect(screen[2, 0] == .blank())
    }

    @Test func textStopsAtTheRightEdge() {
        var screen = Screen(width: 5, height: 1)
        #expect(screen.put("abcdefgh", at: Point(x: 2, y: 0)) == 3)
        #expect(screen.text == "  abc")
    }

    @Test func wideCharacterCrossingTheClipEdgeBecomesASpace() {
        var screen = Screen(width: 6, height: 1)
        screen.fill(screen.bounds, style: .plain)
        screen.put("xxxxxx", at: Point(x: 0, y: 0))
        let used = screen.put("a日本", at: Point(x: 0, y: 0), clip: Rect(x: 0, y: 0, width: 4, height: 1))
        #expect(used == 4)
        #expect(screen.row(0) == "a日 xx")
    }

    @Test func clipOnTheLeftBlanksAWideCharacterItCuts() {
        var screen = Screen(width: 6, height: 1)
        screen.put("日本", at: Point(x: 0, y: 0), clip: Rect(x: 1, y: 0, width: 5, height: 1))
        #expect(screen.row(0) == "  本")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 4, height: 1)
        screen.put("日本", at: Point(x: 0, y: 0))
        screen.put("x", at: Point(x: 1, y: 0))
        #expect(screen.row(0) == " x本")
        screen.put("y", at: Point(x: 2, y: 0))
        #expect(screen.row(0) == " xy")
    }

    @Test func combiningMarkJoinsTheCellBeforeIt() {
        var screen = Screen(width: 3, height: 1)
        #expect(screen.put("e\u{301}x", at: Point(x: 0, y: 0)) == 2)
        #expect(screen[0, 0].character == "e\u{301}")
        #expect(screen.row(0) == "e\u{301}x")
    }

    @Test func zwjSequenceIsLaidOutPerScalar() {
        var screen = Screen(width: 8, height: 1)
        #expect(screen.put("👨\u{200D}👩", at: Point(x: 0, y: 0)) == 4)
        #expect(screen[0, 0].character == "👨\u{200D}")
        #expect(screen[2, 0].character == "👩")
    }

    @Test func controlCharactersNeverReachTheGrid() {
        var screen = Screen(width: 30, height: 2)
        screen.put("a\u{1B}[31mred\u{7}\u{0}\u{9B}2J\u{7F}\nz", at: Point(x: 0, y: 0))
        screen.put("\r\t", at: Point(x: 0, y: 1))
        #expect(screen.text == "a␛[31mred␇␀\u{FFFD}2J␡␊z\n␍→")
        #expect(!screen.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!screen.text.unicodeScalars.contains { $0.value >= 0x7F && $0.value < 0xA0 })
    }

    @Test func putOutsideTheScreenDrawsNothing() {
        var screen = Screen(width: 3, height: 1)
        #expect(screen.put("abc", at: Point(x: 0, y: 1)) == 0)
        #expect(screen.put("abc", at: Point(x: 5, y: 0)) == 0)
        #expect(screen.put("abc", at: Point(x: -2, y: 0)) == 1)
        #expect(screen.text == "c")
    }

    @Test func fillSetsStyleAndBlanks() {
        var screen = Screen(width: 3, height: 2)
        screen.put("abc", at: Point(x: 0, y: 0))
        screen.fill(Rect(x: 1, y: 0, width: 5, height: 1), style: .reverse)
        #expect(screen.text == "a\n")
        #expect(screen.style(at: Point(x: 2, y: 0)) == .reverse)
        #expect(screen.style(at: Point(x: 0, y: 0)) == .plain)
    }

    @Test func textTrimsTrailingSpacesButKeepsEveryRow() {
        var screen = Screen(width: 5, height: 3)
        screen.put("ab  ", at: Point(x: 0, y: 1))
        #expect(screen.text == "\nab\n")
    }

    @Test func clearBlanksEverything() {
        var screen = Screen(width: 3, height: 1)
        screen.put("abc", at: Point(x: 0, y: 0), style: .bold)
        screen.clear()
        #expect(screen == Screen(width: 3, height: 1))
    }

    @Test func zeroSizedScreenIsSafe() {
        var screen = Screen(width: 0, height: 0)
        #expect(screen.put("abc", at: Point(x: 0, y: 0)) == 0)
        screen.fill(Rect(x: 0, y: 0, width: 3, height: 3))
        #expect(screen.text == "")
    }
}
