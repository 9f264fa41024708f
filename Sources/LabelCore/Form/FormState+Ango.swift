import OrderedCollections

/// Turning a form into Ango classification objects and back.
extension FormState {
    /// The answers as Ango classification objects, in the schema's order, nested answers in their
    /// parent answer's `classifications`. Only questions shown for the current answers are written.
    /// A nested question answered under a parent that has no answer (possible when the child
    /// names no parent option) is written inside its parent with an empty answer.
    public func classifications(withMetadata: Bool = true) -> [JSONValue] {
        func objects(_ questions: [Question], parent: Question?) -> [JSONValue] {
            var out: [JSONValue] = []
            for q in questions where isShown(q, parent: parent) {
                let children = objects(q.children, parent: q)
                let answer = answers[q.schemaId]
                guard answer != nil || !children.isEmpty else { continue }
                var object: JSONObject = [:]
                object["objectId"] = .string(
                    answer?.objectId ?? ObjectID.make(taskId: context.taskId, schemaId: q.schemaId, createdAt: Timestamp(millisecondsSince1970: 0)))
                object["schemaId"] = .string(q.schemaId)
                object["tool"] = .string(q.kind.rawValue)
                object["title"] = .string(q.title)
                object["answer"] = answer?.value.json ?? (q.kind.answersWithList ? .array([]) : .string(""))
                if withMetadata, let metadata = answer?.metadata, !metadata.isEmpty { object["metadata"] = .object(metadata) }
                if answer?.locked == true { object["lock"] = true }
                object["classifications"] = .array(children)
                // Keys termlabel does not know follow, in the order they came.
                for (key, value) in answer?.extra ?? [:] where object[key] == nil && !Self.knownKeys.contains(key) {
                    object[key] = value
                }
                out.append(.object(object))
            }
            return out
        }
        return objects(ontology.classifications, parent: nil) + foreign
    }

    static let knownKeys: Set<String> = ["objectId", "schemaId", "tool", "title", "answer", "metadata", "lock", "classifications"]

    /// A form filled from Ango classification objects (pre-labels, a draft, or a stage's answers).
    /// A question is matched by `schemaId`, else by `title`, as Ango's import does; objects that
    /// match no question are kept in `foreign` and written back unchanged.
    public init(ontology: Ontology, context: FormContext, classifications: [JSONValue]) {
        var answers: [String: FormAnswer] = [:]
        var foreign: [JSONValue] = []
        func read(_ items: [JSONValue], topLevel: Bool) {
            for item in items {
                guard let object = item.objectValue else {
                    if topLevel { foreign.append(item) }
                    continue
                }
                let question = object["schemaId"]?.stringValue.flatMap { ontology.question($0) }
                    ?? object["title"]?.stringValue.flatMap(ontology.question(titled:))
                guard let question else {
                    if topLevel { foreign.append(item) }
                    continue
                }
                if let value = Self.answerValue(object["answer"], kind: question.kind), !value.isEmpty {
                    let extra = object.filter { !Self.knownKeys.contains($0.key) }
                    answers[question.schemaId] = FormAnswer(
                        value: value,
                        objectId: object["objectId"]?.stringValue
                            ?? ObjectID.make(taskId: context.taskId, schemaId: question.schemaId, createdAt: Timestamp(millisecondsSince1970: 0)),
                        metadata: object["metadata"]?.objectValue ?? [:],
                        locked: object["lock"]?.boolValue ?? false,
                        extra: extra)
                }
                read(object["classifications"]?.arrayValue ?? [], topLevel: false)
            }
        }
        read(classifications, topLevel: true)
        self.init(ontology: ontology, context: context, answers: answers, foreign: foreign)
    }

    static func answerValue(_ json: JSONValue?, kind: QuestionKind) -> AnswerValue? {
        switch json {
        case .string(let s): kind.answersWithList ? (s.isEmpty ? .many([]) : .many([s])) : .one(s)
        case .array(let items):
            kind.answersWithList
                ? .many(items.compactMap(\.stringValue))
                : (items.count == 1 ? .one(items[0].stringValue ?? "") : .many(items.compactMap(\.stringValue)))
        case .number(let n): .one(n)
        case .bool(let b): .one(b ? "true" : "false")
        default: nil
        }
    }
}
