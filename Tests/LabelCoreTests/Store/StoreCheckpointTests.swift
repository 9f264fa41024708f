import Foundation
import GRDB
import Testing

@testable import LabelCore

/// The labeling screen's store copies the write-ahead log into the database file on a thread of
/// its own: no commit runs SQLite's automatic checkpoint (the 10 ms submit at the p99).
@Suite("Store: checkpoints off the commits")
struct StoreCheckpointTests {
    func modified(_ path: String) -> timespec {
        var info = stat()
        _ = stat(path, &info)
        return info.st_mtim
    }

    @Test("with checkpoints in the background no commit checkpoints, and a thread copies a small log into the database file soon after")
    func background() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir)
            try store.checkpointInBackground()
            try store.checkpointInBackground()
            #expect(try store.pool.write { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == 0)
            let file = store.pool.path
            let before = modified(file)
            // A few pages: SQLite's own checkpoint would wait for a thousand.
            _ = try store.add(tasks("a", "b", "c"), at: addedAt)
            let deadline = ContinuousClock.now + .seconds(10)
            var after = modified(file)
            while after.tv_sec == before.tv_sec, after.tv_nsec == before.tv_nsec, ContinuousClock.now < deadline {
                Thread.sleep(forTimeInterval: 0.05)
                after = modified(file)
            }
            #expect(after.tv_sec != before.tv_sec || after.tv_nsec != before.tv_nsec)
            // The database file alone (the log set aside) holds the tasks.
            let copy = dir + "/copy.sqlite"
            try FileManager.default.copyItem(atPath: file, toPath: copy)
            let alone = try DatabaseQueue(path: copy)
            #expect(try alone.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM task") } == 3)
        }
    }

    @Test("a store left alone keeps SQLite's automatic checkpoint")
    func defaultKept() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir)
            #expect(try store.pool.write { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == 1000)
        }
    }
}
