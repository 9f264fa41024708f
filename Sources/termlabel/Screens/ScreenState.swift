import LabelCore
import TerminalUI

/// What a frame shows, as a value: the views draw from this and nothing else (no store, no
/// session). `LabelController.snapshot()` takes it once the queue window is settled for the frame.
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
    /// Lines of the open task's asset scrolled past.
    var assetScroll: Int
    /// The open task's asset laid out for this frame's width (nil: the view lays it out).
    var document: AssetDocument?
    var queue: QueueModel
    var message: Message?
    var progress: ProjectProgress
    var queueEmpty: Bool
    /// Labeler figures, read when the statistics screen opened.
    var stats: [LabelerStats]
    /// The quality block, read with `stats`.
    var quality: [String: AnnotatorQuality] = [:]
    /// The clock's reading for this frame: the live timer shows it.
    var now: Instant
    /// The open task's picture, settled for this frame.
    var image = ImageState()

    func cursor(_ q: Question) -> Int { optionCursor[q.schemaId] ?? 0 }
}
