import Testing

@testable import LabelCore

@Suite("Store: issues")
struct StoreIssuesTests {
    static let codes = [ErrorCode(category: "Classification", name: "Wrong class", key: "WRONG"), ErrorCode(category: "", name: "Missed", key: "MISS")]
    let opened = at("2024-05-01T11:00:00.000Z")
    let resolvedAt = at("2024-05-01T12:00:00.000Z")

    func withCodes<T>(_ backend: StoreBackend, _ body: (any ProjectStore) throws -> T) throws -> T {
        try withProject(on: backend, review: true) { store in
            try store.updateSettings { $0.errorCodes = Self.codes }
            return try body(store)
        }
    }

    /// a: labeled by ann, then in review with bob.
    func inReview(_ store: any ProjectStore) throws {
        _ = try store.add(tasks("a"), at: addedAt)
        _ = try store.claimNext(stage: .label, user: "ann")
        try store.submit("a", in: .label, by: "ann")
        _ = try store.claimNext(stage: .review, user: "bob")
    }

    @Test("an issue keeps its question, error code, mentions, author, time and stage", arguments: StoreBackend.all)
    func openKeepsEverything(_ backend: StoreBackend) throws {
        try withCodes(backend) { store in
            try inReview(store)
            let issue = try store.openIssue(NewIssue(taskId: store.id("a"), schemaId: "q-sent", content: "  Not positive, @ann; ask @carol.  ",
                                                     errorCode: "WRONG", user: "bob", at: opened))
            #expect(issue.externalId == "a")
            #expect(issue.schemaId == "q-sent")
            #expect(issue.content == "Not positive, @ann; ask @carol.")
            #expect(issue.errorCode == Self.codes[0])
            #expect(issue.mentions == ["ann", "carol"])
            #expect(issue.createdBy == "bob")
            #expect(issue.createdAt == opened)
            #expect(issue.stage == .review)
            #expect(issue.isOpen)
            #expect(try store.issues(taskId: store.id("a")) == [issue])
            #expect(try store.issues(includeResolved: false) == [issue])
        }
    }

    @Test("an error code the project does not have is refused, and nothing is stored", arguments: StoreBackend.all)
    func unknownCode(_ backend: StoreBackend) throws {
        try withCodes(backend) { store in
            try inReview(store)
            #expect(throws: StoreError.unknownErrorCode("TYPO", known: ["WRONG", "MISS"])) {
                try store.openIssue(NewIssue(taskId: store.id("a"), schemaId: nil, content: "x", errorCode: "TYPO", user: "bob", at: opened))
            }
            #expect(try store.issues(includeResolved: true) == [])
        }
    }

    @Test("the reviewer sends the task back with an open issue; the labeler cannot submit until it is resolved", arguments: StoreBackend.all)
    func reviewerIssueBlocksLabeler(_ backend: StoreBackend) throws {
        try withCodes(backend) { store in
            try inReview(store)
            let issue = try store.openIssue(NewIssue(taskId: store.id("a"), schemaId: "q-sent", content: "wrong", errorCode: nil, user: "bob", at: opened))
            // Accepting with an open issue is refused; sending it back is the way.
            #expect(throws: StoreError.openIssues(externalId: "a", count: 1)) { try store.submit("a", in: .review, by: "bob") }
            #expect(try store.submit("a", in: .review, by: "bob", review: .rejected, comment: "see the issue") == .label)
            #expect(try store.claimNext(stage: .label, user: "ann")?.externalId == "a")
            #expect(throws: StoreError.openIssues(externalId: "a", count: 1)) { try store.submit("a", in: .label, by: "ann") }
            let resolved = try store.resolveIssue(id: issue.id, by: "ann", comment: "fixed: Negative", at: resolvedAt)
            #expect(resolved.resolution == TaskIssue.Resolution(by: "ann", at: resolvedAt, comment: "fixed: Negative"))
            #expect(throws: StoreError.issueResolved(issue.id)) { try store.resolveIssue(id: issue.id, by: "ann", comment: "", at: resolvedAt) }
            #expect(try store.submit("a", in: .label, by: "ann", answer: "Negative") == .review)
            // Resolved issues stay: the task's list has it, the open list does not.
            #expect(try store.issues(taskId: store.id("a")) == [resolved])
            #expect(try store.issues(includeResolved: false) == [])
            #expect(throws: StoreError.noSuchIssue(999)) { try store.resolveIssue(id: 999, by: "ann", comment: "", at: resolvedAt) }
        }
    }

    @Test("a labeler's own issue does not stop their submit, but the reviewer must resolve it or send the task back", arguments: StoreBackend.all)
    func labelerIssue(_ backend: StoreBackend) throws {
        try withCodes(backend) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann")
            let issue = try store.openIssue(NewIssue(taskId: store.id("a"), schemaId: nil, content: "the text is cut off", errorCode: "MISS",
                                                     user: "ann", at: opened))
            #expect(issue.stage == .label)
            #expect(try store.submit("a", in: .label, by: "ann") == .review)
            _ = try store.claimNext(stage: .review, user: "bob")
            #expect(throws: StoreError.openIssues(externalId: "a", count: 1)) { try store.submit("a", in: .review, by: "bob") }
            _ = try store.resolveIssue(id: issue.id, by: "bob", comment: "", at: resolvedAt)
            #expect(try store.submit("a", in: .review, by: "bob") == .complete)
        }
    }
}

@Suite("Store: hold")
struct StoreHoldTests {
    let heldAt = at("2024-05-01T11:00:00.000Z")
    let forwardedAt = at("2024-05-01T12:00:00.000Z")

    func draft(_ store: any ProjectStore, _ externalId: String, _ user: String) throws -> Draft {
        Draft(taskId: try store.id(externalId), stage: .label, user: user,
              classifications: [["schemaId": "q-sent", "tool": "radio", "title": "Sentiment", "answer": "Negative", "classifications": []]],
              time: TimeSpent(active: 2000, idle: 0), savedAt: heldAt)
    }

    @Test("a held task is kept by its holder: editable and saved, never served, not submitted, not skipped", arguments: StoreBackend.all)
    func heldTask(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann")
            try store.saveDraft(try draft(store, "a", "ann"))
            #expect(try store.hold(.externalIds(["a"]), reason: "asset is blank", by: "ann", at: heldAt) == 1)
            // Held twice: nothing more happens.
            #expect(try store.hold(.externalIds(["a"]), reason: "again", by: "ann", at: heldAt) == 0)
            let task = try #require(try store.task(externalId: "a"))
            #expect(task.status == .hold)
            #expect(task.assignee == "ann")
            #expect(try store.hold(taskId: task.id) == TaskHold(taskId: task.id, reason: "asset is blank", by: "ann", at: heldAt))
            #expect(try store.tasksOnHold().map(\.taskId) == [task.id])
            // The queue goes on to b, for ann and for anyone.
            #expect(try store.claimNext(stage: .label, user: "ann")?.externalId == "b")
            #expect(try store.claimNext(stage: .label, user: "cid") == nil)
            // Its holder opens it, edits and saves it; nobody else can take it, however long it waits.
            #expect(try store.claim(taskId: task.id, stage: .label, user: "ann", at: at("2030-01-01T00:00:00.000Z")).status == .hold)
            #expect(throws: StoreError.assignedToSomeoneElse(externalId: "a", assignee: "ann")) {
                try store.claim(taskId: task.id, stage: .label, user: "cid", at: at("2030-01-01T00:00:00.000Z"))
            }
            try store.saveDraft(try draft(store, "a", "ann"))
            #expect(try store.task(externalId: "a")?.status == .hold)
            #expect(throws: StoreError.onHold(externalId: "a", reason: "asset is blank")) { try store.submit("a", in: .label, by: "ann") }
            #expect(throws: StoreError.onHold(externalId: "a", reason: "asset is blank")) { try store.skip(taskId: task.id, user: "ann", at: heldAt) }
            #expect(try countRows(store, "SELECT stage, status, n FROM task_count WHERE n > 0") == ["Label/hold": 1, "Label/new": 1])
        }
    }

    @Test("requeue to the stage it is in forwards a held task: its draft, holder and status come back", arguments: StoreBackend.all)
    func forward(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann")
            try store.saveDraft(try draft(store, "a", "ann"))
            _ = try store.hold(.externalIds(["a"]), reason: "ask the client", by: "ann", at: heldAt)
            let request = RequeueRequest(selection: .externalIds(["a"]), to: .label, removeAnswers: false, removeAssignee: false,
                                         removeHistory: false, at: forwardedAt, by: "manager")
            #expect(try store.requeueImpact(request).draftsDiscarded.isEmpty)
            #expect(try store.requeue(request) == 1)
            let task = try #require(try store.task(externalId: "a"))
            #expect(task.status == .draft)
            #expect(task.assignee == "ann")
            #expect(try store.hold(taskId: task.id) == nil)
            #expect(try store.draft(taskId: task.id, stage: .label)?.classifications.first?.objectValue?["answer"] == "Negative")
            #expect(try store.claimNext(stage: .label, user: "ann")?.externalId == "a")
            #expect(try store.submit("a", in: .label, by: "ann") == .complete)
        }
    }

    @Test("requeue --to Hold by a manager holds unassigned tasks; other stages are left", arguments: StoreBackend.all)
    func managerHold(_ backend: StoreBackend) throws {
        try withProject(on: backend) { store in
            _ = try store.add(tasks("a", "b"), at: addedAt)
            _ = try store.claimNext(stage: .label, user: "ann")
            try store.submit("a", in: .label, by: "ann")
            // a is Complete: left; b is free in Label: held, unassigned.
            #expect(try store.hold(.externalIds(["a", "b"]), reason: "client review", by: "manager", at: heldAt) == 1)
            #expect(try store.task(externalId: "b")?.status == .hold)
            #expect(try store.claimNext(stage: .label, user: "ann") == nil)
            // Moving it to another stage ends the hold as any requeue would.
            let request = RequeueRequest(selection: .externalIds(["b"]), to: .complete, removeAnswers: false, removeAssignee: true,
                                         removeHistory: false, at: forwardedAt, by: "manager")
            #expect(try store.requeue(request) == 1)
            #expect(try store.task(externalId: "b")?.status == .accepted)
            #expect(try store.tasksOnHold() == [])
        }
    }
}
