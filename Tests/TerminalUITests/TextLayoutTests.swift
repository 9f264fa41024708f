import Testing
@testable import TerminalUI

@Suite struct TextLayoutTests {
    @Test func shortTextIsNotTruncated() {
        #expect(TextLayout.truncate("hello", to: 5) == "hello")
    }

    @Test func longTextEndsWithEllipsis() {
        #expect(TextLayout.truncate("hello world", to: 6) == "hello…")
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(TextLayout.truncate("日本語", to: 4) == "日…")
        #expect(TextLayout.truncate("日本語", to: 5) == "日本…")
    }

    @Test func truncationKeepsCombiningMarksWithTheirLetter() {
        #expect(TextLayout.truncate("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…")
    }

    @Test func truncationToZeroOrOneColumn() {
        #expect(TextLayout.truncate("hello", to: 0) == "")
        #expect(TextLayout.truncate("hello", to: 1) == "…")
    }

    @Test func headTruncationKeepsTheEnd() {
        #expect(TextLayout.truncateHead("/very/long/path", to: 6) == "…/path")
    }

    @Test func paddingCountsColumnsNotCharacters() {
        #expect(TextLayout.pad("日本", to: 6) == "日本  ")
        #expect(TextLayout.pad("ab", to: 4, alignment: .right) == "  ab")
        #expect(TextLayout.pad("ab", to: 5, alignment: .center) == " ab  ")
    }
}
