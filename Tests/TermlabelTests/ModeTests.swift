import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// The typing modes as values: each key gives the next mode and what the session must do.
@Suite("Modes")
struct ModeTests {
    let ontology = try! OntologyReader.read(Array(Fixture.ontology.utf8), file: "fixture.json").ontology

    @Test("typing into a dropdown filters it; Space chooses, a single dropdown closes and reports the answer")
    func dropdown() {
        var mode = Mode.dropdown(schemaId: "lang", query: "", cursor: 0)
        (mode, _) = mode.next(nil, key: .character("f"), ontology: ontology)
        #expect(mode == .dropdown(schemaId: "lang", query: "f", cursor: 0))
        let (closed, effects) = mode.next(.choose, key: .character(" "), ontology: ontology)
        #expect(closed == .normal)
        #expect(effects == [.answer(.choose("lang", value: "French")), .answered(schemaId: "lang")])
        #expect(mode.next(.close, key: .escape, ontology: ontology) == (.normal, []))
    }

    @Test("a text answer that breaks its pattern stays open with the pattern; a good one is set and the focus moves on")
    func text() {
        let open = Mode.editingText(schemaId: "order", editing: TextEditing("12a"), error: nil)
        #expect(open.next(.done, key: .enter, ontology: ontology) == (.editingText(schemaId: "order", editing: TextEditing("12a"), error: "does not match ^[0-9]+$"), []))
        let good = Mode.editingText(schemaId: "order", editing: TextEditing("12"), error: nil)
        #expect(good.next(.doneNext, key: .tab, ontology: ontology) == (.normal, [.answer(.setText("order", text: "12")), .focus(.focusNext)]))
        #expect(good.next(nil, key: .character("3"), ontology: ontology).0 == .editingText(schemaId: "order", editing: TextEditing("123"), error: nil))
        #expect(good.next(.deleteLine, key: .control("u"), ontology: ontology).0 == .editingText(schemaId: "order", editing: TextEditing(""), error: nil))
    }

    @Test("a rejection needs a comment; with one, the session is asked to reject")
    func rejectPrompt() {
        let empty = Mode.prompt(.rejectComment, TextEditing("  "))
        #expect(empty.next(.confirm, key: .enter, ontology: ontology) == (empty, [.error("A rejection needs a comment for the labeler.")]))
        let said = Mode.prompt(.rejectComment, TextEditing("Too quick "))
        #expect(said.next(.confirm, key: .enter, ontology: ontology) == (.normal, [.reject(comment: "Too quick")]))
    }

    @Test("a tree opens and closes nodes; a paste filters it with the cursor on the first match")
    func tree() {
        var mode = Mode.tree(schemaId: "cat", query: "", cursor: 0, expanded: [])
        (mode, _) = mode.next(.expand, key: .right, ontology: ontology)
        #expect(mode == .tree(schemaId: "cat", query: "", cursor: 0, expanded: [[0]]))
        (mode, _) = mode.next(.collapse, key: .left, ontology: ontology)
        #expect(mode == .tree(schemaId: "cat", query: "", cursor: 0, expanded: []))
        #expect(mode.pasting("blend", ontology: ontology) == .tree(schemaId: "cat", query: "blend", cursor: 2, expanded: []))
        #expect(Mode.normal.pasting("x", ontology: ontology) == nil)
    }
}
