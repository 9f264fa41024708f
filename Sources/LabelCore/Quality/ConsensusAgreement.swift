/// Each annotator's agreement with the others over the consensus tasks they answered: the mean of
/// their per-task agreement (on one task: for each top-level question, the share of the other
/// annotators who gave their answer, averaged over the questions). Pure, from the stored scores.
public struct ConsensusAgreement: Equatable, Sendable {
    public var user: String
    /// Consensus tasks whose round closed with this user's answer in it.
    public var tasks: Int
    /// 0–100.
    public var percent: Double

    public init(user: String, tasks: Int, percent: Double) {
        self.user = user
        self.tasks = tasks
        self.percent = percent
    }

    /// One entry per annotator, in order of name.
    public static func compute(_ scores: [TaskConsensus]) -> [ConsensusAgreement] {
        var sums: [String: (n: Int, sum: Double)] = [:]
        for task in scores {
            for (user, agreement) in task.agreements {
                let s = sums[user] ?? (0, 0)
                sums[user] = (s.n + 1, s.sum + agreement)
            }
        }
        return sums.keys.sorted().map { user in
            let s = sums[user]!
            return ConsensusAgreement(user: user, tasks: s.n, percent: s.sum / Double(s.n) * 100)
        }
    }
}
