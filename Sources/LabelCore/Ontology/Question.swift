import OrderedCollections

/// A classification question of the ontology, with its nested questions.
public struct Question: Equatable, Sendable, Identifiable {
    public var schemaId: String
    public var kind: QuestionKind
    public var title: String
    public var required: Bool
    public var shortcutKey: ShortcutKey?
    public var options: [QuestionOption]
    public var tree: [TreeNode]
    /// A pattern the text answer must match (a search, as JavaScript's `test` does: anchor it with
    /// `^…$` to match the whole answer).
    public var regex: String?
    /// The option of the parent question (by its `schemaId`, or a tree node's `key`) that makes
    /// this question appear; nil means it always appears.
    public var parentOptionId: String?
    /// What the question asks for, in the schema author's words (a classification's
    /// `description`), and a tip for answering it (`hint`): shown under the focused question.
    public var description: String?
    public var hint: String?
    public var children: [Question]
    /// The question exactly as the schema had it, unknown keys included.
    public var raw: JSONObject

    public var id: String { schemaId }

    public init(
        schemaId: String, kind: QuestionKind, title: String, required: Bool = false, shortcutKey: ShortcutKey? = nil,
        options: [QuestionOption] = [], tree: [TreeNode] = [], regex: String? = nil, parentOptionId: String? = nil,
        children: [Question] = [], raw: JSONObject = [:], description: String? = nil, hint: String? = nil
    ) {
        self.description = description
        self.hint = hint
        self.schemaId = schemaId
        self.kind = kind
        self.title = title
        self.required = required
        self.shortcutKey = shortcutKey
        self.options = options
        self.tree = tree
        self.regex = regex
        self.parentOptionId = parentOptionId
        self.children = children
        self.raw = raw
    }

    /// The values a user may choose from: option values, or every tree node's full path.
    public var choices: [String] {
        kind == .treeDropdown ? tree.flattened().map(\.path) : options.map(\.value)
    }

    /// The option (or tree node) id that a chosen value stands for.
    public func optionId(forValue value: String) -> String? {
        if kind == .treeDropdown { return tree.flattened().first { $0.path == value }?.node.key }
        return options.first { $0.value == value }?.schemaId
    }
}
