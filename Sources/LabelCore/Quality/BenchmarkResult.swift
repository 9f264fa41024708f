/// One annotator's submitted answer to a gold task, scored: what `stats`, the review screen and
/// the export read.
public struct BenchmarkResult: Equatable, Sendable {
    public var taskId: Int64
    public var externalId: String
    public var user: String
    public var score: BenchmarkScore
    /// The answers they gave, as Ango classifications.
    public var classifications: [JSONValue]
    public var time: TimeSpent
    public var submittedAt: Timestamp

    /// A gold answer fails below this score (percent of its scored questions answered as the gold
    /// says): with up to four questions, one wrong answer fails it.
    public static let passMark = 80.0

    /// Whether the answer fails its benchmark (a gold task that scores no question never fails).
    public var failed: Bool { (score.percent ?? 100) < Self.passMark }

    public init(
        taskId: Int64, externalId: String, user: String, score: BenchmarkScore, classifications: [JSONValue],
        time: TimeSpent, submittedAt: Timestamp
    ) {
        self.taskId = taskId
        self.externalId = externalId
        self.user = user
        self.score = score
        self.classifications = classifications
        self.time = time
        self.submittedAt = submittedAt
    }
}

extension BenchmarkScore {
    /// As the store keeps it and the export writes it: `{"score": 0–100 or null, "questions":
    /// [{"schemaId", "title", "correct"}]}`.
    public var json: JSONValue {
        [
            "score": percent.map { .number(LabelerStats.format($0)) } ?? .null,
            "questions": .array(questions.map { q in
                ["schemaId": .string(q.schemaId), "title": .string(q.title), "correct": .bool(q.correct)]
            }),
        ]
    }

    /// Reads `json` back; nil when it is not that shape.
    public init?(json: JSONValue) {
        guard let list = json["questions"]?.arrayValue else { return nil }
        var questions: [Question] = []
        for item in list {
            guard let schemaId = item["schemaId"]?.stringValue, let correct = item["correct"]?.boolValue else { return nil }
            questions.append(Question(schemaId: schemaId, title: item["title"]?.stringValue ?? "", correct: correct))
        }
        self.init(questions: questions)
    }
}
