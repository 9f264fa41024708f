import Foundation
import LabelCore
import TerminalUI

/// The asset pane: text wrapped at display width, JSON pretty-printed, URLs and paths with their
/// metadata. Everything from the task goes through the screen's sanitising `put`, so control
/// characters show as symbols and never reach the terminal.
struct AssetView {
    let state: ScreenState

    func draw(in area: Rect, on screen: inout Screen) {
        guard let open = state.open else {
            Box(title: "Asset", style: .dim).draw(in: area, on: &screen)
            let inner = Box.inner(area)
            if !inner.isEmpty {
                _ = screen.put(state.queueEmpty
                    ? "Nothing to do here. \(state.keymap.shown(.quit, in: .normal)) quits; \(state.keymap.shown(.taskList, in: .normal)) picks a task from the list."
                    : "", at: inner.origin, style: .dim, clip: inner)
            }
            return
        }
        let task = open.task
        Box(title: "\(task.externalId) · \(task.status.rawValue)", style: .dim, titleStyle: .bold).draw(in: area, on: &screen)
        let inner = Box.inner(area)
        guard !inner.isEmpty else { return }
        var lines = Self.headerLines(open, stage: state.stage, width: inner.width)
        if let image = state.image.frame {
            drawPicture(image, below: lines, in: inner, on: &screen)
            return
        }
        lines += Self.lines(for: task.asset, width: inner.width).map { ($0, Style.plain) }
        if let metadata = task.metadata.objectValue, !metadata.isEmpty {
            lines.append(("", .plain))
            let text = metadata.map { "\($0.key): \($0.value.stringValue ?? $0.value.description)" }.joined(separator: " · ")
            lines += TextWrap.lines(visible(text), width: inner.width).map { ($0, Style.dim) }
        }
        let scroll = min(state.assetScroll, max(0, lines.count - inner.height))
        for (i, (text, style)) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            _ = screen.put(text, at: Point(x: inner.x, y: inner.y + i), style: style, clip: inner)
        }
        if lines.count > scroll + inner.height {
            let more = " ↓ \(lines.count - scroll - inner.height) more (PgDn) "
            _ = screen.put(more, at: Point(x: area.maxX - DisplayWidth.of(more) - 1, y: area.maxY - 1), style: .dim, clip: area)
        }
    }

    /// What comes before the asset: the review's comment, who labeled it (in review), and the
    /// task's instruction.
    static func headerLines(_ open: OpenTask, stage: Stage, width: Int) -> [(String, Style)] {
        let task = open.task
        var lines: [(String, Style)] = []
        if stage == .label, let comment = task.reviewComment {
            for line in TextWrap.lines(visible("Sent back by review: " + comment), width: width) {
                lines.append((line, Style(foreground: .red, bold: true)))
            }
        }
        for note in reviewContext(open.history) {
            lines += TextWrap.lines(visible(note), width: width).map { ($0, Style(foreground: .cyan)) }
        }
        if !open.history.isEmpty { lines.append(("", .plain)) }
        // What the annotator is asked to do (Scale's `instruction`), before the asset.
        if let instruction = task.instruction?.trimmingCharacters(in: .whitespacesAndNewlines), !instruction.isEmpty {
            for paragraph in instruction.split(separator: "\n", omittingEmptySubsequences: false) {
                lines += TextWrap.lines(visible(String(paragraph)), width: width).map { ($0, Style(foreground: .cyan, bold: true)) }
            }
            lines.append(("", .plain))
        }
        return lines
    }

    /// A picture asset: the header lines, the picture (`ImageView`) and its caption.
    private func drawPicture(_ image: ImageFrame, below header: [(String, Style)], in inner: Rect, on screen: inout Screen) {
        for (i, (text, style)) in header.prefix(inner.height).enumerated() {
            _ = screen.put(text, at: Point(x: inner.x, y: inner.y + i), style: style, clip: inner)
        }
        let area = image.area
        let view = ImageView(frame: image, showInfo: state.image.showInfo,
                             infoArea: Rect(x: area.x, y: area.y, width: area.width, height: min(area.height + 1, inner.maxY - area.y)))
        if area.maxY < inner.maxY {
            _ = screen.put(view.caption(width: inner.width), at: Point(x: inner.x, y: area.maxY), style: .dim, clip: inner)
        }
        view.draw(on: &screen)
    }

    /// What a reviewer needs to judge the answers: who labeled the task, when and for how long,
    /// and every earlier review with its comment (oldest first).
    static func reviewContext(_ history: [StageHistoryEntry]) -> [String] {
        var notes: [String] = []
        if let label = history.last(where: { $0.stage == Stage.label.name }) {
            let who = label.completedBy ?? "someone"
            let when = label.completedAt.map { " on " + $0.iso8601.prefix(16).replacingOccurrences(of: "T", with: " ") + " UTC" } ?? ""
            notes.append("Labeled by \(who)\(when) in \(TimeFormat.clock(label.duration)) active.")
        }
        for entry in history where entry.stage == Stage.review.name {
            let status = entry.reviewStatus?.rawValue ?? "Reviewed"
            let comment = entry.comment.map { ": “\($0)”" } ?? "."
            notes.append("\(status) by \(entry.completedBy ?? "someone")\(comment)")
        }
        return notes
    }

    /// The asset as lines of at most `width` columns.
    static func lines(for asset: JSONValue, width: Int) -> [String] {
        switch asset {
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.contains(" "), trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") || trimmed.hasPrefix("/")
                || trimmed.hasPrefix("./") || trimmed.hasPrefix("file://") {
                let kind = trimmed.hasPrefix("http") ? "URL" : "Path"
                return TextWrap.lines(visible("\(kind): \(trimmed)"), width: width)
            }
            return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph -> [String] in
                let lines = TextWrap.lines(visible(String(paragraph)), width: width)
                return lines.isEmpty ? [""] : lines
            }
        default:
            return JSONWriter(pretty: true).string(asset).split(separator: "\n").flatMap {
                TextWrap.lines(visible(String($0)), width: width)
            }
        }
    }
}
