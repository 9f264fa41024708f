import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// The session driven by keys with a manual clock: what is saved, submitted and timed.
@Suite("A labeling session")
struct LabelSessionTests {
    func keys(_ session: LabelController, _ events: InputEvent...) throws {
        for event in events { try session.handle(event) }
    }

    @Test("every change to the form is saved as a draft at once")
    func draftSavedAtOnce() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .character("2"))
        let draft = try #require(try fixture.store.draft(taskId: session.open!.task.id, stage: .label))
        #expect(draft.classifications.count == 1)
        #expect(draft.classifications[0]["answer"] == "Negative")
        #expect(draft.user == "ann")
    }

    @Test("submit is refused while a required question is empty, and focus goes there")
    func submitRefused() throws {
        let session = try Fixture().session()
        try keys(session, .tab, .character("s"))
        #expect(session.message == Message(text: "Cannot submit: “Sentiment” is required.", isError: true))
        #expect(session.open?.form.focus == "s")
        #expect(session.open?.task.externalId == "t-1")
    }

    @Test("submit writes the stage history with the active time and opens the next task")
    func submitRecordsTime() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        fixture.clock.advance(by: 1_500)
        try keys(session, .character("1"))
        fixture.clock.advance(by: 2_000)
        try keys(session, .character("s"))
        let first = try #require(try fixture.store.task(externalId: "t-1"))
        #expect(first.stage == .complete)
        #expect(first.time == TimeSpent(active: 3_500, idle: 0))
        let history = try fixture.store.history(taskId: first.id)
        #expect(history.map(\.stage) == ["Start", "Label"])
        #expect(history[1].duration == 3_500)
        #expect(history[1].completedBy == "ann")
        #expect(session.open?.task.externalId == "t-2")
        #expect(session.message == Message(text: "t-1 submitted → Complete.", isError: false))
    }

    @Test("time past the idle timeout is idle, and the active timer resumes without a jump")
    func idleTime() throws {
        let fixture = try Fixture()
        try fixture.store.updateSettings { $0.idleTimeoutMilliseconds = 2_000 }
        let session = try fixture.session()
        try keys(session, .character("1"))
        fixture.clock.advance(by: 7_000)
        #expect(session.open!.timer.isIdle(at: fixture.clock.now()))
        try keys(session, .down)
        fixture.clock.advance(by: 1_000)
        try keys(session, .character("s"))
        let task = try #require(try fixture.store.task(externalId: "t-1"))
        #expect(task.time == TimeSpent(active: 3_000, idle: 5_000))
    }

    @Test("focus lost and a hang-up are idle from their first moment; the draft keeps the time")
    func focusAndHangup() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .character("1"))
        fixture.clock.advance(by: 1_000)
        try keys(session, .focusOut)
        fixture.clock.advance(by: 4_000)
        try keys(session, .focusIn, .down)
        fixture.clock.advance(by: 500)
        try keys(session, .hangup)
        #expect(session.finished)
        let draft = try #require(try fixture.store.draft(taskId: 1, stage: .label))
        #expect(draft.time == TimeSpent(active: 1_500, idle: 4_000))
        let reopened = try fixture.session()
        fixture.clock.advance(by: 1_000)
        #expect(reopened.open?.task.externalId == "t-1")
        #expect(reopened.open?.timer.spent(at: fixture.clock.now()) == TimeSpent(active: 2_500, idle: 4_000))
        #expect(reopened.open?.form.answer("s") == .one("Positive"))
    }

    @Test("the time of an answered task is saved every five seconds without a change")
    func autosave() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .character("1"))
        #expect(try fixture.store.draft(taskId: 1, stage: .label)?.time == TimeSpent(active: 0, idle: 0))
        fixture.clock.advance(by: 4_999)
        try keys(session, .tick)
        #expect(try fixture.store.draft(taskId: 1, stage: .label)?.time == TimeSpent(active: 0, idle: 0))
        fixture.clock.advance(by: 1)
        try keys(session, .tick)
        #expect(try fixture.store.draft(taskId: 1, stage: .label)?.time == TimeSpent(active: 5_000, idle: 0))
    }

    @Test("a task never answered is not saved, however long it is open")
    func untouchedTaskIsNotSaved() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .down)
        fixture.clock.advance(by: 60_000)
        try keys(session, .tick)
        #expect(try fixture.store.draft(taskId: 1, stage: .label) == nil)
        #expect(try fixture.store.task(id: 1)?.status == .new)
    }

    @Test("undo steps back one change and saves")
    func undo() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .character("2"), .character("1"), .character("u"))
        #expect(session.open?.form.answer("s") == .one("Negative"))
        #expect(try fixture.store.draft(taskId: 1, stage: .label)?.classifications.first?["answer"] == "Negative")
        try keys(session, .character("u"), .character("u"))
        #expect(session.open?.form.answer("s") == nil)
        #expect(session.message == Message(text: "Nothing to undo.", isError: false))
    }

    @Test("skip puts a task aside and x on it in the list brings it back")
    func skipAndUnskip() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .character("x"))
        #expect(try fixture.store.task(externalId: "t-1")?.status == .skipped)
        #expect(session.open?.task.externalId == "t-2")
        try keys(session, .left, .home, .character("x"))
        #expect(try fixture.store.task(externalId: "t-1")?.status == .draft)
        #expect(session.open?.task.externalId == "t-1")
    }

    @Test("a reviewer sees the labels read-only, rejects with a comment, and the labeler sees it")
    func reviewReject() throws {
        let fixture = try Fixture(review: true)
        let labeler = try fixture.session(.label, user: "ann")
        try keys(labeler, .character("1"), .character("s"))
        let reviewer = try fixture.session(.review, user: "rob")
        #expect(reviewer.open?.task.externalId == "t-1")
        #expect(reviewer.open?.readOnly == true)
        try keys(reviewer, .character("2"))
        #expect(reviewer.open?.form.answer("s") == .one("Positive"))
        try keys(reviewer, .character("r"))
        for c in "Wrong sentiment" { try keys(reviewer, .character(c)) }
        try keys(reviewer, .enter)
        let task = try #require(try fixture.store.task(externalId: "t-1"))
        #expect(task.stage == .label)
        #expect(task.status == .rejected)
        #expect(task.assignee == "ann")
        let back = try fixture.session(.label, user: "ann")
        #expect(back.open?.task.externalId == "t-1")
        #expect(back.message == Message(text: "Sent back by review: Wrong sentiment", isError: true))
    }

    @Test("a reviewer never gets their own labels")
    func noSelfReview() throws {
        let fixture = try Fixture(review: true)
        let labeler = try fixture.session(.label, user: "ann")
        try keys(labeler, .character("1"), .character("s"))
        let same = try fixture.session(.review, user: "ann")
        #expect(same.open == nil)
        #expect(same.message == Message(text: "No task waits for your review.", isError: false))
    }

    @Test("editing in review makes it Fixed")
    func reviewFixed() throws {
        let fixture = try Fixture(review: true)
        let labeler = try fixture.session(.label, user: "ann")
        try keys(labeler, .character("1"), .character("s"))
        let reviewer = try fixture.session(.review, user: "rob")
        try keys(reviewer, .character("m"), .character("2"), .character("s"))
        let history = try fixture.store.history(taskId: 1)
        #expect(history.map(\.stage) == ["Start", "Label", "Review"])
        #expect(history[2].reviewStatus == .fixed)
        #expect(try fixture.store.task(id: 1)?.stage == .complete)
    }

    @Test("a shortcut key jumps to its question; ; then a key does too")
    func shortcuts() throws {
        let session = try Fixture().session()
        try keys(session, .character("b"))
        #expect(session.open?.form.focus == "lang")
        try keys(session, .character(";"), .character("a"))
        #expect(session.open?.form.focus == "s")
    }

    @Test("rank items move with [ and ] (no longer K and J, which looked like the shortcuts k and j), and Enter keeps the order shown")
    func rank() throws {
        let session = try Fixture().session()
        try keys(session, .character("1"), .tab, .tab, .tab, .tab, .down, .character("["))
        #expect(session.open?.form.answer("rank") == .many(["Delivery", "Price"]))
    }

    @Test("Ctrl-Z saves the draft at once and the suspended time is idle")
    func suspendSavesAndIsIdle() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .character("1"))
        fixture.clock.advance(by: 800)
        try keys(session, .suspended)
        #expect(try fixture.store.draft(taskId: 1, stage: .label)?.time == TimeSpent(active: 800, idle: 0))
        fixture.clock.advance(by: 60_000)
        try keys(session, .resumed)
        fixture.clock.advance(by: 1_000)
        try keys(session, .down)
        fixture.clock.advance(by: 200)
        #expect(session.open?.timer.spent(at: fixture.clock.now()) == TimeSpent(active: 1_000, idle: 61_000))
    }
}
