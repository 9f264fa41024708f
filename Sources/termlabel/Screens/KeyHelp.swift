import LabelCore
import TerminalUI

/// Every key of the labeling screen, as the help overlay (`?`) and docs/keys.md list them.
enum KeyHelp {
    static func entries(stage: Stage) -> [HelpEntry] {
        var entries = [
            HelpEntry("↑ ↓", "move through options and questions"),
            HelpEntry("Tab S-Tab", "next / previous question"),
            HelpEntry("1–9 0", "choose option 1–10 of the question"),
            HelpEntry("Space Enter", "choose / toggle; open a dropdown, tree or text"),
            HelpEntry("a–k", "go to the question with that shortcut"),
            HelpEntry("; KEY", "go to the question with shortcut KEY (0–9 too)"),
            HelpEntry("K J", "rank: move the item up / down"),
            HelpEntry("Bksp Del", "clear the question's answer"),
            HelpEntry("u Ctrl-R", "undo / redo the last change to the answers"),
            HelpEntry("Alt-Enter", "new line in a text answer; a paste goes only there"),
            HelpEntry("w", "save the draft (every change is saved anyway)"),
        ]
        if stage == .review {
            entries += [
                HelpEntry("s", "accept (Fixed if you edited)"),
                HelpEntry("r m", "reject with a comment / edit the answers"),
            ]
        } else {
            entries.append(HelpEntry("s", "submit the task"))
        }
        entries += [
            HelpEntry("x", "skip the task / bring a skipped one back"),
            HelpEntry("n p", "next / previous task in the list"),
            HelpEntry("← →", "the task list (Enter opens a task) / the form"),
            HelpEntry("v /", "filter the list by status / go to a task (id or row)"),
            HelpEntry("PgUp PgDn", "scroll the asset"),
            HelpEntry("%", "labeler statistics"),
            HelpEntry("mouse", "click: open, choose, focus; wheel: scroll"),
            HelpEntry("q Ctrl-C", "quit (the draft and its time are kept)"),
        ]
        return entries
    }

    /// One line of the keys that matter in the current mode.
    static func hint(for session: LabelSession) -> String {
        switch session.mode {
        case .editingText: "Typing — Enter done · Alt-Enter new line · Esc cancel · Tab done and next question"
        case .dropdown(let id, _, _):
            session.ontology.question(id)?.kind == .multiDropdown
                ? "Type to filter · ↑↓ move · Space or Enter toggle · Esc close"
                : "Type to filter · ↑↓ move · Space or Enter choose · Esc close"
        case .tree: "Type to filter · ↑↓ move · → open · ← close · Space or Enter choose · Esc close"
        case .shortcut: "Press a question's shortcut key"
        case .prompt, .help, .stats: ""
        case .normal:
            session.pane == .queue
                ? "↑↓ select · Enter open · v filter · / go to · → form · ? keys · q quit"
                : session.stage == .review
                    ? "s accept · r reject · m edit · x skip · n/p next/prev · ? keys · q quit"
                    : "Space choose · Tab next question · s submit · x skip · u undo · ? keys · q quit"
        }
    }
}
