import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(DisplayWidth.of("hello") == 5)
    }

    @Test func cjkIsTwoColumnsPerCharacter() {
        #expect(DisplayWidth.of("日本語") == 6)
    }

    @Test func emojiIsTwoColumns() {
        #expect(DisplayWidth.of("😀") == 2)
    }

    @Test func combiningAccentAddsNoColumn() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
    }

    @Test func emojiWithVariationSelectorCountsPerScalarAsNcursesDoes() {
        #expect(DisplayWidth.of("\u{2764}\u{FE0F}") == 1)
    }

    @Test func zwjFamilyCountsEachMember() {
        #expect(DisplayWidth.of("👨\u{200D}👩\u{200D}👧") == 6)
    }

    @Test func controlCharactersCountAsTheirVisibleSymbol() {
        #expect(DisplayWidth.of("a\u{1B}[31mb") == 7)
        #expect(DisplayWidth.of("\u{7F}\u{85}") == 2)
    }

    @Test func loneCombiningMarkIsDrawnOnADottedCircle() {
        #expect(DisplayWidth.of("\u{301}x") == 2)
    }

    @Test func localeIsUTF8EvenWithoutLang() {
        #expect(TerminalLocale.prepare())
    }
}
