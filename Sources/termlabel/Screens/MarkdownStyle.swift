import LabelCore
import TerminalUI

/// Rendered Markdown on the screen: each `TextStyle` as attributes first (so it shows without
/// colour), colour on top.
enum MarkdownStyle {
    static func style(_ text: TextStyle, base: Style = .plain) -> Style {
        var style = base
        if text.contains(.bold) { style.bold = true }
        if text.contains(.italic) || text.contains(.quote) { style.italic = true }
        if text.contains(.heading) { style = style.adding(Style(foreground: .cyan, bold: true)) }
        if text.contains(.title) { style.underline = true }
        if text.contains(.code) { style = style.adding(Style(foreground: .yellow)) }
        if text.contains(.link) { style = style.adding(Style(foreground: .blue, underline: true)) }
        if text.contains(.url) || text.contains(.marker) { style.dim = true }
        return style
    }

    /// Markdown as styled lines for the screen, measured as the terminal measures.
    static func lines(_ markdown: String, width: Int) -> [StyledLine] {
        MarkdownRenderer(width: width, columns: { DisplayWidth.of($0) }).render(markdown)
    }

    /// Draws one line at `point`; returns the columns it took.
    @discardableResult
    static func put(_ line: StyledLine, at point: Point, base: Style = .plain, clip: Rect, on screen: inout Screen) -> Int {
        var x = point.x
        for run in line.runs {
            x += screen.put(run.text, at: Point(x: x, y: point.y), style: style(run.style, base: base), clip: clip)
        }
        return x - point.x
    }
}
