import Foundation

/// Reading termlabel's frame from captured rows. tmux prints a wide character once (it takes two
/// columns), so panes are cut at their box borders, not at column numbers.
enum ScreenText {
    private static let closers: Set<Character> = ["│", "┐", "┘"]
    private static let openers: Set<Character> = ["│", "┌", "└"]

    /// The right-hand part of a row (asset or form box), after the queue box's right border.
    static func rightPane(_ row: String) -> String {
        let chars = Array(row)
        guard chars.count > 2 else { return row }
        for i in 1..<(chars.count - 1) where closers.contains(chars[i]) && openers.contains(chars[i + 1]) {
            // The queue's scroll bar track is a `│` too: `…│││▸` is track, queue border, form border.
            var j = i
            while j + 2 < chars.count, openers.contains(chars[j + 2]), closers.contains(chars[j + 1]) { j += 1 }
            return String(chars[(j + 1)...])
        }
        return row
    }

    /// The last box of a row: from the last border that meets another (`││`, `┐┌`, `┘└`).
    static func rightmostBox(_ row: String) -> String {
        let chars = Array(row)
        guard chars.count > 2 else { return row }
        for i in stride(from: chars.count - 3, through: 0, by: -1) where closers.contains(chars[i]) && openers.contains(chars[i + 1]) {
            return String(chars[(i + 1)...])
        }
        return row
    }

    /// The box whose top border starts with `┌ title` in the right-hand pane: its rows, borders
    /// included.
    static func box(_ title: String, in screen: [String]) -> [String] {
        var right = screen.map(rightPane)
        // From 150 columns the asset and the form stand side by side: then the box wanted may be
        // the rightmost one of the pane.
        if !right.contains(where: { $0.hasPrefix("┌ " + title) }), right.contains(where: { $0.contains("┐┌ " + title) }) {
            right = right.map(rightmostBox)
        }
        guard let top = right.firstIndex(where: { $0.hasPrefix("┌ " + title) }) else { return [] }
        guard let bottom = right[top...].firstIndex(where: { $0.hasPrefix("└") }) else { return Array(right[top...]) }
        return Array(right[top...bottom])
    }

    /// The form box's inside: rows between the borders, without the side borders and trailing blanks.
    static func form(_ screen: [String]) -> [String] {
        inside(box("Form", in: screen))
    }

    /// A box's rows without the top and bottom borders, side borders and trailing blanks.
    static func inside(_ box: [String]) -> [String] {
        box.dropFirst().dropLast().map { row in
            var chars = Substring(row)
            if chars.first == "│" { chars = chars.dropFirst() }
            if chars.last == "│" { chars = chars.dropLast() }
            while chars.last == " " { chars = chars.dropLast() }
            return String(chars)
        }
    }

    /// The status line with the live timer's figure replaced by `M:SS`.
    static func maskingTimer(_ line: String) -> String {
        line.replacingOccurrences(of: #"⏱ [0-9:]+"#, with: "⏱ M:SS", options: .regularExpression)
    }

    /// A status line as it must look at `width` columns (every character here one column wide):
    /// `left`, blanks, `right` ending in the last column.
    static func statusLine(_ left: String, _ right: String, width: Int) -> String {
        left + String(repeating: " ", count: max(1, width - left.count - right.count)) + right
    }

    /// Seconds shown by the status line's timer (`⏱ 1:07` → 67), nil when there is none.
    static func timerSeconds(_ line: String) -> Int? {
        guard let range = line.range(of: #"⏱ [0-9:]+"#, options: .regularExpression) else { return nil }
        let parts = line[range].dropFirst(2).split(separator: ":").compactMap { Int($0) }
        return parts.reduce(0) { $0 * 60 + $1 }
    }

    /// The SGR parameter lists (`ESC [ … m`) in a row captured with `capture-pane -e`.
    static func sgrParameters(_ row: String) -> [[String]] {
        var out: [[String]] = []
        var rest = Substring(row)
        while let start = rest.range(of: "\u{1B}[") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(where: { $0.isLetter }) else { break }
            if after[end] == "m" {
                out.append(after[..<end].split(separator: ";", omittingEmptySubsequences: false).map(String.init))
            }
            rest = after[after.index(after: end)...]
        }
        return out
    }

    /// A row with its SGR sequences removed.
    static func plain(_ row: String) -> String {
        row.replacingOccurrences(of: "\u{1B}\\[[0-9;:]*m", with: "", options: .regularExpression)
    }
}
