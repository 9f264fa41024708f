/// The quality block of `stats` and the `%` screen: per annotator, how their answers measure up:
/// agreement with the others on consensus tasks, the score on gold tasks, and issues received and
/// resolved. A column is a figure here, its JSON key and its cell in `columns`.
public struct AnnotatorQuality: Equatable, Sendable {
    public var user: String
    /// Mean benchmark score (0–100) over the gold tasks they answered that score any question; nil before any.
    public var benchmarkScore: Double?
    /// Gold tasks answered (submitted).
    public var benchmarkTasks: Int
    /// Of those, how many failed (`BenchmarkResult.passMark`).
    public var benchmarkFailed: Int
    /// Mean agreement with the others (0–100) over their closed consensus tasks; nil before any.
    public var agreement: Double?
    /// Consensus tasks whose round closed with their answer in it.
    public var consensusTasks = 0
    /// Issues others opened on tasks they labeled, how many of those are resolved, and how many
    /// issues they resolved themselves (`IssueTally`).
    public var issues = IssueTally()

    public init(user: String, benchmarkScore: Double? = nil, benchmarkTasks: Int = 0, benchmarkFailed: Int = 0) {
        self.user = user
        self.benchmarkScore = benchmarkScore
        self.benchmarkTasks = benchmarkTasks
        self.benchmarkFailed = benchmarkFailed
    }

    /// One block per user with any figure: gold answers, closed consensus tasks, issues.
    public static func compute(benchmarks: [BenchmarkResult], agreements: [ConsensusAgreement] = [],
                               issues: [String: IssueTally] = [:]) -> [String: AnnotatorQuality] {
        var byUser = compute(benchmarks: benchmarks)
        for a in agreements {
            byUser[a.user, default: AnnotatorQuality(user: a.user)].agreement = a.percent
            byUser[a.user, default: AnnotatorQuality(user: a.user)].consensusTasks = a.tasks
        }
        for (user, tally) in issues { byUser[user, default: AnnotatorQuality(user: user)].issues = tally }
        return byUser
    }

    /// One block per user who answered a gold task.
    static func compute(benchmarks: [BenchmarkResult]) -> [String: AnnotatorQuality] {
        var byUser: [String: AnnotatorQuality] = [:]
        for (user, results) in Dictionary(grouping: benchmarks, by: \.user) {
            let scores = results.compactMap(\.score.percent)
            byUser[user] = AnnotatorQuality(
                user: user, benchmarkScore: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
                benchmarkTasks: results.count, benchmarkFailed: results.filter(\.failed).count)
        }
        return byUser
    }

    /// `stats --json`: each annotator's `"quality"` object.
    public var json: JSONValue {
        [
            "benchmarkScore": benchmarkScore.map { .number(LabelerStats.format($0)) } ?? .null,
            "benchmarkTasks": .int(benchmarkTasks), "benchmarkFailed": .int(benchmarkFailed),
            "agreement": agreement.map { .number(LabelerStats.format($0)) } ?? .null, "consensusTasks": .int(consensusTasks),
            "issuesReceived": .int(issues.received), "issuesReceivedResolved": .int(issues.receivedResolved),
            "issuesResolved": .int(issues.resolved),
        ]
    }

    /// A column of the quality block as text: its header and a cell per annotator.
    public struct Column: Sendable {
        public var header: String
        public var cell: @Sendable (AnnotatorQuality) -> String
    }

    /// The block's columns, in order, for the `stats` table and the `%` screen.
    public static let columns: [Column] = [
        Column(header: "agreement") { q in q.agreement.map { LabelerStats.format($0.rounded()) + "%" } ?? "–" },
        Column(header: "gold") { q in q.benchmarkScore.map { LabelerStats.format($0.rounded()) + "%" } ?? "–" },
        Column(header: "gold n") { q in "\(q.benchmarkTasks)" },
        Column(header: "failed") { q in q.benchmarkTasks == 0 ? "–" : "\(q.benchmarkFailed)" },
        Column(header: "issues") { q in "\(q.issues.received)" },
        Column(header: "fixed") { q in q.issues.received == 0 ? "–" : "\(q.issues.receivedResolved)" },
        Column(header: "resolved") { q in "\(q.issues.resolved)" },
    ]
}
