import Foundation
import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// One key per task: a form whose only required question is single-choice submits on its answer,
/// and undo on the next task takes the submit back.
@Suite("Auto-advance")
struct AutoAdvanceTests {
    static let binary = """
        {"tools": [], "relations": [], "classifications": [
          {"tool": "radio", "title": "Relevant", "schemaId": "rel", "required": true,
           "options": [{"value": "Yes", "schemaId": "y"}, {"value": "No", "schemaId": "n"}]},
          {"tool": "text", "title": "Note", "schemaId": "note"}
        ]}
        """

    func fixture(_ count: Int = 3) throws -> Fixture {
        try Fixture(ontology: Self.binary, tasks: (1...count).map { NewTask(externalId: "t-\($0)", asset: .string("Text \($0).")) })
    }

    func keys(_ session: LabelController, _ events: InputEvent...) throws {
        for event in events { try session.handle(event) }
    }

    @Test("each task takes one key, and every answer is submitted")
    func oneKeyPerTask() throws {
        let fixture = try fixture(3)
        let session = try fixture.session(autoAdvance: true)
        try keys(session, .character("1"), .character("2"), .character("1"))
        #expect(try fixture.store.progress().labeled == 3)
        #expect(session.open == nil)
        let answers = try ["t-1", "t-2", "t-3"].map { try fixture.store.task(externalId: $0)?.annotations.classifications.first?["answer"] }
        #expect(answers == ["Yes", "No", "Yes"])
    }

    @Test("u on the next task takes the submit back: the task is a draft again, with its answer")
    func undoTakesTheSubmitBack() throws {
        let fixture = try fixture(3)
        let session = try fixture.session(autoAdvance: true)
        try keys(session, .character("2"))
        #expect(session.open?.task.externalId == "t-2")
        try keys(session, .character("u"))
        #expect(session.open?.task.externalId == "t-1")
        #expect(session.open?.form.answer("rel") == .one("No"))
        #expect(session.message == Message(text: "t-1 is back as a draft: the submit is undone.", isError: false))
        let task = try #require(try fixture.store.task(externalId: "t-1"))
        #expect(task.status == .draft)
        #expect(task.assignee == "ann")
        #expect(try fixture.store.history(taskId: task.id).map(\.stage) == ["Start"])
        #expect(try fixture.store.progress().labeled == 0)
        // t-2, shown but never answered, was let go.
        #expect(try fixture.store.task(externalId: "t-2")?.assignee == nil)
        // Choosing again submits again; a second u on t-1 itself is an ordinary undo.
        try keys(session, .character("1"))
        #expect(try fixture.store.task(externalId: "t-1")?.annotations.classifications.first?["answer"] == "Yes")
        #expect(session.open?.task.externalId == "t-2")
    }

    @Test("after the last task, u still takes its submit back")
    func undoAfterTheLast() throws {
        let fixture = try fixture(1)
        let session = try fixture.session(autoAdvance: true)
        try keys(session, .character("1"))
        #expect(session.open == nil)
        try keys(session, .character("u"))
        #expect(session.open?.task.externalId == "t-1")
        #expect(try fixture.store.task(externalId: "t-1")?.status == .draft)
    }

    @Test("once the next task is changed, u undoes that change, not the submit")
    func undoOnTheNextTaskFirst() throws {
        let fixture = try fixture(3)
        let session = try fixture.session(autoAdvance: false)
        try keys(session, .character("1"), .character("s"), .tab, .enter, .character("x"), .enter)
        #expect(session.open?.task.externalId == "t-2")
        try keys(session, .character("u"))
        #expect(session.open?.task.externalId == "t-2")
        #expect(session.open?.form.answer("note") == nil)
        try keys(session, .character("u"))
        #expect(session.open?.task.externalId == "t-2")
        #expect(session.message == Message(text: "Nothing to undo.", isError: false))
        #expect(try fixture.store.task(externalId: "t-1")?.status == .submitted)
    }

    @Test("without auto-advance, or with another required question, choosing does not submit")
    func onlyWhenTheOnlyRequiredIsSingleChoice() throws {
        let off = try fixture()
        try keys(try off.session(autoAdvance: false), .character("1"))
        #expect(try off.store.progress().labeled == 0)
        // The shared fixture has two required-free questions besides Sentiment: it advances...
        let one = try Fixture()
        let s1 = try one.session(autoAdvance: true)
        try keys(s1, .character("1"))
        #expect(try one.store.progress().labeled == 1)
        // ...but a text answer that breaks its pattern stops it.
        let bad = try Fixture(tasks: [NewTask(
            externalId: "L", asset: "x", annotations: Annotations(classifications: [["schemaId": "order", "tool": "text", "title": "Order", "answer": "abc"]]))])
        let s2 = try bad.session(autoAdvance: true)
        try keys(s2, .character("1"))
        #expect(try bad.store.progress().labeled == 0)
        #expect(s2.open?.form.answer("s") == .one("Positive"))
    }

    @Test("the project's setting turns it on; the session's flag wins")
    func setting() throws {
        let fixture = try fixture()
        try fixture.store.updateSettings { $0.autoAdvance = true }
        #expect(try fixture.session().session.autoAdvance)
        #expect(try fixture.session(autoAdvance: false).session.autoAdvance == false)
        #expect(try fixture.store.settings().autoAdvance)
    }

    @Test("review never auto-advances")
    func notInReview() throws {
        let fixture = try Fixture(review: true)
        try keys(try fixture.session(.label, user: "lena"), .character("1"), .character("s"))
        let reviewer = try fixture.session(.review, user: "max", autoAdvance: true)
        try keys(reviewer, .character("m"), .character("2"))
        #expect(try fixture.store.task(externalId: "t-1")?.stage == .review)
    }
}
