/// A project's category schema: the questions termlabel asks, plus the object tools and
/// relations it keeps (their pre-labels pass through to the export untouched).
public struct Ontology: Equatable, Sendable {
    public var classifications: [Question]
    public var tools: [JSONValue]
    public var relations: [JSONValue]
    /// The schema as read, for writing back exactly (unknown keys and classes we do not ask kept).
    public var source: JSONValue
    private var index: [String: IndexPath]

    typealias IndexPath = [Int]

    public init(classifications: [Question], tools: [JSONValue] = [], relations: [JSONValue] = [], source: JSONValue? = nil) {
        self.classifications = classifications
        self.tools = tools
        self.relations = relations
        self.source = source ?? .object(["tools": .array(tools), "classifications": [], "relations": .array(relations)])
        self.index = [:]
        func walk(_ questions: [Question], _ prefix: IndexPath) {
            for (i, q) in questions.enumerated() {
                if index[q.schemaId] == nil { index[q.schemaId] = prefix + [i] }
                walk(q.children, prefix + [i])
            }
        }
        walk(classifications, [])
    }

    /// A question anywhere in the tree of questions, by schemaId.
    public func question(_ schemaId: String) -> Question? {
        guard let path = index[schemaId] else { return nil }
        var list = classifications
        var found: Question?
        for i in path {
            found = list[i]
            list = list[i].children
        }
        return found
    }

    /// The question whose `classifications` hold this one, nil for a top-level question.
    public func parent(of schemaId: String) -> Question? {
        guard let path = index[schemaId], path.count > 1 else { return nil }
        var list = classifications
        var found: Question?
        for i in path.dropLast() {
            found = list[i]
            list = list[i].children
        }
        return found
    }

    /// Every question, depth first (a parent before its children).
    public var allQuestions: [Question] {
        var out: [Question] = []
        func walk(_ qs: [Question]) {
            for q in qs {
                out.append(q)
                walk(q.children)
            }
        }
        walk(classifications)
        return out
    }

    /// A question with a title: for a question not in this schema (a pre-label of another
    /// project), matched by title as Ango's import does.
    public func question(titled title: String) -> Question? {
        allQuestions.first { $0.title == title }
    }
}
