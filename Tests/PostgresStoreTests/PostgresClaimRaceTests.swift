import Foundation
import Synchronization
import Testing

import LabelCore
@testable import PostgresStore

/// PostgreSQL: claims under a race
enum PostgresClaimRaceTests {
    /// 32 annotators released at once each get a different task, and the 33rd and later get none
    static func simultaneousClaims() throws {
        try TestDatabase.withProject { store in
            _ = try store.add(tasks((1...32).map { "t\($0)" }), at: .now())
            let stores = try (1...40).map { _ in try PostgresProjectStore(url: store.url, schema: store.schema) }
            defer { stores.forEach { $0.close() } }
            let served = Mutex<[String?]>([])
            let failures = Mutex<[String]>([])
            let start = DispatchSemaphore(value: 0)
            let done = DispatchGroup()
            for (index, own) in stores.enumerated() {
                done.enter()
                Thread {
                    defer { done.leave() }
                    start.wait()
                    do {
                        let task = try own.claimNext(stage: .label, user: "user\(index)")
                        served.withLock { $0.append(task?.externalId) }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }.start()
            }
            for _ in stores { start.signal() }
            done.wait()
            #expect(failures.withLock { $0 } == [])
            let ids = served.withLock { $0 }
            #expect(ids.compactMap { $0 }.sorted() == (1...32).map { "t\($0)" }.sorted())
            #expect(ids.filter { $0 == nil }.count == 8)
            #expect(try store.holds().count == 32)
        }
    }

    /// a consensus claim waits for a task whose row another annotator's transaction holds, and gets
    /// its place, rather than calling the queue empty
    ///
    /// The race is forced, not hoped for: a second connection holds the only task's row lock (as
    /// another annotator's claim or submit does for a moment) while the claim runs, and lets go
    /// only once the server shows the claim waiting behind it (or after 10 s, when it never does).
    static func consensusClaimWaitsForLockedTask() throws {
        try TestDatabase.withProject { store in
            try store.updateSettings { $0.consensus = 3 }
            _ = try store.add(tasks(["t1"]), at: .now())
            let holder = DatabaseLink(url: store.url, schema: store.schema)
            let watcher = DatabaseLink(url: store.url, schema: store.schema)
            defer { holder.close(); watcher.close() }
            let holderPid = Mutex<Int64?>(nil)
            let locked = DispatchSemaphore(value: 0)
            let letGo = DispatchSemaphore(value: 0)
            let holding = DispatchGroup()
            holding.enter()
            Thread {
                defer { holding.leave() }
                _ = try? holder.transaction { session in
                    holderPid.withLock { $0 = try? session.int("SELECT pg_backend_pid()") }
                    _ = try session.execute("SELECT 1 FROM task WHERE externalid = 't1' FOR UPDATE")
                    locked.signal()
                    letGo.wait()
                }
            }.start()
            #expect(locked.wait(timeout: .now() + 10) == .success)
            let pid = try #require(holderPid.withLock { $0 })

            let claimed = Mutex<Result<String?, any Error>?>(nil)
            let claiming = DispatchGroup()
            claiming.enter()
            Thread {
                defer { claiming.leave() }
                let result = Result { try store.claimNext(stage: .label, user: "ann", at: .now())?.externalId }
                claimed.withLock { $0 = result }
            }.start()
            var waited = false
            let deadline = Date().addingTimeInterval(10)
            while !waited, claimed.withLock({ $0 == nil }), Date() < deadline {
                waited = try watcher.withSession {
                    try $0.int("SELECT COUNT(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", [.int(pid)])
                } == 1
                if !waited { usleep(5_000) }
            }
            letGo.signal()
            holding.wait()
            claiming.wait()
            #expect(waited, "the claim never waited for the locked task")
            #expect(try claimed.withLock { $0 }?.get() == "t1")
            #expect(try store.holds().map(\.user) == ["ann"])
        }
    }

    /// a submit sent again after its answer was lost finds itself done, and is not recorded twice
    static func resentSubmit() throws {
        try TestDatabase.withProject { store in
            _ = try store.add(tasks(["a"]), at: .now())
            let task = try #require(try store.claimNext(stage: .label, user: "ann"))
            let submission = Submission(taskId: task.id, stage: .label, user: "ann", classifications: [["answer": "Positive"]],
                                        time: TimeSpent(active: 5, idle: 0), at: Timestamp(millisecondsSince1970: 1_714_557_600_000))
            #expect(try store.submit(submission) == .complete)
            #expect(try store.submit(submission) == .complete)
            #expect(try store.history(taskId: task.id).map(\.stage) == ["Start", "Label"])
            var other = submission
            other.classifications = [["answer": "Negative"]]
            #expect(throws: StoreError.notInStage(externalId: "a", stage: .label, actual: .complete)) { try store.submit(other) }
        }
    }
}
