import Foundation
import Testing

@testable import LabelCore

/// Consensus in the store, on both backends: a Label task goes to N different annotators, never
/// twice to one, each keeps their own draft and answer, and the N-th submit scores the task and
/// moves it on in the same transaction.
@Suite("Store: consensus")
struct StoreConsensusTests {
    static func sentiment(_ value: String) -> [JSONValue] {
        [.object(["schemaId": "q-sent", "tool": "radio", "title": "Sentiment", "answer": .string(value), "classifications": []])]
    }

    func consensusProject(on backend: StoreBackend, n: Int = 3, threshold: Int? = nil, review: Bool = true, tasks: Int,
                          _ body: (any ProjectStore) throws -> Void) throws {
        try withProject(on: backend, review: review) { store in
            try store.updateSettings { s in
                s.consensus = n
                s.consensusThreshold = threshold
            }
            _ = try store.add((1...tasks).map { NewTask(externalId: "t\($0)", asset: .string("text \($0)")) }, at: addedAt)
            try body(store)
        }
    }

    func answer(_ store: any ProjectStore, _ user: String, _ value: String, second: Int = 0) throws -> LabelTask? {
        guard let task = try store.claimNext(stage: .label, user: user, at: addedAt) else { return nil }
        _ = try store.submit(Submission(
            taskId: task.id, stage: .label, user: user, classifications: Self.sentiment(value), time: TimeSpent(active: 1000, idle: 0),
            at: Timestamp(millisecondsSince1970: addedAt.millisecondsSince1970 + Int64(second) * 1000)))
        return task
    }

    @Test("each task goes to three different annotators, never twice to one; a fourth gets none", arguments: StoreBackend.all)
    func distinctAnnotators(_ backend: StoreBackend) throws {
        try consensusProject(on: backend, tasks: 2) { store in
            // alice answers both tasks, then the queue has nothing more for her.
            #expect(try answer(store, "alice", "Positive")?.externalId == "t1")
            #expect(try answer(store, "alice", "Positive")?.externalId == "t2")
            #expect(try store.claimNext(stage: .label, user: "alice", at: addedAt) == nil)
            for user in ["bob", "carol"] {
                #expect(try answer(store, user, "Positive")?.externalId == "t1")
                #expect(try answer(store, user, "Negative")?.externalId == "t2")
            }
            #expect(try store.claimNext(stage: .label, user: "dave", at: addedAt) == nil)
            for id in try ["t1", "t2"].map(store.id) {
                let labels = try store.history(taskId: id).filter { $0.stage == "Label" }
                #expect(labels.map(\.completedBy) == ["alice", "bob", "carol"])
                #expect(labels.map(\.duration) == [1000, 1000, 1000])
                #expect(try store.task(id: id)?.stage == .review)
            }
        }
    }

    @Test("a skip passes the task on: the queue never serves it to that annotator again", arguments: StoreBackend.all)
    func skipIsFinal(_ backend: StoreBackend) throws {
        try consensusProject(on: backend, tasks: 2) { store in
            let first = try #require(try store.claimNext(stage: .label, user: "alice", at: addedAt))
            #expect(first.externalId == "t1")
            try store.skip(taskId: first.id, user: "alice", at: addedAt)
            #expect(try store.claimNext(stage: .label, user: "alice", at: addedAt)?.externalId == "t2")
            #expect(try answer(store, "alice", "Positive")?.externalId == "t2")
            #expect(try store.claimNext(stage: .label, user: "alice", at: addedAt) == nil)
            // The skip left room in t1's round for others.
            #expect(try store.claimNext(stage: .label, user: "bob", at: addedAt)?.externalId == "t1")
        }
    }

    @Test("each annotator keeps their own draft; none sees another's", arguments: StoreBackend.all)
    func ownDrafts(_ backend: StoreBackend) throws {
        try consensusProject(on: backend, tasks: 1) { store in
            let task = try #require(try store.claimNext(stage: .label, user: "alice", at: addedAt))
            #expect(try store.claimNext(stage: .label, user: "bob", at: addedAt)?.id == task.id)
            try store.saveDraft(Draft(taskId: task.id, stage: .label, user: "alice", classifications: Self.sentiment("Positive"),
                                      time: TimeSpent(active: 500, idle: 0), savedAt: addedAt))
            try store.saveDraft(Draft(taskId: task.id, stage: .label, user: "bob", classifications: Self.sentiment("Negative"),
                                      time: TimeSpent(active: 700, idle: 0), savedAt: addedAt))
            #expect(try store.draft(taskId: task.id, stage: .label, user: "alice")?.classifications == Self.sentiment("Positive"))
            #expect(try store.draft(taskId: task.id, stage: .label, user: "bob")?.classifications == Self.sentiment("Negative"))
            #expect(try store.draft(taskId: task.id, stage: .label, user: "carol") == nil)
            // The task itself carries nobody's answer while its round is open.
            #expect(try store.task(id: task.id)?.annotations.classifications == [])
            #expect(try store.task(id: task.id)?.assignee == nil)
        }
    }

    @Test("the third submit scores the task, stores the score and moves it to Review with the most agreeing answer", arguments: StoreBackend.all)
    func thirdSubmitScores(_ backend: StoreBackend) throws {
        try consensusProject(on: backend, tasks: 1) { store in
            _ = try answer(store, "alice", "Negative", second: 1)
            _ = try answer(store, "bob", "Positive", second: 2)
            let id = try store.id("t1")
            #expect(try store.task(id: id)?.stage == .label)
            #expect(try store.consensus(taskId: id) == nil)
            _ = try answer(store, "carol", "Positive", second: 3)
            // Negative, Positive, Positive → x = 0, 1/2, 1/2 → y = 1/3 → 33; bob agrees most (first of the tie).
            let consensus = try #require(try store.consensus(taskId: id))
            #expect(consensus.users == ["alice", "bob", "carol"])
            #expect(consensus.score.averagePercent == 33)
            #expect(consensus.score.annotators == [0, 0.5, 0.5])
            let task = try #require(try store.task(id: id))
            #expect(task.stage == .review)
            #expect(task.labeler == "bob")
            #expect(task.annotations.classifications == Self.sentiment("Positive"))
            #expect(try store.consensusAnswers(taskId: id).map(\.user) == ["alice", "bob", "carol"])
            // None of the three reviews it.
            #expect(try store.claimNext(stage: .review, user: "alice", at: addedAt) == nil)
            #expect(try store.claimNext(stage: .review, user: "dave", at: addedAt)?.id == id)
        }
    }

    @Test("a score at the threshold goes straight to Complete; below it, to Review", arguments: StoreBackend.all)
    func threshold(_ backend: StoreBackend) throws {
        try consensusProject(on: backend, n: 2, threshold: 100, tasks: 2) { store in
            _ = try answer(store, "alice", "Positive")
            _ = try answer(store, "alice", "Positive")
            _ = try answer(store, "bob", "Positive")
            _ = try answer(store, "bob", "Negative")
            #expect(try store.task(externalId: "t1")?.stage == .complete)
            #expect(try store.task(externalId: "t2")?.stage == .review)
        }
    }

    @Test("many annotators released at once never put a task beyond its three", arguments: StoreBackend.all)
    func race(_ backend: StoreBackend) throws {
        try consensusProject(on: backend, tasks: 12) { store in
            let log = WorkLog()
            let finished = DispatchGroup()
            let start = DispatchSemaphore(value: 0)
            let workers = 8
            for worker in 1...workers {
                finished.enter()
                let own: any ProjectStore
                do { own = try openAgain(store) } catch { log.failed(error); finished.leave(); continue }
                Thread {
                    defer { finished.leave() }
                    start.wait()
                    do {
                        let user = "user\(worker)"
                        while let task = try own.claimNext(stage: .label, user: user, at: addedAt) {
                            _ = try own.submit(Submission(
                                taskId: task.id, stage: .label, user: user, classifications: Self.sentiment("Positive"),
                                time: TimeSpent(active: 1, idle: 0), at: addedAt))
                            log.submitted(task.id)
                        }
                    } catch {
                        log.failed(error)
                    }
                }.start()
            }
            for _ in 1...workers { start.signal() }
            finished.wait()
            #expect(log.errors == [])
            #expect(log.ids.count == 36)
            for name in (1...12).map({ "t\($0)" }) {
                let id = try store.id(name)
                let users = try store.history(taskId: id).filter { $0.stage == "Label" }.compactMap(\.completedBy)
                #expect(users.count == 3, "\(name): \(users)")
                #expect(Set(users).count == 3, "\(name): \(users)")
                #expect(try store.consensus(taskId: id)?.score.averagePercent == 100)
            }
            #expect(try store.count(QueueFilter(stage: .review)) == 12)
            #expect(try store.integrityCheck() == "ok")
        }
    }

    @Test("while three hold a task, a fourth is refused it", arguments: StoreBackend.all)
    func fourthRefused(_ backend: StoreBackend) throws {
        try consensusProject(on: backend, tasks: 1) { store in
            let id = try store.id("t1")
            for user in ["alice", "bob", "carol"] { #expect(try store.claimNext(stage: .label, user: user, at: addedAt)?.id == id) }
            #expect(try store.claimNext(stage: .label, user: "dave", at: addedAt) == nil)
            #expect(throws: StoreError.assignedToSomeoneElse(externalId: "t1", assignee: "its consensus round (3 annotators)")) {
                try store.claim(taskId: id, stage: .label, user: "dave", at: addedAt)
            }
        }
    }
}
