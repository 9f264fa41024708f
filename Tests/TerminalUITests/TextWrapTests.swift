import Testing
@testable import TerminalUI

@Suite struct TextWrapTests {
    @Test func wrapsAtSpaces() {
        #expect(TextWrap.lines("the quick brown fox", width: 10) == ["the quick", "brown fox"])
    }

    @Test func hardBreaksWordsLongerThanTheLine() {
        #expect(TextWrap.lines("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
    }

    @Test func cjkBreaksBetweenCharactersWithoutSpaces() {
        #expect(TextWrap.lines("日本語のテキスト", width: 5) == ["日本", "語の", "テキ", "スト"])
    }

    @Test func wideCharacterNeverStraddlesTheEdge() {
        #expect(TextWrap.lines("a日本", width: 4) == ["a日", "本"])
        for line in TextWrap.lines("x日本語 ab日本語日本語", width: 5) {
            #expect(DisplayWidth.of(line) <= 5)
        }
    }

    @Test func latinAndCjkMixed() {
        #expect(TextWrap.lines("Price 価格は高い", width: 8) == ["Price 価", "格は高い"])
    }

    @Test func combiningMarksStayWithTheirLetter() {
        #expect(TextWrap.lines("e\u{301}e\u{301}e\u{301}e\u{301}", width: 2) == ["e\u{301}e\u{301}", "e\u{301}e\u{301}"])
    }

    @Test func emojiCountsTwoColumns() {
        #expect(TextWrap.lines("😀😀😀", width: 5) == ["😀😀", "😀"])
    }

    @Test func newlinesEndParagraphsAndBlankLinesStay() {
        #expect(TextWrap.lines("one\n\ntwo\r\nthree", width: 10) == ["one", "", "two", "three"])
    }

    @Test func tabsExpandToStops() {
        #expect(TextWrap.lines("a\tb", width: 10) == ["a   b"])
    }

    @Test func rangesPointIntoTheSource() {
        let lines = TextWrap.wrap("hello world", width: 6)
        #expect(lines.map(\.range) == [0..<5, 6..<11])
    }

    @Test func emptyTextIsOneEmptyLine() {
        #expect(TextWrap.lines("", width: 5) == [""])
    }
}

@Suite("Text wrapping: the ASCII fast path")
struct TextWrapASCIITests {
    @Test("printable ASCII wraps exactly as grapheme by grapheme: 5,000 random texts and widths")
    func sameAsGraphemes() {
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let alphabet = Array("ab cd  efghijklmnopq.,-")
        for _ in 0..<5_000 {
            let text = String((0..<next(60)).map { _ in alphabet[next(alphabet.count)] })
            let width = 1 + next(14)
            #expect(TextWrap.wrapPrintableASCII(text, width: width) == TextWrap.wrapGraphemes(text, width: width), "\(text.debugDescription) at \(width)")
        }
    }

    @Test("text with anything but printable ASCII takes the grapheme path")
    func otherText() {
        #expect(TextWrap.wrapPrintableASCII("tab\there", width: 10) == nil)
        #expect(TextWrap.wrapPrintableASCII("two\nlines", width: 10) == nil)
        #expect(TextWrap.wrapPrintableASCII("café", width: 10) == nil)
        #expect(TextWrap.wrapPrintableASCII("  indented words here", width: 9)?.map(\.text) == ["indented", "words", "here"])
    }
}
