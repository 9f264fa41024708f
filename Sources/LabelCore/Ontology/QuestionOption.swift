/// One choice of a question. Answers carry the `value`, never the `schemaId`.
public struct QuestionOption: Equatable, Hashable, Sendable {
    public var value: String
    public var schemaId: String
    public init(value: String, schemaId: String) {
        self.value = value
        self.schemaId = schemaId
    }
}
