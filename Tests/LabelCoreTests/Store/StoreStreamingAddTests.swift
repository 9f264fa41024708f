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

    @Test("an Ango export's assets read as stored are added as the parsed tasks are, with their history", arguments: StoreBackend.all)
    func storedAngoAssets(_ backend: StoreBackend) throws {
        let assets = [
            StoredAngoAssetTests.asset(),
            StoredAngoAssetTests.asset(top: #""asset":{"url":"u"},"externalId":"b","extra":[1]"#,
                                       task: #""taskId":"64e5e5b90000000000000002","stage":"Review","classifications":[]"#),
            // Parsed (a key that is not ASCII, kept for export): one batch holds both kinds.
            StoredAngoAssetTests.asset(top: #""asset":"\u00e9","externalId":"c","clé":1"#, task: #""taskId":"64e5e5b90000000000000003","stage":"Label""#),
        ]
        try withTemporaryDirectory { dir in
            let path = dir + "/export.json"
            try ("[\n" + assets.joined(separator: ",\n") + "\n]\n").write(toFile: path, atomically: true, encoding: .utf8)
            try withProject(on: backend) { any in
                let store = try #require(any as? any StreamingTaskAdding)
                var kinds: [Bool] = []
                let result = try store.add(streaming: { add in
                    _ = try AssetStream.read(path: path, options: ReadOptions()) { batch in
                        kinds += batch.map { if case .stored = $0 { true } else { false } }
                        try add(batch)
                    }
                }, at: addedAt)
                #expect(kinds == [true, true, false])
                #expect(result == AddResult(added: 3, skippedExisting: 0, skipped: []))
                let parsed = try AssetReader.read(path: path).tasks
                try withTemporaryDirectory { other in
                    let expected = try makeProject(in: other + "/p")
                    _ = try expected.add(parsed, at: addedAt)
                    for task in parsed {
                        let got = try #require(try store.task(externalId: task.externalId))
                        let want = try #require(try expected.task(externalId: task.externalId))
                        #expect(got.asset == want.asset && got.metadata == want.metadata && got.extra == want.extra)
                        #expect(got.stage == want.stage && got.status == want.status && got.labeler == want.labeler)
                        #expect(got.annotations == want.annotations && got.taskId == want.taskId && got.updatedAt == want.updatedAt)
                        #expect(try store.history(taskId: got.id) == (try expected.history(taskId: want.id)))
                    }
                }
            }
        }
    }
}
