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
        let context: KeyHints.Context
        switch state.mode {
        case .editingText: context = .text
        case .dropdown(let id, _, _): context = .dropdown(multiple: state.ontology.question(id)?.kind == .multiDropdown)
        case .tree: context = .tree
        case .shortcut: context = .shortcut
        case .prompt, .help, .stats, .answers: return ""
        case .instructions: context = .instructions
        case .search(let search): context = search.typing ? .search : .matches
        case .normal: context = state.pane == .queue ? .list : .form(state.stage)
        }
        return KeyHints.line(context, keymap: state.keymap)
    }
}
