import Foundation
import Testing

@testable import LabelCore

@Suite("Store: adding and the queue")
struct StoreQueueTests {
    @Test("add reports how many tasks it added and how many externalIds it skipped", arguments: StoreBackend.all)
    func addSkipsExisting(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store throws in
            #expect(try store.add(tasks("a", "b"), at: addedAt) == AddResult(added: 2, skippedExisting: 0))
            #expect(try store.add(tasks("b", "c", "a"), at: addedAt) == AddResult(added: 1, skippedExisting: 2, skipped: [
                SkippedTask(externalId: "b", reason: .externalIdInProject), SkippedTask(externalId: "a", reason: .externalIdInProject),
            ]))
            #expect(try store.count(.all) == 3)
        }
    }

    @Test("a task made here gets a 24-character hexadecimal taskId and enters Label as new", arguments: StoreBackend.all)
    func newTaskShape(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add([NewTask(externalId: "a", asset: "x", metadata: ["k": "v"], batches: ["b1"], priority: 3)], at: addedAt)
            let task = try #require(try store.task(externalId: "a"))
            #expect(task.taskId.count == 24)
            #expect(task.taskId.allSatisfy { "0123456789abcdef".contains($0) })
            #expect(task.stage == .label)
            #expect(task.status == .new)
            #expect(task.assignee == nil)
            #expect(task.metadata == ["k": "v"])
            #expect(task.batches == ["b1"])
            #expect(task.priority == 3)
        }
    }

    @Test("a task made here has a Start entry in its history", arguments: StoreBackend.all)
    func startEntry(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            #expect(try store.history(taskId: store.id("a")).map { compact($0.json(includeIdle: false)) } == [
                #"{"stage":"Start","stageId":"Start","duration":0,"completedAt":"2024-05-01T09:00:00.000Z","tools":[],"classifications":[],"relations":[]}"#
            ])
        }
    }

    @Test("claimNext serves higher priority first, then creation order", arguments: StoreBackend.all)
    func claimOrder(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b:5", "c", "d:5", "e:-3"), at: addedAt)
            let served = try ["u1", "u2", "u3", "u4", "u5", "u6"].map { try store.claimNext(stage: .label, user: $0)?.externalId }
            #expect(served == ["b", "d", "a", "c", "e", nil])
        }
    }

    @Test("claimNext assigns the task to who opened it", arguments: StoreBackend.all)
    func claimAssigns(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            #expect(try store.claimNext(stage: .label, user: "ann")?.assignee == "ann")
            #expect(try store.task(externalId: "a")?.assignee == "ann")
        }
    }

    @Test("claimNext gives a user their own unfinished task first", arguments: StoreBackend.all)
    func ownTasksFirst(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b", "c:9"), at: addedAt)
            _ = try store.claim(taskId: store.id("b"), stage: .label, user: "ann")
            #expect(try store.claimNext(stage: .label, user: "ann")?.externalId == "b")
            #expect(try store.claimNext(stage: .label, user: "bob")?.externalId == "c")
        }
    }

    @Test("claim refuses a task someone else has", arguments: StoreBackend.all)
    func claimTaken(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann")
            #expect(throws: StoreError.assignedToSomeoneElse(externalId: "a", assignee: "ann")) {
                try store.claim(taskId: store.id("a"), stage: .label, user: "bob")
            }
        }
    }

    @Test("claim refuses a task in another stage", arguments: StoreBackend.all)
    func claimWrongStage(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            #expect(throws: StoreError.notInStage(externalId: "a", stage: .review, actual: .label)) {
                try store.claim(taskId: store.id("a"), stage: .review, user: "bob")
            }
        }
    }

    @Test("a skipped task is put aside: the next claim serves another task", arguments: StoreBackend.all)
    func skipPutsAside(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b"), at: addedAt)
            let a = try #require(try store.claimNext(stage: .label, user: "ann"))
            try store.skip(taskId: a.id, user: "ann", at: addedAt)
            #expect(try store.task(id: a.id)?.status == .skipped)
            #expect(try store.claimNext(stage: .label, user: "ann")?.externalId == "b")
            #expect(try store.claimNext(stage: .label, user: "bob") == nil)
        }
    }

    @Test("unskip brings a skipped task back as new, and it is served again", arguments: StoreBackend.all)
    func unskipRestores(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b"), at: addedAt)
            let a = try #require(try store.claimNext(stage: .label, user: "ann"))
            try store.skip(taskId: a.id, user: "ann", at: addedAt)
            try store.unskip(taskId: a.id, user: "ann", at: addedAt)
            #expect(try store.task(id: a.id)?.status == .new)
            #expect(try store.claimNext(stage: .label, user: "ann")?.externalId == "a")
        }
    }

    @Test("unskip brings back a task with a draft as a draft", arguments: StoreBackend.all)
    func unskipKeepsDraft(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            let a = try #require(try store.claimNext(stage: .label, user: "ann"))
            try store.saveDraft(Draft(taskId: a.id, stage: .label, user: "ann", classifications: [], time: .zero, savedAt: addedAt))
            try store.skip(taskId: a.id, user: "ann", at: addedAt)
            try store.unskip(taskId: a.id, user: "ann", at: addedAt)
            #expect(try store.task(id: a.id)?.status == .draft)
        }
    }

    @Test("nobody may skip a task assigned to someone else", arguments: StoreBackend.all)
    func skipOthersTask(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            let a = try #require(try store.claimNext(stage: .label, user: "ann"))
            #expect(throws: StoreError.assignedToSomeoneElse(externalId: "a", assignee: "ann")) {
                try store.skip(taskId: a.id, user: "bob", at: addedAt)
            }
        }
    }

    @Test("count and page filter by stage, status and assignee", arguments: StoreBackend.all)
    func countAndPageFilter(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b", "c", "d", "e"), at: addedAt)
            _ = try store.claim(taskId: store.id("b"), stage: .label, user: "ann")
            try store.submit("b", in: .label, by: "ann")
            _ = try store.claim(taskId: store.id("d"), stage: .label, user: "ann")
            #expect(try store.count(.all) == 5)
            #expect(try store.count(QueueFilter(stage: .label)) == 4)
            #expect(try store.count(QueueFilter(statuses: [.new])) == 4)
            #expect(try store.count(QueueFilter(statuses: [.new, .submitted])) == 5)
            #expect(try store.count(QueueFilter(assignee: "ann")) == 1)
            #expect(try store.page(QueueFilter(stage: .label), offset: 1, limit: 2).map(\.externalId) == ["c", "d"])
        }
    }

    @Test("a queue row shows status, assignee, time so far and a one-line preview", arguments: StoreBackend.all)
    func queueRow(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add([NewTask(externalId: "a", asset: "Line one\n\n  line   two")], at: addedAt)
            let a = try store.id("a")
            _ = try store.claim(taskId: a, stage: .label, user: "ann")
            try store.saveDraft(Draft(taskId: a, stage: .label, user: "ann", classifications: [], time: TimeSpent(active: 1234, idle: 9), savedAt: addedAt))
            #expect(try store.page(.all, offset: 0, limit: 10) == [
                QueueRow(id: a, externalId: "a", stage: .label, status: .draft, assignee: "ann", activeMilliseconds: 1234, preview: "Line one line two")
            ])
        }
    }

    @Test("position is a task's place in the filtered queue, nil when it is not in it", arguments: StoreBackend.all)
    func position(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b", "c", "d"), at: addedAt)
            _ = try store.claim(taskId: store.id("b"), stage: .label, user: "ann")
            try store.submit("b", in: .label, by: "ann")
            #expect(try store.position(of: store.id("c"), in: .all) == 2)
            #expect(try store.position(of: store.id("c"), in: QueueFilter(stage: .label)) == 1)
            #expect(try store.position(of: store.id("b"), in: QueueFilter(stage: .label)) == nil)
        }
    }

    @Test("progress counts tasks by stage and status", arguments: StoreBackend.all)
    func progress(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
            _ = try store.add(tasks("a", "b", "c"), at: addedAt)
            _ = try store.claim(taskId: store.id("a"), stage: .label, user: "ann")
            try store.submit("a", in: .label, by: "ann")
            let progress = try store.progress()
            #expect(progress.total == 3)
            #expect(progress.byStage == [.label: 2, .review: 1])
            #expect(progress.byStatus == [.new: 2, .submitted: 1])
            #expect(progress.labeled == 1)
        }
    }

    @Test("a draft survives closing and reopening the store")
    func draftSurvivesReopen() throws {
        try withTemporaryDirectory { dir in
            let draft: Draft
            let path: String
            do {
                let store = try makeProject(in: dir)
                _ = try store.add(tasks("a"), at: addedAt)
                let a = try #require(try store.claimNext(stage: .label, user: "ann"))
                draft = Draft(
                    taskId: a.id, stage: .label, user: "ann", classifications: [["schemaId": "q-sent", "answer": "Négatif 😀"]],
                    time: TimeSpent(active: 5000, idle: 700), savedAt: at("2024-05-01T09:30:00.123Z"))
                try store.saveDraft(draft)
                path = store.directory
            }
            let reopened = try SQLiteProjectStore(directory: path)
            #expect(try reopened.draft(taskId: draft.taskId, stage: .label) == draft)
            #expect(try reopened.task(id: draft.taskId)?.status == .draft)
            #expect(try reopened.claimNext(stage: .label, user: "ann")?.id == draft.taskId)
        }
    }

    @Test("a draft for a task someone else has is refused", arguments: StoreBackend.all)
    func draftOfOthersTask(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            let a = try #require(try store.claimNext(stage: .label, user: "ann"))
            #expect(throws: StoreError.assignedToSomeoneElse(externalId: "a", assignee: "ann")) {
                try store.saveDraft(Draft(taskId: a.id, stage: .label, user: "bob", classifications: [], time: .zero, savedAt: addedAt))
            }
        }
    }

    @Test("pre-labels attach to new tasks by externalId", arguments: StoreBackend.all)
    func attachPreLabels(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b"), at: addedAt)
            _ = try store.claim(taskId: store.id("b"), stage: .label, user: "ann")
            try store.saveDraft(Draft(taskId: store.id("b"), stage: .label, user: "ann", classifications: [], time: .zero, savedAt: addedAt))
            let labels = Annotations(classifications: [["schemaId": "q-sent", "answer": "Positive", "lock": true]])
            let matched = try store.attach([
                PreLabels(externalId: "a", annotations: labels), PreLabels(externalId: "b", annotations: labels),
                PreLabels(externalId: "zzz", annotations: labels),
            ])
            #expect(matched == 1)
            #expect(try store.task(externalId: "a")?.annotations == labels)
            #expect(try store.task(externalId: "b")?.annotations == .empty)
        }
    }

    @Test("opening a directory that is no project says how to make one")
    func notAProject() throws {
        try withTemporaryDirectory { dir in
            #expect(throws: StoreError.notAProject(dir)) { try SQLiteProjectStore(directory: dir) }
            #expect(StoreError.notAProject("p").description
                == "p is not a termlabel project (no project.sqlite); make one with `termlabel init p --ontology FILE --assets FILE`")
        }
    }

    @Test("making a project where one exists is refused")
    func alreadyAProject() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir)
            #expect(throws: StoreError.alreadyAProject(store.directory)) { try makeProject(in: dir) }
        }
    }

    @Test("settings are kept, with the ontology byte for byte", arguments: StoreBackend.all)
    func settingsKept(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true, emails: ["ann": "ann@example.com"]) { store in
            #expect(try store.settings() == ProjectSettings(
                name: "reviews", ontologyJSON: Ontologies.oneRadio, hasReview: true, createdAt: at("2024-05-01T08:00:00.000Z"),
                emails: ["ann": "ann@example.com"]))
            try store.updateSettings { $0.idleTimeoutMilliseconds = 60_000 }
            #expect(try store.settings().idleTimeoutMilliseconds == 60_000)
        }
    }

    @Test("a login@host user is exported by the e-mail of its login")
    func exportName() {
        let settings = ProjectSettings(name: "p", ontologyJSON: "{}", hasReview: false, createdAt: addedAt, emails: ["ann": "ann@example.com"])
        #expect(settings.exportName(of: "ann@server1") == "ann@example.com")
        #expect(settings.exportName(of: "ann") == "ann@example.com")
        #expect(settings.exportName(of: "bob") == "bob")
    }
}

@Suite("Store: records not added, with the reason")
struct StoreSkipReasonTests {
    /// Three Ango export assets with distinct externalIds and one taskId: one is added, and the
    /// other two are named with the taskId collision (not "externalId already in the project").
    @Test("records sharing a taskId are named with the taskId collision", arguments: StoreBackend.all)
    func sharedTaskId(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store throws in
            let three = ["e1", "e2", "e3"].map { NewTask(externalId: $0, asset: "x", taskId: "T1") }
            #expect(try store.add(three, at: addedAt) == AddResult(added: 1, skippedExisting: 2, skipped: [
                SkippedTask(externalId: "e2", reason: .taskIdRepeated(taskId: "T1", externalId: "e1")),
                SkippedTask(externalId: "e3", reason: .taskIdRepeated(taskId: "T1", externalId: "e1")),
            ]))
            let again = [NewTask(externalId: "e4", asset: "x", taskId: "T1"), NewTask(externalId: "e4", asset: "y")]
            #expect(try store.add(again, at: addedAt) == AddResult(added: 1, skippedExisting: 1, skipped: [
                SkippedTask(externalId: "e4", reason: .taskIdInProject(taskId: "T1", externalId: "e1")),
            ]))
        }
    }
}
