/// What a key does, by the name a keymap file uses (`submit`, `next-question`). One command may
/// live in several modes (`up` moves in the form, the task list and an open dropdown).
enum Command: String, CaseIterable, Sendable {
    // Normal mode, both panes
    case help, stats, quit, submit, save, undo, redo, skip
    case nextTask = "next-task", previousTask = "previous-task", filter, goTo = "go-to", shortcut
    case taskList = "task-list", form, scrollUp = "scroll-up", scrollDown = "scroll-down"
    case reject, editAnswers = "edit-answers"
    case openIssue = "open-issue", resolveIssue = "resolve-issue", hold
    // Review of a consensus task: its annotators' answers
    case showAnswers = "show-answers", pickAnswer = "pick-answer"
    // Moving in a pane or a list
    case up, down, pageUp = "page-up", pageDown = "page-down", first, last
    // The form
    case nextQuestion = "next-question", previousQuestion = "previous-question", choose, clear
    case rankUp = "rank-up", rankDown = "rank-down"
    // The task list
    case open
    // Typing a text answer or a prompt
    case done, doneNext = "done-next", donePrevious = "done-previous", newLine = "new-line", cancel, confirm
    case nextCode = "next-code", previousCode = "previous-code"
    case cursorLeft = "cursor-left", cursorRight = "cursor-right", lineStart = "line-start", lineEnd = "line-end"
    case deleteBackward = "delete-backward", deleteForward = "delete-forward", deleteWord = "delete-word", deleteLine = "delete-line"
    // Open lists
    case close, expand, collapse
    // Pictures
    case zoomImage = "zoom-image", imageInfo = "image-info"
    // Reading: the instructions, searching the asset
    case instructions, find, nextMatch = "next-match", previousMatch = "previous-match"
}
