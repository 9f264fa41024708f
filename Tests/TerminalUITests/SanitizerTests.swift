import Testing
@testable import TerminalUI

@Suite struct SanitizerTests {
    @Test func escapeBecomesAControlPicture() {
        #expect(visible("\u{1B}[2J") == "␛[2J")
    }

    @Test func everyC0ControlBecomesItsPicture() {
        #expect(visible("\u{0}\u{7}\u{8}\r\n") == "␀␇␈␍␊")
    }

    @Test func tabBecomesAnArrow() {
        #expect(visible("a\tb") == "a→b")
    }

    @Test func deleteAndC1ControlsBecomeSymbols() {
        #expect(visible("\u{7F}\u{9B}\u{85}") == "␡\u{FFFD}\u{FFFD}")
    }

    @Test func unprintableScalarsBecomeReplacementCharacter() {
        #expect(visible("a\u{2028}b") == "a\u{FFFD}b")
    }

    @Test func printableTextIsUnchanged() {
        let text = "Café 日本語 😀 e\u{301}"
        #expect(visible(text) == text)
    }
}

@Test("bidirectional overrides and isolates are shown, never sent, so text looks as it is stored")
func bidiControlsShown() {
    #expect(Sanitizer.visible("abc\u{202E}def\u{2066}g\u{200F}") == "abc\u{FFFD}def\u{FFFD}g\u{FFFD}")
    #expect(Sanitizer.visible("עברית and العربية") == "עברית and العربية")
}
