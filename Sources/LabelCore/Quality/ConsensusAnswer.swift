/// One annotator's answer to a task in a consensus round, as submitted.
public struct ConsensusAnswer: Equatable, Sendable {
    public var user: String
    public var classifications: [JSONValue]
    public var time: TimeSpent
    public var submittedAt: Timestamp

    public init(user: String, classifications: [JSONValue], time: TimeSpent, submittedAt: Timestamp) {
        self.user = user
        self.classifications = classifications
        self.time = time
        self.submittedAt = submittedAt
    }
}
