import Foundation
import Testing

@testable import LabelCore

/// Adding tasks while a file is read (init and add with JSON Lines), on both stores: one
/// transaction, repeats named as adding one by one would name them.
@Suite("Store: adding while a file is read")
struct StoreStreamingAddTests {
    @Test("a stream whose reader fails adds nothing, though batches were written before", arguments: StoreBackend.all)
    func failedStreamAddsNothing(_ backend: StoreBackend) throws {
        try withProject(on: backend) { any in
            let store = try #require(any as? any StreamingTaskAdding)
            #expect(throws: DiagnosticsError.self) {
                _ = try store.add(streaming: { add in
                    try add(tasks("a", "b").incoming)
                    throw DiagnosticsError(Diagnostic(.error, "bad record", file: "f"))
                }, at: addedAt)
            }
            #expect(try store.count(.all) == 0)
            #expect(try store.progress().total == 0)
        }
    }

    @Test("repeats of an earlier batch, of the same batch and of a task already there are each named", arguments: StoreBackend.all)
    func repeatsNamed(_ backend: StoreBackend) throws {
        try withProject(on: backend) { any in
            let store = try #require(any as? any StreamingTaskAdding)
            _ = try store.add(tasks("old"), at: addedAt)
            let result = try store.add(streaming: { add in
                try add(tasks("a", "b").incoming)
                try add(tasks("b", "old", "c").incoming)
                try add(tasks("d", "d").incoming)
            }, at: addedAt)
            #expect(result == AddResult(added: 4, skippedExisting: 3, skipped: [
                SkippedTask(externalId: "b", reason: .externalIdRepeated), SkippedTask(externalId: "old", reason: .externalIdInProject),
                SkippedTask(externalId: "d", reason: .externalIdRepeated),
            ]))
            #expect(try store.page(.all, offset: 0, limit: 10).map(\.externalId) == ["old", "a", "b", "c", "d"])
            #expect(try store.progress().total == 5)
            #expect(try store.integrityCheck() == "ok")
        }
    }

    @Test("into an empty project, the queue is in file order and claims follow it (indexes built at the end)", arguments: StoreBackend.all)
    func emptyProjectQueue(_ backend: StoreBackend) throws {
        try withProject(on: backend) { any in
            let store = try #require(any as? any StreamingTaskAdding)
            let names = (0..<2500).map { String(format: "s%04d", $0) }
            let result = try store.add(streaming: { add in
                for start in stride(from: 0, to: names.count, by: 700) {
                    try add(names[start..<min(start + 700, names.count)].map { .decoded(NewTask(externalId: $0, asset: .string($0))) })
                }
            }, at: addedAt)
            #expect(result == AddResult(added: 2500, skippedExisting: 0, skipped: []))
            #expect(try store.claimNext(stage: .label, user: "ann")?.externalId == "s0000")
            #expect(try store.progress().byStatus == [.new: 2500])
            #expect(try store.integrityCheck() == "ok")
        }
    }

    /// The counts the triggers keep, as rows.
    func counts(_ store: SQLiteProjectStore) throws -> [String] {
        try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT stage || ' ' || status || ' ' || n FROM task_count WHERE n > 0 ORDER BY 1")
                + String.fetchAll(db, sql: "SELECT rank || ' ' || block || ' ' || status || ' ' || n FROM queue_block WHERE n > 0 ORDER BY rank, block, status")
        }
    }

    @Test("into an empty project, the counts are made at the end as the triggers make them one by one, and the triggers are back")
    func emptyProjectCounts() throws {
        try withTemporaryDirectory { dir in
            // 5,000 tasks over three blocks of ids: priorities, a skipped one, and tasks exported from Review and Complete.
            let added = (0..<5000).map { i in
                NewTask(externalId: "t\(i)", asset: .string("text \(i)"), priority: i % 3 == 0 ? 2 : i % 7 == 0 ? -1 : 0,
                        stage: i % 11 == 0 ? .review : i % 13 == 0 ? .complete : .label, skippedBy: i == 17 ? "ann" : nil)
            }
            let streamed = try makeProject(in: (dir as NSString).appendingPathComponent("streamed"))
            let oneByOne = try makeProject(in: (dir as NSString).appendingPathComponent("one-by-one"))
            _ = try streamed.add(streaming: { add in
                for start in stride(from: 0, to: added.count, by: 1500) { try add(Array(added[start..<min(start + 1500, added.count)]).incoming) }
            }, at: addedAt)
            _ = try oneByOne.add(added, at: addedAt)
            let expected = try counts(oneByOne)
            #expect(expected.count > 10)
            #expect(try counts(streamed) == expected)
            // Added to a project that is not empty, the triggers count.
            _ = try streamed.add(streaming: { add in try add(tasks("late:2", "later").incoming) }, at: addedAt)
            _ = try oneByOne.add(tasks("late:2", "later"), at: addedAt)
            #expect(try counts(streamed) == (try counts(oneByOne)))
            #expect(try streamed.progress() == (try oneByOne.progress()))
            #expect(try streamed.integrityCheck() == "ok")
        }
    }
}
