import Foundation
import LabelCore
import TerminalUI

/// The asset pane: text wrapped at display width, JSON pretty-printed, URLs and paths with their
/// metadata. Everything from the task goes through the screen's sanitising `put`, so control
/// characters show as symbols and never reach the terminal.
struct AssetView {
    let state: ScreenState

    /// A row above or below the asset's own lines.
    enum Row {
        case text(String, Style)
        case markdown(StyledLine)
    }

    static let matchStyle = Style(background: .yellow, underline: true)
    static let currentMatchStyle = Style(bold: true, reverse: true)

    /// Draws the pane; returns where the terminal cursor goes while a search query is typed.
    @discardableResult
    func draw(in area: Rect, on screen: inout Screen) -> Point? {
        guard let open = state.open else {
            Box(title: "Asset", style: .dim).draw(in: area, on: &screen)
            let inner = Box.inner(area)
            if !inner.isEmpty {
                _ = screen.put(state.queueEmpty
                    ? "Nothing to do here. \(state.keymap.shown(.quit, in: .normal)) quits; \(state.keymap.shown(.taskList, in: .normal)) picks a task from the list."
                    : "", at: inner.origin, style: .dim, clip: inner)
            }
            return nil
        }
        let task = open.task
        Box(title: "\(task.externalId) · \(task.status.rawValue)", style: .dim, titleStyle: .bold).draw(in: area, on: &screen)
        let inner = Box.inner(area)
        guard !inner.isEmpty else { return nil }
        let header = Self.header(task: task, history: open.history, stage: state.stage, width: inner.width, flag: open.benchmarkFlag)
        if let image = state.image.frame {
            drawPicture(image, below: header, in: inner, on: &screen)
            return nil
        }
        // The layout settled for this frame; a view drawn without settling lays the asset out itself.
        let document = state.document?.taskId == task.id ? state.document! : AssetDocument(taskId: task.id, asset: task.asset)
        let lines = document.laidOut(width: inner.width).lines
        var footer: [Row] = []
        if let metadata = task.metadata.objectValue, !metadata.isEmpty {
            footer.append(.text("", .plain))
            let text = metadata.map { "\($0.key): \($0.value.stringValue ?? $0.value.description)" }.joined(separator: " · ")
            footer += TextWrap.lines(visible(text), width: inner.width).map { .text($0, .dim) }
        }
        let total = header.count + lines.count + footer.count
        let scroll = min(state.assetScroll, max(0, total - inner.height))
        var search: AssetSearch?
        if case .search(let s) = state.mode { search = s }
        for i in 0..<min(inner.height, total - scroll) {
            let row = scroll + i
            let at = Point(x: inner.x, y: inner.y + i)
            if row < header.count {
                draw(header[row], at: at, clip: inner, on: &screen)
            } else if row < header.count + lines.count {
                let line = lines[row - header.count]
                _ = screen.put(line.text, at: at, clip: inner)
                if let search { Self.highlight(search.matches(on: line), in: line.text, at: at, clip: inner, on: &screen) }
            } else {
                draw(footer[row - header.count - lines.count], at: at, clip: inner, on: &screen)
            }
        }
        if let search { return Self.drawPrompt(search, keymap: state.keymap, on: Rect(x: area.x + 1, y: area.maxY - 1, width: area.width - 2, height: 1), screen: &screen) }
        if total > scroll + inner.height {
            let more = " ↓ \(total - scroll - inner.height) more (PgDn) "
            _ = screen.put(more, at: Point(x: area.maxX - DisplayWidth.of(more) - 1, y: area.maxY - 1), style: .dim, clip: area)
        }
        return nil
    }

    private func draw(_ row: Row, at point: Point, clip: Rect, on screen: inout Screen) {
        switch row {
        case .text(let text, let style): _ = screen.put(text, at: point, style: style, clip: clip)
        case .markdown(let line): MarkdownStyle.put(line, at: point, base: Style(foreground: .cyan), clip: clip, on: &screen)
        }
    }

    /// Lays the matches over a line already drawn: its characters again, in the match style.
    static func highlight(_ matches: [(range: Range<Int>, current: Bool)], in text: String, at point: Point, clip: Rect, on screen: inout Screen) {
        guard !matches.isEmpty else { return }
        let characters = Array(text)
        for match in matches {
            let start = min(match.range.lowerBound, characters.count), end = min(match.range.upperBound, characters.count)
            let x = point.x + DisplayWidth.of(String(characters[0..<start]))
            _ = screen.put(String(characters[start..<end]), at: Point(x: x, y: point.y), style: match.current ? currentMatchStyle : matchStyle, clip: clip)
        }
    }

    /// The search prompt on the pane's bottom edge: the query, then "match 3 of 17".
    static func drawPrompt(_ search: AssetSearch, keymap: Keymap, on row: Rect, screen: inout Screen) -> Point? {
        guard row.width > 10 else { return nil }
        let status = search.status.isEmpty ? "" : " \(search.status) "
        let (field, right) = row.split(rightWidth: min(DisplayWidth.of(status), row.width / 2))
        let prompt = PromptLine(label: "Find:", editing: search.editing, style: .reverse)
        prompt.draw(in: field, on: &screen)
        if !right.isEmpty {
            _ = screen.put(status, at: right.origin, style: Style(bold: true, reverse: true), clip: right)
        }
        return search.typing ? prompt.cursorPosition(in: field) : nil
    }

    /// What shows above the asset: why review sent it back, who labeled it and earlier reviews,
    /// and what the annotator is asked (Scale's `instruction`, in Markdown).
    static func header(task: LabelTask, history: [StageHistoryEntry], stage: Stage, width: Int, flag: String? = nil) -> [Row] {
        var rows: [Row] = []
        if let flag {
            rows += TextWrap.lines(visible(flag), width: width).map { .text($0, Style(foreground: .red, bold: true)) }
        }
        if stage == .label, let comment = task.reviewComment {
            for line in TextWrap.lines(visible("Sent back by review: " + comment), width: width) {
                rows.append(.text(line, Style(foreground: .red, bold: true)))
            }
        }
        for note in reviewContext(history) {
            rows += TextWrap.lines(visible(note), width: width).map { .text($0, Style(foreground: .cyan)) }
        }
        if !history.isEmpty { rows.append(.text("", .plain)) }
        if let instruction = task.instruction?.trimmingCharacters(in: .whitespacesAndNewlines), !instruction.isEmpty {
            rows += MarkdownStyle.lines(instruction, width: width).map { .markdown($0) }
            rows.append(.text("", .plain))
        }
        return rows
    }

    /// A picture asset: the header lines, the picture (`ImageView`) and its caption.
    private func drawPicture(_ image: ImageFrame, below header: [Row], in inner: Rect, on screen: inout Screen) {
        for (i, row) in header.prefix(inner.height).enumerated() {
            draw(row, at: Point(x: inner.x, y: inner.y + i), clip: inner, on: &screen)
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
}
