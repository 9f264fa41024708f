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
                    try add(tasks("a", "b"))
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
                try add(tasks("a", "b"))
                try add(tasks("b", "old", "c"))
                try add(tasks("d", "d"))
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
                    try add(names[start..<min(start + 700, names.count)].map { NewTask(externalId: $0, asset: .string($0)) })
                }
            }, at: addedAt)
            #expect(result == AddResult(added: 2500, skippedExisting: 0, skipped: []))
            #expect(try store.claimNext(stage: .label, user: "ann")?.externalId == "s0000")
            #expect(try store.progress().byStatus == [.new: 2500])
            #expect(try store.integrityCheck() == "ok")
        }
    }
}
