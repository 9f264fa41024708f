import LabelCore
import TerminalUI
import Testing

@testable import termlabel

/// The reviewer's view of a consensus task: the answers side by side, or one under another.
@Suite("Consensus answers view")
struct ConsensusViewTests {
    static let ontology = try! OntologyReader.read(Array("""
        {"tools": [], "relations": [], "classifications": [
          {"tool": "radio", "title": "Sentiment", "schemaId": "s",
           "options": [{"value": "Positive", "schemaId": "p"}, {"value": "Negative", "schemaId": "n"}]},
          {"tool": "checkbox", "title": "Topics", "schemaId": "t",
           "options": [{"value": "Price", "schemaId": "pr"}, {"value": "Battery", "schemaId": "ba"}]}]}
        """.utf8), file: "o.json").ontology

    static func answer(_ user: String, _ sentiment: String, _ topics: [String]) -> ConsensusAnswer {
        ConsensusAnswer(user: user, classifications: [
            .object(["schemaId": "s", "title": "Sentiment", "answer": .string(sentiment)]),
            .object(["schemaId": "t", "title": "Topics", "answer": .array(topics.map(JSONValue.string))]),
        ], time: TimeSpent(active: 1, idle: 0), submittedAt: Timestamp(millisecondsSince1970: 0))
    }

    static let view = ConsensusView(
        review: ConsensusReview(answers: [answer("ann", "Positive", ["Battery", "Price"]), answer("ben", "Negative", ["Price", "Battery"]),
                                          answer("cat", "Positive", ["Price", "Battery"])], ontology: ontology),
        task: "t-1", ontology: ontology, keymap: .standard)

    @Test("wide: one column per annotator, the question they disagree on marked")
    func sideBySide() {
        #expect(Self.view.lines(width: 60) == [
            "            1 ann           2 ben           3 cat           ",
            "≠ Sentiment Positive        Negative        Positive        ",
            "  Topics    Battery, Price  Battery, Price  Battery, Price  ",
        ])
        // Sentiment: Positive, Negative, Positive → y = 1/3; Topics the same set → 1; (1/3 + 1) / 2 = 67.
        #expect(Self.view.title == "t-1 · 3 answers · consensus 67/100 · ≠ marks a disagreement")
    }

    @Test("narrow: one annotator under another")
    func oneUnderAnother() {
        #expect(Self.view.lines(width: 40) == [
            "1 ann", "  ≠ Sentiment: Positive", "    Topics: Battery, Price",
            "2 ben", "  ≠ Sentiment: Negative", "    Topics: Battery, Price",
            "3 cat", "  ≠ Sentiment: Positive", "    Topics: Battery, Price",
        ])
    }
}

/// Agreement in `stats --json`, and the quality block that shows it with gold and issues.
@Suite("Consensus agreement in stats")
struct AgreementBlockTests {
    static let settings = ProjectSettings(name: "p", ontologyJSON: "{}", hasReview: true, createdAt: Timestamp(millisecondsSince1970: 0),
                                          emails: ["ann": "ann@example.com"])

    @Test("the quality block joins agreement, gold and issues, one row per annotator, with the legend")
    func qualityBlock() throws {
        // ann: two thirds agreement on 30 tasks, 2 issues received (1 resolved), resolved 1 herself;
        // ben: full agreement on 2 tasks; rob: no consensus task, resolved 1 issue.
        let quality = AnnotatorQuality.compute(
            benchmarks: [],
            agreements: [ConsensusAgreement(user: "ann", tasks: 30, percent: 200.0 / 3), ConsensusAgreement(user: "ben", tasks: 2, percent: 100)],
            issues: ["ann": IssueTally(received: 2, receivedResolved: 1, resolved: 1), "rob": IssueTally(resolved: 1)])
        let text = try #require(StatsTable.quality(quality, settings: Self.settings))
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == [
            "quality          agreement  gold  gold n  failed  issues  fixed  resolved",
            "ann@example.com        67%     –       0       –       2      1         1",
            "ben                   100%     –       0       –       0      –         0",
            "rob                      –     –       0       –       0      –         1",
        ] + StatsTable.qualityLegend.split(separator: "\n").map(String.init))
        #expect(quality["ann"]?.json == [
            "benchmarkScore": .null, "benchmarkTasks": 0, "benchmarkFailed": 0, "agreement": .number("66.6667"), "consensusTasks": 30,
            "issuesReceived": 2, "issuesReceivedResolved": 1, "issuesResolved": 1,
        ])
    }

    @Test("nothing when the project has no consensus scores; JSON with four decimals")
    func emptyAndJSON() {
        #expect(AgreementBlock.json([ConsensusAgreement(user: "ann", tasks: 3, percent: 200.0 / 3)], settings: Self.settings) == [
            ["annotator": "ann", "email": "ann@example.com", "consensusTasks": 3, "agreement": .number("66.6667")],
        ])
    }
}
