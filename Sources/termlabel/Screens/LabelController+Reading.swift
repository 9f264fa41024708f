import LabelCore
import TerminalUI

/// Reading: the project's instructions (shown by themselves once per user and text, and on a
/// key), and searching the open task's asset.
extension LabelController {
    // MARK: Instructions

    /// At the start: the instructions, if this user has not read them as they are now.
    func showInstructionsIfUnread() {
        if session.settings.instructionsUnseen(by: session.user) { mode = .instructions(scroll: 0) }
    }

    func showInstructions() {
        guard session.settings.instructions != nil else {
            message = Message(text: "This project has no instructions (termlabel config DIR --instructions FILE adds them).", isError: false)
            return
        }
        mode = .instructions(scroll: 0)
    }

    func readInstructions(_ event: InputEvent, frame: Size?) throws {
        guard case .instructions(let scroll) = mode else { return }
        let page = max(1, (frame?.height ?? 24) - 5)
        switch keymap.command(for: event, in: .instructions, stage: stage) {
        case .down: mode = .instructions(scroll: scroll + 1)
        case .up: mode = .instructions(scroll: max(0, scroll - 1))
        case .pageDown: mode = .instructions(scroll: scroll + page)
        case .pageUp: mode = .instructions(scroll: max(0, scroll - page))
        case .first: mode = .instructions(scroll: 0)
        case .last: mode = .instructions(scroll: .max)
        case .close:
            mode = .normal
            try markInstructionsRead()
        default: break
        }
    }

    /// This user has seen the instructions as they are: they do not show by themselves again
    /// until the text changes.
    func markInstructionsRead() throws {
        let settings = session.settings
        guard let text = settings.instructions, settings.instructionsUnseen(by: session.user) else { return }
        let user = session.user, digest = InstructionsDigest.of(text)
        try store.updateSettings { $0.instructionsSeen[user] = digest }
    }

    // MARK: Searching the asset

    func startSearch() {
        guard open != nil else {
            message = Message(text: "No task is open: there is nothing to search.", isError: false)
            return
        }
        mode = .search(AssetSearch())
    }

    /// The open task's asset as the pane shows it, made when first needed.
    func currentDocument() -> AssetDocument? {
        guard let task = open?.task else { return nil }
        if document?.taskId != task.id { document = AssetDocument(taskId: task.id, asset: task.asset) }
        return document
    }

    func search(_ event: InputEvent) {
        guard case .search(var search) = mode, let document = currentDocument() else {
            mode = .normal
            return
        }
        let command = keymap.command(for: event, in: search.typing ? .search : .matches, stage: stage)
        switch command {
        case .cancel:
            mode = .normal
            return
        case .confirm: search.typing = false
        case .nextMatch: search.step(1)
        case .previousMatch: search.step(-1)
        case .find: search.typing = true
        case .pageUp: scrollAsset(-5)
        case .pageDown: scrollAsset(5)
        default:
            guard search.typing else { break }
            let before = search.query
            Mode.edit(&search.editing, command: command, key: event)
            if search.query != before {
                search.find(in: document, from: max(0, assetScroll - document.headerRows))
            }
        }
        mode = .search(search)
    }

    /// Before a frame: the asset is laid out for the pane's width, the current match scrolled
    /// into view, and the instructions' scroll kept within the text.
    func settleReading(_ layout: ScreenLayout, size: Size) {
        if case .instructions(let scroll) = mode, let text = session.settings.instructions {
            mode = .instructions(scroll: min(scroll, InstructionsView.maximumScroll(text, in: Rect(x: 0, y: 0, width: size.width, height: size.height))))
        }
        let inner = Box.inner(layout.asset)
        guard let current = open, !inner.isEmpty, var document = currentDocument() else { return }
        document.lay(width: inner.width)
        document.headerRows = AssetView.header(task: current.task, history: current.history, stage: stage, width: inner.width, flag: current.benchmarkFlag).count
        if case .search(var search) = mode, search.reveal, let index = search.current, let laid = document.layout,
           search.matches.indices.contains(index) {
            let row = document.headerRows + laid.line(of: search.matches[index])
            if row < assetScroll || row >= assetScroll + inner.height { assetScroll = max(0, row - inner.height / 3) }
            search.reveal = false
            mode = .search(search)
        }
        self.document = document
    }
}
