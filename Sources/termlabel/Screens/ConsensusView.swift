import LabelCore
import TerminalUI

/// The answers of a consensus task's annotators over the screen, for its reviewer: side by side
/// (one column each) when the screen is wide enough, else one under another. `≠` marks the
/// questions they disagree on. Pure: the review in, cells out.
struct ConsensusView {
    let review: ConsensusReview
    /// The task's externalId, for the title.
    let task: String
    let ontology: Ontology
    let keymap: Keymap

    /// Narrower columns than this and the answers go one under another.
    static let minimumColumn = 12

    func lines(width: Int) -> [String] {
        let cells = review.cells(ontology: ontology)
        let questions = ontology.classifications
        let mark = { (q: Question) in review.disagree(on: q.schemaId) ? "≠ " : "  " }
        var lines: [String] = []
        let titleWidth = min(24, max(8, (questions.map { DisplayWidth.of($0.title) }.max() ?? 8) + 1))
        let columns = review.answers.count
        let column = columns == 0 ? 0 : (width - 2 - titleWidth) / columns
        if column >= Self.minimumColumn {
            var header = TextLayout.pad("", to: 2 + titleWidth)
            for (i, answer) in review.answers.enumerated() {
                header += TextLayout.pad(TextLayout.truncate("\(i + 1) \(answer.user)", to: column - 1), to: column)
            }
            lines.append(header)
            for (qi, q) in questions.enumerated() {
                var line = mark(q) + TextLayout.pad(TextLayout.truncate(q.title, to: titleWidth - 1), to: titleWidth)
                for row in cells { line += TextLayout.pad(TextLayout.truncate(row[qi], to: column - 1), to: column) }
                lines.append(line)
            }
        } else {
            for (i, answer) in review.answers.enumerated() {
                lines.append("\(i + 1) \(answer.user)")
                for (qi, q) in questions.enumerated() {
                    lines.append(TextLayout.truncate("  " + mark(q) + q.title + ": " + cells[i][qi], to: width))
                }
            }
        }
        return lines
    }

    var title: String {
        let score = review.score.map { "consensus \($0.averagePercent)/100 · " } ?? ""
        return "\(task) · \(review.answers.count) answers · \(score)≠ marks a disagreement"
    }

    var footer: String {
        let pick = keymap.shown(.pickAnswer, in: .answers)
        return "\(pick): take that annotator's answer as the final one · \(keymap.shown(.close, in: .answers)): back to the form"
    }

    func draw(in area: Rect, on screen: inout Screen) {
        let box = InstructionsView.box(in: area)
        guard box.width >= 4, box.height >= 3 else { return }
        screen.fill(box)
        Box(title: title, style: .bold, titleStyle: .bold).draw(in: box, on: &screen)
        let inner = Box.inner(box).inset(top: 0, left: 1, bottom: 0, right: 1)
        guard !inner.isEmpty else { return }
        let lines = self.lines(width: inner.width)
        for (i, line) in lines.prefix(max(0, inner.height - 1)).enumerated() {
            screen.put(line, at: Point(x: inner.x, y: inner.y + i), style: line.hasPrefix("≠") ? .bold : .plain, clip: inner)
        }
        screen.put(TextLayout.truncate(footer, to: inner.width), at: Point(x: inner.x, y: inner.maxY - 1), style: .dim, clip: inner)
    }
}
