/// What happens to a task when the last of its consensus annotators submits: pure, so both stores
/// decide the same way, in the transaction of that submit.
///
/// - The score is `Consensus.score` over the answers, in the order they were submitted.
/// - The task's answer becomes the answer of the annotator who agrees most with the others
///   (the first of them on a tie): what a reviewer sees first, and what Complete keeps when no
///   review follows.
/// - The task goes to Complete when the score reaches the project's threshold, or when the
///   project has no Review stage; else to Review.
public struct ConsensusRound: Equatable, Sendable {
    public var score: ConsensusScore?
    /// The index of the answer the task takes as its own.
    public var chosen: Int
    public var next: Stage
    public var status: TaskStatus

    public static func close(_ answers: [ConsensusAnswer], settings: ProjectSettings, ontology: Ontology) -> ConsensusRound {
        let score = Consensus.score(answers.map(\.classifications), ontology: ontology)
        var chosen = 0
        if let agreements = score?.annotators {
            for (i, a) in agreements.enumerated() where a > agreements[chosen] { chosen = i }
        }
        let passes = settings.consensusThreshold.map { threshold in (score?.averagePercent ?? 0) >= threshold } ?? false
        let toReview = settings.hasReview && !passes
        return ConsensusRound(score: score, chosen: chosen, next: toReview ? .review : .complete, status: .submitted)
    }

    /// Whether a Label task is answered by several annotators now: consensus is on and nobody
    /// holds the task alone (a task sent back by review, or requeued to its labeler, is theirs).
    public static func applies(_ settings: ProjectSettings, stage: Stage, assignee: String?) -> Bool {
        applies(consensus: settings.consensus, stage: stage, assignee: assignee)
    }

    /// The same from the `consensus` setting alone (what the stores read on their hot paths).
    public static func applies(consensus: Int, stage: Stage, assignee: String?) -> Bool {
        consensus > 1 && stage == .label && assignee == nil
    }
}
