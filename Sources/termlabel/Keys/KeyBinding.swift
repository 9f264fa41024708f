import LabelCore
import TerminalUI

/// One row of the keymap: in a mode, these keys run a command. `help` says what it does (docs,
/// `termlabel keys`); `overlay` is its line in the `?` overlay.
struct KeyBinding: Equatable, Sendable {
    enum Overlay: Equatable, Sendable {
        /// A line of its own with this text (and, in review, `review` instead).
        case own(String, review: String? = nil)
        /// Its keys join the line of the binding before it.
        case withPrevious
        case hidden
    }

    var mode: KeyMode
    var command: Command
    var keys: [InputEvent]
    var help: String
    var overlay: Overlay = .hidden
    /// Shown after the keys: `;` then a KEY.
    var argument: String? = nil
    /// Only in this stage (a reviewer's reject and edit).
    var stage: Stage? = nil

    func applies(in stage: Stage) -> Bool { self.stage == nil || self.stage == stage }
}

/// A line of the `?` overlay and of the docs for keys that are not commands: the digits that
/// choose options, the question shortcut letters, the mouse.
struct KeyNote: Equatable, Sendable {
    var mode: KeyMode
    var keys: String
    var help: String
    var overlay: String?
    /// Only when bare letters go to questions (not in the vim preset, where `;` does).
    var directShortcutsOnly = false
}
