import OrderedCollections

/// A Scale categorization task's choices (`params.categories`, strings or `{"label": …}` objects,
/// `allow_multiple`) and the question of an ontology that answers them.
public struct ScaleCategories: Equatable, Sendable {
    public var values: [String]
    public var allowMultiple: Bool
    /// `params.category_ids`: an id per category, used as the option's schemaId when given.
    public var ids: [String: String]

    public init(values: [String], allowMultiple: Bool = false, ids: [String: String] = [:]) {
        self.values = values
        self.allowMultiple = allowMultiple
        self.ids = ids
    }

    /// The schemaId of the question termlabel builds from Scale categories.
    public static let questionId = "scale-category"

    /// The question that answers a categorization task: the first question with choices that offers
    /// every category, else the first that offers every value given (a response's); nil if none does.
    public static func question(in ontology: Ontology, categories: [String], values: [String] = []) -> Question? {
        let candidates = ontology.allQuestions.filter { PreLabel.choiceKinds.contains($0.kind) }
        if !categories.isEmpty, let q = candidates.first(where: { Set($0.choices).isSuperset(of: categories) }) { return q }
        if !values.isEmpty, let q = candidates.first(where: { Set($0.choices).isSuperset(of: values) }) { return q }
        return nil
    }

    /// The first question with choices: what a task that did not come from Scale is categorized by.
    public static func firstQuestion(in ontology: Ontology) -> Question? {
        ontology.allQuestions.first { PreLabel.choiceKinds.contains($0.kind) }
    }

    /// Ango category schema JSON with one question offering every category seen, in the order
    /// first seen: a checkbox when any task allows several, else a radio.
    public static func ontology(_ all: [ScaleCategories]) -> JSONValue {
        var options = OrderedDictionary<String, String>()
        var multiple = false
        for categories in all {
            multiple = multiple || categories.allowMultiple
            for value in categories.values where options[value] == nil { options[value] = categories.ids[value] ?? value }
        }
        let question: JSONObject = [
            "tool": .string(multiple ? QuestionKind.checkbox.rawValue : QuestionKind.radio.rawValue),
            "title": "Category", "schemaId": .string(questionId), "required": true,
            "options": .array(options.map { ["value": .string($0.key), "schemaId": .string($0.value)] }),
            "classifications": [],
        ]
        return ["tools": [], "classifications": [.object(question)], "relations": []]
    }
}
