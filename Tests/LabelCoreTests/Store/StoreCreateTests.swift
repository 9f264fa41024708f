import Foundation
import GRDB
import Testing

@testable import LabelCore

/// A new project's database is built aside without the write-ahead log, then made what every
/// open project's is (WAL) and flushed before it is moved into place.
@Suite("Store: making a project")
struct StoreCreateTests {
    static let settings = ProjectSettings(name: "reviews", ontologyJSON: Ontologies.oneRadio, hasReview: false, createdAt: at("2024-05-01T08:00:00.000Z"))

    @Test("the made project is in WAL mode, alone in its directory, and holds what was added while it was built")
    func madeInWALMode() throws {
        try withTemporaryDirectory { dir in
            let place = dir + "/project"
            _ = try SQLiteProjectStore.create(directory: place, settings: Self.settings) { store in
                #expect(try store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "memory")
                _ = try store.add(streaming: { add in
                    try add(tasks("a", "b").incoming)
                    try add(tasks("c").incoming)
                }, at: addedAt)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: place) == ["project.sqlite"])
            // Read by a connection of its own, as another process would.
            let plain = try DatabaseQueue(path: place + "/project.sqlite")
            #expect(try plain.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
            #expect(try plain.read { try String.fetchAll($0, sql: "SELECT externalId FROM task ORDER BY id") } == ["a", "b", "c"])
            #expect(try plain.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
            try plain.close()
            let store = try SQLiteProjectStore(directory: place)
            #expect(try store.progress().total == 3)
            #expect(try store.claimNext(stage: .label, user: "ann")?.externalId == "a")
        }
    }

    @Test("a build that fails leaves nothing: no project, no temporary directory")
    func failedBuildLeavesNothing() throws {
        try withTemporaryDirectory { dir in
            let place = dir + "/project"
            #expect(throws: DiagnosticsError.self) {
                _ = try SQLiteProjectStore.create(directory: place, settings: Self.settings) { store in
                    _ = try store.add(streaming: { add in
                        try add(tasks("a", "b").incoming)
                        throw DiagnosticsError(Diagnostic(.error, "bad record", file: "f"))
                    }, at: addedAt)
                }
            }
            let left = try FileManager.default.contentsOfDirectory(atPath: dir)
            #expect(left == [])
        }
    }
}
