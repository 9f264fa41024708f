import LabelCore
import TerminalUI

/// What a frame shows, as a value: the views draw from this and nothing else (no store, no
/// session). `LabelSession.snapshot()` takes it once the queue window is settled for the frame.
struct ScreenState {
    var settings: ProjectSettings
    var ontology: Ontology
    var stage: Stage
    var user: String
    var keymap: Keymap
    var pane: Pane
    var mode: Mode
    var open: OpenTask?
    var optionCursor: [String: Int]
    var queue: QueueModel
    var message: Message?
    var progress: ProjectProgress
    var queueEmpty: Bool
    /// Labeler figures, read when the statistics screen opened.
    var stats: [LabelerStats]
    /// The clock's reading for this frame: the live timer shows it.
    var now: Instant

    func cursor(_ q: Question) -> Int { optionCursor[q.schemaId] ?? 0 }
}

extension LabelSession {
    func snapshot() -> ScreenState {
        ScreenState(
            settings: settings, ontology: ontology, stage: stage, user: user, keymap: keymap, pane: pane, mode: mode, open: open,
            optionCursor: optionCursor, queue: queue, message: message, progress: progress, queueEmpty: queueEmpty,
            stats: stats, now: clock.now())
    }
}
