import LabelCore

/// Review of a consensus task: the answers its annotators gave, in the order they came, and how
/// much they agree (per top-level question; below 1 the question is marked as disagreed on).
struct ConsensusReview: Equatable {
    var answers: [ConsensusAnswer]
    var score: ConsensusScore?

    init(answers: [ConsensusAnswer], ontology: Ontology) {
        self.answers = answers
        score = Consensus.score(answers.map(\.classifications), ontology: ontology)
    }

    /// Each annotator's answer to each top-level question, as one short text ("—": unanswered).
    func cells(ontology: Ontology) -> [[String]] {
        let context = FormContext(taskId: "", user: "", stageId: "")
        return answers.map { answer in
            let form = FormState(ontology: ontology, context: context, classifications: answer.classifications)
            return ontology.classifications.map { q in
                let values = Consensus.comparable(form.answer(q.schemaId), kind: q.kind)
                return values.isEmpty ? "—" : values.joined(separator: ", ")
            }
        }
    }

    /// Whether the annotators gave different answers to the question.
    func disagree(on schemaId: String) -> Bool {
        (score?.questions.first { $0.schemaId == schemaId }?.agreement ?? 1) < 1
    }
}
