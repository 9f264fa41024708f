import Foundation
import GRDB
import Testing

@testable import LabelCore

/// The counts kept per stage and status always equal a count of the tasks themselves, whatever
/// happened to them.
@Suite("Store: kept counts")
struct StoreCountTests {
    func counted(_ store: any ProjectStore) throws -> [String: Int] {
        try countRows(store, "SELECT stage, status, COUNT(*) AS n FROM task GROUP BY stage, status")
    }

    func kept(_ store: any ProjectStore) throws -> [String: Int] {
        // Shards added up: PostgreSQL keeps a count row per stage, status and shard.
        try countRows(store, "SELECT stage, status, CAST(SUM(n) AS BIGINT) FROM task_count GROUP BY stage, status HAVING SUM(n) != 0")
    }

    @Test("after adds, holds, drafts, skips, submits, rejections and requeues, the kept counts equal a count of the tasks", arguments: StoreBackend.all)
    func countsFollowEveryChange(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
            var rng = SplitMix64(seed: 7)
            let names = (0..<60).map { "t\($0)" }
            _ = try store.add(names.map { NewTask(externalId: $0, asset: .string($0)) }, at: addedAt)
            for step in 0..<400 {
                let id = try store.id(names[Int(rng.next() % UInt64(names.count))])
                guard let task = try store.task(id: id) else { continue }
                let user = ["ann", "bob", "cat"][Int(rng.next() % 3)]
                switch rng.next() % 6 {
                case 0: _ = try? store.claim(taskId: id, stage: task.stage, user: user)
                case 1:
                    try? store.saveDraft(Draft(taskId: id, stage: task.stage, user: user, classifications: [], time: .zero, savedAt: addedAt))
                case 2: try? store.skip(taskId: id, user: user, at: addedAt)
                case 3: try? store.unskip(taskId: id, user: user, at: addedAt)
                case 4:
                    let review: ReviewStatus? = task.stage == .review ? (rng.next() % 2 == 0 ? .accepted : .rejected) : nil
                    _ = try? store.submit(Submission(taskId: id, stage: task.stage, user: user, classifications: [], time: .zero,
                                                     at: addedAt, reviewStatus: review, comment: review == .rejected ? "no" : nil))
                default:
                    _ = try store.requeue(RequeueRequest(
                        selection: .externalIds([task.externalId]), to: [.label, .review, .complete][Int(rng.next() % 3)],
                        removeAnswers: rng.next() % 2 == 0, removeAssignee: rng.next() % 2 == 0, removeHistory: false, at: addedAt))
                }
                if step % 50 == 49 { #expect(try kept(store) == counted(store), "after step \(step)") }
            }
            #expect(try kept(store) == counted(store))
            #expect(try store.progress().total == 60)
            #expect(try store.count(QueueFilter(statuses: [.new, .draft])) == (try counted(store)).filter { $0.key.hasSuffix("/new") || $0.key.hasSuffix("/draft") }.values.reduce(0, +))
        }
    }

    @Test("projects made before the counts were kept get them on opening")
    func countsForOlderProjects() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir)
            _ = try store.add(tasks("a", "b", "c"), at: addedAt)
            try store.submit("a", in: .label, by: "ann")
            try store.pool.write { db in
                try db.execute(sql: """
                    DROP TRIGGER task_count_insert; DROP TRIGGER task_count_update; DROP TRIGGER task_count_delete;
                    DROP TABLE task_count; DELETE FROM grdb_migrations WHERE identifier = 'v4: task counts';
                    """)
            }
            let reopened = try SQLiteProjectStore(directory: store.directory)
            let counts = try kept(reopened)
            let truth = try counted(reopened)
            #expect(counts == ["Label/new": 2, "Complete/submitted": 1], "\(counts) vs \(truth)")
        }
    }
}
