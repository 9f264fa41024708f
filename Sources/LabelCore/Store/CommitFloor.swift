import Foundation
import GRDB

/// What the disk alone costs a durable commit: tiny transactions in a database of their own with
/// the project's settings (WAL, `synchronous = FULL`), so a benchmark can say which part of a
/// submit's wait is the disk's and which is termlabel's.
public enum CommitFloor {
    /// The wall time of each of `count` one-row committed transactions in a new database at
    /// `path` (removed afterwards), in milliseconds, sorted.
    public static func measure(path: String, count: Int) throws -> [Double] {
        let files = [path, path + "-wal", path + "-shm"]
        for file in files { try? FileManager.default.removeItem(atPath: file) }
        defer { for file in files { try? FileManager.default.removeItem(atPath: file) } }
        var times: [Double] = []
        do {
            let pool = try SQLiteProjectStore.openPool(path)
            try pool.write { db in try db.execute(sql: "CREATE TABLE commit_floor (id INTEGER PRIMARY KEY, at INTEGER NOT NULL)") }
            for i in 0..<count {
                let start = ContinuousClock.now
                try pool.write { db in try db.execute(sql: "INSERT INTO commit_floor(at) VALUES (?)", arguments: [i]) }
                let d = ContinuousClock.now - start
                times.append(Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
            }
        }
        return times.sorted()
    }
}
