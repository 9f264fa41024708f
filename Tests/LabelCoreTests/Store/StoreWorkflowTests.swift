import Foundation
import Testing

@testable import LabelCore

@Suite("Store: workflow")
struct StoreWorkflowTests {
    @Test("without review, a Label submit moves the task to Complete and frees it", arguments: StoreBackend.all)
    func labelSubmitCompletes(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann")
            #expect(try store.submit("a", in: .label, by: "ann", active: 4000, idle: 500) == .complete)
            let task = try #require(try store.task(externalId: "a"))
            #expect(task.stage == .complete)
            #expect(task.status == .submitted)
            #expect(task.assignee == nil)
            #expect(task.labeler == "ann")
            #expect(task.time == TimeSpent(active: 4000, idle: 500))
            #expect(try store.draft(taskId: task.id, stage: .label) == nil)
        }
    }

    @Test("with review, a Label submit moves the task to Review", arguments: StoreBackend.all)
    func labelSubmitToReview(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann")
            #expect(try store.submit("a", in: .label, by: "ann") == .review)
            #expect(try store.task(externalId: "a")?.status == .submitted)
        }
    }

    @Test("a reviewer never gets their own labels from the queue", arguments: StoreBackend.all)
    func reviewerSkipsOwnLabels(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
            _ = try store.add(tasks("a", "b"), at: addedAt)
            _ = try store.claim(taskId: store.id("a"), stage: .label, user: "ann")
            try store.submit("a", in: .label, by: "ann")
            _ = try store.claim(taskId: store.id("b"), stage: .label, user: "bob")
            try store.submit("b", in: .label, by: "bob")
            #expect(try store.claimNext(stage: .review, user: "ann")?.externalId == "b")
            #expect(try store.claimNext(stage: .review, user: "bob")?.externalId == "a")
        }
    }

    @Test("a reviewer with only their own labels left gets nothing", arguments: StoreBackend.all)
    func reviewerGetsNothing(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann")
            try store.submit("a", in: .label, by: "ann")
            #expect(try store.claimNext(stage: .review, user: "ann") == nil)
        }
    }

    @Test("a reviewer cannot open their own labels directly", arguments: StoreBackend.all)
    func reviewerCannotClaimOwn(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann")
            try store.submit("a", in: .label, by: "ann")
            #expect(throws: StoreError.ownLabels(externalId: "a")) { try store.claim(taskId: store.id("a"), stage: .review, user: "ann") }
        }
    }

    @Test("a rejected task goes back to the same labeler with the reviewer's comment", arguments: StoreBackend.all)
    func rejectReturnsToLabeler(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
            _ = try store.add(tasks("a", "b"), at: addedAt)
            _ = try store.claim(taskId: store.id("a"), stage: .label, user: "ann")
            try store.submit("a", in: .label, by: "ann")
            _ = try store.claimNext(stage: .review, user: "rev")
            #expect(try store.submit("a", in: .review, by: "rev", review: .rejected, comment: "It is negative") == .label)
            let task = try #require(try store.task(externalId: "a"))
            #expect(task.stage == .label)
            #expect(task.status == .rejected)
            #expect(task.assignee == "ann")
            #expect(task.reviewComment == "It is negative")
            #expect(try store.claimNext(stage: .label, user: "bob")?.externalId == "b")
            #expect(try store.claimNext(stage: .label, user: "ann")?.externalId == "a")
        }
    }

    @Test("the rejection is kept in the history with its comment", arguments: StoreBackend.all)
    func rejectionInHistory(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann")
            try store.submit("a", in: .label, by: "ann", at: at("2024-05-01T10:00:00.000Z"))
            _ = try store.claimNext(stage: .review, user: "rev")
            try store.submit("a", in: .review, by: "rev", active: 2843, idle: 10, at: at("2024-05-01T11:00:00.000Z"),
                             review: .rejected, comment: "It is negative")
            #expect(try store.history(taskId: store.id("a")).last.map { compact($0.json(includeIdle: true)) } == """
                {"stage":"Review","stageId":"Review","duration":2843,"idleDuration":10,"reviewStatus":"Rejected",\
                "comment":"It is negative","completedAt":"2024-05-01T11:00:00.000Z","completedBy":"rev","tools":[],\
                "classifications":[{"schemaId":"q-sent","tool":"radio","title":"Sentiment","answer":"Positive","classifications":[]}],\
                "relations":[]}
                """)
        }
    }

    @Test("resubmitting a rejected task clears the comment", arguments: StoreBackend.all)
    func resubmitClearsComment(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann")
            try store.submit("a", in: .label, by: "ann")
            _ = try store.claimNext(stage: .review, user: "rev")
            try store.submit("a", in: .review, by: "rev", review: .rejected, comment: "no")
            try store.submit("a", in: .label, by: "ann", answer: "Negative")
            let task = try #require(try store.task(externalId: "a"))
            #expect(task.stage == .review)
            #expect(task.reviewComment == nil)
        }
    }

    @Test("an accepted or fixed review completes the task", arguments: StoreBackend.all)
    func acceptCompletes(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
            _ = try store.add(tasks("a", "b"), at: addedAt)
            for id in ["a", "b"] {
                _ = try store.claim(taskId: store.id(id), stage: .label, user: "ann")
                try store.submit(id, in: .label, by: "ann")
            }
            #expect(try store.submit("a", in: .review, by: "rev", review: .accepted) == .complete)
            #expect(try store.submit("b", in: .review, by: "rev", review: .fixed) == .complete)
            #expect(try store.count(QueueFilter(stage: .complete, statuses: [.accepted])) == 2)
        }
    }

    @Test("a submit in the wrong stage is refused", arguments: StoreBackend.all)
    func submitWrongStage(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            #expect(throws: StoreError.notInStage(externalId: "a", stage: .review, actual: .label)) {
                try store.submit("a", in: .review, by: "rev")
            }
        }
    }

    @Test("requeue moves tasks to a stage, keeping answers, assignee and history unless told", arguments: StoreBackend.all)
    func requeueKeeps(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann")
            try store.submit("a", in: .label, by: "ann")
            _ = try store.claimNext(stage: .review, user: "rev")
            let moved = try store.requeue(RequeueRequest(
                selection: .externalIds(["a", "zzz"]), to: .label, removeAnswers: false, removeAssignee: false, removeHistory: false, at: addedAt))
            #expect(moved == 1)
            let task = try #require(try store.task(externalId: "a"))
            #expect(task.stage == .label)
            #expect(task.status == .new)
            #expect(task.assignee == "rev")
            #expect(task.annotations.classifications.count == 1)
            #expect(try store.history(taskId: task.id).map(\.stage) == ["Start", "Label"])
        }
    }

    @Test("requeue removes answers, assignee and history when told", arguments: StoreBackend.all)
    func requeueRemoves(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b"), at: addedAt)
            for id in ["a", "b"] {
                _ = try store.claim(taskId: store.id(id), stage: .label, user: "ann")
                try store.submit(id, in: .label, by: "ann", active: 3000)
            }
            let moved = try store.requeue(RequeueRequest(
                selection: .stage(.complete), to: .label, removeAnswers: true, removeAssignee: true, removeHistory: true, at: addedAt))
            #expect(moved == 2)
            let task = try #require(try store.task(externalId: "b"))
            #expect(task.stage == .label)
            #expect(task.annotations == .empty)
            #expect(task.assignee == nil)
            #expect(task.labeler == nil)
            #expect(task.time == .zero)
            #expect(try store.history(taskId: task.id) == [])
        }
    }

    @Test("requeue by user selects the tasks they have or labeled", arguments: StoreBackend.all)
    func requeueByUser(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b", "c"), at: addedAt)
            _ = try store.claim(taskId: store.id("a"), stage: .label, user: "ann")
            try store.submit("a", in: .label, by: "ann")
            _ = try store.claim(taskId: store.id("b"), stage: .label, user: "ann")
            _ = try store.claim(taskId: store.id("c"), stage: .label, user: "bob")
            let moved = try store.requeue(RequeueRequest(
                selection: .user("ann"), to: .label, removeAnswers: false, removeAssignee: true, removeHistory: false, at: addedAt))
            #expect(moved == 2)
            #expect(try store.count(QueueFilter(assignee: "bob")) == 1)
            #expect(try store.count(QueueFilter(stage: .label, statuses: [.new])) == 3)
        }
    }

    @Test("activity lists each submit with its user, time and labeler, and each skip", arguments: StoreBackend.all)
    func activity(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
            _ = try store.add(tasks("a", "b"), at: addedAt)
            _ = try store.claim(taskId: store.id("b"), stage: .label, user: "bob")
            try store.skip(taskId: store.id("b"), user: "bob", at: at("2024-05-01T09:10:00.000Z"))
            _ = try store.claim(taskId: store.id("a"), stage: .label, user: "ann")
            try store.submit("a", in: .label, by: "ann", active: 100, idle: 5, at: at("2024-05-01T10:00:00.000Z"))
            try store.submit("a", in: .review, by: "rev", active: 50, at: at("2024-05-01T11:00:00.000Z"), review: .accepted)
            let a = try store.id("a")
            let activity = try store.activity(since: nil)
            #expect(activity.entries == [
                Activity.Entry(taskId: a, user: "ann", stage: .label, reviewStatus: nil, time: TimeSpent(active: 100, idle: 5),
                               completedAt: at("2024-05-01T10:00:00.000Z"), labeler: nil),
                Activity.Entry(taskId: a, user: "rev", stage: .review, reviewStatus: .accepted, time: TimeSpent(active: 50, idle: 0),
                               completedAt: at("2024-05-01T11:00:00.000Z"), labeler: "ann"),
            ])
            #expect(activity.skips.map { "\($0.user) \($0.at)" } == ["bob 2024-05-01T09:10:00.000Z"])
        }
    }
}
