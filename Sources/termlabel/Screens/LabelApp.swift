import ArgumentParser
import Foundation
import LabelCore
import TerminalUI

/// The labeling screen's run loop: key → session → frame → terminal. The terminal is restored
/// on every way out, and the draft is saved first.
enum LabelApp {
    /// Runs the screen until the user quits; returns what they must read once it is closed (work
    /// that could not be saved in the project, and where it went).
    static func run(store: any ProjectStore, projectDirectory: String, stage: Stage, user: String, mouse: Bool, keymap: Keymap = .standard,
                    autoAdvance: Bool? = nil, image: ImageProtocol? = nil) throws -> [String] {
        let asked = try image ?? ImageProtocol(rawValue: store.settings().imageProtocol) ?? .auto
        // No submit waits for the log's pages to be copied into the database file.
        try (store as? SQLiteProjectStore)?.checkpointInBackground()
        let environment = ProcessInfo.processInfo.environment
        // Before the screen opens: a terminal the environment does not name is asked which
        // graphics it has (at most 150 ms); keys typed meanwhile go to the screen.
        let answer = ImageProtocol.shouldAsk(asked, environment: environment) ? GraphicsQuery.ask() : nil
        // The terminal first: no task is assigned to someone who cannot see it.
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(mouse: mouse, typedAhead: answer?.rest ?? [])
        } catch {
            throw Diagnostic(.error, "cannot open the labeling screen: \(error)")
        }
        defer { terminal.close() }
        let display = ImageDisplay.choose(asked, environment: environment, answered: answer?.imageProtocol,
                                          colorCount: terminal.colorCount, cellPixels: terminal.cellPixelSize)
        let controller = try LabelController(store: store, stage: stage, user: user, clock: SystemClock(), projectDirectory: projectDirectory,
                                             keymap: keymap, autoAdvance: autoAdvance,
                                             images: ImagePane(display: display, projectDirectory: projectDirectory))
        return try run(controller, on: terminal)
    }

    /// The loop on any terminal: the real one, or memory and a script in tests. Ends when the
    /// session finishes or input ends.
    static func run<Terminal: Renderer & KeySource>(_ controller: LabelController, on terminal: Terminal) throws -> [String] {
        let session = controller.session
        var input = terminal
        var screen = Screen(size: terminal.size)
        // The panes of the frame on screen: a key redraws only those it changed.
        let panes = PaneMemo()
        // The live timer changes once a second (and when idle starts): a tick redraws only then.
        func timerShown() -> Int64 {
            let now = session.clock.now()
            let second = session.open.map { $0.timer.spent(at: now).active / 1000 } ?? -1
            return session.open?.timer.isIdle(at: now) == true ? -2 - second : second
        }
        var shownSecond: Int64 = -1
        func redraw() {
            if screen.size != terminal.size { screen = Screen(size: terminal.size) }
            let cursor = draw(controller, on: &screen, memo: panes)
            terminal.render(screen, cursor: cursor)
            // The next frame is compared with this one only on the rows drawn in between.
            screen.markShown()
            shownSecond = timerShown()
        }
        redraw()
        while !session.finished {
            guard let event = input.nextEvent() else {
                // Input ended (the terminal went away): keep the work, as on a hang-up.
                try controller.handle(.hangup)
                break
            }
            do {
                try controller.handle(event, frame: screen.size)
            } catch where LabelSession.isConnectionLoss(error) {
                session.keepWhileDisconnected(nil, error: error)
            } catch {
                session.message = Message(text: "Not saved: \(error). Your answers are still on screen; try again (w).", isError: true)
            }
            if session.finished { break }
            let retried = session.retryUnsavedIfDue()
            if retried { try? controller.sync() }
            // A tick also brings pictures that finished loading.
            if case .tick = event, !retried, timerShown() == shownSecond, !controller.images.hasNews { continue }
            if case .resize = event { screen = Screen(size: terminal.size) }
            redraw()
        }
        if let work = session.unsaved {
            return session.exitNotes + [
                "task #\(work.draft.taskId) was not saved in the database (\(work.reason)); its answers are kept in \(session.journal.path) and saved the next time you open the project"]
        }
        return session.exitNotes
    }

    /// One frame: the controller settles what the frame needs (the list's window), then the view
    /// draws a snapshot. Returns where the terminal cursor goes (nil: hidden).
    @discardableResult
    static func draw(_ controller: LabelController, on screen: inout Screen, memo: PaneMemo? = nil) -> Point? {
        controller.settleFrame(screen.size)
        return LabelScreenView(state: controller.snapshot()).draw(on: &screen, memo: memo)
    }
}

extension LabelApp {
    /// Says, once the terminal is restored, what could not be saved in the project and where it
    /// went; exits with status 1 if anything was not saved.
    static func finish(_ notes: [String]) throws {
        guard !notes.isEmpty else { return }
        for note in notes { Console.error("termlabel: \(note)") }
        throw ExitCode(1)
    }
}
