import Foundation
import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// Gold tasks as `stats`, the `%` screen and the review screen show them.
@Suite("Gold tasks: stats and review")
struct BenchmarkStatsTests {
    static func answer(_ sentiment: String, order: String) -> [JSONValue] {
        [
            ["schemaId": "s", "tool": "radio", "title": "Sentiment", "answer": .string(sentiment), "classifications": []],
            ["schemaId": "order", "tool": "text", "title": "Order", "answer": .string(order), "classifications": []],
        ]
    }

    /// Three gold tasks (Positive, order "1234" or any digits by regex) served at 50 %, so each
    /// annotator's 2nd, 4th and 6th tasks are gold ((g + 1) × 100 ≤ 50 × (submits + 1)).
    /// ann answers: gold-1 Positive "99" (regex: right) → 100; gold-2 Negative "1234" → 50;
    /// gold-3 Negative "x" → 0. Mean (100 + 50 + 0) / 3 = 50; failed (below 80): 2.
    /// bob answers: gold-1 Positive "1234" → 100; then stops. Mean 100, failed 0.
    func project(review: Bool = false) throws -> Fixture {
        let fixture = try Fixture(review: review, tasks: (1...6).map { NewTask(externalId: "t-\($0)", asset: .string("task \($0)")) })
        let gold = (1...3).map { i in
            var answers = Self.answer("Positive", order: "1234")
            answers[1] = .object((answers[1].objectValue ?? [:]).merging(["regex": "[0-9]+"]) { a, _ in a })
            return GoldTask(task: NewTask(externalId: "gold-\(i)", asset: .string("gold \(i)")), answers: answers)
        }
        _ = try fixture.store.addBenchmarks(gold, at: Timestamp(millisecondsSince1970: 0))
        try fixture.store.updateSettings {
            $0.benchmarkRate = 50
            $0.emails["ann"] = "ann@example.com"
        }
        let scripted: [String: [String: [JSONValue]]] = [
            "ann": ["gold-1": Self.answer("Positive", order: "99"), "gold-2": Self.answer("Negative", order: "1234"),
                    "gold-3": Self.answer("Negative", order: "x")],
            "bob": ["gold-1": Self.answer("Positive", order: "1234")],
        ]
        for (user, steps) in [("ann", 6), ("bob", 2)] {
            for _ in 0..<steps {
                let task = try #require(try fixture.store.claimNext(stage: .label, user: user))
                let answers = scripted[user]?[task.externalId] ?? Self.answer("Positive", order: "1")
                _ = try fixture.store.submit(Submission(taskId: task.id, stage: .label, user: user, classifications: answers,
                                                        time: TimeSpent(active: 2000, idle: 0), at: Timestamp(millisecondsSince1970: 5_000)))
            }
        }
        return fixture
    }

    @Test("gold tasks come 2nd, 4th and 6th at 50 %")
    func positions() throws {
        let fixture = try project()
        #expect(try fixture.store.benchmarkResults().filter { $0.user == "ann" }.map(\.externalId) == ["gold-1", "gold-2", "gold-3"])
        #expect(try fixture.store.progress().labeled == 4)
    }

    @Test("stats --json carries each annotator's benchmark score, exact for scripted answers")
    func statsJSON() throws {
        let fixture = try project()
        let doc = try StatsCommand.document(fixture.store, since: nil)
        let annotators = try #require(doc["annotators"]?.arrayValue)
        #expect(annotators.map { $0["user"] } == ["ann", "bob"])
        #expect(annotators.map { $0["labeled"] } == [3, 1])
        #expect(JSONWriter(pretty: true).string(.array(annotators.map { $0["quality"] ?? .null })) == """
            [
              {
                "benchmarkScore": 50,
                "benchmarkTasks": 3,
                "benchmarkFailed": 2,
                "agreement": null,
                "consensusTasks": 0,
                "issuesReceived": 0,
                "issuesReceivedResolved": 0,
                "issuesResolved": 0
              },
              {
                "benchmarkScore": 100,
                "benchmarkTasks": 1,
                "benchmarkFailed": 0,
                "agreement": null,
                "consensusTasks": 0,
                "issuesReceived": 0,
                "issuesReceivedResolved": 0,
                "issuesResolved": 0
              }
            ]
            """)
        #expect(doc["tasks"] == 6)
    }

    @Test("stats prints the quality block under the labeler figures")
    func statsText() throws {
        let fixture = try project()
        #expect(StatsTable.quality(try QualityFigures.read(fixture.store, since: nil), settings: try fixture.store.settings()) == """
            quality          agreement  gold  gold n  failed  issues  fixed  resolved
            ann@example.com          –   50%       3       2       0      –         0
            bob                      –  100%       1       0       0      –         0
            """ + "\n" + StatsTable.qualityLegend)
    }

    @Test("the review screen flags a labeler who failed a benchmark, above the asset")
    func reviewFlag() throws {
        let fixture = try project(review: true)
        let rob = try fixture.session(.review, user: "rob")
        let open = try #require(rob.session.open)
        #expect(open.task.labeler == "ann")
        #expect(open.benchmarkFlag == "⚑ Failed benchmark: ann@example.com failed 2 of 3 gold tasks (mean score 50%).")
    }

    @Test("a labeler who passed every benchmark is not flagged")
    func noFlag() throws {
        let fixture = try project(review: true)
        let ann = try fixture.session(.review, user: "ann")
        let open = try #require(ann.session.open)
        #expect(open.task.labeler == "bob")
        #expect(open.benchmarkFlag == nil)
    }
}
