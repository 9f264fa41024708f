import LabelCore
import Testing

/// Markdown laid out for the terminal: each construct's exact lines and styles.
@Suite("Markdown rendering")
struct MarkdownRendererTests {
    /// Columns as a terminal counts them, for the characters these tests use: CJK takes two.
    static func columns(_ c: Character) -> Int {
        let v = c.unicodeScalars.first!.value
        return (0x3000...0x9FFF).contains(v) || (0xFF01...0xFF60).contains(v) ? 2 : 1
    }

    func render(_ markdown: String, width: Int = 40) -> [String] {
        MarkdownRenderer(width: width, columns: Self.columns).render(markdown).map(\.markup)
    }

    @Test("headings are bold; a level-1 heading is underlined with a rule of its width")
    func headings() {
        #expect(render("# Labeling guide\n\n## Before you start\n### Edge cases ###") == [
            "«bold heading title:Labeling guide»",
            "«marker:══════════════»",
            "",
            "«bold heading:Before you start»",
            "",
            "«bold heading:Edge cases»",
        ])
    }

    @Test("setext headings: a line of = or - under text")
    func setextHeadings() {
        #expect(render("Guide\n=====\nRules\n-----") == [
            "«bold heading title:Guide»", "«marker:═════»", "", "«bold heading:Rules»",
        ])
    }

    @Test("a paragraph's lines join and wrap at spaces; two spaces at a line's end break it")
    func paragraphs() {
        #expect(render("Read each review\nin full before you answer the questions.  \nThen submit.", width: 20) == [
            "Read each review in",
            "full before you",
            "answer the",
            "questions.",
            "Then submit.",
        ])
    }

    @Test("bold, italic, both, and underscores inside words left alone")
    func emphasis() {
        #expect(render("**Always** read *every* line; ***never*** guess. Keep snake_case_names and 2 * 3 * 4.") == [
            "«bold:Always» read «italic:every» line; «bold italic:never» guess.",
            "Keep snake_case_names and 2 * 3 * 4.",
        ])
        #expect(render("__strong__ and _em_") == ["«bold:strong» and «italic:em»"])
    }

    @Test("inline code keeps its text as written, without the backticks")
    func inlineCode() {
        #expect(render("Type `**not bold**` or ``a ` b``.") == ["Type «code:**not bold**» or «code:a ` b»."])
    }

    @Test("links are shown as text (url); an autolink as its address")
    func links() {
        #expect(render("See [the style guide](https://example.com/guide \"Guide\") or <https://example.com>.", width: 80) == [
            "See «link:the style guide»«url: (https://example.com/guide)» or «link:https://example.com».",
        ])
        #expect(render("![a cat](cat.png)") == ["«link:a cat»«url: (cat.png)»"])
    }

    @Test("bullet lists wrap with a hanging indent; nested lists take the next bullet")
    func bulletLists() {
        #expect(render("- Positive: the reviewer would buy it again\n- Negative\n  - price\n  - quality\n* other", width: 24) == [
            "«marker:• »Positive: the reviewer",
            "  would buy it again",
            "«marker:• »Negative",
            "  «marker:◦ »price",
            "  «marker:◦ »quality",
            "",
            "«marker:• »other",
        ])
    }

    @Test("numbered lists count from their first number and line up their text")
    func numberedLists() {
        let items = (9...10).map { "\($0). item number \($0) has words" }.joined(separator: "\n")
        #expect(render(items, width: 20) == [
            "«marker:9.  »item number 9",
            "    has words",
            "«marker:10. »item number 10",
            "    has words",
        ])
    }

    @Test("a loose list keeps a blank line between items, and an item's paragraphs")
    func looseList() {
        #expect(render("1. First\n\n   More about first.\n2. Second") == [
            "«marker:1. »First", "", "   More about first.", "", "«marker:2. »Second",
        ])
    }

    @Test("fenced and indented code blocks: as written, indented, not wrapped at spaces")
    func codeBlocks() {
        #expect(render("```json\n{\"label\": \"yes\"}\n\n  indented\n```\n\n    four spaces", width: 30) == [
            "  «code:{\"label\": \"yes\"}»",
            "",
            "  «code:  indented»",
            "",
            "  «code:four spaces»",
        ])
        #expect(render("```\nabcdefghij\n```", width: 8) == ["  «code:abcdef»", "  «code:ghij»"])
    }

    @Test("block quotes: a bar on every line, their text in the quote style, lists inside")
    func quotes() {
        #expect(render("> **Note:** ask the lead\n> when unsure.\n>\n> - one", width: 20) == [
            "«marker:│ »«bold quote:Note:»«quote: ask the lead»",
            "«marker:│ »«quote:when unsure.»",
            "«marker:│»",
            "«marker:│ »«quote marker:• »«quote:one»",
        ])
    }

    @Test("a thematic break is a rule across the width; a table is kept as written")
    func ruleAndTable() {
        #expect(render("---\n| a | b |\n|---|---|\n| 1 | 2 |", width: 12) == [
            "«marker:────────────»", "", "| a | b |", "|---|---|", "| 1 | 2 |",
        ])
    }

    @Test("wide characters take two columns and break anywhere")
    func wideCharacters() {
        #expect(render("日本語のレビューを読む", width: 8) == ["日本語の", "レビュー", "を読む"])
    }

    @Test("a word longer than the line is broken between characters")
    func longWord() {
        #expect(render("- https://example.com/a/very/long/path", width: 14) == [
            "«marker:• »https://exam", "  ple.com/a/ve", "  ry/long/path",
        ])
    }

    @Test("control characters and escape sequences are shown as symbols, never sent")
    func hostileText() {
        let lines = MarkdownRenderer(width: 40, columns: Self.columns).render("# \u{1B}]0;pwned\u{7}Title\n\nred \u{1B}[31mtext\u{1B}[0m\u{9B}2J \u{202E}abc `\u{1B}c`")
        #expect(lines.map(\.markup) == [
            "«bold heading title:␛]0;pwned␇Title»",
            "«marker:═══════════════»",
            "",
            "red ␛[31mtext␛[0m�2J �abc «code:␛c»",
        ])
        let scalars = lines.flatMap { $0.text.unicodeScalars }
        #expect(!scalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
    }

    @Test("backslash escapes show the character itself")
    func escapes() {
        #expect(render("\\*not italic\\* and \\# not a heading") == ["*not italic* and # not a heading"])
    }

    @Test("an empty document renders to nothing")
    func empty() {
        #expect(render("") == [])
        #expect(render("\n\n  \n") == [])
    }
}
