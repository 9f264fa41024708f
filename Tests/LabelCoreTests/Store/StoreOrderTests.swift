import Foundation
import GRDB
import Testing

@testable import LabelCore

@Suite("Store: list order and review rules")
struct StoreOrderTests {
    @Test("the list shows tasks in the order the queue serves them, and positions agree", arguments: StoreBackend.all)
    func listOrderIsServingOrder(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
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

    @Test("a task requeued to Review with its assignee kept is never served to its own labeler", arguments: StoreBackend.all)
    func noSelfReviewAfterRequeue(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
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
