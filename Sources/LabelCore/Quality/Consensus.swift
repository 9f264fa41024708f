import Foundation

/// Ango's consensus score: how much the annotators who answered one task agree.
///
/// Only top-level classification questions count (nested ones do not). For each question and
/// each annotator i, x = (annotators other than i with the same answer) / (annotators − 1); per
/// question y = Σx / annotators; the task's score is Σy / questions, shown 0–100.
///
/// "The same answer": radio, single dropdown and text compare their one value (text after
/// trimming white space); checkbox, multi dropdown and tree compare the set of values chosen, in
/// any order; rank compares the order. A question left unanswered is an answer too: two
/// annotators who both left it empty agree, and one who left it empty agrees with no one who
/// answered.
public struct ConsensusScore: Equatable, Sendable {
    public struct Question: Equatable, Sendable {
        public var schemaId: String
        public var title: String
        /// 0–1: y of the formula.
        public var agreement: Double

        public init(schemaId: String, title: String, agreement: Double) {
            self.schemaId = schemaId
            self.title = title
            self.agreement = agreement
        }
    }

    /// One entry per top-level question, in the ontology's order.
    public var questions: [Question]
    /// 0–100: the task's score (Σy / questions × 100).
    public var average: Double
    /// 0–1 for each annotator, in the order the answers were given: their x averaged over the
    /// questions (how often the others gave their answer). Its mean over annotators is `average` / 100.
    public var annotators: [Double] = []

    public init(questions: [Question], average: Double, annotators: [Double] = []) {
        self.questions = questions
        self.average = average
        self.annotators = annotators
    }

    /// `consensusAverage` as Ango writes it: an integer 0–100 (rounded half up).
    public var averagePercent: Int { Int((average + 0.5).rounded(.down)) }

    /// `consensusDetailed` as Ango writes it: one object per question, the score a string.
    public var detailedJSON: JSONValue {
        .array(questions.map { q in
            .object(["score": .string(String(Int((q.agreement * 100 + 0.5).rounded(.down)))), "schemaId": .string(q.schemaId), "title": .string(q.title)])
        })
    }
}

public enum Consensus {
    /// The score of one task from each annotator's classifications (Ango's `classifications`
    /// arrays, one per annotator); nil with fewer than two annotators or no top-level question.
    public static func score(_ answers: [[JSONValue]], ontology: Ontology) -> ConsensusScore? {
        guard answers.count >= 2, !ontology.classifications.isEmpty else { return nil }
        let context = FormContext(taskId: "", user: "", stageId: "")
        let forms = answers.map { FormState(ontology: ontology, context: context, classifications: $0) }
        let n = Double(answers.count)
        var questions: [ConsensusScore.Question] = []
        var perAnnotator = [Double](repeating: 0, count: answers.count)
        for q in ontology.classifications {
            let keys = forms.map { comparable($0.answer(q.schemaId), kind: q.kind) }
            var sum = 0.0
            for (i, key) in keys.enumerated() {
                let same = keys.indices.filter { $0 != i && keys[$0] == key }.count
                sum += Double(same) / (n - 1)
                perAnnotator[i] += Double(same) / (n - 1)
            }
            questions.append(.init(schemaId: q.schemaId, title: q.title, agreement: sum / n))
        }
        let average = questions.map(\.agreement).reduce(0, +) / Double(questions.count) * 100
        let q = Double(questions.count)
        return ConsensusScore(questions: questions, average: average, annotators: perAnnotator.map { $0 / q })
    }

    /// An answer in the form two answers are compared in: empty when unanswered.
    public static func comparable(_ answer: AnswerValue?, kind: QuestionKind) -> [String] {
        guard let values = answer?.values else { return [] }
        switch kind {
        case .text: return values.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        case .rank: return values
        case .checkbox, .multiDropdown, .treeDropdown: return Set(values).sorted()
        case .radio, .singleDropdown: return values.filter { !$0.isEmpty }
        }
    }
}
