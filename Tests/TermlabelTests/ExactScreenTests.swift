import Foundation
import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// Nothing an annotator does by accident changes an answer: pastes, browsing, review.
@Suite("The labeling screen, exact")
struct ExactScreenTests {
    func keys(_ session: LabelController, _ events: InputEvent...) throws {
        for event in events { try session.handle(event) }
    }

    func frame(_ session: LabelController, width: Int = 80, height: Int = 24) -> [String] {
        var screen = Screen(width: width, height: height)
        LabelApp.draw(session, on: &screen)
        return screen.text.components(separatedBy: "\n")
    }

    // MARK: Paste

    @Test("a paste into a text answer goes in whole, line breaks kept; nothing in it runs a command")
    func pasteIntoText() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .character("1"), .tab, .tab, .tab, .enter)
        try keys(session, .paste("12\r34\nsnq x"))
        guard case .editingText("order", let editing, nil) = session.mode else { Issue.record("\(session.mode)"); return }
        #expect(editing.text == "12\n34\nsnq x")
        #expect(session.open?.task.externalId == "t-1")
        #expect(!session.finished)
        try keys(session, .escape)
        #expect(session.open?.form.answer("order") == nil)
    }

    @Test("Alt-Enter breaks the line in a text answer; Enter keeps the text (here refused by the regex)")
    func altEnter() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .tab, .tab, .tab, .enter, .character("1"), .altEnter, .character("2"), .enter)
        #expect(session.mode == .editingText(schemaId: "order", editing: TextEditing("1\n2"), error: "does not match ^[0-9]+$"))
        try keys(session, .backspace, .backspace, .enter)
        #expect(session.open?.form.answer("order") == .one("1"))
    }

    @Test("a paste in normal mode changes nothing and says so")
    func pasteInNormalMode() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .paste("2s\nq"))
        #expect(session.open?.form.answers.isEmpty == true)
        #expect(!session.finished)
        #expect(session.message == Message(
            text: "Paste ignored: a paste goes only into a text answer (Enter on it opens it), a filter or a prompt.", isError: true))
        #expect(try fixture.store.task(id: 1)?.status == .new)
    }

    @Test("pasted control characters are dropped, tabs kept")
    func pasteControls() {
        #expect(LabelController.pasteText("a\u{1B}[31mb\tc\r\nd\u{9B}e\u{7}") == "a[31mb\tc\nde")
    }

    // MARK: Holding and claiming

    @Test("opening a task and leaving it unanswered lets go of it; the next user is served it")
    func browsingDoesNotClaim() throws {
        let fixture = try Fixture()
        let bob = try fixture.session(user: "bob")
        #expect(bob.open?.task.externalId == "t-1")
        try keys(bob, .character("n"), .character("n"), .character("p"), .character("q"))
        for id in ["t-1", "t-2", "t-3"] {
            #expect(try fixture.store.task(externalId: id)?.assignee == nil, "\(id)")
            #expect(try fixture.store.task(externalId: id)?.status == .new, "\(id)")
        }
        let ann = try fixture.session(user: "ann")
        #expect(ann.open?.task.externalId == "t-1")
    }

    @Test("the first answer claims the task: it stays yours after you leave")
    func firstAnswerClaims() throws {
        let fixture = try Fixture()
        let bob = try fixture.session(user: "bob")
        try keys(bob, .character("1"), .character("n"), .character("q"))
        #expect(try fixture.store.task(externalId: "t-1")?.assignee == "bob")
        #expect(try fixture.store.task(externalId: "t-2")?.assignee == nil)
        #expect(try fixture.session(user: "ann").open?.task.externalId == "t-2")
    }

    @Test("a task someone else holds opens read-only, saying who holds it")
    func heldBySomeoneElse() throws {
        let fixture = try Fixture()
        let bob = try fixture.session(user: "bob")
        try keys(bob, .character("1"))
        let ann = try fixture.session(user: "ann")
        #expect(ann.open?.task.externalId == "t-2")
        try keys(ann, .character("/"), .character("t"), .character("-"), .character("1"), .enter)
        #expect(ann.open?.task.externalId == "t-1")
        #expect(ann.open?.access == .heldBy("bob"))
        #expect(ann.message == Message(text: "Read-only: bob holds this task.", isError: false))
        try keys(ann, .character("2"))
        #expect(ann.message == Message(text: "Read-only: bob holds this task.", isError: true))
        #expect(try fixture.store.draft(taskId: 1, stage: .label)?.classifications.first?["answer"] == "Positive")
        let lines = frame(ann)
        #expect(lines[1] == "│✎ t-1 The blender is… ││The blender is loud but strong.                       │")
        #expect(lines[8] == "│                      │┌ Form · read-only (held by bob) ──────────────────────┐")
        // Leaving it does not take it from bob.
        try keys(ann, .character("n"))
        #expect(try fixture.store.task(externalId: "t-1")?.assignee == "bob")
    }

    @Test("/ with a row number opens that row's task")
    func jumpToRowOpensIt() throws {
        let session = try Fixture().session()
        try keys(session, .character("/"), .character("3"), .enter)
        #expect(session.open?.task.externalId == "t-3")
        #expect(session.pane == .form)
    }

    // MARK: Review

    @Test("a reviewer's answers stay read-only after quitting and reopening, and s accepts")
    func reviewReadOnlyAfterReopen() throws {
        let fixture = try Fixture(review: true)
        try keys(try fixture.session(.label, user: "lena"), .character("1"), .character("s"))
        let first = try fixture.session(.review, user: "max")
        try keys(first, .character("q"))
        let again = try fixture.session(.review, user: "max")
        #expect(again.open?.task.externalId == "t-1")
        #expect(again.open?.access == .review)
        try keys(again, .character("2"))
        #expect(again.open?.form.answer("s") == .one("Positive"))
        try keys(again, .character("s"))
        #expect(try fixture.store.history(taskId: 1).last?.reviewStatus == .accepted)
    }

    @Test("a reviewer who edits and changes back accepts; the review is Fixed only when answers differ")
    func fixedOnlyWhenChanged() throws {
        let fixture = try Fixture(review: true)
        try keys(try fixture.session(.label, user: "lena"), .character("1"), .character("s"))
        let reviewer = try fixture.session(.review, user: "max")
        try keys(reviewer, .character("m"), .character("2"), .character("1"), .character("s"))
        #expect(try fixture.store.history(taskId: 1).last?.reviewStatus == .accepted)
    }

    @Test("the reviewer sees who labeled the task, when, how long, and earlier reviews; edits are marked")
    func reviewerContext() throws {
        let fixture = try Fixture(review: true)
        let labeler = try fixture.session(.label, user: "lena")
        fixture.clock.advance(by: 83_000)
        try keys(labeler, .character("1"), .character("s"))
        let reviewer = try fixture.session(.review, user: "max")
        try keys(reviewer, .character("r"))
        for c in "Too quick" { try keys(reviewer, .character(c)) }
        try keys(reviewer, .enter)
        let back = try fixture.session(.label, user: "lena")
        try keys(back, .character("s"))
        let again = try fixture.session(.review, user: "max")
        try keys(again, .character("m"), .character("2"))
        let history = try fixture.store.history(taskId: 1)
        #expect(history.map(\.stage) == ["Start", "Label", "Review", "Label"])
        // The latest labeling is the one under review (sent back, then submitted again at once).
        let when = try #require(history[3].completedAt).iso8601.prefix(16).replacingOccurrences(of: "T", with: " ")
        #expect(AssetView.reviewContext(history) == [
            "Labeled by lena on \(when) UTC in 0:00 active.",
            "Rejected by max: “Too quick”",
        ])
        #expect(history[1].duration == 83_000)
        let lines = frame(again, width: 100, height: 30)
        #expect(lines[1] == "│✓ t-1 The blender is lou… 1m││Labeled by lena on \(when) UTC in 0:00 active.             │")
        #expect(lines[2] == "│· t-2 日本語のレビュー：と… ││Rejected by max: “Too quick”                                        │")
        #expect(lines[12] == "│                            ││▸ Sentiment * [a] — changed (labeler: Positive)                     │")
        #expect(lines[14] == "│                            ││  › (•) 2 Negative                                                  │")
    }

    // MARK: Messages and lists

    @Test("a refused submit's message goes away with the next action, and the hints come back")
    func staleMessage() throws {
        let session = try Fixture().session()
        try keys(session, .character("s"))
        #expect(session.message?.text == "Cannot submit: “Sentiment” is required.")
        try keys(session, .character("1"))
        #expect(session.message == nil)
        #expect(frame(session)[22] == "Space choose · Tab next question · s submit · x skip · u undo · ? keys · q quit")
    }

    @Test("a tree filter puts the cursor on the first match, and Space after ↓ chooses")
    func treeFilter() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .tab, .tab, .enter)
        for c in "blend" { try keys(session, .character(c)) }
        guard case .tree(_, "blend", let cursor, _) = session.mode else { Issue.record("\(session.mode)"); return }
        #expect(cursor == 2)
        try keys(session, .up, .down, .character(" "))
        #expect(session.open?.form.answer("cat") == .many(["Home / Kitchen / Blenders"]))
        guard case .tree(_, "blend", _, _) = session.mode else { Issue.record("\(session.mode)"); return }
    }

    @Test("a locked pre-label says why it cannot be changed")
    func lockedSaysWhy() throws {
        let fixture = try Fixture(tasks: [NewTask(
            externalId: "L", asset: "x",
            annotations: Annotations(classifications: [["schemaId": "order", "tool": "text", "title": "Order", "answer": "5", "lock": true]]))])
        let session = try fixture.session()
        try keys(session, .tab, .tab, .tab, .enter)
        #expect(session.mode == .normal)
        #expect(session.message == Message(text: "“Order” is locked by its pre-label: it cannot be changed.", isError: true))
    }

    @Test("the open task's row shows its time as it runs")
    func liveTimeInList() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .character("1"))
        fixture.clock.advance(by: 65_000)
        try keys(session, .down)
        // The draft was saved with 0 s at the answer; the row shows the 65 s since.
        #expect(frame(session)[1] == "│✎ t-1 The blender…  1m││The blender is loud but strong.                       │")
    }

    @Test("a task read-only at its source (canceled in Scale) is never served, opens read-only with the reason, and instructions show above the asset")
    func readOnlyAtSourceAndInstruction() throws {
        let fixture = try Fixture(tasks: [
            NewTask(externalId: "canceled", asset: "Old text.", readOnlyReason: "canceled in Scale"),
            NewTask(externalId: "open", asset: "Label me.", instruction: "Is this review positive?"),
        ])
        let session = try fixture.session()
        #expect(session.open?.task.externalId == "open")
        let served = frame(session)
        #expect(served[1] == "│· canceled Old text.  ││Is this review positive?                              │")
        #expect(served[2] == "│· open Label me.      ││                                                      │")
        #expect(served[3] == "│                      ││Label me.                                             │")
        try keys(session, .character("/"), .character("1"), .enter)
        #expect(session.open?.task.externalId == "canceled")
        #expect(session.open?.access == .readOnly("canceled in Scale"))
        #expect(session.message == Message(text: "Read-only: canceled in Scale.", isError: false))
        try keys(session, .character("1"))
        #expect(session.open?.form.answers.isEmpty == true)
        #expect(try fixture.store.task(externalId: "canceled")?.assignee == nil)
    }

    @Test("redo takes back an undo")
    func redo() throws {
        let session = try Fixture().session()
        try keys(session, .character("2"), .character("u"))
        #expect(session.open?.form.answer("s") == nil)
        try keys(session, .control("r"))
        #expect(session.open?.form.answer("s") == .one("Negative"))
    }
}
