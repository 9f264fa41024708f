import Testing
@testable import TerminalUI

/// Every widget must survive areas from 0x0 to 4x2 and never draw outside them.
@Suite struct TinyAreaTests {
    typealias Draw = @Sendable (Rect, inout Screen) -> Void

    static let widgets: [(String, Draw)] = [
        ("Box", { Box(title: "Title").draw(in: $0, on: &$1) }),
        ("ScrollList", { ScrollList(count: 100, selected: 50) { ListRow("Row \($0)", trailing: "日本") }.draw(in: $0, on: &$1) }),
        ("ChoiceList", { ChoiceList(title: "T", options: ["日本語", "b"], chosen: [0], cursor: 1, hotkeys: ["a"]).draw(in: $0, on: &$1) }),
        ("Dropdown closed", { Dropdown(title: "T", options: ["a", "b"], chosen: [1]).draw(in: $0, on: &$1) }),
        ("Dropdown open", { Dropdown(title: "T", options: ["a", "b"], isOpen: true, query: "日本", focused: true).draw(in: $0, on: &$1) }),
        ("TreePicker", { TreePicker(title: "T", roots: [TreeNode("a", children: [TreeNode("b")])], expanded: [[0]], cursor: 1, query: "b").draw(in: $0, on: &$1) }),
        ("TextField", { TextField(label: "L", editing: TextEditing("日本語テキスト"), error: "bad", focused: true).draw(in: $0, on: &$1) }),
        ("TextField multiline", { TextField(label: "L", editing: TextEditing("日本 語\nx"), multiline: true).draw(in: $0, on: &$1) }),
        ("RankList", { RankList(title: "T", items: ["a", "b", "c"], cursor: 2, moving: true).draw(in: $0, on: &$1) }),
        ("HelpOverlay", { HelpOverlay(entries: [HelpEntry("q", "quit"), HelpEntry("?", "help")]).draw(in: $0, on: &$1) }),
        ("PromptLine", { PromptLine(label: "Jump:", editing: TextEditing("12"), error: "no").draw(in: $0, on: &$1) }),
        ("StatusLine", { StatusLine(left: [StatusSegment("a"), StatusSegment("日本")], right: [StatusSegment("1/2")]).draw(in: $0, on: &$1) }),
    ]

    @Test(arguments: widgets.map(\.0))
    func widgetStaysInsideTinyAreas(_ name: String) {
        let draw = Self.widgets.first { $0.0 == name }!.1
        for width in 0...4 {
            for height in 0...2 {
                var screen = Screen(width: 8, height: 5)
                for y in 0..<5 { screen.put("########", at: Point(x: 0, y: y)) }
                let area = Rect(x: 2, y: 1, width: width, height: height)
                draw(area, &screen)
                for y in 0..<5 {
                    for x in 0..<8 where !area.contains(Point(x: x, y: y)) {
                        #expect(screen[x, y].character == "#", "\(name) drew outside \(width)x\(height) at \(x),\(y)")
                    }
                }
            }
        }
    }
}
