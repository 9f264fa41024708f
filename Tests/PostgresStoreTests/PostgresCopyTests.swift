import Foundation
import Testing

import LabelCore
@testable import PostgresStore

/// `termlabel migrate`: a project copied from SQLite into PostgreSQL and back, every row kept.
enum PostgresCopyTests {
    /// Everything a store says about a project, to compare two stores (progress, a dictionary,
    /// is compared as a value).
    static func picture(_ store: any ProjectStore) throws -> String {
        var records: [String] = []
        try store.forEachTask(in: nil) { records.append("\($0)") }
        let activity = try store.activity(since: nil)
        return [
            "\(try store.settings())", records.joined(separator: "\n"), "\(activity.entries)",
            activity.skips.map { "\($0.user) \($0.taskId) \($0.at)" }.joined(separator: ","),
            "\(try store.auditLog())", "\(try store.holds())", "\(try store.issues(includeResolved: true))", "\(try store.tasksOnHold())",
            "\(try store.benchmarkResults())",
        ].joined(separator: "\n--\n")
    }

    /// a SQLite project copied into PostgreSQL and back reads the same in all three, ids kept
    static func roundTrip() throws {
        let url = try #require(TestDatabase.url)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("termlabel-copy-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var settings = TestDatabase.settings
        settings.hasReview = true
        settings.emails = ["ann": "ann@example.com"]
        let source = try SQLiteProjectStore.create(directory: dir + "/source", settings: settings)
        _ = try source.add(tasks(["a", "b", "c", "d", "e"]), at: Timestamp(millisecondsSince1970: 1_714_550_400_000))
        let t = Timestamp(millisecondsSince1970: 1_714_557_600_000)
        let a = try #require(try source.claimNext(stage: .label, user: "ann", at: t))
        _ = try source.submit(Submission(taskId: a.id, stage: .label, user: "ann", classifications: [["answer": "Positive"]],
                                         time: TimeSpent(active: 1200, idle: 300), at: t))
        let b = try #require(try source.claimNext(stage: .label, user: "bob", at: t))
        try source.saveDraft(Draft(taskId: b.id, stage: .label, user: "bob", classifications: [["answer": "Negative"]],
                                   time: TimeSpent(active: 500, idle: 0), savedAt: t))
        let c = try #require(try source.claimNext(stage: .label, user: "cat", at: t))
        try source.skip(taskId: c.id, user: "cat", at: t)
        _ = try source.requeue(RequeueRequest(selection: .externalIds(["a"]), to: .label, removeAnswers: true, removeAssignee: true,
                                              removeHistory: false, at: t, by: "lead"))
        // An issue opened and resolved on b, another open on a, and d on hold.
        let issue = try source.openIssue(NewIssue(taskId: b.id, schemaId: "q", content: "look @bob", errorCode: nil, user: "ann", at: t))
        _ = try source.resolveIssue(id: issue.id, by: "bob", comment: "done", at: t)
        _ = try source.openIssue(NewIssue(taskId: a.id, schemaId: nil, content: "and here", errorCode: nil, user: "ann", at: t))
        _ = try source.hold(.externalIds(["d"]), reason: "client", by: "lead", at: t)
        // A gold task, answered by ann.
        _ = try source.addBenchmarks([GoldTask(task: NewTask(externalId: "gold", asset: "gold"), answers: [["answer": "Positive"]])], at: t)
        let gold = try source.claim(taskId: try #require(try source.task(externalId: "gold")).id, stage: .label, user: "ann", at: t)
        _ = try source.submit(Submission(taskId: gold.id, stage: .label, user: "ann", classifications: [["answer": "Negative"]],
                                         time: TimeSpent(active: 700, idle: 0), at: t))
        let schema = TestDatabase.newSchema()
        defer { try? PostgresProjectStore.drop(url: url, schema: schema) }
        let target = try PostgresProjectStore.create(url: url, schema: schema, settings: settings)
        defer { target.close() }
        let counts = try ProjectCopy.copy(from: source, to: target)
        #expect(counts.rows == [.setting: StoreCodec.settingRows(settings).count, .task: 6, .history: 7, .draft: 1, .event: 10, .audit: 1, .issue: 2, .taskHold: 1,
                                .consensusAnswer: 0, .consensusScore: 0, .benchmarkAnswer: 1])
        let original = try picture(source)
        #expect(try picture(target) == original)
        #expect(try target.progress() == source.progress())
        // And back, for an offline copy.
        var back: SQLiteProjectStore?
        _ = try SQLiteProjectStore.create(directory: dir + "/back", settings: settings) { copy in
            _ = try ProjectCopy.copy(from: target, to: copy)
            back = copy
        }
        #expect(try picture(SQLiteProjectStore(directory: dir + "/back")) == original)
        _ = back
        // Tasks added after the copy follow the copied ids.
        _ = try target.add(tasks(["f"]), at: t)
        #expect(try target.task(externalId: "f")?.id == 7)
        #expect(try target.openIssue(NewIssue(taskId: 7, schemaId: nil, content: "new", errorCode: nil, user: "ann", at: t)).id == 3)
    }
}
