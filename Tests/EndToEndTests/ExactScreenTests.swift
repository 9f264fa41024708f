import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// Nothing an annotator does by accident changes an answer (issue 14): pastes, browsing,
    /// review on reopening, stale messages, keys as terminals send them.
    @Suite struct ExactScreen {
        static func records(_ prefix: String, _ count: Int) -> [JSONValue] {
            (1...count).map { ["externalId": .string("\(prefix)-\($0)"), "data": .string("Text number \($0).")] }
        }

        @Test func aPasteGoesOnlyIntoTheTextAnswerWholeAndRunsNoCommand() throws {
            let scratch = try TemporaryDirectory()
            let dir = try Termlabel.makeProject(in: scratch, named: "paste", ontology: try SmallOntology.write(in: scratch),
                                                records: Self.records("paste", 3))
            let tmux = try TmuxSession(width: 100, height: 30, command: [try Termlabel.binary(), "label", dir, "--user", "pia"],
                                       in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "paste-1 · new")
            try tmux.sendKeys("1", "b", "Enter")
            try tmux.waitFor(text: "Typing — Enter done")
            // Each of s, n, q and the space would submit, move on, quit or choose if read as keys.
            try tmux.paste("first line s\nn q second line\nthird")
            try tmux.waitFor(text: "third")
            try tmux.sendKeys("Enter")
            var screen = try tmux.waitFor(text: "“first line s")
            #expect(Array(ScreenText.form(screen).prefix(7)) == [
                "  Sentiment * [a]", "    (•) 1 Positive", "    ( ) 2 Neutral", "▸ Notes [b]",
                "  › “first line s", "     n q second line", "     third”",
            ])
            #expect(screen[0].contains("paste-1 · draft"))

            // In normal mode a paste changes nothing and says so.
            try tmux.paste("2\ns")
            screen = try tmux.waitFor(text: "Paste ignored")
            #expect(screen[28] == "Paste ignored: a paste goes only into a text answer (Enter on it opens it), a filter or a prompt.")
            #expect(screen.contains { $0.contains("(•) 1 Positive") })
            #expect(screen[0].contains("paste-1 · draft"))
            try tmux.sendKeys("s")
            try tmux.waitFor(text: "paste-1 submitted → Complete.")
            try tmux.quit()

            let export = try Termlabel.export(dir, in: scratch)
            #expect(export.count == 1)
            let task = try #require(try ExportReading.asset("paste-1", in: export)["task"])
            let answers = try #require(task["classifications"]?.arrayValue).map { [$0["title"], $0["answer"]] }
            #expect(answers == [["Sentiment", "Positive"], ["Notes", "first line s\nn q second line\nthird"]])
        }

        @Test func aReviewersAnswersStayReadOnlyAfterQuittingAndReopening() throws {
            let scratch = try TemporaryDirectory()
            let dir = try Termlabel.makeProject(in: scratch, named: "rro", ontology: try SmallOntology.write(in: scratch),
                                                records: Self.records("rro", 1), options: ["--review"])
            let binary = try Termlabel.binary()
            let tmux = try TmuxSession(width: 100, height: 30, command: [binary, "label", dir, "--user", "lena"], in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "rro-1 · new")
            try tmux.sendKeys("1", "s")
            try tmux.waitFor(text: "The queue is empty")
            try tmux.quit()
            try tmux.respawn(command: [binary, "review", dir, "--user", "max"])
            try tmux.waitFor(text: "Form · read-only (m edits)")
            try tmux.quit()

            try tmux.respawn(command: [binary, "review", dir, "--user", "max"])
            var screen = try tmux.waitFor(text: "Form · read-only (m edits)")
            #expect(screen.contains { $0.contains("Labeled by lena on ") })
            try tmux.sendKeys("2")
            screen = try tmux.waitFor(text: "The labeler's answers are read-only")
            #expect(screen.contains { $0.contains("(•) 1 Positive") })
            try tmux.sendKeys("s")
            try tmux.waitFor(text: "No task waits for your review.")
            try tmux.quit()

            let task = try #require(try ExportReading.asset("rro-1", in: try Termlabel.export(dir, in: scratch))["task"])
            let history = try #require(task["stageHistory"]?.arrayValue)
            #expect(history.map { $0["stage"] } == ["Start", "Label", "Review"])
            #expect(history.last?["reviewStatus"] == "Accepted")
        }

        @Test func browsingTasksWithoutAnsweringClaimsNone() throws {
            let scratch = try TemporaryDirectory()
            let dir = try Termlabel.makeProject(in: scratch, named: "browse", ontology: try SmallOntology.write(in: scratch),
                                                records: Self.records("browse", 6))
            let binary = try Termlabel.binary()
            let tmux = try TmuxSession(width: 100, height: 30, command: [binary, "label", dir, "--user", "bob"], in: scratch.path)
            defer { tmux.kill() }
            // bob looks at five tasks (served, n, n, / to a row, n) and answers none.
            try tmux.waitFor(text: "browse-1 · new")
            try tmux.sendKeys("n")
            try tmux.waitFor(text: "browse-2 · new")
            try tmux.sendKeys("n")
            try tmux.waitFor(text: "browse-3 · new")
            try tmux.sendKeys("/", "4", "Enter")
            try tmux.waitFor(text: "browse-4 · new")
            try tmux.sendKeys("n")
            try tmux.waitFor(text: "browse-5 · new")
            try tmux.quit()
            #expect(try Termlabel.run(["who", dir], in: scratch.path).stdout == "Nobody holds a task.\n")

            // ann is served them in order, from the first.
            try tmux.respawn(command: [binary, "label", dir, "--user", "ann"])
            for n in 1...5 {
                try tmux.waitFor(text: "browse-\(n) · new")
                try tmux.sendKeys("1", "s")
                try tmux.waitFor(text: "browse-\(n) submitted → Complete.")
            }
            try tmux.quit()
            #expect(try Termlabel.export(dir, in: scratch).count == 5)
        }

        @Test func aTaskSomeoneHoldsOpensReadOnlyAndWhoSaysWho() throws {
            let scratch = try TemporaryDirectory()
            let dir = try Termlabel.makeProject(in: scratch, named: "held", ontology: try SmallOntology.write(in: scratch),
                                                records: Self.records("held", 2))
            let binary = try Termlabel.binary()
            let tmux = try TmuxSession(width: 100, height: 30, command: [binary, "label", dir, "--user", "bob"], in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "held-1 · new")
            try tmux.sendKeys("2")
            try tmux.waitFor(text: "held-1 · draft")
            try tmux.quit()
            let who = try Termlabel.run(["who", dir], in: scratch.path).stdout.components(separatedBy: "\n")
            #expect(who[0] == "TASK    STAGE  STATUS  HELD BY  SINCE (UTC)       LAST ACTIVE (UTC)  LEASE")
            #expect(who[1].hasPrefix("held-1  Label  draft   bob      "))
            #expect(["  lapses in 29m", "  lapses in 30m"].contains { who[1].hasSuffix($0) }, "\(who[1])")

            try tmux.respawn(command: [binary, "label", dir, "--user", "ann"])
            try tmux.waitFor(text: "held-2 · new")
            try tmux.sendKeys("/", "h", "e", "l", "d", "-", "1", "Enter")
            let screen = try tmux.waitFor(text: "Form · read-only (held by bob)")
            #expect(screen[28] == "Read-only: bob holds this task.")
            #expect(screen.contains { $0.contains("Text number 1.") })
            try tmux.sendKeys("1")
            try tmux.waitFor(text: "Read-only: bob holds this task.")
            try tmux.quit()
            #expect(try Termlabel.run(["who", dir], in: scratch.path).stdout.components(separatedBy: "\n")[1]
                .hasPrefix("held-1  Label  draft   bob      "))
        }

        @Test func messagesClearAndKeysWorkAsTerminalsSendThem() throws {
            let scratch = try TemporaryDirectory()
            let ontology = scratch.path + "/tree.json"
            try #"""
                {"tools": [], "relations": [], "classifications": [
                  {"tool": "radio", "title": "Sentiment", "schemaId": "s", "required": true,
                   "options": [{"value": "Positive", "schemaId": "s1"}, {"value": "Negative", "schemaId": "s2"}]},
                  {"tool": "tree-dropdown", "title": "Category", "schemaId": "cat",
                   "treeOptions": [{"title": "Home", "key": "h", "children": [{"title": "Kitchen", "key": "k",
                     "children": [{"title": "Blenders", "key": "b"}]}]}]},
                  {"tool": "text", "title": "Code", "schemaId": "code"}]}
                """#.write(toFile: ontology, atomically: true, encoding: .utf8)
            let dir = try Termlabel.makeProject(in: scratch, named: "keys", ontology: ontology, records: Self.records("keys", 20))
            let locks = scratch.path + "/locks.json"
            try #"[{"externalId": "keys-20", "classifications": [{"schemaId": "code", "answer": "A7", "lock": true}]}]"#
                .write(toFile: locks, atomically: true, encoding: .utf8)
            try Termlabel.run(["add", dir, "--assets", locks], in: scratch.path)
            let tmux = try TmuxSession(width: 100, height: 30, command: [try Termlabel.binary(), "label", dir, "--user", "kim"],
                                       in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "keys-1 · new")

            // A refused submit's message goes with the next action; the mode's hints come back.
            try tmux.sendKeys("s")
            try tmux.waitFor(text: "Cannot submit: “Sentiment” is required.")
            try tmux.sendKeys("1")
            var screen = try tmux.waitFor(absenceOf: "Cannot submit")
            #expect(screen[28] == "Space choose · Tab next question · s submit · x skip · u undo · ? keys · q quit")

            // A tree filter lands on the first match; Space after ↓ chooses.
            try tmux.sendKeys("Tab", "Enter")
            try tmux.waitFor(text: "Category (type to filter")
            try tmux.sendText("blend")
            try tmux.waitFor(text: "›       [ ] Blenders")
            try tmux.sendKeys("Up", "Down", "Space")
            try tmux.waitFor(text: "›       [x] Blenders")
            try tmux.sendKeys("Escape")
            try tmux.waitFor(text: "Home / Kitchen / Blenders")

            // /19 opens row 19; Home and End as tmux sends them (ESC[1~, ESC[4~) move in the list.
            try tmux.sendKeys("/", "1", "9", "Enter")
            try tmux.waitFor(text: "keys-19 · new")
            try tmux.sendKeys("Left", "Home", "Enter")
            try tmux.waitFor(text: "keys-1 · draft")
            try tmux.sendKeys("Left")
            try tmux.sendKeys("-H", "1b", "5b", "34", "7e")
            try tmux.sendKeys("Enter")
            try tmux.waitFor(text: "keys-20 · new")
            try tmux.sendKeys("Left")
            try tmux.sendKeys("-H", "1b", "5b", "48")
            try tmux.sendKeys("Enter")
            try tmux.waitFor(text: "keys-1 · draft")

            // A locked pre-label says why it does not change.
            try tmux.sendKeys("/", "2", "0", "Enter")
            try tmux.waitFor(text: "keys-20 · new")
            try tmux.sendKeys("Tab", "Tab", "Enter")
            screen = try tmux.waitFor(text: "is locked by its pre-label")
            #expect(screen[28] == "“Code” is locked by its pre-label: it cannot be changed.")
            try tmux.quit()
        }
    }
}
