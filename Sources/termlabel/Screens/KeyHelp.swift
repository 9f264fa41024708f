import LabelCore
import TerminalUI

/// The `?` overlay and the hint line, both drawn from the session's keymap.
enum KeyHelp {
    static func entries(_ state: ScreenState, page: Int) -> [HelpEntry] {
        state.keymap.overlay(stage: state.stage, page: page)
    }

    /// The overlay's title: which page, and how to turn it.
    static func title(page: Int, keymap: Keymap) -> String {
        let pages = Keymap.overlayPages
        let what = page == 0 ? "Keys" : "Keys while typing"
        if page + 1 < pages { return "\(what) \(page + 1)/\(pages) — \(keymap.shown(.help, in: .normal)) more, any other key closes" }
        return "\(what) \(page + 1)/\(pages) — any key closes"
    }

    /// One line of the keys that matter in the current mode.
    static func hint(for state: ScreenState) -> String {
        hintContext(for: state).map { KeyHints.line($0, keymap: state.keymap) } ?? ""
    }

    /// Which keys the hint line shows now (nil: none). The line is made from this and the
    /// session's keymap alone.
    static func hintContext(for state: ScreenState) -> KeyHints.Context? {
        switch state.mode {
        case .editingText: .text
        case .dropdown(let id, _, _): .dropdown(multiple: state.ontology.question(id)?.kind == .multiDropdown)
        case .tree: .tree
        case .shortcut: .shortcut
        case .prompt, .help, .stats, .answers: nil
        case .instructions: .instructions
        case .search(let search): search.typing ? .search : .matches
        case .normal: state.pane == .queue ? .list : .form(state.stage)
        }
    }
}
