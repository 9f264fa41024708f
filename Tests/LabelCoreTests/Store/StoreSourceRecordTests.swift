import Foundation
import GRDB
import Testing

@testable import LabelCore

@Suite("Store: source records and read-only tasks")
struct StoreSourceRecordTests {
    @Test("a task's source record, read-only reason and instruction are kept as given", arguments: StoreBackend.all)
    func kept(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            let record: JSONValue = ["task_id": "t", "n": .number("1.50"), "tags": ["a"]]
            _ = try store.add([
                NewTask(externalId: "a", asset: "x", source: SourceRecord(format: .scale, record: record), readOnlyReason: "canceled in Scale",
                        instruction: "Big or small?"),
                NewTask(externalId: "b", asset: "y"),
            ], at: addedAt)
            let a = try #require(try store.task(externalId: "a"))
            #expect(a.source == SourceRecord(format: .scale, record: record))
            #expect(compact(try #require(a.source?.record)) == #"{"task_id":"t","n":1.50,"tags":["a"]}"#)
            #expect(a.readOnlyReason == "canceled in Scale")
            #expect(a.instruction == "Big or small?")
            let b = try #require(try store.task(externalId: "b"))
            #expect(b.source == nil)
            #expect(b.readOnlyReason == nil)
            #expect(b.instruction == nil)
            var records: [SourceRecord?] = []
            try store.forEachTask(in: nil) { records.append($0.source) }
            #expect(records == [SourceRecord(format: .scale, record: record), nil])
        }
    }

    @Test("the queue serves the task after a read-only one, and none when only read-only tasks are left", arguments: StoreBackend.all)
    func readOnlyNeverServed(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add([NewTask(externalId: "a", asset: "x", readOnlyReason: "canceled in Scale"), NewTask(externalId: "b", asset: "y")],
                              at: addedAt)
            #expect(try store.claimNext(stage: .label, user: "ann")?.externalId == "b")
            try store.submit("b", in: .label, by: "ann")
            #expect(try store.claimNext(stage: .label, user: "ann") == nil)
            #expect(try store.claimNext(stage: .label, user: "bob") == nil)
        }
    }

    @Test("a project made before source records opens, its tasks without one")
    func migratesOldProject() throws {
        try withTemporaryDirectory { dir in
            let path = (dir as NSString).appendingPathComponent(SQLiteProjectStore.fileName)
            let pool = try DatabasePool(path: path)
            try SQLiteProjectStore.migrator.migrate(pool, upTo: "v2: queue order")
            try pool.write { db in
                try SQLiteProjectStore.write(ProjectSettings(name: "old", ontologyJSON: Ontologies.oneRadio, hasReview: false, createdAt: addedAt), db)
                try db.execute(sql: """
                    INSERT INTO task(taskId, externalId, asset, preview, metadata, batches, extra, stage, status, annotations, createdAt)
                    VALUES ('000000000000000000000001', 'old-1', '"text"', 'text', '{}', '[]', '{}', 'Label', 'new', '{}', 0)
                    """)
            }
            try pool.close()
            let store = try SQLiteProjectStore(directory: dir)
            let task = try #require(try store.task(externalId: "old-1"))
            #expect(task.asset == "text")
            #expect(task.source == nil)
            #expect(task.readOnlyReason == nil)
        }
    }
}
