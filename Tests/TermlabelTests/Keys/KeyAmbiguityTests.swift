import Foundation
import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// Each ambiguity issue 15 found, gone: a digit shortcut's badge, j/k against J/K, the tree's Space.
@Suite("Keys that mean one thing")
struct KeyAmbiguityTests {
    static let ontology = """
        {"tools": [], "relations": [], "classifications": [
          {"tool": "radio", "title": "Sentiment", "schemaId": "s", "required": true, "shortcutKey": "j",
           "options": [{"value": "Positive", "schemaId": "s1"}, {"value": "Negative", "schemaId": "s2"}]},
          {"tool": "radio", "title": "Spam", "schemaId": "spam", "shortcutKey": "1",
           "options": [{"value": "No", "schemaId": "n"}, {"value": "Yes", "schemaId": "y"}]},
          {"tool": "rank", "title": "Aspects", "schemaId": "rank", "shortcutKey": "k",
           "options": [{"value": "Price", "schemaId": "r1"}, {"value": "Delivery", "schemaId": "r2"}]}
        ]}
        """

    func fixture() throws -> Fixture {
        try Fixture(ontology: Self.ontology, tasks: [NewTask(externalId: "t-1", asset: "One."), NewTask(externalId: "t-2", asset: "Two.")])
    }

    func keys(_ session: LabelController, _ events: InputEvent...) throws {
        for event in events { try session.handle(event) }
    }

    func form(_ session: LabelController) -> [String] {
        var screen = Screen(width: 80, height: 24)
        LabelApp.draw(session, on: &screen)
        return (9..<19).map { String(screen.row($0).dropFirst(25).dropLast(1)).trimmingCharacters(in: .whitespaces) }
    }

    @Test("a question whose shortcut is 1 shows [;1], and ; then 1 goes there while 1 chooses an option")
    func digitShortcutBadge() throws {
        let session = try fixture().session()
        #expect(form(session)[3] == "Spam [;1]")
        #expect(form(session)[0] == "▸ Sentiment * [j] — required")
        try keys(session, .character("1"))
        #expect(session.open?.form.answer("s") == .one("Positive"))
        #expect(session.open?.form.focus == "s")
        try keys(session, .character(";"), .character("1"))
        #expect(session.open?.form.focus == "spam")
    }

    @Test("j and k go to questions; rank items move with [ and ], and J and K do nothing")
    func lowerAndUpperCase() throws {
        let session = try fixture().session()
        try keys(session, .character("k"))
        #expect(session.open?.form.focus == "rank")
        try keys(session, .character("K"), .character("J"))
        #expect(session.open?.form.answer("rank") == nil)
        #expect(session.open?.form.focus == "rank")
        try keys(session, .character("]"))
        #expect(session.open?.form.answer("rank") == .many(["Delivery", "Price"]))
        try keys(session, .character("j"))
        #expect(session.open?.form.focus == "s")
    }

    @Test("with the vim preset j and k move, J and K move rank items, and ; reaches a shortcut; badges say so")
    func vim() throws {
        let session = try fixture().session(keymap: try Keymap(files: [], preset: "vim"))
        #expect(form(session)[0] == "▸ Sentiment * [;j] — required")
        try keys(session, .character("j"))
        #expect(session.cursor(try #require(session.focusedQuestion)) == 1)
        try keys(session, .character("j"), .character("j"), .character("j"))
        #expect(session.open?.form.focus == "rank")
        try keys(session, .character("J"))
        #expect(session.open?.form.answer("rank") == .many(["Delivery", "Price"]))
        try keys(session, .character("K"))
        #expect(session.open?.form.answer("rank") == .many(["Price", "Delivery"]))
        // K left the cursor on the first item: k goes up to Spam's last option, then its first.
        try keys(session, .character("k"), .character("k"))
        #expect(session.open?.form.focus == "spam")
        #expect(session.cursor(try #require(session.focusedQuestion)) == 0)
        try keys(session, .character(";"), .character("j"))
        #expect(session.open?.form.focus == "s")
        try keys(session, .character("h"))
        #expect(session.pane == .queue)
        try keys(session, .character("j"))
        #expect(session.queue.selected == 1)
        try keys(session, .character("l"))
        #expect(session.pane == .form)
    }

    @Test("in a tree, Space chooses before and after a filter is typed, and the hint says Space chooses")
    func treeSpace() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try keys(session, .tab, .tab, .enter)
        #expect(KeyHelp.hint(for: session.snapshot()) == "Type to filter · ↑↓ move · → open · ← close · Space or Enter choose · Esc close")
        try keys(session, .character(" "))
        #expect(session.open?.form.answer("cat") == .many(["Home"]))
        for c in "blend" { try keys(session, .character(c)) }
        try keys(session, .character(" "))
        #expect(session.open?.form.answer("cat") == .many(["Home", "Home / Kitchen / Blenders"]))
        #expect(KeyHelp.hint(for: session.snapshot()) == "Type to filter · ↑↓ move · → open · ← close · Space or Enter choose · Esc close")
    }

    @Test("submit rebound to Enter: Enter submits from the form, Space still chooses")
    func submitOnEnter() throws {
        let fixture = try Fixture()
        let keymap = try Keymap(files: [KeymapFile(path: "keys.toml", text: "[normal]\nsubmit = [\"enter\", \"s\"]")])
        let session = try fixture.session(keymap: keymap)
        try keys(session, .down, .character(" "), .enter)
        #expect(try fixture.store.task(externalId: "t-1")?.status == .submitted)
        #expect(session.open?.task.externalId == "t-2")
        #expect(KeyHelp.hint(for: session.snapshot()) == "Space choose · Tab next question · Enter submit · x skip · u undo · ? keys · q quit")
    }
}
