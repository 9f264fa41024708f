import LabelCore
import TerminalUI

/// Which part of the screen arrow keys move in.
enum Pane: Equatable { case queue, form }

enum PromptKind: Equatable {
    case jump
    case rejectComment
    /// Review: sending back a task with open issues, which speak for themselves (a comment may be left out).
    case rejectWithIssues(Int)
    /// An issue on a question (nil: the whole task), with one of the project's error codes chosen
    /// (`chosen` indexes `codes`; nil: none) and the comment being typed.
    case issue(schemaId: String?, codes: [ErrorCode], chosen: Int?)
    /// Resolving an issue: the answer being typed (may be empty).
    case resolve(TaskIssue)
    /// Putting the task on hold: the reason being typed.
    case holdReason
}

/// Whether the task on screen can be changed, and if not, why.
enum Access: Equatable {
    case editable
    /// Review: the labeler's answers are read-only until the reviewer presses m.
    case review
    /// Someone else holds the task; it is shown, not claimed.
    case heldBy(String)
    /// The task is in another stage than the one this session works in.
    case otherStage(Stage)
    /// Review: the reviewer labeled this task themselves.
    case ownLabels
    /// The task may be looked at but never answered (a task canceled in Scale), and why.
    case readOnly(String)

    /// Whether this session holds the task (and so saves or releases it on leaving).
    var holds: Bool { self == .editable || self == .review }

    /// Why the answers cannot be changed, for the message line (nil when they can).
    var reason: String? { reason(keys: .standard) }

    /// The same, naming the keys in force.
    func reason(keys: Keymap) -> String? {
        let key = { (command: Command) in keys.shown(command, in: .normal) }
        return switch self {
        case .editable: nil
        case .review: "The labeler's answers are read-only: press \(key(.editAnswers)) to edit them, \(key(.submit)) to accept, \(key(.reject)) to reject."
        case .heldBy(let who): "Read-only: \(who) holds this task."
        case .otherStage(let stage): "Read-only: this task is in the \(stage.name) stage."
        case .ownLabels: "Read-only: you labeled this task; reviewers never review their own labels."
        case .readOnly(let why): "Read-only: \(why)."
        }
    }
}

/// The task on screen: its form, its timer and what undo can step back to.
struct OpenTask {
    var task: LabelTask
    var form: FormState
    var timer: TaskTimer
    var undo: [FormState] = []
    var redo: [FormState] = []
    var access: Access
    /// Review: the labeler's answers, which the reviewer's edits are marked against.
    var baseline: FormState?
    /// Review: the task's stage history (who labeled it, when, how long; earlier reviews).
    var history: [StageHistoryEntry] = []
    /// Issues opened on the task, open and resolved, oldest first.
    var issues: [TaskIssue] = []
    /// The task's hold, when it is on hold.
    var hold: TaskHold?
    /// Review of a consensus task: its annotators' answers.
    var consensus: ConsensusReview?
    /// Review: a flag when the labeler failed gold tasks (`BenchmarkResult.passMark`), shown above the asset.
    var benchmarkFlag: String?
    /// Whether the task has a draft (saved now or before): leaving an untouched task releases it.
    var touched: Bool
    var lastSaved: Instant
    /// The annotator's last input on the task, which renews their hold.
    var lastActivity: Timestamp

    var readOnly: Bool { access != .editable }

    /// Review: answers that differ from the labeler's make the review `Fixed`.
    var edited: Bool { baseline.map { !form.changedQuestions(from: $0).isEmpty } ?? false }
}

/// A status message at the bottom of the screen.
struct Message: Equatable {
    var text: String
    var isError: Bool
}
