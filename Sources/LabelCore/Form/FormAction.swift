/// Everything a user can do to a form. Questions are named by schemaId, answers by value.
public enum FormAction: Equatable, Sendable {
    case focus(String)
    case focusNext
    case focusPrevious
    /// Jumps to the first question that stops a submit.
    case focusFirstProblem
    /// Radio and single dropdown: this value becomes the answer.
    case choose(String, value: String)
    /// Checkbox, multi dropdown, tree dropdown: adds or removes a value.
    case toggle(String, value: String)
    /// Text: the whole text; an empty text clears the answer.
    case setText(String, text: String)
    /// Rank: the whole order, best first.
    case setRank(String, order: [String])
    /// Rank: moves one value up (negative) or down (positive); answers the question with the
    /// order shown if it had no answer yet.
    case moveRank(String, value: String, by: Int)
    case clear(String)
}

/// Why an action could not be applied. The form is unchanged when one is thrown.
public enum FormError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownQuestion(String)
    case notVisible(String)
    case locked(String)
    case wrongTool(String, QuestionKind)
    case unknownValue(String, value: String)

    public var description: String {
        switch self {
        case .unknownQuestion(let id): "there is no question \(id)"
        case .notVisible(let id): "question \(id) is not shown for the current answers"
        case .locked(let title): "“\(title)” is locked by its pre-label"
        case .wrongTool(let title, let kind): "“\(title)” is a \(kind.rawValue) question; that action does not apply"
        case .unknownValue(let title, let value): "“\(value)” is not a choice of “\(title)”"
        }
    }
}

/// Something that stops a submit, or that a pre-label got wrong.
public enum FormProblem: Equatable, Hashable, Sendable, CustomStringConvertible {
    case required(schemaId: String, title: String)
    case regexMismatch(schemaId: String, title: String, pattern: String)
    case unknownValue(schemaId: String, title: String, value: String)
    case tooManyAnswers(schemaId: String, title: String)

    public var schemaId: String {
        switch self {
        case .required(let id, _), .regexMismatch(let id, _, _), .unknownValue(let id, _, _), .tooManyAnswers(let id, _): id
        }
    }

    public var description: String {
        switch self {
        case .required(_, let title): "“\(title)” is required"
        case .regexMismatch(_, let title, let pattern): "“\(title)” does not match \(pattern)"
        case .unknownValue(_, let title, let value): "“\(title)” has “\(value)”, which is not one of its choices"
        case .tooManyAnswers(_, let title): "“\(title)” takes one answer but has several"
        }
    }
}
