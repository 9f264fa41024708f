import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// Issue 15's shape of the app layer: the work (`LabelSession`) holds no modes, panes, cursors,
/// scroll or paging; the screen's side (`LabelController`) holds those; views draw a value that
/// carries no store.
@Suite("The app layer's shape")
struct AppLayerShapeTests {
    /// The stored properties of a value, by name, with their types.
    func stored(_ value: Any) -> [String: String] {
        var out: [String: String] = [:]
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            out[label] = String(describing: type(of: child.value))
        }
        return out
    }

    @Test("LabelSession keeps the work only: no mode, pane, option cursor, asset scroll or pager")
    func sessionHoldsNoScreenState() throws {
        let fixture = try Fixture()
        let controller = try fixture.session()
        let session = stored(controller.session)
        for (name, type) in session {
            #expect(!["Mode", "Pane", "QueuePager", "QueueModel"].contains(type), "LabelSession.\(name) is screen state (\(type))")
        }
        for name in ["mode", "pane", "optionCursor", "assetScroll", "pager"] {
            #expect(session[name] == nil, "LabelSession.\(name) belongs to the controller")
        }
        let screen = stored(controller)
        #expect(screen["mode"] == "Mode")
        #expect(screen["pane"] == "Pane")
        #expect(screen["pager"] == "QueuePager")
        #expect(screen["optionCursor"] == "Dictionary<String, Int>")
        #expect(screen["assetScroll"] == "Int")
    }

    @Test("what views draw from carries no store and no session: only values")
    func snapshotIsAValue() throws {
        let fixture = try Fixture()
        let controller = try fixture.session()
        let state = stored(controller.snapshot())
        #expect(state.count == 19)
        for (name, type) in state {
            #expect(!type.contains("Store") && !type.contains("Session") && !type.contains("Controller"), "ScreenState.\(name): \(type)")
        }
        // Every view is built from a ScreenState and nothing else.
        #expect(stored(LabelScreenView(state: controller.snapshot())).keys.sorted() == ["state"])
        #expect(stored(AssetView(state: controller.snapshot())).keys.sorted() == ["state"])
        #expect(stored(FormView(state: controller.snapshot())).keys.sorted() == ["state"])
        #expect(stored(StatsView(state: controller.snapshot())).keys.sorted() == ["state"])
    }

    @Test("a new task on screen starts with its own cursor, normal mode and no scroll")
    func newTaskResetsScreenState() throws {
        let fixture = try Fixture()
        let controller = try fixture.session()
        try controller.handle(.pageDown)
        try controller.handle(.down)
        try controller.handle(.character("2"))
        #expect(controller.assetScroll == 5)
        #expect(controller.optionCursor == ["s": 1])
        try controller.handle(.character("n"))
        #expect(controller.open?.task.externalId == "t-2")
        #expect(controller.assetScroll == 0)
        #expect(controller.optionCursor == [:])
        // Back on t-1: the cursor starts on its chosen answer (Negative, the second option).
        try controller.handle(.character("p"))
        #expect(controller.open?.task.externalId == "t-1")
        #expect(controller.optionCursor == ["s": 1])
        #expect(controller.mode == .normal)
    }

    @Test("a text being typed is in the session's draft, not in the session's modes")
    func typingReachesTheDraft() throws {
        let fixture = try Fixture()
        let controller = try fixture.session()
        try controller.handle(.character("2"))
        for _ in 0..<4 { try controller.handle(.tab) }
        #expect(controller.focusedQuestion?.schemaId == "order")
        try controller.handle(.enter)
        for c in "42" { try controller.handle(.character(c)) }
        #expect(controller.session.typing?.schemaId == "order")
        #expect(controller.session.typing?.text == "42")
        try controller.handle(.hangup)
        let draft = try fixture.store.draft(taskId: 1, stage: .label)
        #expect(draft?.classifications.map { $0["answer"] } == ["Negative", "42"])
    }
}
