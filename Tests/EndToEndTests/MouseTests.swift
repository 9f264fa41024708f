import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// The mouse in a real terminal: tmux reports presses and the wheel to the app in the
    /// encoding the app's terminal type asks for, and the app answers with what the keys there do.
    @Suite struct Mouse {
        /// A mouse report as tmux writes it to a pane that asked for SGR reports (`CSI ?1006h`):
        /// `CSI < button ; column ; row M` (cells from 1), `m` for a release.
        static func report(button: Int, at cell: Cell, release: Bool = false) -> [String] {
            ["-H"] + Array("\u{1B}[<\(button);\(cell.x + 1);\(cell.y + 1)\(release ? "m" : "M")".utf8).map { String($0, radix: 16) }
        }

        struct Cell { var x: Int, y: Int }

        /// The cell where `text` starts on the screen (the first row that has it). The rows here
        /// hold only one-column characters before the text (ASCII, box drawing, marks), so the
        /// column is the count of characters before it.
        static func cell(of text: String, in screen: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Cell {
            for (y, row) in screen.enumerated() {
                if let range = row.range(of: text) { return Cell(x: row[..<range.lowerBound].count, y: y) }
            }
            Issue.record("“\(text)” is not on the screen:\n\(TmuxSession.framed(screen))", sourceLocation: sourceLocation)
            throw SpawnError(description: "not on screen")
        }

        /// A left click on `text`: the press and the release, sent together.
        func press(_ tmux: TmuxSession, on text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let at = try Self.cell(of: text, in: try tmux.screen(), sourceLocation: sourceLocation)
            try tmux.sendKeys(Self.report(button: 0, at: at) + Array(Self.report(button: 0, at: at, release: true).dropFirst()))
        }

        @Test func pressesAndTheWheelAnswerTheFormAndOpenTasks() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try SmallOntology.write(in: scratch)
            let dir = try Termlabel.makeProject(
                in: scratch, named: "mouse", ontology: ontology,
                records: [["externalId": "mouse-1", "data": "First task."], ["externalId": "mouse-2", "data": "Second task."]])
            let tmux = try TmuxSession(width: 80, height: 24, command: [try Termlabel.binary(), "label", dir, "--user", "mia"],
                                       in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "mouse-1 · new")
            #expect(try tmux.display("#{mouse_standard_flag}#{mouse_sgr_flag}") == "11", "the app asks the terminal for SGR mouse reports")

            try press(tmux, on: "2 Neutral")
            try tmux.waitFor(text: "(•) 2 Neutral")
            try press(tmux, on: "(empty — Enter to type)")
            try tmux.waitFor(text: "Typing — Enter done")
            try tmux.sendText("by mouse")
            try tmux.sendKeys("Enter")
            try tmux.waitFor(text: "“by mouse”")

            // The queue: a press opens the task; the wheel moves the selection.
            try press(tmux, on: "mouse-2 Second")
            try tmux.waitFor(text: "mouse-2 · new")
            try press(tmux, on: "mouse-1 First")
            // The whole frame: a large one can reach tmux in more than one write.
            var screen = try tmux.waitFor("mouse-1 open with its draft") { screen in
                screen.contains { $0.contains("mouse-1 · draft") } && screen.contains { $0.contains("(•) 2 Neutral") }
            }
            #expect(screen.contains { $0.contains("▸ Sentiment") })
            let form = try Self.cell(of: "Notes", in: screen)
            try tmux.sendKeys(Self.report(button: 65, at: form))
            try tmux.waitFor("the wheel down moving to the next question") { $0.contains { $0.contains("▸ Notes") } }
            try tmux.sendKeys(Self.report(button: 64, at: form))
            try tmux.waitFor("the wheel up moving back") { $0.contains { $0.contains("▸ Sentiment") } }

            try tmux.sendKeys("s")
            screen = try tmux.waitFor(text: "mouse-1 submitted → Complete.")
            try tmux.quit()
            #expect(try tmux.display("#{mouse_standard_flag}#{mouse_sgr_flag}#{mouse_any_flag}") == "000",
                    "mouse reports are off again after quitting")

            let export = try Termlabel.export(dir, in: scratch)
            let task = try #require(try ExportReading.asset("mouse-1", in: export)["task"])
            let answers = try #require(task["classifications"]?.arrayValue).map { [$0["title"], $0["answer"]] }
            #expect(answers == [["Sentiment", "Neutral"], ["Notes", "by mouse"]])

            // --no-mouse leaves the mouse to the terminal (its own selection, no reports).
            try tmux.respawn(command: [try Termlabel.binary(), "label", dir, "--user", "mia", "--no-mouse"])
            // mouse-2 was opened by the press above but never answered: it was let go, still new.
            try tmux.waitFor(text: "mouse-2 · new")
            #expect(try tmux.display("#{mouse_any_flag}") == "0")
            try tmux.quit()
        }
    }
}
