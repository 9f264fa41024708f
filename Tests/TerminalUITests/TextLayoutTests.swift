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

    @Test func asciiTextOneColumnTooWideIsCut() {
        #expect(TextLayout.truncate("abcdef", to: 5) == "abcd…")
        #expect(TextLayout.truncate("abcde", to: 5) == "abcde")
    }

    @Test func asciiCutDropsTheSpacesBeforeTheEllipsis() {
        #expect(TextLayout.truncate("ab   cdef", to: 5) == "ab…")
    }

    @Test func asciiFollowedByAMarkOrAWideCharacterIsMeasuredWhole() {
        #expect(TextLayout.truncate("abcde\u{301}", to: 5) == "abcde\u{301}")
        #expect(TextLayout.truncate("abcd\u{301}ef", to: 5) == "abcd\u{301}…")
        #expect(TextLayout.truncate("abcd日x", to: 5) == "abcd…")
        #expect(TextLayout.truncate("abc\u{7}def", to: 5) == "abc\u{7}…")
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
