import Foundation
import GRDB
import Synchronization

/// Copies the write-ahead log's pages into the database file on a thread of its own, so that no
/// submit waits for it.
///
/// SQLite's automatic checkpoint runs inside the commit that fills the log past 1,000 pages: that
/// one submit then writes the pages back and flushes the database file, some 10 ms where a submit
/// otherwise takes 1 (the p99 of `termlabel benchmark --sizes`). The store turns the automatic
/// checkpoint off on its writer and starts one of these instead: every `interval`, if the log was
/// written since it last looked, it runs a PASSIVE checkpoint on a connection of its own (PASSIVE
/// takes no lock a writer or reader waits for). A commit is as durable as before: it is flushed in
/// the log before it returns; the checkpoint only moves pages that are already safe.
final class WALCheckpointer: Sendable {
    /// How often the log's size and time are looked at, in seconds.
    static let interval: TimeInterval = 0.5

    private let running: Running

    /// Starts checkpointing the database at `path` (its log is `path-wal`) until this is released.
    init(path: String) {
        running = Running()
        let running = running
        Thread.detachNewThread {
            var connection: DatabaseQueue?
            var seen: (size: Int64, modified: timespec)?
            while running.isOn {
                Thread.sleep(forTimeInterval: Self.interval)
                var info = stat()
                guard stat(path + "-wal", &info) == 0 else { continue }
                let now = (size: Int64(info.st_size), modified: info.st_mtim)
                if let seen, seen.size == now.size, seen.modified.tv_sec == now.modified.tv_sec, seen.modified.tv_nsec == now.modified.tv_nsec { continue }
                seen = now
                do {
                    if connection == nil {
                        var config = Configuration()
                        config.busyMode = .immediateError
                        connection = try DatabaseQueue(path: path, configuration: config)
                    }
                    try connection?.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
                } catch {
                    // Busy (another process checkpoints) or gone: looked at again next time.
                    continue
                }
            }
            try? connection?.close()
        }
    }

    deinit { running.stop() }

    /// Whether the thread should go on; set off when its checkpointer is released.
    private final class Running: Sendable {
        private let on = Mutex(true)
        var isOn: Bool { on.withLock { $0 } }
        func stop() { on.withLock { $0 = false } }
    }
}
