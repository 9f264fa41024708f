import Testing
@testable import TerminalUI

/// The styled dump frame tests compare: text, then each row's styled runs.
@Suite("Styled dump")
struct StyledDumpTests {
    @Test("a highlighted row lists its run to the end; plain cells list nothing")
    func runs() {
        var screen = Screen(width: 12, height: 2)
        screen.put("› 日本", at: Point(x: 0, y: 0), style: Style(bold: true, reverse: true))
        screen.fill(Rect(x: 6, y: 0, width: 6, height: 1), style: .reverse)
        screen.put("ok", at: Point(x: 1, y: 1), style: Style(foreground: .red))
        #expect(screen.styledDump() == """
            › 日本
              ↳ 0..<6 bold reverse
              ↳ 6..<12 reverse
             ok
              ↳ 1..<3 fg:red
            """)
    }

    @Test("a lost highlight changes the dump, not the text")
    func lostHighlight() {
        var a = Screen(width: 4, height: 1)
        var b = Screen(width: 4, height: 1)
        a.put("row", at: Point(x: 0, y: 0), style: .reverse)
        b.put("row", at: Point(x: 0, y: 0))
        #expect(a.text == b.text)
        #expect(a.styledDump() != b.styledDump())
    }
}
