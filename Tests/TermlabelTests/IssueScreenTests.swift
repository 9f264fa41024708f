import Foundation
import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// Issues and holds on the labeling screen: a reviewer opens an issue on a question with an error
/// code and sends the task back; the labeler sees it under the question, cannot submit until they
/// resolve it; a task on hold cannot be submitted.
@Suite("The labeling screen: issues and holds")
struct IssueScreenTests {
    func keys(_ session: LabelController, _ events: InputEvent...) throws {
        for event in events { try session.handle(event) }
    }

    func type(_ session: LabelController, _ text: String) throws {
        for c in text { try session.handle(.character(c)) }
    }

    func frame(_ session: LabelController, width: Int = 80, height: Int = 24) -> [String] {
        var screen = Screen(width: width, height: height)
        LabelApp.draw(session, on: &screen)
        return screen.text.components(separatedBy: "\n")
    }

    static let codes = [ErrorCode(category: "Classification", name: "Wrong class", key: "WRONG"),
                        ErrorCode(category: "", name: "Missed", key: "MISS")]

    /// t-1 labeled Positive by ann and opened by rob for review.
    func reviewing() throws -> (Fixture, LabelController) {
        let fixture = try Fixture(review: true)
        try fixture.store.updateSettings { $0.errorCodes = Self.codes }
        let labeler = try fixture.session(.label, user: "ann")
        try keys(labeler, .character("1"), .character("s"))
        return (fixture, try fixture.session(.review, user: "rob"))
    }

    @Test("a reviewer opens an issue on the question with an error code; accept is refused, r sends it back with it")
    func reviewerOpensIssue() throws {
        let (fixture, reviewer) = try reviewing()
        try keys(reviewer, .character("!"))
        #expect(reviewer.mode == .prompt(.issue(schemaId: "s", codes: Self.codes, chosen: nil), TextEditing()))
        #expect(frame(reviewer)[22] == "Issue on “Sentiment” [no code · Tab changes]:")
        try keys(reviewer, .tab)
        #expect(frame(reviewer)[22] == "Issue on “Sentiment” [WRONG Wrong class (Classification) · Tab changes]:")
        // Enter on an empty comment is refused: an issue says what is wrong.
        try keys(reviewer, .enter)
        #expect(reviewer.message == Message(text: "An issue needs a comment: say what is wrong.", isError: true))
        try type(reviewer, "It is negative, @ann")
        try keys(reviewer, .enter)
        let issues = try fixture.store.issues(taskId: fixture.store.task(externalId: "t-1")!.id)
        #expect(issues.map(\.schemaId) == ["s"])
        #expect(issues.map(\.errorCode) == [Self.codes[0]])
        #expect(issues.map(\.content) == ["It is negative, @ann"])
        #expect(issues.map(\.mentions) == [["ann"]])
        #expect(reviewer.message == Message(text: "Issue #1 opened on “Sentiment”. r sends the task back to the labeler with it.", isError: false))
        // The issue shows under its question, in the form.
        #expect(frame(reviewer)[8...12] == [
            "│                      │┌ Form · read-only (m edits) · 1 open issue ───────────┐",
            "│                      ││▸ Sentiment * [a]                                     │",
            "│                      ││  › (•) 1 Positive                                    │",
            "│                      ││    ( ) 2 Negative                                    │",
            "│                      ││  ⚑ #1 WRONG rob: It is negative, @ann                │",
        ])
        try keys(reviewer, .character("s"))
        #expect(reviewer.message == Message(
            text: "Cannot submit: 1 open issue (#1 first); R resolves it, r sends the task back with it.", isError: true))
        #expect(try fixture.store.task(externalId: "t-1")?.stage == .review)
        // r: the comment may be left empty, the issue speaks for itself.
        try keys(reviewer, .character("r"))
        #expect(reviewer.mode == .prompt(.rejectWithIssues(1), TextEditing()))
        try keys(reviewer, .enter)
        let task = try #require(try fixture.store.task(externalId: "t-1"))
        #expect(task.stage == .label)
        #expect(task.status == .rejected)
        #expect(task.assignee == "ann")
    }

    @Test("the labeler sees the issue under its question, cannot submit, resolves it with R and then submits")
    func labelerResolves() throws {
        let (fixture, reviewer) = try reviewing()
        try keys(reviewer, .character("!"))
        try type(reviewer, "Negative, surely")
        try keys(reviewer, .enter, .character("r"), .enter)
        let labeler = try fixture.session(.label, user: "ann")
        #expect(labeler.open?.task.externalId == "t-1")
        #expect(labeler.message == Message(text: "Sent back by review: 1 open issue, shown under its question", isError: true))
        // The question's two options, then its issue.
        #expect(frame(labeler)[8...12] == [
            "│                      │┌ Form · ready to submit · 1 open issue ───────────────┐",
            "│                      ││▸ Sentiment * [a]                                     │",
            "│                      ││  › (•) 1 Positive                                    │",
            "│                      ││    ( ) 2 Negative                                    │",
            "│                      ││  ⚑ #1 rob: Negative, surely                          │",
        ])
        try keys(labeler, .character("s"))
        #expect(labeler.message == Message(text: "Cannot submit: 1 open issue (#1 first); R resolves it once fixed.", isError: true))
        try keys(labeler, .character("2"), .character("R"))
        #expect(frame(labeler)[22] == "Resolve #1 (Negative, surely) — answer:")
        try type(labeler, "changed to Negative")
        try keys(labeler, .enter)
        #expect(labeler.message == Message(text: "Issue #1 resolved.", isError: false))
        // Negative shows its nested question right under the options: the issue line is gone.
        #expect(frame(labeler)[12] == "│                      ││    Why                                               │")
        try keys(labeler, .character("s"))
        let task = try #require(try fixture.store.task(externalId: "t-1"))
        #expect(task.stage == .review)
        let issue = try #require(try fixture.store.issues(taskId: task.id).first)
        #expect(issue.resolution?.by == "ann")
        #expect(issue.resolution?.comment == "changed to Negative")
    }

    @Test("H puts the task on hold: it stays, is saved, cannot be submitted, and the queue goes on")
    func hold() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .character("1"), .character("H"))
        #expect(frame(session)[22] == "Hold — why (a manager forwards it):")
        try keys(session, .enter)
        #expect(session.message == Message(text: "A hold needs a reason, for the manager who forwards it.", isError: true))
        try type(session, "asset is cut off")
        try keys(session, .enter)
        let task = try #require(try fixture.store.task(externalId: "t-1"))
        #expect(task.status == .hold)
        #expect(try fixture.store.hold(taskId: task.id)?.reason == "asset is cut off")
        #expect(try fixture.store.draft(taskId: task.id, stage: .label)?.classifications.first?.objectValue?["answer"] == "Positive")
        #expect(frame(session)[1] == "│‖ t-1 The blender is… ││The blender is loud but strong.                       │")
        #expect(frame(session)[8] == "│                      │┌ Form · on hold: asset is cut off ────────────────────┐")
        try keys(session, .character("s"))
        #expect(session.message == Message(
            text: "On hold (asset is cut off): saved but not submitted until a manager forwards it.", isError: true))
        try keys(session, .character("H"))
        #expect(session.message == Message(text: "t-1 is on hold already.", isError: true))
        // The next task: the queue serves t-2, never the held one.
        try keys(session, .character("n"))
        #expect(session.open?.task.externalId == "t-2")
        let again = try fixture.session()
        #expect(again.open?.task.externalId == "t-2")
    }
}
