/// The quality block of `stats` and the `%` screen: per annotator, how their answers measure up.
/// A column is a figure here, its JSON key and its cell in `columns`; agreement (consensus) and
/// issues received and resolved are added the same way.
public struct AnnotatorQuality: Equatable, Sendable {
    public var user: String
    /// Mean benchmark score (0–100) over the gold tasks they answered that score any question; nil before any.
    public var benchmarkScore: Double?
    /// Gold tasks answered (submitted).
    public var benchmarkTasks: Int
    /// Of those, how many failed (`BenchmarkResult.passMark`).
    public var benchmarkFailed: Int

    public init(user: String, benchmarkScore: Double? = nil, benchmarkTasks: Int = 0, benchmarkFailed: Int = 0) {
        self.user = user
        self.benchmarkScore = benchmarkScore
        self.benchmarkTasks = benchmarkTasks
        self.benchmarkFailed = benchmarkFailed
    }

    /// One block per user who answered anything measured, in order of name.
    public static func compute(benchmarks: [BenchmarkResult]) -> [String: AnnotatorQuality] {
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
        ]
    }

    /// A column of the quality block as text: its header and a cell per annotator.
    public struct Column: Sendable {
        public var header: String
        public var cell: @Sendable (AnnotatorQuality) -> String
    }

    /// The block's columns, in order, for the `stats` table and the `%` screen.
    public static let columns: [Column] = [
        Column(header: "gold") { q in q.benchmarkScore.map { LabelerStats.format($0.rounded()) + "%" } ?? "–" },
        Column(header: "gold n") { q in "\(q.benchmarkTasks)" },
        Column(header: "failed") { q in q.benchmarkTasks == 0 ? "–" : "\(q.benchmarkFailed)" },
    ]
}
