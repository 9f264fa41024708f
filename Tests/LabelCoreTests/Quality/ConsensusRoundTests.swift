import LabelCore
import Testing

/// Where a task goes when its round closes, whose answer it keeps, and each annotator's agreement.
@Suite("Consensus round")
struct ConsensusRoundTests {
    static let ontology = try! OntologyReader.read(Array("""
        {"tools": [], "relations": [], "classifications": [{"tool": "radio", "title": "Sentiment", "schemaId": "s",
          "options": [{"value": "Positive", "schemaId": "p"}, {"value": "Negative", "schemaId": "n"}]}]}
        """.utf8), file: "o.json").ontology

    static func answer(_ user: String, _ value: String) -> ConsensusAnswer {
        ConsensusAnswer(user: user, classifications: [.object(["schemaId": "s", "title": "Sentiment", "answer": .string(value)])],
                        time: TimeSpent(active: 1, idle: 0), submittedAt: Timestamp(millisecondsSince1970: 0))
    }

    static func settings(review: Bool, threshold: Int?) -> ProjectSettings {
        var s = ProjectSettings(name: "p", ontologyJSON: "{}", hasReview: review, createdAt: Timestamp(millisecondsSince1970: 0))
        s.consensus = 3
        s.consensusThreshold = threshold
        return s
    }

    // Negative, Positive, Positive → x = 0, 1/2, 1/2 → score 33; the second agrees most (first of the tie).
    static let split = [answer("a", "Negative"), answer("b", "Positive"), answer("c", "Positive")]

    @Test("without a threshold a scored task goes to Review, with the most agreeing answer")
    func toReview() {
        let round = ConsensusRound.close(Self.split, settings: Self.settings(review: true, threshold: nil), ontology: Self.ontology)
        #expect(round.score?.averagePercent == 33)
        #expect(round.chosen == 1)
        #expect(round.next == .review)
    }

    @Test("a score that reaches the threshold goes to Complete; one below it to Review")
    func threshold() {
        #expect(ConsensusRound.close(Self.split, settings: Self.settings(review: true, threshold: 33), ontology: Self.ontology).next == .complete)
        #expect(ConsensusRound.close(Self.split, settings: Self.settings(review: true, threshold: 34), ontology: Self.ontology).next == .review)
    }

    @Test("a project without a Review stage completes every round")
    func noReview() {
        #expect(ConsensusRound.close(Self.split, settings: Self.settings(review: false, threshold: 90), ontology: Self.ontology).next == .complete)
    }

    @Test("an annotator's agreement is the mean of their per-task agreement, in percent")
    func agreement() {
        // Task 1: a 0, b 1/2, c 1/2. Task 2 (all Positive): a 1, b 1. Mean: a (0 + 1) / 2 = 50%,
        // b (1/2 + 1) / 2 = 75%, c 1/2 = 50%.
        let one = TaskConsensus(taskId: 1, score: ConsensusScore(questions: [], average: 100.0 / 3, annotators: [0, 0.5, 0.5]),
                                users: ["a", "b", "c"])
        let two = TaskConsensus(taskId: 2, score: ConsensusScore(questions: [], average: 100, annotators: [1, 1]), users: ["a", "b"])
        #expect(ConsensusAgreement.compute([one, two]) == [
            ConsensusAgreement(user: "a", tasks: 2, percent: 50),
            ConsensusAgreement(user: "b", tasks: 2, percent: 75),
            ConsensusAgreement(user: "c", tasks: 1, percent: 50),
        ])
    }

    @Test("a stored score reads back as it was")
    func storedRoundTrip() throws {
        let score = try #require(Consensus.score(Self.split.map(\.classifications), ontology: Self.ontology))
        let stored = TaskConsensus(taskId: 7, score: score, users: ["a", "b", "c"])
        #expect(try TaskConsensus(taskId: 7, stored: stored.stored) == stored)
        #expect(throws: StoreError.damaged("the consensus score of task #7 is not readable")) { try TaskConsensus(taskId: 7, stored: "{}") }
    }
}
