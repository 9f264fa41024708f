import Foundation

/// Markdown laid out for a terminal: styled lines of at most `width` columns. Headings, bullet
/// and numbered lists (wrapped with a hanging indent), emphasis, inline code and code blocks,
/// block quotes, and links shown as "text (url)". Pure: widths come from `columns` (the app
/// passes the terminal's own measure), and control characters become visible symbols, so no
/// text can ever reach the terminal as a command.
public struct MarkdownRenderer {
    public var width: Int
    public var columns: (Character) -> Int

    public init(width: Int, columns: @escaping (Character) -> Int) {
        self.width = max(1, width)
        self.columns = columns
    }

    public func render(_ markdown: String) -> [StyledLine] {
        var lines: [StyledLine] = []
        render(MarkdownBlock.parse(markdown), first: StyledLine(), rest: StyledLine(), style: [], separated: true, into: &lines)
        return lines
    }

    static let bullets = ["•", "◦", "▪"]

    /// Blocks under a prefix: `first` for the first line, `rest` for every line after it.
    private func render(_ blocks: [MarkdownBlock], first: StyledLine, rest: StyledLine, style: TextStyle, separated: Bool,
                        depth: Int = 0, into lines: inout [StyledLine]) {
        for (n, block) in blocks.enumerated() {
            if n > 0, separated { lines.append(trimmed(rest)) }
            let prefix = n == 0 ? first : rest
            switch block {
            case .heading(let level, let text):
                let headingStyle = style.union(level == 1 ? [.heading, .title, .bold] : [.heading, .bold])
                let wrapped = wrap(MarkdownInline.runs(text, style: headingStyle), first: prefix, rest: rest)
                lines += wrapped
                if level == 1, let last = wrapped.last {
                    let underline = String(repeating: "═", count: max(1, width(of: last) - width(of: rest)))
                    var line = rest
                    line.append(underline, style.union(.marker))
                    lines.append(line)
                }
            case .paragraph(let source):
                lines += wrap(paragraphRuns(source, style: style), first: prefix, rest: rest)
            case .code(let body):
                for (i, text) in (body.isEmpty ? [""] : body).enumerated() {
                    var codeFirst = i == 0 ? prefix : rest
                    var codeRest = rest
                    codeFirst.append("  ", [])
                    codeRest.append("  ", [])
                    let shown = text.isEmpty ? [] : [StyledRun(Self.visible(text), style.union(.code))]
                    lines += hardWrap(shown, first: codeFirst, rest: codeRest).map(trimmed)
                }
            case .table(let rows):
                for (i, row) in rows.enumerated() {
                    lines += hardWrap([StyledRun(Self.visible(row), style)], first: i == 0 ? prefix : rest, rest: rest)
                }
            case .rule:
                var line = prefix
                line.append(String(repeating: "─", count: max(1, width - width(of: prefix))), style.union(.marker))
                lines.append(line)
            case .quote(let inner):
                var quoteFirst = prefix
                var quoteRest = rest
                quoteFirst.append("│ ", style.union(.marker))
                quoteRest.append("│ ", style.union(.marker))
                render(inner, first: quoteFirst, rest: quoteRest, style: style.union(.quote), separated: true, depth: depth, into: &lines)
            case .list(let ordered, let start, let items, let tight):
                let lastNumber = start + items.count - 1
                let markerWidth = ordered ? "\(lastNumber). ".count : 2
                for (i, item) in items.enumerated() {
                    if i > 0, !tight { lines.append(trimmed(rest)) }
                    let mark = ordered ? "\(start + i)." : Self.bullets[depth % Self.bullets.count]
                    var itemFirst = i == 0 ? prefix : rest
                    var itemRest = rest
                    itemFirst.append(mark.padding(toLength: markerWidth, withPad: " ", startingAt: 0), style.union(.marker))
                    itemRest.append(String(repeating: " ", count: markerWidth), [])
                    if item.isEmpty { lines.append(trimmed(itemFirst)); continue }
                    render(item, first: itemFirst, rest: itemRest, style: style, separated: !tight, depth: depth + 1, into: &lines)
                }
            }
        }
    }

    /// A paragraph's source lines as one run of text; a line ending in two spaces or `\` breaks there.
    private func paragraphRuns(_ source: [String], style: TextStyle) -> [StyledRun] {
        var text = ""
        for (i, raw) in source.enumerated() {
            var line = Substring(raw).drop { $0 == " " }
            var hardBreak = false
            if i < source.count - 1 {
                if line.hasSuffix("  ") { hardBreak = true } else if line.hasSuffix("\\") { hardBreak = true; line = line.dropLast() }
            }
            while line.last == " " { line = line.dropLast() }
            text += line
            if i < source.count - 1 { text += hardBreak ? MarkdownInline.lineBreak : " " }
        }
        return MarkdownInline.runs(text, style: style)
    }

    // MARK: Wrapping

    private struct Atom {
        var character: Character
        var style: TextStyle
        var columns: Int
    }

    private enum Token {
        case word([Atom])
        case space(Atom)
        case lineBreak
    }

    private func tokens(_ runs: [StyledRun]) -> [Token] {
        var tokens: [Token] = []
        var word: [Atom] = []
        func endWord() {
            if !word.isEmpty { tokens.append(.word(word)) }
            word = []
        }
        for run in runs {
            for raw in run.text {
                if String(raw) == MarkdownInline.lineBreak {
                    endWord()
                    tokens.append(.lineBreak)
                    continue
                }
                for c in Self.visible(String(raw)) {
                    let atom = Atom(character: c, style: run.style, columns: columns(c))
                    if c == " " {
                        endWord()
                        tokens.append(.space(atom))
                    } else if atom.columns >= 2 {
                        // Wide (CJK) characters break anywhere, as they need no spaces.
                        endWord()
                        tokens.append(.word([atom]))
                    } else {
                        word.append(atom)
                    }
                }
            }
        }
        endWord()
        return tokens
    }

    /// Word wrapping: lines break at spaces (dropped at the break) and between wide characters;
    /// a word longer than the line is broken between characters.
    private func wrap(_ runs: [StyledRun], first: StyledLine, rest: StyledLine) -> [StyledLine] {
        var lines: [StyledLine] = []
        var line = first
        var used = width(of: first)
        var hasText = false
        var pending: [Atom] = []
        func newLine() {
            lines.append(line)
            line = rest
            used = width(of: rest)
            hasText = false
            pending = []
        }
        for token in tokens(runs) {
            switch token {
            case .lineBreak:
                newLine()
            case .space(let atom):
                if hasText { pending.append(atom) }
            case .word(let atoms):
                let wordWidth = atoms.reduce(0) { $0 + $1.columns }
                let spaceWidth = pending.reduce(0) { $0 + $1.columns }
                if hasText, used + spaceWidth + wordWidth > width { newLine() }
                for atom in pending { line.append(String(atom.character), atom.style) }
                used += pending.reduce(0) { $0 + $1.columns }
                pending = []
                for atom in atoms {
                    if hasText, used + atom.columns > width { newLine() }
                    line.append(String(atom.character), atom.style)
                    used += atom.columns
                    hasText = true
                }
            }
        }
        if hasText || lines.isEmpty { lines.append(line) }
        return lines.map(trimmed)
    }

    /// Lines kept as written (code, tables), broken where they reach the edge.
    private func hardWrap(_ runs: [StyledRun], first: StyledLine, rest: StyledLine) -> [StyledLine] {
        var lines: [StyledLine] = []
        var line = first
        var used = width(of: first)
        var hasText = false
        for run in runs {
            for c in run.text {
                let w = columns(c)
                if hasText, used + w > width {
                    lines.append(line)
                    line = rest
                    used = width(of: rest)
                }
                line.append(String(c), run.style)
                used += w
                hasText = true
            }
        }
        lines.append(line)
        return lines
    }

    private func width(of line: StyledLine) -> Int {
        line.runs.reduce(0) { total, run in run.text.reduce(total) { $0 + columns($1) } }
    }

    /// Without trailing spaces (a blank line inside a quote keeps its bar).
    private func trimmed(_ line: StyledLine) -> StyledLine {
        var line = line
        while let last = line.runs.last {
            let kept = String(last.text.reversed().drop { $0 == " " }.reversed())
            if kept.isEmpty { line.runs.removeLast(); continue }
            line.runs[line.runs.count - 1].text = kept
            break
        }
        return line
    }

    /// Control characters as the symbols that stand for them (`␛` for ESC), never themselves;
    /// so are marks that reorder text on screen.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { hidden($0) != nil }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(hidden(scalar) ?? scalar) }
        return String(out)
    }

    private static func hidden(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return nil }
        if v < 0x20 { return Unicode.Scalar(0x2400 + v) }
        if v == 0x7F { return "\u{2421}" }
        if v < 0xA0 || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C {
            return "\u{FFFD}"
        }
        return nil
    }
}
