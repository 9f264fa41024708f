/// A pre-label made from another tool's label: the Ango classification object answering a
/// question of the ontology with option values.
enum PreLabel {
    /// The questions another tool's labels can answer: those chosen from options.
    static let choiceKinds: Set<QuestionKind> = [.radio, .checkbox, .singleDropdown, .multiDropdown]

    /// The classification answering `question` with `values` (one string for a question that
    /// takes one answer, a list otherwise).
    static func classification(_ question: Question, answer values: [String]) -> JSONValue {
        let value: JSONValue = question.kind.answersWithList ? .array(values.map(JSONValue.string)) : .string(values.first ?? "")
        return ["schemaId": .string(question.schemaId), "tool": .string(question.kind.rawValue), "title": .string(question.title),
                "answer": value, "classifications": []]
    }
}
