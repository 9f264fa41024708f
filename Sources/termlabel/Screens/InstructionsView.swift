import LabelCore
import TerminalUI

/// The project's instructions over the screen, rendered from Markdown, scrolled by the mode's
/// offset (settled to the text's length before drawing).
struct InstructionsView {
    let text: String
    let title: String
    let scroll: Int
    let keymap: Keymap

    /// The box: the screen less a margin.
    static func box(in area: Rect) -> Rect {
        area.inset(top: area.height > 16 ? 1 : 0, left: area.width > 70 ? 2 : 0, bottom: area.height > 16 ? 1 : 0, right: area.width > 70 ? 2 : 0)
    }

    static func lines(_ text: String, in area: Rect) -> [StyledLine] {
        MarkdownStyle.lines(text, width: Box.inner(box(in: area)).width - 2)
    }

    /// The furthest the text scrolls in `area`: its last line at the bottom.
    static func maximumScroll(_ text: String, in area: Rect) -> Int {
        max(0, lines(text, in: area).count - Box.inner(box(in: area)).height)
    }

    func draw(in area: Rect, on screen: inout Screen) {
        let box = Self.box(in: area)
        guard box.width >= 4, box.height >= 3 else { return }
        screen.fill(box)
        Box(title: title, style: .bold, titleStyle: .bold).draw(in: box, on: &screen)
        let inner = Box.inner(box).inset(top: 0, left: 1, bottom: 0, right: 1)
        guard !inner.isEmpty else { return }
        let lines = Self.lines(text, in: area)
        let top = max(0, min(scroll, lines.count - inner.height))
        for (i, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            MarkdownStyle.put(line, at: Point(x: inner.x, y: inner.y + i), clip: inner, on: &screen)
        }
        let shown = min(lines.count, top + inner.height)
        let keys = lines.count > inner.height
            ? "\(keymap.shown(.down, in: .instructions))\(keymap.shown(.up, in: .instructions)) \(keymap.shown(.pageDown, in: .instructions)) scroll · "
            : ""
        let footer = " \(lines.isEmpty ? 0 : top + 1)–\(shown) of \(lines.count) · \(keys)\(keymap.shown(.close, in: .instructions)) closes "
        let fitted = TextLayout.truncate(footer, to: box.width - 2)
        screen.put(fitted, at: Point(x: box.maxX - 1 - DisplayWidth.of(fitted), y: box.maxY - 1), style: .dim, clip: box)
    }
}
