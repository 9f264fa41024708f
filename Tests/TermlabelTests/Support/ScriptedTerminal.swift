import LabelCore
import TerminalUI
@testable import termlabel

/// A terminal for `LabelApp.run` in tests: frames go to a `MemoryRenderer`, keys come from a
/// `ScriptedKeySource`; each event may first move the manual clock (a tick after 300 ms).
final class ScriptedTerminal: Renderer, KeySource {
    let memory: MemoryRenderer
    private var script: ScriptedKeySource
    private let before: (InputEvent) -> Void
    /// Every frame drawn, and the bytes a terminal would have been sent for it.
    private(set) var frames: [Screen] = []
    private(set) var bytes: [Int] = []
    /// The rows the renderer compared with the frame before, per frame.
    private(set) var rowsCompared: [Int] = []
    /// The runs of cells written, per frame.
    private(set) var changes: [[ScreenDiff.Run]] = []

    init(width: Int = 80, height: Int = 24, _ events: [InputEvent], before: @escaping (InputEvent) -> Void = { _ in }) {
        memory = MemoryRenderer(width: width, height: height)
        script = ScriptedKeySource(events)
        self.before = before
    }

    var size: Size { memory.size }

    func render(_ screen: Screen, cursor: Point?) {
        memory.render(screen, cursor: cursor)
        frames.append(screen)
        bytes.append(memory.lastBytes)
        rowsCompared.append(memory.lastRowsCompared)
        changes.append(memory.lastChanges)
    }

    func nextEvent() -> InputEvent? {
        let event = script.nextEvent()
        if let event { before(event) }
        return event
    }
}
