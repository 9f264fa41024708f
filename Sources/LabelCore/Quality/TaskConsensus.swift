/// A task's consensus as the project keeps it once its round is closed: the score, and who the
/// annotators were (in the order they submitted, matching `score.annotators`).
public struct TaskConsensus: Equatable, Sendable {
    public var taskId: Int64
    public var score: ConsensusScore
    public var users: [String]

    public init(taskId: Int64, score: ConsensusScore, users: [String]) {
        self.taskId = taskId
        self.score = score
        self.users = users
    }

    /// Each annotator's agreement with the others on this task (0–1).
    public var agreements: [(user: String, agreement: Double)] {
        zip(users, score.annotators).map { (user: $0, agreement: $1) }
    }

    /// As stored (both stores keep the same text).
    public var stored: String {
        JSONValue.object([
            "average": .number(String(score.average)),
            "questions": .array(score.questions.map {
                .object(["schemaId": .string($0.schemaId), "title": .string($0.title), "agreement": .number(String($0.agreement))])
            }),
            "annotators": .array(zip(users, score.annotators).map { .object(["user": .string($0), "agreement": .number(String($1))]) }),
        ]).description
    }

    /// Reads what `stored` wrote; a text that is not that shape is a damaged project.
    public init(taskId: Int64, stored text: String) throws {
        guard let object = (try? JSONParser.parse(text))?.objectValue, let average = object["average"]?.doubleValue,
              let questions = object["questions"]?.arrayValue, let annotators = object["annotators"]?.arrayValue else {
            throw StoreError.damaged("the consensus score of task #\(taskId) is not readable")
        }
        var qs: [ConsensusScore.Question] = []
        for q in questions {
            guard let o = q.objectValue, let id = o["schemaId"]?.stringValue, let title = o["title"]?.stringValue,
                  let agreement = o["agreement"]?.doubleValue else { throw StoreError.damaged("the consensus score of task #\(taskId) is not readable") }
            qs.append(.init(schemaId: id, title: title, agreement: agreement))
        }
        var users: [String] = []
        var agreements: [Double] = []
        for a in annotators {
            guard let o = a.objectValue, let user = o["user"]?.stringValue, let agreement = o["agreement"]?.doubleValue else {
                throw StoreError.damaged("the consensus score of task #\(taskId) is not readable")
            }
            users.append(user)
            agreements.append(agreement)
        }
        self.init(taskId: taskId, score: ConsensusScore(questions: qs, average: average, annotators: agreements), users: users)
    }
}
