import Foundation
import GRDB
import Testing

@testable import LabelCore

/// Submit and the hold of the next task, as one change: one commit (one flush to disk) on the
/// labeling screen's submit path, and never one without the other.
@Suite("Store: submit and claim the next task")
struct StoreSubmitAndClaimTests {
    let t0 = at("2024-05-01T10:00:00.000Z")

    func submission(_ store: any ProjectStore, _ externalId: String, by user: String) throws -> Submission {
        Submission(
            taskId: try store.id(externalId), stage: .label, user: user,
            classifications: [["schemaId": "q-sent", "tool": "radio", "title": "Sentiment", "answer": "Positive", "classifications": []]],
            time: TimeSpent(active: 1_000, idle: 0), at: t0)
    }

    @Test("the submitted task moves on and the next one is held for the same user", arguments: StoreBackend.all)
    func submitsAndHoldsTheNext(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b", "c"), at: addedAt)
            #expect(try store.claimNext(stage: .label, user: "ann", at: t0)?.externalId == "a")
            let before = try store.history(taskId: store.id("a")).map(\.stage)
            let done = try store.submitAndClaimNext(submission(store, "a", by: "ann"))
            #expect(done.next == .complete)
            #expect(done.claimed?.externalId == "b")
            #expect(done.claimed?.assignee == "ann")
            #expect(try store.task(externalId: "a")?.stage == .complete)
            #expect(try store.history(taskId: store.id("a")).map(\.stage) == before + ["Label"])
            #expect(try store.history(taskId: store.id("a")).last?.completedBy == "ann")
            #expect(try store.task(externalId: "b")?.assignee == "ann")
            #expect(try store.task(externalId: "c")?.assignee == nil)
            // What the next frame shows, when the store reads it with the submit, is what reading it apart gives.
            if let shown = done.shown, let next = done.claimed {
                #expect(shown == ShownAfterSubmit(progress: try store.progress(), draft: try store.draft(taskId: next.id, stage: .label, user: "ann"),
                                                  issues: try store.issues(taskId: next.id)))
            }
        }
    }

    @Test("the last task submitted leaves nothing to hold", arguments: StoreBackend.all)
    func lastTask(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann", at: t0)
            let done = try store.submitAndClaimNext(submission(store, "a", by: "ann"))
            #expect(SubmitAndClaim(next: done.next, claimed: done.claimed) == SubmitAndClaim(next: .complete, claimed: nil))
            if let shown = done.shown { #expect(shown == ShownAfterSubmit(progress: try store.progress(), draft: nil, issues: [])) }
            #expect(try store.progress().labeled == 1)
        }
    }

    @Test("a submit refused holds nothing new", arguments: StoreBackend.all)
    func refusedSubmit(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann", at: t0)
            #expect(throws: StoreError.assignedToSomeoneElse(externalId: "a", assignee: "ann")) {
                try store.submitAndClaimNext(submission(store, "a", by: "bob"))
            }
            #expect(try store.task(externalId: "b")?.assignee == nil)
        }
    }

    @Test("SQLite: when the hold of the next task fails, the submit is not kept either")
    func holdFailureUndoesTheSubmit() throws {
        try withProject(on: .sqlite) { store in
            let sqlite = try #require(store as? SQLiteProjectStore)
            _ = try store.add(tasks("a", "b"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann", at: t0)
            let history = try store.history(taskId: store.id("a"))
            // Holding a task records an "open" event: make that fail from now on.
            try sqlite.pool.write { db in
                try db.execute(sql: """
                    CREATE TRIGGER refuse_open BEFORE INSERT ON event WHEN NEW.kind = 'open'
                    BEGIN SELECT RAISE(ABORT, 'no more holds'); END
                    """)
            }
            #expect(throws: DatabaseError.self) { try store.submitAndClaimNext(submission(store, "a", by: "ann")) }
            #expect(try store.task(externalId: "a")?.stage == .label)
            #expect(try store.task(externalId: "a")?.assignee == "ann")
            #expect(try store.history(taskId: store.id("a")) == history)
            #expect(try store.task(externalId: "b")?.assignee == nil)
        }
    }
}
