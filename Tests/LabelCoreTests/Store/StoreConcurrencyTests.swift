import Foundation
import Testing

@testable import LabelCore

/// What the workers did, gathered under a lock.
final class WorkLog: @unchecked Sendable {
    private let lock = NSLock()
    private var submitted: [Int64] = []
    private var failures: [String] = []

    func submitted(_ id: Int64) { lock.withLock { submitted.append(id) } }
    func failed(_ error: any Error) { lock.withLock { failures.append("\(error)") } }
    var ids: [Int64] { lock.withLock { submitted } }
    var errors: [String] { lock.withLock { failures } }
}

@Suite("Store: several annotators at once")
struct StoreConcurrencyTests {
    @Test("workers each with their own store on one project submit every task exactly once", arguments: StoreBackend.all)
    func concurrentClaimAndSubmit(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            let names = (1...120).map { "t\($0)" }
            _ = try store.add(names.map { NewTask(externalId: $0, asset: .string($0)) }, at: addedAt)
            let log = WorkLog()
            let finished = DispatchGroup()
            for worker in 1...8 {
                finished.enter()
                let own: any ProjectStore
                do { own = try openAgain(store) } catch { log.failed(error); finished.leave(); continue }
                Thread {
                    defer { finished.leave() }
                    do {
                        let user = "user\(worker)"
                        while let task = try own.claimNext(stage: .label, user: user) {
                            _ = try own.submit(Submission(
                                taskId: task.id, stage: .label, user: user, classifications: [], time: TimeSpent(active: 1, idle: 0),
                                at: addedAt))
                            log.submitted(task.id)
                        }
                    } catch {
                        log.failed(error)
                    }
                }.start()
            }
            finished.wait()
            let all = try names.map { try store.id($0) }
            #expect(log.errors == [])
            #expect(log.ids.sorted() == all.sorted())
            #expect(try store.count(QueueFilter(stage: .complete)) == 120)
            #expect(try all.allSatisfy { try store.history(taskId: $0).map(\.stage) == ["Start", "Label"] })
            #expect(try store.integrityCheck() == "ok")
        }
    }
}
