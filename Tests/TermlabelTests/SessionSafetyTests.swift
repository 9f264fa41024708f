import Foundation
import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// Nothing lost, no one trapped: quitting always works, a task taken away moves the session on
/// with the answers in a recovery file, and text being typed is part of the draft.
@Suite("A session that cannot save")
struct SessionSafetyTests {
    func keys(_ session: LabelController, _ events: InputEvent...) throws {
        for event in events { try session.handle(event) }
    }

    func recovered(_ note: String) throws -> JSONValue {
        let start = try #require(note.range(of: "Your answers are in ")).upperBound
        let end = try #require(note.range(of: " (an Ango import record", range: start..<note.endIndex)).lowerBound
        let data = try #require(FileManager.default.contents(atPath: String(note[start..<end])))
        return try JSONParser.parse(Array(data))
    }

    @Test("a requeue while the task is open: the next save keeps the answers in a recovery file and moves on")
    func requeuedWhileWorking() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .character("1"))
        _ = try fixture.store.requeue(RequeueRequest(
            selection: .externalIds(["t-1"]), to: .complete, removeAnswers: false, removeAssignee: true, removeHistory: false, at: .now()))
        try keys(session, .character("2"))
        #expect(session.open?.task.externalId == "t-2")
        let message = try #require(session.message)
        #expect(message.isError)
        #expect(message.text.hasPrefix("t-1 was taken away (task t-1 is in the Complete stage, not Label). Your answers are in \(fixture.directory)/recovery/termlabel-t-1-"))
        let record = try #require(try recovered(message.text).arrayValue?.first)
        #expect(record["externalId"] == "t-1")
        #expect(record["classifications"]?.arrayValue?.first?["answer"] == "Negative")
        #expect(record["recovery"]?["user"] == "ann")
        try keys(session, .character("q"))
        #expect(session.finished)
        #expect(session.exitNotes.count == 1)
    }

    @Test("the same user in two windows: the second submit of one task moves on instead of failing forever")
    func sameUserTwice() throws {
        let fixture = try Fixture()
        let first = try fixture.session()
        let second = try fixture.session()
        #expect(first.open?.task.externalId == "t-1")
        #expect(second.open?.task.externalId == "t-1")
        try keys(first, .character("1"), .character("s"))
        try keys(second, .character("2"))
        #expect(second.open?.task.externalId == "t-2")
        #expect(second.message?.text.hasPrefix("t-1 was taken away (task t-1 is in the Complete stage, not Label).") == true)
        for key in ["w", "n", "x", "s"] { try keys(second, .character(Character(key))) }
        try keys(second, .escape, .character("q"))
        #expect(second.finished)
    }

    @Test("a full disk: q still quits, and the answers are written to a recovery file")
    func fullDiskQuit() throws {
        let fixture = try Fixture()
        let store = FailingStore(fixture.store)
        let session = try LabelController(store: store, stage: .label, user: "ann", clock: fixture.clock, projectDirectory: fixture.directory)
        try keys(session, .character("1"))
        store.failWrites = true
        #expect(throws: FailingStore.DiskFull.self) { try session.handle(.character("2")) }
        #expect(session.open?.form.answer("s") == .one("Negative"))
        try keys(session, .character("q"))
        #expect(session.finished)
        let note = try #require(session.exitNotes.first)
        #expect(note.hasPrefix("Could not save t-1: database or disk is full. Your answers are in \(fixture.directory)/recovery/"))
        #expect(try recovered(note).arrayValue?.first?["classifications"]?.arrayValue?.first?["answer"] == "Negative")
        #expect(try fixture.store.draft(taskId: 1, stage: .label)?.classifications.first?["answer"] == "Positive")
    }

    @Test("Ctrl-C and a hang-up quit on a full disk too")
    func fullDiskSignals() throws {
        for event in [InputEvent.interrupt, .hangup, .terminate, .control("c")] {
            let fixture = try Fixture()
            let store = FailingStore(fixture.store)
            let session = try LabelController(store: store, stage: .label, user: "ann", clock: fixture.clock, projectDirectory: fixture.directory)
            try keys(session, .character("1"))
            store.failWrites = true
            try keys(session, event)
            #expect(session.finished, "\(event)")
            #expect(session.exitNotes.count == 1, "\(event)")
        }
    }

    @Test("a hang-up while typing keeps the text being typed in the draft")
    func hangupWhileTyping() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .character("1"), .tab, .tab, .tab, .enter)
        for c in "4711" { try keys(session, .character(c)) }
        try keys(session, .hangup)
        let draft = try #require(try fixture.store.draft(taskId: 1, stage: .label))
        #expect(draft.classifications.map { $0["answer"] } == ["Positive", "4711"])
        let reopened = try fixture.session()
        #expect(reopened.open?.form.answer("order") == .one("4711"))
    }

    @Test("text typed into a task never answered before is saved by the autosave")
    func typingIsAutosaved() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .tab, .tab, .tab, .enter, .character("7"))
        fixture.clock.advance(by: 5_000)
        try keys(session, .tick)
        #expect(try fixture.store.draft(taskId: 1, stage: .label)?.classifications.map { $0["answer"] } == ["7"])
    }
}
