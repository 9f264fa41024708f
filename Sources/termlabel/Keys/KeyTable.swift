import LabelCore
import TerminalUI

/// The built-in keymap: every key of the labeling screen, in the order the `?` overlay lists
/// them. `Keymap` applies a preset and the user's keymap files to it; the overlay, the hint line,
/// `termlabel keys` and docs/keys.md all come from the result.
enum KeyTable {
    enum Entry: Equatable, Sendable {
        case binding(KeyBinding)
        case note(KeyNote)
    }

    private static func bind(_ mode: KeyMode, _ command: Command, _ keys: [InputEvent], _ help: String,
                             _ overlay: KeyBinding.Overlay = .hidden, argument: String? = nil, stage: Stage? = nil) -> Entry {
        .binding(KeyBinding(mode: mode, command: command, keys: keys, help: help, overlay: overlay, argument: argument, stage: stage))
    }

    static let entries: [Entry] = [
        // The overlay's lines, in order.
        bind(.form, .up, [.up], "move to the previous option (or item), then on to the previous question",
             .own("move through options and questions")),
        bind(.form, .down, [.down], "move to the next option (or item), then on to the next question", .withPrevious),
        bind(.form, .nextQuestion, [.tab], "go to the next question", .own("next / previous question")),
        bind(.form, .previousQuestion, [.backTab], "go to the previous question", .withPrevious),
        .note(KeyNote(mode: .form, keys: "1–9 0",
                      help: "choose option 1–9 (0 is the tenth) of the question: radio and single dropdown choose it, checkbox and multi dropdown toggle it",
                      overlay: "choose option 1–10 of the question")),
        bind(.form, .choose, [.character(" "), .enter],
             "radio: choose the option under the cursor; checkbox: toggle it; dropdown, tree, text: open its editor; rank: keep the order shown as the answer",
             .own("choose / toggle; open a dropdown, tree or text")),
        .note(KeyNote(mode: .form, keys: "a–k", help: "go to the question whose `shortcutKey` this is (Ango allows a–k)",
                      overlay: "go to the question with that shortcut", directShortcutsOnly: true)),
        bind(.normal, .shortcut, [.character(";")], "go to the question with the shortcut key typed next, digits included (`;1`)",
             .own("go to the question with shortcut KEY (0–9 too)"), argument: "KEY"),
        bind(.form, .rankUp, [.character("[")], "rank: move the item under the cursor up", .own("rank: move the item up / down")),
        bind(.form, .rankDown, [.character("]")], "rank: move the item under the cursor down", .withPrevious),
        bind(.form, .clear, [.backspace, .delete], "clear the answer to the question", .own("clear the question's answer")),
        bind(.normal, .undo, [.character("u")],
             "undo the last change to the answers (repeatable); right after a submit, take the submit back",
             .own("undo / redo the last change to the answers")),
        bind(.normal, .redo, [.control("r")], "redo what undo took back", .withPrevious),
        bind(.normal, .save, [.character("w")], "save the draft now (every change is saved anyway)",
             .own("save the draft (every change is saved anyway)")),
        bind(.normal, .submit, [.character("s")],
             "submit the task (in review: accept, Fixed if you edited); refused, with the reason and the cursor on the question, while a required question is empty or an answer is invalid",
             .own("submit the task", review: "accept (Fixed if you edited)")),
        bind(.normal, .reject, [.character("r")], "reject: type a comment for the labeler, Enter sends the task back to them",
             .own("reject with a comment / edit the answers"), stage: .review),
        bind(.normal, .editAnswers, [.character("m")], "edit the labeler's answers (read-only until then, every time the task is opened)",
             .withPrevious, stage: .review),
        bind(.normal, .openIssue, [.character("!")],
             "open an issue on the question under the cursor (from the task list: on the whole task): Tab picks an error code, then say what is wrong and Enter",
             .own("open an issue / resolve one / put the task on hold")),
        bind(.normal, .resolveIssue, [.character("R")],
             "resolve the open issue on the question under the cursor (else the task's first), with an answer (may be empty)", .withPrevious),
        bind(.normal, .hold, [.character("H")],
             "put the task on hold, with a reason: it stays yours and is saved, but cannot be submitted until a manager forwards it (termlabel requeue --to STAGE)",
             .withPrevious),
        bind(.normal, .showAnswers, [.character("A")],
             "consensus: the annotators' answers side by side, the questions they disagree on marked (shown by itself when the task opens)",
             .own("consensus: the annotators' answers"), stage: .review),
        bind(.normal, .skip, [.character("x")], "skip the task (it is put aside, still yours); on a skipped task in the list: bring it back",
             .own("skip the task / bring a skipped one back")),
        bind(.normal, .nextTask, [.character("n")], "open the next task in the list", .own("next / previous task in the list")),
        bind(.normal, .previousTask, [.character("p")], "open the previous task in the list", .withPrevious),
        bind(.normal, .taskList, [.left], "go to the task list", .own("the task list (Enter opens a task) / the form")),
        bind(.normal, .form, [.right], "go to the form", .withPrevious),
        bind(.normal, .filter, [.character("v")], "filter the list: all, new, draft, skipped, submitted, rejected, accepted, on hold",
             .own("filter the list by status / go to a task (id or row)")),
        bind(.normal, .goTo, [.character("/")], "go to a task and open it: type its externalId (or taskId, or its row number) and Enter",
             .withPrevious),
        bind(.normal, .scrollUp, [.pageUp], "scroll the asset up", .own("scroll the asset")),
        bind(.normal, .scrollDown, [.pageDown], "scroll the asset down", .withPrevious),
        bind(.normal, .zoomImage, [.character("z")], "zoom the asset's picture to the whole screen (the form is hidden; z or Esc comes back)",
             .own("zoom the picture / show its details")),
        bind(.normal, .imageInfo, [.character("M")], "show or hide the picture's metadata: pixel size, type, bytes, source", .withPrevious),
        bind(.normal, .find, [.control("f")], "search the asset's text: matches are highlighted, n and N go from one to the next",
             .own("search the asset's text")),
        bind(.normal, .instructions, [.character("I")], "the project's instructions (shown once by themselves when you first open the project)",
             .own("the project's instructions / labeler statistics")),
        bind(.normal, .stats, [.character("%")], "labeler statistics and a histogram of your time per task (any key closes)",
             .withPrevious),
        .note(KeyNote(mode: .normal, keys: "mouse", help: "click: open a task, choose an option, focus a question; wheel: scroll",
                      overlay: "click: open, choose, focus; wheel: scroll")),
        bind(.normal, .quit, [.character("q"), .control("c")],
             "quit; the draft and its time are kept (Ctrl-C always quits, whatever the keymap)",
             .own("quit (the draft and its time are kept)")),
        bind(.normal, .help, [.character("?")], "every key, in two pages: the screen, then typing (pressed again: the next page; any other key closes)"),

        // The task list.
        bind(.list, .up, [.up], "select the task above"),
        bind(.list, .down, [.down], "select the task below"),
        bind(.list, .first, [.home], "select the first task"),
        bind(.list, .last, [.end], "select the last task"),
        bind(.list, .open, [.enter, .character(" ")], "open the selected task"),
        .note(KeyNote(mode: .list, keys: "a–k", help: "go to the question with that shortcut key", overlay: nil, directShortcutsOnly: true)),

        // The overlay's second page: keys while typing. Typing a text answer.
        bind(.text, .done, [.enter], "keep the text (refused while it does not match the question's pattern)",
             .own("text: keep it")),
        bind(.text, .newLine, [.altEnter], "start a new line (text answers may hold several lines)",
             .own("text: new line (pastes go only into text)")),
        bind(.text, .doneNext, [.tab], "keep the text and go to the next question",
             .own("text: keep it, go to next / previous question")),
        bind(.text, .donePrevious, [.backTab], "keep the text and go to the previous question", .withPrevious),
        bind(.text, .cancel, [.escape], "leave the text as it was", .own("text: leave it as it was")),

        // Prompts.
        bind(.prompt, .confirm, [.enter], "go to the task / send the rejection", .own("prompt: go to the task / send the rejection")),
        bind(.prompt, .cancel, [.escape], "close the prompt", .own("prompt: close it")),
        bind(.prompt, .nextCode, [.tab], "issue: the next of the project's error codes (after the last: none)",
             .own("issue: next / previous error code")),
        bind(.prompt, .previousCode, [.backTab], "issue: the previous error code", .withPrevious),

        // Editing a line.
        bind(.editing, .cursorLeft, [.left], "move the cursor left", .own("text, prompt: move in the line")),
        bind(.editing, .cursorRight, [.right], "move the cursor right", .withPrevious),
        bind(.editing, .lineStart, [.home, .control("a")], "go to the start of the line", .withPrevious),
        bind(.editing, .lineEnd, [.end, .control("e")], "go to the end of the line", .withPrevious),
        bind(.editing, .deleteBackward, [.backspace], "erase the character before the cursor",
             .own("text, prompt: erase back, forward, word, all")),
        bind(.editing, .deleteForward, [.delete], "erase the character under the cursor", .withPrevious),
        bind(.editing, .deleteWord, [.control("w")], "erase the word before the cursor", .withPrevious),
        bind(.editing, .deleteLine, [.control("u")], "erase the whole text", .withPrevious),

        // Open lists: typing filters (ignoring case and accents; a filter takes no spaces). A
        // dropdown's and a tree's keys share the overlay's lines.
        bind(.dropdown, .up, [.up], "move up", .own("open list: move (PgUp PgDn: by 10)")),
        bind(.tree, .up, [.up], "move up", .withPrevious),
        bind(.dropdown, .down, [.down], "move down", .withPrevious),
        bind(.tree, .down, [.down], "move down", .withPrevious),
        bind(.dropdown, .pageUp, [.pageUp], "move up 10", .withPrevious),
        bind(.tree, .pageUp, [.pageUp], "move up 10", .withPrevious),
        bind(.dropdown, .pageDown, [.pageDown], "move down 10", .withPrevious),
        bind(.tree, .pageDown, [.pageDown], "move down 10", .withPrevious),
        bind(.dropdown, .choose, [.character(" "), .enter], "choose (a single dropdown then closes) or, in a multi dropdown, toggle",
             .own("open list: choose / toggle (typing filters)")),
        bind(.tree, .choose, [.character(" "), .enter], "choose or un-choose the node, whether a filter is typed or not", .withPrevious),
        bind(.tree, .expand, [.right], "open the node", .own("tree: open / close a node")),
        bind(.tree, .collapse, [.left], "close the node (or go to its parent)", .withPrevious),
        bind(.dropdown, .close, [.escape, .tab], "close", .own("open list: close")),
        bind(.tree, .close, [.escape, .tab], "close", .withPrevious),

        // A zoomed picture (its own screen: the overlay does not list these).
        bind(.zoom, .close, [.character("z"), .escape], "back to the form (so does any key not listed here)"),
        bind(.zoom, .imageInfo, [.character("M"), .character("i")], "show or hide the picture's metadata"),
        bind(.zoom, .quit, [.character("q")], "quit; the draft and its time are kept"),

        // The instructions.
        bind(.instructions, .down, [.down], "scroll down a line"),
        bind(.instructions, .up, [.up], "scroll up a line"),
        bind(.instructions, .pageDown, [.pageDown, .character(" ")], "scroll down a page"),
        bind(.instructions, .pageUp, [.pageUp], "scroll up a page"),
        bind(.instructions, .first, [.home], "go to the top"),
        bind(.instructions, .last, [.end], "go to the end"),
        bind(.instructions, .close, [.escape, .character("q"), .enter], "close the instructions"),

        // The answers of a consensus task, over the screen (review).
        bind(.answers, .pickAnswer, (1...9).map { .character(Character(String($0))) },
             "take annotator 1–9's answer as the final one (then submit accepts it, Fixed when it is not the one shown)"),
        bind(.answers, .close, [.escape, .character("A"), .character("q")], "back to the form"),

        // Searching the asset: matches are found as the query is typed (capitals make it match case).
        bind(.search, .confirm, [.enter], "keep the query: the highlights stay, and n and N move between the matches"),
        bind(.search, .nextMatch, [.down], "go to the next match"),
        bind(.search, .previousMatch, [.up], "go to the previous match"),
        bind(.search, .cancel, [.escape], "leave the search"),
        bind(.matches, .nextMatch, [.character("n"), .enter, .down], "go to the next match (after the last, the first)"),
        bind(.matches, .previousMatch, [.character("N"), .up], "go to the previous match (before the first, the last)"),
        bind(.matches, .find, [.control("f"), .character("/")], "change the query"),
        bind(.matches, .pageUp, [.pageUp], "scroll the asset up"),
        bind(.matches, .pageDown, [.pageDown], "scroll the asset down"),
        bind(.matches, .cancel, [.escape, .character("q")], "leave the search (the highlights go)"),
    ]

    /// The keys a preset adds to the built-in ones.
    struct Preset: Sendable {
        var name: String
        var adds: [(KeyMode, Command, [InputEvent])]
        /// Whether a bare letter a–k goes to the question with that shortcut (else `;` then the letter).
        var directShortcuts: Bool
    }

    static let presets: [Preset] = [
        Preset(name: "default", adds: [], directShortcuts: true),
        Preset(name: "vim", adds: [
            (.form, .down, [.character("j")]), (.form, .up, [.character("k")]),
            (.form, .rankDown, [.character("J")]), (.form, .rankUp, [.character("K")]),
            (.normal, .taskList, [.character("h")]), (.normal, .form, [.character("l")]),
            (.normal, .scrollDown, [.control("d")]), (.normal, .scrollUp, [.control("u")]),
            (.list, .down, [.character("j")]), (.list, .up, [.character("k")]),
            (.list, .first, [.character("g")]), (.list, .last, [.character("G")]),
        ], directShortcuts: false),
    ]

    static func preset(named name: String) -> Preset? { presets.first { $0.name == name } }
}
