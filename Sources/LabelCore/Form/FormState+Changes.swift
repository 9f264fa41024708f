/// How one form's answers differ from another's: a reviewer's edits against the labeler's answers.
extension FormState {
    /// The schemaIds whose answer differs from `baseline`'s (added, removed or changed), in the
    /// order the questions stand in the ontology.
    public func changedQuestions(from baseline: FormState) -> [String] {
        ontology.allQuestions.map(\.schemaId).filter { answers[$0]?.value != baseline.answers[$0]?.value }
    }
}
