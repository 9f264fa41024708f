import Foundation
import LabelCore
import TerminalUI

/// Labeler performance over the screen: the same figures as `termlabel stats`, and a histogram
/// of this user's time per task.
struct StatsView {
    let state: ScreenState

    func draw(in area: Rect, on screen: inout Screen) {
        let box = area.inset(by: area.width > 70 ? 2 : 0)
        screen.fill(box)
        Box(title: "Labeler statistics — any key closes", style: .bold).draw(in: box, on: &screen)
        let inner = Box.inner(box)
        guard !inner.isEmpty else { return }
        let stats = state.stats
        var lines = StatsTable.text(stats, settings: state.settings).split(separator: "\n").map(String.init)
        if let quality = StatsTable.quality(state.quality, settings: state.settings) {
            lines.append("")
            lines += quality.split(separator: "\n").map(String.init)
        }
        if let mine = stats.first(where: { $0.user == state.user }), !mine.durations.isEmpty {
            lines.append("")
            lines.append("Your time per task (active):")
            let buckets = max(1, min(10, inner.height - lines.count - 1))
            let (width, counts) = LabelerStats.histogram(mine.durations, buckets: buckets)
            let most = max(1, counts.max() ?? 1)
            let barRoom = max(1, inner.width - 24)
            for (i, n) in counts.enumerated() {
                let from = StatsTable.duration(Int64(i) * width)
                let to = StatsTable.duration(Int64(i + 1) * width)
                let bar = String(repeating: "█", count: n * barRoom / most)
                lines.append(TextLayout.pad("\(from)–\(to)", to: 15, alignment: .right) + " " + bar + (n > 0 ? " \(n)" : ""))
            }
        }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            _ = screen.put(line, at: Point(x: inner.x, y: inner.y + i), clip: inner)
        }
    }
}
