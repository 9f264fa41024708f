import Foundation
import LabelCore
import TerminalUI

/// Draws a frame: state in, cells out. It reads nothing else (the queue rows it shows were read
/// before, when the window was settled) and changes nothing.
struct LabelScreenView {
    let state: ScreenState

    /// The whole frame, and where the terminal cursor goes (nil: hidden). With a `memo` of the
    /// frame last drawn on this screen, panes whose inputs did not change are left as they are.
    func draw(on screen: inout Screen, memo: PaneMemo? = nil) -> Point? {
        let cursor = drawFrame(on: &screen, memo: memo)
        memo?.finish(screen)
        return cursor
    }

    private func drawFrame(on screen: inout Screen, memo: PaneMemo?) -> Point? {
        let reuse = memo?.start(screen) ?? false
        if !reuse { screen.clear() }
        screen.graphics = []
        guard let layout = ScreenLayout(size: screen.size) else {
            if reuse { screen.clear() }
            memo?.forget()
            drawTooSmall(on: &screen)
            return nil
        }
        if state.image.zoomed, let image = state.image.frame {
            if reuse { screen.clear() }
            memo?.forget()
            drawZoomed(image, on: &screen)
            return nil
        }
        let panes = memo ?? PaneMemo()
        let queueInputs = QueueInputs(area: layout.queue, queue: state.queue, focused: state.pane == .queue,
                                      openId: state.open?.task.id, live: liveTime.map(TimeFormat.short))
        if panes.mustDraw(panes.queue, queueInputs, name: "list") {
            if let rows = panes.queue?.changedRows(in: queueInputs) {
                // A move of the selection, a task's status or the live time: only those rows change.
                queueList().draw(rows: rows, in: Box.inner(layout.queue), on: &screen)
            } else {
                // The border and the list cover every cell of the pane.
                drawQueue(in: layout.queue, on: &screen)
            }
            panes.queue = queueInputs
        }
        let assetInputs = state.image.frame != nil ? nil : AssetInputs(
            area: layout.asset, task: state.open?.task, history: state.open?.history ?? [], queueEmpty: state.queueEmpty,
            scroll: state.assetScroll, search: searching)
        if panes.mustDraw(panes.asset, assetInputs, name: "asset") {
            if reuse { screen.fill(layout.asset) }
            panes.assetCursor = AssetView(state: state).draw(in: layout.asset, on: &screen)
            panes.asset = assetInputs
        }
        let formInputs = FormInputs(area: layout.form, focused: state.pane == .form, form: state.open?.form, access: state.open?.access,
                                    baseline: state.open?.baseline, mode: state.mode, cursors: state.optionCursor,
                                    issues: state.open?.issues ?? [], hold: state.open?.hold)
        let formChange = panes.formChange(formInputs)
        if formChange != .none {
            // A move within a question's options: only the option the cursor left and the one it
            // reached are drawn again.
            if formChange == .cursorsOnly, panes.formCursor == nil, var shown = panes.formShown,
               FormView(state: state).redrawOptionRows(in: layout.form, on: &screen, shown: &shown) {
                panes.formShown = shown
                panes.drewPart("form options")
            } else {
                if reuse { screen.fill(layout.form) }
                var shown: FormView.Shown?
                panes.formCursor = FormView(state: state).draw(in: layout.form, on: &screen, shown: &shown)
                panes.formShown = shown
            }
            panes.form = formInputs
        }
        var cursor = panes.formCursor ?? panes.assetCursor
        // A prompt being typed is always drawn (it places the cursor).
        let messageInputs: MessageInputs? = if case .prompt = state.mode { nil } else {
            MessageInputs(area: layout.message, message: state.message, hint: KeyHelp.hintContext(for: state))
        }
        if panes.mustDraw(panes.message, messageInputs, name: "message") {
            if reuse { screen.fill(layout.message) }
            if let prompt = drawMessage(in: layout.message, on: &screen) { cursor = prompt }
            panes.message = messageInputs
        }
        let statusInputs = StatusInputs(area: layout.status, line: statusLine())
        if panes.mustDraw(panes.status, statusInputs, name: "status") {
            if reuse { screen.fill(layout.status) }
            statusInputs.line.draw(in: layout.status, on: &screen)
            panes.status = statusInputs
        }
        switch state.mode {
        case .help, .stats, .instructions, .answers: memo?.forget()
        default: break
        }
        switch state.mode {
        case .help(let page):
            screen.graphics = []
            HelpOverlay(title: KeyHelp.title(page: page, keymap: state.keymap), entries: KeyHelp.entries(state, page: page))
                .draw(in: screen.bounds, on: &screen)
            return nil
        case .answers:
            screen.graphics = []
            if let open = state.open, let review = open.consensus {
                ConsensusView(review: review, task: open.task.externalId, ontology: state.ontology, keymap: state.keymap)
                    .draw(in: screen.bounds, on: &screen)
            }
            return nil
        case .stats:
            screen.graphics = []
            StatsView(state: state).draw(in: screen.bounds, on: &screen)
            return nil
        case .instructions(let scroll):
            InstructionsView(text: state.settings.instructions ?? "", title: "Instructions · \(state.settings.name)", scroll: scroll,
                             keymap: state.keymap).draw(in: screen.bounds, on: &screen)
            return nil
        default: return cursor
        }
    }

    /// The picture on the whole screen; the last row says how to come back.
    private func drawZoomed(_ image: ImageFrame, on screen: inout Screen) {
        let view = ImageView(frame: image, showInfo: state.image.showInfo)
        view.draw(on: &screen)
        let back = state.keymap.shown(.close, in: .zoom, all: true)
        let info = state.keymap.shown(.imageInfo, in: .zoom)
        let hint = "\(back): back to the form · \(info): metadata · " + view.caption(width: screen.width)
        _ = screen.put(TextLayout.truncate(hint, to: screen.width), at: Point(x: 0, y: screen.height - 1), style: .dim)
    }

    private func drawTooSmall(on screen: inout Screen) {
        let lines = [
            "Terminal too small: \(screen.width)x\(screen.height).",
            "termlabel needs \(ScreenLayout.minimumWidth)x\(ScreenLayout.minimumHeight) or more.",
            "Enlarge the window; \(state.keymap.shown(.quit, in: .normal)) quits (your draft is saved).",
        ]
        for (i, line) in lines.enumerated() {
            let y = max(0, screen.height / 2 - 1) + i
            guard y < screen.height else { break }
            let text = TextLayout.truncate(line, to: screen.width)
            _ = screen.put(text, at: Point(x: max(0, (screen.width - DisplayWidth.of(text)) / 2), y: y), style: i == 0 ? .bold : .plain)
        }
    }

    private func drawQueue(in area: Rect, on screen: inout Screen) {
        let q = state.queue
        Box(title: "Tasks · \(q.filterName) · \(q.count)", style: state.pane == .queue ? .bold : .dim).draw(in: area, on: &screen)
        let inner = Box.inner(area)
        guard !inner.isEmpty else { return }
        queueList().draw(in: inner, on: &screen)
    }

    /// The task list's rows: status mark, externalId and preview, the time spent on the right.
    private func queueList() -> ScrollList {
        let focused = state.pane == .queue
        let openId = state.open?.task.id
        let liveTime = self.liveTime
        let queue = state.queue
        return ScrollList(
            count: queue.count, selected: queue.selected, offset: queue.offset,
            selectedStyle: focused ? .reverse : Style(bold: true, reverse: false),
            emptyText: queue.filterIndex == 0 ? "No tasks." : "No \(queue.filterName) tasks."
        ) { index in
            guard let row = queue.row(index) else { return ListRow("…", style: .dim) }
            let live = row.id == openId ? liveTime : nil
            let spent = live ?? row.activeMilliseconds
            let time = spent > 0 ? TimeFormat.short(spent) : nil
            let style: Style = row.id == openId ? .bold : row.status == .skipped ? .dim : .plain
            return ListRow("\(row.externalId) \(row.preview)", mark: String(row.status.mark), style: style, trailing: time)
        }
    }

    /// The search in the asset, while one is on.
    private var searching: AssetSearch? {
        if case .search(let search) = state.mode { return search }
        return nil
    }

    /// The open task's time as it runs (not as last saved), from its first whole second.
    private var liveTime: Int64? {
        state.open.map { $0.task.time.active + $0.timer.spent(at: state.now).active }.flatMap { $0 >= 1000 ? $0 : nil }
    }

    /// The message line: a prompt being typed, else the last message, else a hint for the mode.
    private func drawMessage(in area: Rect, on screen: inout Screen) -> Point? {
        if case .prompt(let kind, let editing) = state.mode {
            let prompt = PromptLine(label: visible(Self.promptLabel(kind, ontology: state.ontology, keymap: state.keymap)), editing: editing)
            prompt.draw(in: area, on: &screen)
            return prompt.cursorPosition(in: area)
        }
        if let message = state.message {
            _ = screen.put(TextLayout.truncate(message.text, to: area.width), at: area.origin,
                           style: message.isError ? Style(foreground: .red, bold: true) : .bold, clip: area)
            return nil
        }
        _ = screen.put(TextLayout.truncate(KeyHelp.hint(for: state), to: area.width), at: area.origin, style: .dim, clip: area)
        return nil
    }

    /// The status line: project, stage and user; progress, the live timer and the idle mark.
    private func statusLine() -> StatusLine {
        let p = state.progress
        let done = state.stage == .review ? "\(p.byStage[.complete] ?? 0)/\(p.total) complete" : "\(p.labeled)/\(p.total) labeled"
        var right = [StatusSegment(done)]
        if let open = state.open {
            let now = state.now
            let spent = open.timer.spent(at: now)
            right.append(StatusSegment("⏱ " + TimeFormat.clock(spent.active)))
            if open.timer.isIdle(at: now) { right.append(StatusSegment("IDLE", style: Style(foreground: .yellow, bold: true, reverse: true))) }
        }
        return StatusLine(
            left: [StatusSegment("termlabel", style: Style(bold: true, reverse: true)), StatusSegment(state.settings.name),
                   StatusSegment(state.stage.name), StatusSegment(state.user)],
            right: right)
    }

    /// What a prompt asks for, on the message line before the text being typed.
    static func promptLabel(_ kind: PromptKind, ontology: Ontology, keymap: Keymap) -> String {
        switch kind {
        case .jump: return "Go to task (externalId or number):"
        case .rejectComment: return "Reject — comment for the labeler:"
        case .rejectWithIssues(let n): return "Reject with the \(n) open issue\(n == 1 ? "" : "s") — comment (may be empty):"
        case .issue(let id, let codes, let chosen):
            let on = id.flatMap { ontology.question($0) }.map { "on “\($0.title)”" } ?? "on the task"
            let code = codes.isEmpty ? "" : " [\(chosen.map { codes[$0].label } ?? "no code") · \(keymap.shown(.nextCode, in: .prompt)) changes]"
            return "Issue \(on)\(code):"
        case .resolve(let issue): return "Resolve #\(issue.id) (\(issue.content)) — answer:"
        case .holdReason: return "Hold — why (a manager forwards it):"
        }
    }
}
