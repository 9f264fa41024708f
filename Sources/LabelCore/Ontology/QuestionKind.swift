/// The classification tools of Ango's category schema that termlabel asks in its form.
public enum QuestionKind: String, CaseIterable, Sendable {
    case radio
    case checkbox
    case singleDropdown = "single-dropdown"
    case multiDropdown = "multi-dropdown"
    case treeDropdown = "tree-dropdown"
    case text
    case rank

    /// Tools whose answer is a list (`["a", "b"]`) rather than one string.
    public var answersWithList: Bool {
        switch self {
        case .checkbox, .multiDropdown, .treeDropdown, .rank: true
        case .radio, .singleDropdown, .text: false
        }
    }

    /// Tools answered by picking from `options`.
    public var usesOptions: Bool {
        switch self {
        case .radio, .checkbox, .singleDropdown, .multiDropdown, .rank: true
        case .treeDropdown, .text: false
        }
    }

    /// Ango tool types that termlabel reads and keeps but does not ask in its form.
    public static let keptButNotAsked: Set<String> = ["boolean", "instance"]
}
