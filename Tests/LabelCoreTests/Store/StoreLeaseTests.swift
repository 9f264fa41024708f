import Foundation
import GRDB
import Testing

@testable import LabelCore

/// Holds with a lease: a task someone left (a crash, a closed laptop) goes back to the queue once
/// its holder has been inactive for the lease; one never answered goes back at once.
@Suite("Store: holds and leases")
struct StoreLeaseTests {
    let t0 = at("2024-05-01T10:00:00.000Z")
    func later(_ ms: Int64) -> Timestamp { Timestamp(millisecondsSince1970: t0.millisecondsSince1970 + ms) }
    let lease = ProjectSettings.defaultClaimLease

    func draft(_ store: any ProjectStore, _ externalId: String, by user: String, at time: Timestamp) throws {
        try store.saveDraft(Draft(
            taskId: store.id(externalId), stage: .label, user: user,
            classifications: [["schemaId": "q-sent", "tool": "radio", "title": "Sentiment", "answer": "Positive"]],
            time: TimeSpent(active: 1_000, idle: 0), savedAt: time, activeAt: time))
    }

    @Test("a hold whose holder has been inactive past the lease is served to the next user, with its draft", arguments: StoreBackend.all)
    func expiredHoldIsServed(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b"), at: addedAt)
            #expect(try store.claimNext(stage: .label, user: "ghost", at: t0)?.externalId == "a")
            try draft(store, "a", by: "ghost", at: t0)
            #expect(try store.claimNext(stage: .label, user: "bob", at: later(lease - 1))?.externalId == "b")
            #expect(try store.claimNext(stage: .label, user: "cat", at: later(lease + 1))?.externalId == "a")
            #expect(try store.task(externalId: "a")?.assignee == "cat")
            #expect(try store.draft(taskId: store.id("a"), stage: .label)?.user == "ghost")
            // The ghost comes back: their save is refused, naming who has it now.
            #expect(throws: StoreError.assignedToSomeoneElse(externalId: "a", assignee: "cat")) {
                try draft(store, "a", by: "ghost", at: later(lease + 2))
            }
        }
    }

    @Test("activity renews the lease", arguments: StoreBackend.all)
    func activityRenews(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann", at: t0)
            try draft(store, "a", by: "ann", at: later(lease - 10))
            #expect(try store.claimNext(stage: .label, user: "bob", at: later(lease + 1)) == nil)
            #expect(throws: StoreError.assignedToSomeoneElse(externalId: "a", assignee: "ann")) {
                try store.claim(taskId: store.id("a"), stage: .label, user: "bob", at: later(lease + 1))
            }
            #expect(try store.claim(taskId: store.id("a"), stage: .label, user: "bob", at: later(2 * lease)).assignee == "bob")
        }
    }

    @Test("a task never answered is let go; one with a draft, a skipped one and one sent back are not", arguments: StoreBackend.all)
    func release(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
            _ = try store.add(tasks("a", "b", "c", "d"), at: addedAt)
            for id in ["a", "b", "c", "d"] { _ = try store.claim(taskId: store.id(id), stage: .label, user: "ann", at: t0) }
            try draft(store, "b", by: "ann", at: t0)
            try store.skip(taskId: store.id("c"), user: "ann", at: t0)
            try store.submit("d", in: .label, by: "ann")
            try store.submit("d", in: .review, by: "rob", review: .rejected, comment: "again")
            for id in ["a", "b", "c", "d"] { try store.release(taskId: store.id(id), stage: .label, user: "ann") }
            #expect(try ["a", "b", "c", "d"].map { try store.task(externalId: $0)?.assignee } == [nil, "ann", "ann", "ann"])
        }
    }

    @Test("who holds what: user, stage, status, since and last activity; holds without a lease have no activity", arguments: StoreBackend.all)
    func holds(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b"), at: addedAt)
            _ = try store.claim(taskId: store.id("a"), stage: .label, user: "ann", at: t0)
            try draft(store, "a", by: "ann", at: later(5_000))
            _ = try store.claim(taskId: store.id("b"), stage: .label, user: "bob", at: t0)
            try store.skip(taskId: store.id("b"), user: "bob", at: later(1_000))
            #expect(try store.holds() == [
                Hold(externalId: "a", stage: .label, status: .draft, user: "ann", since: t0, lastActivity: later(5_000)),
                Hold(externalId: "b", stage: .label, status: .skipped, user: "bob", since: t0, lastActivity: nil),
            ])
        }
    }

    @Test("this user's open task is found through the task_held index, without a sort")
    func ownTaskQueryPlan() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir)
            let plan = try store.pool.read { db in
                try Row.fetchAll(db, sql: """
                    EXPLAIN QUERY PLAN SELECT id FROM task INDEXED BY task_held
                    WHERE assignee = 'a' AND stage = 'Label' AND status != 'skipped' ORDER BY priority DESC, id LIMIT 1
                    """).map { $0["detail"] as String }
            }
            #expect(plan == ["SEARCH task USING INDEX task_held (assignee=? AND stage=?)"])
        }
    }
}
