import Foundation
import GRDB
import Testing

@testable import LabelCore

@Suite("Store: list order and review rules")
struct StoreOrderTests {
    @Test("the list shows tasks in the order the queue serves them, and positions agree")
    func listOrderIsServingOrder() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir)
            _ = try store.add(tasks("a", "b:5", "c", "d:5", "e:-1"), at: addedAt)
            #expect(try store.page(.all, offset: 0, limit: 10).map(\.externalId) == ["b", "d", "a", "c", "e"])
            #expect(try store.page(.all, offset: 2, limit: 2).map(\.externalId) == ["a", "c"])
            for (i, name) in ["b", "d", "a", "c", "e"].enumerated() {
                #expect(try store.position(of: store.id(name), in: .all) == i)
            }
            #expect(try store.claimNext(stage: .label, user: "ann")?.externalId == "b")
            #expect(try store.position(of: store.id("b"), in: QueueFilter(statuses: [.skipped])) == nil)
        }
    }

    @Test("a task requeued to Review with its assignee kept is never served to its own labeler")
    func noSelfReviewAfterRequeue() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir, review: true)
            _ = try store.add(tasks("a"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann")
            try store.submit("a", in: .label, by: "ann")
            #expect(try store.requeue(RequeueRequest(
                selection: .externalIds(["a"]), to: .label, removeAnswers: false, removeAssignee: false, removeHistory: false, at: addedAt)) == 1)
            _ = try store.claimNext(stage: .label, user: "ann")
            try store.submit("a", in: .label, by: "ann")
            _ = try store.requeue(RequeueRequest(
                selection: .externalIds(["a"]), to: .review, removeAnswers: false, removeAssignee: false, removeHistory: false, at: addedAt))
            try store.updateAssignee("a", "ann")
            #expect(try store.claimNext(stage: .review, user: "ann") == nil)
            #expect(try store.claimNext(stage: .review, user: "rob")?.externalId == nil)
        }
    }
}

extension SQLiteProjectStore {
    /// Sets an assignee directly, as a requeue that keeps it would leave it.
    func updateAssignee(_ externalId: String, _ user: String) throws {
        let id = try id(externalId)
        try pool.write { db in try db.execute(sql: "UPDATE task SET assignee = ? WHERE id = ?", arguments: [user, id]) }
    }
}
