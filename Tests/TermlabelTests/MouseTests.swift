import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// The mouse on the labeling screen: where a press or the wheel lands is found from the frame
/// just drawn (80x24 here), and does what the keys there do.
@Suite("The mouse")
struct MouseTests {
    /// The frame the mouse events are aimed at: the one `draw` draws.
    let frame = Size(width: 80, height: 24)

    /// Draws the frame the user sees, as the app does before reading input.
    @discardableResult
    func draw(_ session: LabelController, width: Int = 80, height: Int = 24) -> Screen {
        var screen = Screen(width: width, height: height)
        LabelApp.draw(session, on: &screen)
        return screen
    }

    /// The cell where `text` starts on the drawn frame (the first row that has it).
    func cell(of text: String, on screen: Screen, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Point {
        for y in 0..<screen.height {
            let row = screen.row(y)
            if let range = row.range(of: text) {
                return Point(x: DisplayWidth.of(String(row[..<range.lowerBound])), y: y)
            }
        }
        Issue.record("“\(text)” is not on the screen:\n\(screen.text)", sourceLocation: sourceLocation)
        throw MouseTestError.notOnScreen
    }

    enum MouseTestError: Error { case notOnScreen }

    func press(_ session: LabelController, on text: String) throws {
        let at = try cell(of: text, on: draw(session))
        try session.handle(.mouse(MouseEvent(.press, at: at)), frame: frame)
    }

    @Test("a press on an option chooses it, and its nested question appears; a press on a checkbox toggles it")
    func pressChoosesOptions() throws {
        let fixture = try Fixture()
        let session = try fixture.session()
        try press(session, on: "2 Negative")
        #expect(session.open?.form.answer("s") == .one("Negative"))
        #expect(session.open?.form.focus == "s")
        #expect(session.cursor(try #require(session.ontology.question("s"))) == 1)
        try press(session, on: "2 Quality")
        #expect(session.open?.form.answer("why") == .many(["Quality"]))
        #expect(session.open?.form.focus == "why")
        try press(session, on: "2 Quality")
        #expect(session.open?.form.answer("why") == nil)
        // Saved at once, as with keys.
        let draft = try #require(try fixture.store.draft(taskId: session.open!.task.id, stage: .label))
        #expect(draft.classifications.map { $0["answer"] } == ["Negative"])
    }

    @Test("on a scrolled form a press finds the row that is drawn there")
    func scrolledForm() throws {
        let session = try Fixture().session()
        try session.handle(.character("2"))
        for _ in 0..<5 { try session.handle(.tab) }
        let screen = draw(session)
        #expect(screen.row(8).hasSuffix("↑┐"), "the form is scrolled:\n\(screen.text)")
        try press(session, on: "2. Delivery")
        #expect(session.open?.form.focus == "rank")
        #expect(session.cursor(try #require(session.ontology.question("rank"))) == 1)
        try press(session, on: "1 Price")
        #expect(session.open?.form.answer("why") == .many(["Price"]))
    }

    @Test("a press on a question's title focuses it without answering")
    func pressOnTitleFocuses() throws {
        let session = try Fixture().session()
        try press(session, on: "Language [b]")
        #expect(session.open?.form.focus == "lang")
        #expect(session.open?.form.answers.isEmpty == true)
        #expect(session.mode == .normal)
    }

    @Test("a press on a dropdown, a tree or a text answer opens its editor; the wheel moves in an open list")
    func pressOpensEditors() throws {
        let session = try Fixture().session()
        try press(session, on: "▾ (none — Enter to choose)")
        #expect(session.mode == .dropdown(schemaId: "lang", query: "", cursor: 0))
        try session.handle(.mouse(MouseEvent(.wheelDown, at: Point(x: 40, y: 12))), frame: frame)
        #expect(session.mode == .dropdown(schemaId: "lang", query: "", cursor: 1))
        // A press inside an open list does nothing; Enter chooses.
        try session.handle(.mouse(MouseEvent(.press, at: Point(x: 40, y: 12))), frame: frame)
        try session.handle(.enter)
        #expect(session.open?.form.answer("lang") == .one("French"))
        try press(session, on: "(empty — Enter to type)")
        guard case .editingText(let id, _, _) = session.mode else {
            Issue.record("not editing text: \(session.mode)")
            return
        }
        #expect(id == "order")
        // While typing, the mouse changes nothing.
        try session.handle(.mouse(MouseEvent(.press, at: Point(x: 5, y: 3))), frame: frame)
        #expect(session.open?.task.externalId == "t-1")
        guard case .editingText = session.mode else {
            Issue.record("the mouse ended text editing: \(session.mode)")
            return
        }
    }

    @Test("a press on a task in the queue opens it; the wheel there moves the selection by three")
    func queue() throws {
        let session = try Fixture().session()
        try session.handle(.character("1"))
        try press(session, on: "t-3 Third.")
        #expect(session.open?.task.externalId == "t-3")
        #expect(session.pane == .form)
        #expect(session.queue.selected == 2)
        let wheelUp = MouseEvent(.wheelUp, at: Point(x: 5, y: 5))
        try session.handle(.mouse(wheelUp), frame: frame)
        #expect(session.queue.selected == 0)
        #expect(session.open?.task.externalId == "t-3")
        // A press below the last task does nothing.
        try session.handle(.mouse(MouseEvent(.press, at: Point(x: 5, y: 10))), frame: frame)
        #expect(session.open?.task.externalId == "t-3")
        try press(session, on: "t-1 The blender")
        #expect(session.open?.task.externalId == "t-1")
        #expect(session.open?.form.answer("s") == .one("Positive"))
    }

    @Test("the wheel over the form moves between questions, over the asset scrolls it")
    func wheel() throws {
        let session = try Fixture().session()
        draw(session)
        // At the first question the wheel up stays there (it does not wrap as Shift-Tab does).
        try session.handle(.mouse(MouseEvent(.wheelUp, at: Point(x: 40, y: 15))), frame: frame)
        #expect(session.open?.form.focus == "s")
        let form = MouseEvent(.wheelDown, at: Point(x: 40, y: 15))
        try session.handle(.mouse(form), frame: frame)
        try session.handle(.mouse(form), frame: frame)
        #expect(session.open?.form.focus == "cat")
        try session.handle(.mouse(MouseEvent(.wheelUp, at: Point(x: 40, y: 15))), frame: frame)
        #expect(session.open?.form.focus == "lang")
        try session.handle(.mouse(MouseEvent(.wheelDown, at: Point(x: 40, y: 3))), frame: frame)
        #expect(session.assetScroll == 3)
    }

    @Test("in review, a press on the labeler's answer is refused while the form is read-only")
    func reviewReadOnly() throws {
        let fixture = try Fixture(review: true)
        let labeler = try fixture.session(user: "ann")
        try labeler.handle(.character("1"))
        try labeler.handle(.character("s"))
        let reviewer = try fixture.session(.review, user: "rob")
        try press(reviewer, on: "2 Negative")
        #expect(reviewer.open?.form.answer("s") == .one("Positive"))
        #expect(reviewer.message?.isError == true)
        #expect(reviewer.message?.text.hasPrefix("The labeler's answers are read-only") == true)
    }

    @Test("a mouse event is input: it ends idle time like a key")
    func mouseIsInput() throws {
        let fixture = try Fixture()
        try fixture.store.updateSettings { $0.idleTimeoutMilliseconds = 2_000 }
        let session = try fixture.session()
        draw(session)
        fixture.clock.advance(by: 5_000)
        #expect(session.open!.timer.isIdle(at: fixture.clock.now()))
        try session.handle(.mouse(MouseEvent(.wheelDown, at: Point(x: 40, y: 3))), frame: frame)
        #expect(!session.open!.timer.isIdle(at: fixture.clock.now()))
        fixture.clock.advance(by: 1_000)
        #expect(session.open?.timer.spent(at: fixture.clock.now()) == TimeSpent(active: 3_000, idle: 3_000))
    }

    @Test("a press closes the help; the wheel does not")
    func help() throws {
        let session = try Fixture().session()
        try session.handle(.character("?"))
        try session.handle(.mouse(MouseEvent(.wheelDown, at: Point(x: 40, y: 15))), frame: frame)
        #expect(session.mode == .help(page: 0))
        try session.handle(.mouse(MouseEvent(.press, at: Point(x: 40, y: 15))), frame: frame)
        #expect(session.mode == .normal)
        #expect(session.open?.form.answers.isEmpty == true)
    }
}
