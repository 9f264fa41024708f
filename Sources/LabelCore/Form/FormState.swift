import Foundation

/// What the annotator has answered so far, for one task. Changed only through `apply`; every
/// change is a new value, so the app can keep the previous one for undo.
public struct FormState: Equatable, Sendable {
    public let ontology: Ontology
    public private(set) var answers: [String: FormAnswer]
    /// The schemaId of the question the cursor is on.
    public private(set) var focus: String?
    public var context: FormContext
    /// Imported classifications that name no question of this ontology: kept, written back as they came.
    public private(set) var foreign: [JSONValue]

    public init(ontology: Ontology, context: FormContext, answers: [String: FormAnswer] = [:], foreign: [JSONValue] = []) {
        self.ontology = ontology
        self.context = context
        self.answers = answers
        self.foreign = foreign
        self.focus = ontology.classifications.first?.schemaId
    }

    /// A question as the form shows it: in order, with its nesting depth.
    public struct Row: Equatable, Sendable {
        public var question: Question
        public var depth: Int
    }

    /// The questions shown for the current answers, in order: a nested question appears while its
    /// parent option is chosen, or always when it names no parent option.
    public var visibleQuestions: [Row] {
        var rows: [Row] = []
        func walk(_ questions: [Question], depth: Int, parent: Question?) {
            for q in questions where isShown(q, parent: parent) {
                rows.append(Row(question: q, depth: depth))
                walk(q.children, depth: depth + 1, parent: q)
            }
        }
        walk(ontology.classifications, depth: 0, parent: nil)
        return rows
    }

    func isShown(_ question: Question, parent: Question?) -> Bool {
        guard let parent, let optionId = question.parentOptionId else { return true }
        guard let chosen = answers[parent.schemaId]?.value.values else { return false }
        return chosen.contains { parent.optionId(forValue: $0) == optionId }
    }

    public func isVisible(_ schemaId: String) -> Bool { visibleQuestions.contains { $0.question.schemaId == schemaId } }

    public func answer(_ schemaId: String) -> AnswerValue? { answers[schemaId]?.value }

    // MARK: Actions

    public mutating func apply(_ action: FormAction, at time: Timestamp) throws(FormError) {
        switch action {
        case .focus(let id):
            guard ontology.question(id) != nil else { throw .unknownQuestion(id) }
            guard isVisible(id) else { throw .notVisible(id) }
            focus = id
        case .focusNext: moveFocus(by: 1)
        case .focusPrevious: moveFocus(by: -1)
        case .focusFirstProblem:
            if let first = problems.first { focus = first.schemaId }
        case .choose(let id, let value):
            let q = try editable(id, kinds: [.radio, .singleDropdown])
            guard q.choices.contains(value) else { throw .unknownValue(q.title, value: value) }
            set(q, .one(value), at: time)
        case .toggle(let id, let value):
            let q = try editable(id, kinds: [.checkbox, .multiDropdown, .treeDropdown])
            let choices = q.choices
            guard choices.contains(value) else { throw .unknownValue(q.title, value: value) }
            var chosen = Set(answers[id]?.value.values ?? [])
            if chosen.contains(value) { chosen.remove(value) } else { chosen.insert(value) }
            // Lists are written in the schema's order, so the same choices always give the same JSON.
            set(q, .many(choices.filter(chosen.contains)), at: time)
        case .setText(let id, let text):
            let q = try editable(id, kinds: [.text])
            set(q, .one(text), at: time)
        case .setRank(let id, let order):
            let q = try editable(id, kinds: [.rank])
            for value in order where !q.choices.contains(value) { throw .unknownValue(q.title, value: value) }
            // A rank is an order of distinct options: a value given twice keeps its first place.
            var seen: Set<String> = []
            set(q, .many(order.filter { seen.insert($0).inserted }), at: time)
        case .moveRank(let id, let value, let offset):
            let q = try editable(id, kinds: [.rank])
            var order = rankOrder(q)
            guard let from = order.firstIndex(of: value) else { throw .unknownValue(q.title, value: value) }
            let to = max(0, min(order.count - 1, from + offset))
            order.remove(at: from)
            order.insert(value, at: to)
            set(q, .many(order), at: time)
        case .clear(let id):
            let q = try editable(id, kinds: Set(QuestionKind.allCases))
            answers[q.schemaId] = nil
        }
    }

    /// The order a rank question shows: its answer, then any options not in it, in schema order.
    public func rankOrder(_ question: Question) -> [String] {
        let answered = answers[question.schemaId]?.value.values ?? []
        return answered + question.choices.filter { !answered.contains($0) }
    }

    private mutating func moveFocus(by step: Int) {
        let rows = visibleQuestions
        guard !rows.isEmpty else { return }
        let current = rows.firstIndex { $0.question.schemaId == focus } ?? 0
        focus = rows[(current + step + rows.count) % rows.count].question.schemaId
    }

    private func editable(_ id: String, kinds: Set<QuestionKind>) throws(FormError) -> Question {
        guard let q = ontology.question(id) else { throw .unknownQuestion(id) }
        guard kinds.contains(q.kind) else { throw .wrongTool(q.title, q.kind) }
        guard isVisible(id) else { throw .notVisible(id) }
        if answers[id]?.locked == true { throw .locked(q.title) }
        return q
    }

    private mutating func set(_ q: Question, _ value: AnswerValue, at time: Timestamp) {
        focus = q.schemaId
        if value.isEmpty {
            answers[q.schemaId] = nil
            return
        }
        if var existing = answers[q.schemaId] {
            guard existing.value != value else { return }
            existing.value = value
            existing.metadata["updatedAt"] = .string(time.iso8601)
            existing.metadata["updatedBy"] = .string(context.user)
            existing.metadata["updatedIn"] = .string(context.stageId)
            answers[q.schemaId] = existing
        } else {
            answers[q.schemaId] = FormAnswer(
                value: value,
                objectId: ObjectID.make(taskId: context.taskId, schemaId: q.schemaId, createdAt: time),
                metadata: [
                    "createdAt": .string(time.iso8601), "createdBy": .string(context.user),
                    "createdIn": .string(context.stageId),
                ])
        }
    }

    // MARK: Validation

    /// What stops a submit, in form order: required questions without an answer, text that does
    /// not match its pattern, and pre-labels that do not fit their question.
    public var problems: [FormProblem] {
        var out: [FormProblem] = []
        for row in visibleQuestions {
            let q = row.question
            guard let answer = answers[q.schemaId], !answer.value.isEmpty else {
                if q.required { out.append(.required(schemaId: q.schemaId, title: q.title)) }
                continue
            }
            if !q.kind.answersWithList, answer.value.values.count > 1 {
                out.append(.tooManyAnswers(schemaId: q.schemaId, title: q.title))
            }
            if q.kind == .text {
                if let pattern = q.regex, !Self.matches(answer.value.values.first ?? "", pattern) {
                    out.append(.regexMismatch(schemaId: q.schemaId, title: q.title, pattern: pattern))
                }
            } else {
                let choices = Set(q.choices)
                for value in answer.value.values where !choices.contains(value) {
                    out.append(.unknownValue(schemaId: q.schemaId, title: q.title, value: value))
                }
            }
        }
        return out
    }

    public func problems(for schemaId: String) -> [FormProblem] { problems.filter { $0.schemaId == schemaId } }

    /// A search, as JavaScript's `RegExp.test` (Ango's editor) does.
    public static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
