import LabelCore

/// Every figure of the quality block, read from the store: gold answers, consensus agreement and
/// issues (those opened since `since`; agreement counts every closed round, see AgreementBlock).
enum QualityFigures {
    /// `agreements`: the project's, when the caller has read them already.
    static func read(_ store: any ProjectStore, since: Timestamp?, agreements: [ConsensusAgreement]? = nil) throws -> [String: AnnotatorQuality] {
        let benchmarks = try store.benchmarkResults().filter { since == nil || $0.submittedAt >= since! }
        let issues = try store.issues(includeResolved: true).filter { since == nil || $0.createdAt >= since! }
        var labelers: [Int64: String] = [:]
        for id in Set(issues.map(\.taskId)) { labelers[id] = try store.task(id: id)?.labeler }
        return AnnotatorQuality.compute(
            benchmarks: benchmarks, agreements: try agreements ?? ConsensusAgreement.compute(store.consensusScores()),
            issues: IssueTally.tally(issues, labelerOf: { labelers[$0] }))
    }
}
