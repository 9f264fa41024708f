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
