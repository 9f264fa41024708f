import LabelCore
import TerminalUI

/// The mouse does what keys do, where it points: a press on a task opens it, on an option
/// chooses (or toggles) it, on a question focuses it, on a dropdown, tree or text answer opens its
/// editor. The wheel moves through the queue, the asset, the form's questions, or an open list.
/// While typing (text, filters, prompts) the mouse changes nothing. Every mouse event is input
/// for the task timer (`recordTime`), like a key.
extension LabelController {
    static let wheelStep = 3

    func handle(_ mouse: MouseEvent, frame: Size) throws {
        let wheel = mouse.action == .wheelUp ? -1 : mouse.action == .wheelDown ? 1 : 0
        switch mode {
        case .help, .stats:
            if wheel == 0 { mode = .normal }
            return
        case .dropdown, .tree:
            if wheel != 0 { try typing(wheel < 0 ? .up : .down) }
            return
        case .normal: break
        default: return
        }
        guard let layout = ScreenLayout(size: frame) else { return }
        if layout.queue.contains(mouse.at) {
            try queueMouse(mouse.at, wheel: wheel, in: layout.queue)
        } else if layout.asset.contains(mouse.at) {
            if wheel != 0 { scrollAsset(wheel * Self.wheelStep) }
        } else if layout.form.contains(mouse.at) {
            try formMouse(mouse.at, wheel: wheel, in: layout.form)
        }
    }

    private func queueMouse(_ point: Point, wheel: Int, in area: Rect) throws {
        if wheel != 0 {
            moveQueueSelection(to: queue.selected + wheel * Self.wheelStep)
            return
        }
        let inner = Box.inner(area)
        pane = .queue
        guard inner.contains(point) else { return }
        let index = queue.offset + point.y - inner.y
        guard index < queue.count else { return }
        moveQueueSelection(to: index)
        try listCommand(.open)
    }

    private func formMouse(_ point: Point, wheel: Int, in area: Rect) throws {
        guard open != nil else { return }
        // Hit-test against the frame as drawn, before the pane (and so the scroll) changes.
        let target = wheel == 0 ? FormView(state: snapshot()).target(at: point, in: area) : nil
        pane = .form
        if wheel != 0 {
            // Stops at the first and last question (Tab wraps; a wheel does not).
            try moveQuestion(wheel)
            return
        }
        guard let (q, row) = target else { return }
        try session.applyForm(.focus(q.schemaId), record: false)
        guard let row else { return }
        switch q.kind {
        case .radio, .checkbox:
            guard row < q.choices.count else { return }
            optionCursor[q.schemaId] = row
            try formCommand(.choose)
        case .rank:
            optionCursor[q.schemaId] = min(row, max(0, q.choices.count - 1))
        case .text, .singleDropdown, .multiDropdown, .treeDropdown:
            try formCommand(.choose)
        }
    }
}
