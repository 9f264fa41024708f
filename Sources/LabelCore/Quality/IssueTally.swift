/// Issues per annotator, for the quality block of `stats`: how many issues others opened on the
/// tasks they labeled (received) and how many they resolved, of those and of any other.
public struct IssueTally: Equatable, Sendable {
    public var received = 0
    /// Of those received, how many are resolved (by anyone).
    public var receivedResolved = 0
    /// Issues this annotator resolved, on any task.
    public var resolved = 0

    public init(received: Int = 0, receivedResolved: Int = 0, resolved: Int = 0) {
        self.received = received
        self.receivedResolved = receivedResolved
        self.resolved = resolved
    }

    /// Each user's tally. An issue is received by the labeler of its task (`labelerOf`), unless
    /// they opened it themselves (a note of their own).
    public static func tally(_ issues: [TaskIssue], labelerOf: (Int64) -> String?) -> [String: IssueTally] {
        var tallies: [String: IssueTally] = [:]
        for issue in issues {
            if let labeler = labelerOf(issue.taskId), labeler != issue.createdBy {
                tallies[labeler, default: IssueTally()].received += 1
                if !issue.isOpen { tallies[labeler, default: IssueTally()].receivedResolved += 1 }
            }
            if let by = issue.resolution?.by { tallies[by, default: IssueTally()].resolved += 1 }
        }
        return tallies
    }
}
