import OrderedCollections

/// Turns other tools' labels into Ango classification answers (pre-labels): matched to the
/// questions of a given ontology, or, without one, to questions built from the labels seen.
///
/// - `choices` with a question name go to the question of that title (or schemaId); without
///   one, or when no title matches, to the first top-level question whose options hold every value.
/// - a Prodigy `decision` goes to a question titled with the label whose options are `accept`
///   and `reject`; else to a question with an option named like the label: chosen when
///   accepted, left unanswered when rejected.
/// - Values are written in the ontology's spelling (matched without regard to case).
public struct LabelMatcher {
    public struct Result: Equatable, Sendable {
        /// For each task, its pre-label classifications.
        public var classifications: [[JSONValue]]
        /// The category schema built from the labels seen (only without a given ontology).
        public var builtOntology: JSONValue?
        public var ontology: Ontology?
        /// Labels that matched no question, with how often each was seen.
        public var unmatched: OrderedDictionary<String, Int>
        /// Tasks that had more than one value for a question that takes one; the first was kept.
        public var truncated: Int
    }

    /// The question that holds labels given without a question name (doccano's, Prodigy's options).
    public static let unnamedQuestion = "Label"

    public static func resolve(_ labels: [[ForeignLabel]], ontology given: Ontology?) -> Result {
        // An empty label names no option (and would make a question no ontology accepts).
        let labels = labels.map { task in
            task.compactMap { label -> ForeignLabel? in
                guard case .choices(let name, let values) = label else { return label }
                let kept = values.filter { !$0.isEmpty }
                return kept.isEmpty ? nil : .choices(question: name, values: kept)
            }
        }
        var built: JSONValue?
        var ontology = given
        if given == nil, labels.contains(where: { !$0.isEmpty }) {
            built = build(labels)
            ontology = built.flatMap { try? OntologyReader.read($0).ontology }
        }
        guard let ontology else {
            return Result(classifications: labels.map { _ in [] }, builtOntology: nil, ontology: nil, unmatched: [:], truncated: 0)
        }
        var unmatched: OrderedDictionary<String, Int> = [:]
        var truncated = 0
        let questions = ontology.classifications.filter { [.radio, .checkbox, .singleDropdown, .multiDropdown].contains($0.kind) }
        var out: [[JSONValue]] = []
        out.reserveCapacity(labels.count)
        for taskLabels in labels {
            var answers: OrderedDictionary<String, [String]> = [:]
            func choose(_ q: Question, _ value: String) {
                if !answers[q.schemaId, default: []].contains(value) { answers[q.schemaId, default: []].append(value) }
            }
            for label in taskLabels {
                switch label {
                case .choices(let name, let values):
                    let byName = name.flatMap { n in questions.first { $0.title.lowercased() == n.lowercased() || $0.schemaId == n } }
                    let q = byName.flatMap { q in values.allSatisfy { option(q, $0) != nil } ? q : nil }
                        ?? questions.first { q in values.allSatisfy { option(q, $0) != nil } }
                        ?? byName
                    for value in values {
                        if let q, let chosen = option(q, value) { choose(q, chosen) } else { unmatched[value, default: 0] += 1 }
                    }
                case .decision(let name, let accepted):
                    let decision = accepted ? "accept" : "reject"
                    if let q = questions.first(where: { $0.title.lowercased() == name.lowercased() && option($0, decision) != nil }) {
                        choose(q, option(q, decision)!)
                    } else if let q = questions.first(where: { option($0, name) != nil }) {
                        if accepted { choose(q, option(q, name)!) }
                    } else {
                        unmatched["\(name) (\(decision))", default: 0] += 1
                    }
                }
            }
            var classifications: [JSONValue] = []
            for (schemaId, values) in answers {
                guard let q = ontology.question(schemaId) else { continue }
                let answer: JSONValue
                if q.kind.answersWithList {
                    answer = .array(values.map(JSONValue.string))
                } else {
                    if values.count > 1 { truncated += 1 }
                    answer = .string(values[0])
                }
                classifications.append([
                    "schemaId": .string(q.schemaId), "tool": .string(q.kind.rawValue), "title": .string(q.title),
                    "answer": answer, "classifications": [],
                ])
            }
            out.append(classifications)
        }
        return Result(classifications: out, builtOntology: built, ontology: ontology, unmatched: unmatched, truncated: truncated)
    }

    /// The option of `q` a value names, in the ontology's spelling.
    static func option(_ q: Question, _ value: String) -> String? {
        q.choices.first { $0 == value } ?? q.choices.first { $0.lowercased() == value.lowercased() }
    }

    /// One question per label set, in the order first seen: a radio when no task has more than
    /// one of its values, else a checkbox; options in the order first seen.
    static func build(_ labels: [[ForeignLabel]]) -> JSONValue {
        var order: OrderedDictionary<String, (values: OrderedSet<String>, multiple: Bool)> = [:]
        for taskLabels in labels {
            var perQuestion: [String: Int] = [:]
            for label in taskLabels {
                switch label {
                case .choices(let name, let values):
                    let key = name ?? unnamedQuestion
                    var entry = order[key] ?? ([], false)
                    for v in values { entry.values.append(v) }
                    perQuestion[key, default: 0] += values.count
                    if perQuestion[key]! > 1 { entry.multiple = true }
                    order[key] = entry
                case .decision(let name, _):
                    order[name] = (["accept", "reject"], false)
                }
            }
        }
        var usedIds: Set<String> = []
        func id(_ text: String) -> String {
            let slug = String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
            var candidate = slug.isEmpty ? "q" : slug
            var n = 2
            while usedIds.contains(candidate) {
                candidate = "\(slug)-\(n)"
                n += 1
            }
            usedIds.insert(candidate)
            return candidate
        }
        let questions: [JSONValue] = order.map { name, entry in
            let qid = id(name)
            return [
                "tool": entry.multiple ? "checkbox" : "radio", "title": .string(name), "required": false, "schemaId": .string(qid),
                "columnField": false,
                "options": .array(entry.values.map { ["value": .string($0), "schemaId": .string(id("\(qid)-\($0)"))] }),
                "classifications": [],
            ]
        }
        return ["tools": [], "classifications": .array(questions), "relations": []]
    }
}
