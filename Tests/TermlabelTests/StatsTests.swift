import LabelCore
import TerminalUI
import Testing
@testable import termlabel

@Suite("Labeler statistics")
struct StatsTests {
    func keys(_ session: LabelController, _ events: InputEvent...) throws {
        for event in events { try session.handle(event) }
    }

    /// With a 2 s idle timeout (which also runs from the moment a task opens): ann labels t-1
    /// (2 s active, 1 s idle), t-2 (1 + 2 + 2 s active, 4 s idle), t-3 (2 s active, 8 s idle) and
    /// skips t-4; rob accepts t-1 (2 s, 2 s idle), rejects t-2 (1 s), fixes t-3 (2 s).
    func project() throws -> Fixture {
        let fixture = try Fixture(review: true, tasks: (1...4).map { NewTask(externalId: "t-\($0)", asset: .string("task \($0)")) })
        try fixture.store.updateSettings {
            $0.idleTimeoutMilliseconds = 2_000
            $0.emails["ann"] = "ann@example.com"
        }
        let clock = fixture.clock
        let ann = try fixture.session(.label, user: "ann")
        clock.advance(by: 3_000)
        try keys(ann, .character("1"), .character("s"))
        clock.advance(by: 1_000)
        try keys(ann, .character("2"))
        clock.advance(by: 6_000)
        try keys(ann, .down)
        clock.advance(by: 2_000)
        try keys(ann, .character("s"))
        clock.advance(by: 10_000)
        try keys(ann, .character("1"), .character("s"), .character("x"))
        let rob = try fixture.session(.review, user: "rob")
        clock.advance(by: 4_000)
        try keys(rob, .character("s"))
        clock.advance(by: 1_000)
        try keys(rob, .character("r"), .character("n"), .character("o"), .enter)
        clock.advance(by: 2_000)
        try keys(rob, .character("m"), .character("2"), .character("s"))
        return fixture
    }

    @Test("stats --json gives exact figures for a project built with known times")
    func exactFigures() throws {
        let fixture = try project()
        let doc = try StatsCommand.document(fixture.store, since: nil)
        #expect(JSONWriter(pretty: true).string(doc) == """
            {
              "project": "fixture",
              "since": null,
              "tasks": 4,
              "labeled": 2,
              "annotators": [
                {
                  "user": "ann",
                  "labeled": 3,
                  "skipped": 1,
                  "reviewed": 0,
                  "reviewsReceived": 3,
                  "accepted": 1,
                  "fixed": 1,
                  "rejected": 1,
                  "acceptedRate": 0.3333,
                  "rejectedRate": 0.3333,
                  "medianActiveMs": 2000,
                  "meanActiveMs": 3000,
                  "activeMs": 9000,
                  "idleMs": 13000,
                  "idleShare": 0.5909,
                  "tasksPerActiveHour": 1200,
                  "email": "ann@example.com",
                  "quality": {
                    "benchmarkScore": null,
                    "benchmarkTasks": 0,
                    "benchmarkFailed": 0,
                    "agreement": null,
                    "consensusTasks": 0,
                    "issuesReceived": 0,
                    "issuesReceivedResolved": 0,
                    "issuesResolved": 0
                  }
                },
                {
                  "user": "rob",
                  "labeled": 0,
                  "skipped": 0,
                  "reviewed": 3,
                  "reviewsReceived": 0,
                  "accepted": 0,
                  "fixed": 0,
                  "rejected": 0,
                  "acceptedRate": null,
                  "rejectedRate": null,
                  "medianActiveMs": 2000,
                  "meanActiveMs": 1667,
                  "activeMs": 5000,
                  "idleMs": 2000,
                  "idleShare": 0.2857,
                  "tasksPerActiveHour": 2160,
                  "email": "rob",
                  "quality": {
                    "benchmarkScore": null,
                    "benchmarkTasks": 0,
                    "benchmarkFailed": 0,
                    "agreement": null,
                    "consensusTasks": 0,
                    "issuesReceived": 0,
                    "issuesReceivedResolved": 0,
                    "issuesResolved": 0
                  }
                }
              ],
              "agreement": []
            }
            """)
    }

    @Test("--since leaves out earlier work")
    func since() throws {
        let fixture = try project()
        let doc = try StatsCommand.document(fixture.store, since: Timestamp(millisecondsSince1970: Timestamp.now().millisecondsSince1970 + 60_000))
        #expect(doc["annotators"] == [])
    }

    @Test("the histogram puts each duration in its bucket")
    func histogram() {
        let (width, counts) = LabelerStats.histogram([1_000, 2_000, 9_000, 10_000], buckets: 5)
        #expect(width == 2_001)
        #expect(counts == [2, 0, 0, 0, 2])
    }
}

@Suite("Labeler statistics: the table")
struct StatsTableTests {
    @Test("the table has a Fixed column beside Accepted and Rejected")
    func fixedColumn() throws {
        let fixture = try StatsTests().project()
        let stats = LabelerStats.compute(try fixture.store.activity(since: nil))
        #expect(StatsTable.text(stats, settings: try fixture.store.settings()) == """
            annotator        labeled  skipped  reviewed  accepted  fixed  rejected  median  mean  idle  per hour
            ann@example.com        3        1         0       33%    33%       33%    2.0s  3.0s   59%    1200.0
            rob                    0        0         3         –      –         –    2.0s  1.7s   29%    2160.0
            """)
    }
}
