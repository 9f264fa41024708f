import Foundation

/// How an annotator's answers to a gold (benchmark) task compare with its known answers: per
/// top-level question the gold answers, 1 when the annotator's answer is the same (as consensus
/// compares them: sets for checkboxes and trees, order for ranks, trimmed text), else 0. A text
/// question in the gold may carry `"regex"` beside its answer: then any text matching the whole
/// pattern counts. Questions the gold leaves unanswered are not scored.
public struct BenchmarkScore: Equatable, Sendable {
    public struct Question: Equatable, Sendable {
        public var schemaId: String
        public var title: String
        public var correct: Bool
    }

    public var questions: [Question]

    /// 0–100: the share of scored questions answered as the gold says; nil when the gold scores none.
    public var percent: Double? {
        questions.isEmpty ? nil : Double(questions.filter(\.correct).count) / Double(questions.count) * 100
    }

    public var passed: Bool { questions.allSatisfy(\.correct) }

    /// Scores `answers` (Ango classifications) against `gold` (the same shape).
    public static func score(_ answers: [JSONValue], gold: [JSONValue], ontology: Ontology) -> BenchmarkScore {
        let context = FormContext(taskId: "", user: "", stageId: "")
        let given = FormState(ontology: ontology, context: context, classifications: answers)
        let expected = FormState(ontology: ontology, context: context, classifications: gold)
        var questions: [Question] = []
        for q in ontology.classifications {
            let want = Consensus.comparable(expected.answer(q.schemaId), kind: q.kind)
            guard !want.isEmpty else { continue }
            let got = Consensus.comparable(given.answer(q.schemaId), kind: q.kind)
            var correct = got == want
            if q.kind == .text, let pattern = Self.regex(for: q.schemaId, in: gold), let text = got.first {
                correct = Self.matchesWhole(text, pattern)
            }
            questions.append(Question(schemaId: q.schemaId, title: q.title, correct: correct))
        }
        return BenchmarkScore(questions: questions)
    }

    static func regex(for schemaId: String, in gold: [JSONValue]) -> String? {
        gold.lazy.compactMap(\.objectValue).first { $0["schemaId"]?.stringValue == schemaId }?["regex"]?.stringValue
    }

    static func matchesWhole(_ text: String, _ pattern: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        let range = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, options: [.anchored], range: range).map { $0.range == range } ?? false
    }
}
