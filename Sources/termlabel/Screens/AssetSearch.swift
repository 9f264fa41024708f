import LabelCore
import TerminalUI

/// A search in the open task's asset: the query, its matches (found once per query, not per
/// frame) and the one the pane shows. While `typing`, keys edit the query and the matches follow
/// it; after Enter, n and N move between them.
struct AssetSearch: Equatable {
    var editing = TextEditing()
    var typing = true
    var matches: [AssetMatch] = []
    var current: Int?
    /// The current match must be scrolled into view before the next frame.
    var reveal = false

    var query: String { editing.text }

    /// "match 3 of 17", "no match", or nothing before a query is typed.
    var status: String {
        if query.isEmpty { return "" }
        guard let current, !matches.isEmpty else { return "no match" }
        return "match \(current + 1) of \(matches.count)"
    }

    /// The query changed: find its matches, and show the first one from `line` on (the top of
    /// the pane), as incremental search does.
    mutating func find(in document: AssetDocument, from line: Int) {
        matches = document.search(query)
        current = nil
        guard !matches.isEmpty else { return }
        if let layout = document.layout {
            current = matches.firstIndex { layout.line(of: $0) >= line } ?? 0
        } else {
            current = 0
        }
        reveal = true
    }

    /// To the next (1) or previous (-1) match, round the end.
    mutating func step(_ delta: Int) {
        guard !matches.isEmpty else { return }
        current = ((current ?? (delta > 0 ? -1 : 0)) + delta + matches.count) % matches.count
        reveal = true
    }

    /// The matches on one wrapped line, as grapheme ranges within the line, with whether each is
    /// the current one. A binary search finds the first: a frame looks at the lines it shows only.
    func matches(on line: AssetDocument.Line) -> [(range: Range<Int>, current: Bool)] {
        var low = 0, high = matches.count
        while low < high {
            let mid = (low + high) / 2
            let m = matches[mid]
            if (m.paragraph, m.range.upperBound) <= (line.paragraph, line.range.lowerBound) { low = mid + 1 } else { high = mid }
        }
        var out: [(Range<Int>, Bool)] = []
        var i = low
        while i < matches.count, matches[i].paragraph == line.paragraph, matches[i].range.lowerBound < line.range.upperBound {
            let m = matches[i].range.clamped(to: line.range)
            if !m.isEmpty { out.append(((m.lowerBound - line.range.lowerBound)..<(m.upperBound - line.range.lowerBound), i == current)) }
            i += 1
        }
        return out
    }
}
