extension Style: CustomStringConvertible {
    /// `bold reverse fg:red`: the attributes set, then the colours; `plain` when none is.
    public var description: String {
        var parts: [String] = []
        if bold { parts.append("bold") }
        if dim { parts.append("dim") }
        if italic { parts.append("italic") }
        if underline { parts.append("underline") }
        if reverse { parts.append("reverse") }
        if let foreground { parts.append("fg:\(foreground)") }
        if let background { parts.append("bg:\(background)") }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}

extension Screen {
    /// The styled runs of row `y`, as ratatui's test buffer lists them: `x..<end style` for each
    /// run of cells of one style that is not plain (blank cells included: a highlighted row is
    /// highlighted to its end).
    public func styleRuns(_ y: Int) -> [String] {
        guard y >= 0, y < height else { return [] }
        var runs: [String] = []
        var x = 0
        while x < width {
            let style = cells[y * width + x].style
            var end = x + 1
            while end < width, cells[y * width + end].style == style { end += 1 }
            if style != .plain { runs.append("\(x)..<\(end) \(style)") }
            x = end
        }
        return runs
    }

    /// The frame's text with its styles: each row, then `  ↳ x..<end style` for each styled run
    /// on it. A test comparing this sees a lost highlight, not only a lost character.
    public func styledDump(rows: Range<Int>? = nil) -> String {
        let shown = rows.map { $0.clamped(to: 0..<height) } ?? 0..<height
        return shown.map { y in
            ([row(y)] + styleRuns(y).map { "  ↳ \($0)" }).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
