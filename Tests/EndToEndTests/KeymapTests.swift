import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// Keys as data (issue 15), driven in tmux: a keymap file, the vim preset, a broken file, and
    /// one key per task with auto-advance.
    @Suite struct Keymaps {
        static func records(_ prefix: String, _ count: Int) -> [JSONValue] {
            (1...count).map { ["externalId": .string("\(prefix)-\($0)"), "data": .string("Text number \($0).")] }
        }

        /// A configuration directory of its own, so the tester's keys.toml never applies.
        static func environment(_ scratch: TemporaryDirectory) throws -> [String: String] {
            let config = scratch.path + "/config"
            try FileManager.default.createDirectory(atPath: config + "/termlabel", withIntermediateDirectories: true)
            return ["XDG_CONFIG_HOME": config]
        }

        /// The one-question ontology: a required radio, Yes or No.
        static func binaryOntology(in scratch: TemporaryDirectory) throws -> String {
            let json: JSONValue = [
                "tools": [], "relations": [],
                "classifications": [[
                    "tool": "radio", "title": "Relevant", "required": true, "schemaId": "q-rel",
                    "options": [["value": "Yes", "schemaId": "y"], ["value": "No", "schemaId": "n"]], "classifications": [],
                ]],
            ]
            let path = scratch.path + "/binary.json"
            try JSONWriter(pretty: true).string(json).write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        @Test func aProjectKeymapFileRebindsSubmitToEnter() throws {
            let scratch = try TemporaryDirectory()
            let env = try Self.environment(scratch)
            let dir = try Termlabel.makeProject(in: scratch, named: "enter", ontology: try SmallOntology.write(in: scratch),
                                                records: Self.records("enter", 2))
            try "[normal]\nsubmit = [\"enter\", \"s\"]\n".write(toFile: dir + "/keys.toml", atomically: true, encoding: .utf8)
            let tmux = try TmuxSession(width: 100, height: 30, environment: env,
                                       command: [try Termlabel.binary(), "label", dir, "--user", "pia"], in: scratch.path)
            defer { tmux.kill() }
            // The hint line is the last row drawn but one: waiting for it waits for the whole frame.
            var screen = try tmux.waitFor(text: "Enter submit · x skip")
            #expect(screen[0].contains("enter-1 · new"))
            #expect(screen[28] == "Space choose · Tab next question · Enter submit · x skip · u undo · ? keys · q quit")
            try tmux.sendKeys("Space", "Enter")
            screen = try tmux.waitFor(text: "enter-1 submitted → Complete.")
            #expect(screen[0].contains("enter-2 · new"))
            try tmux.quit()
            let task = try #require(try ExportReading.asset("enter-1", in: try Termlabel.export(dir, in: scratch))["task"])
            #expect(task["classifications"]?.arrayValue?.map { $0["answer"] } == ["Positive"])

            // termlabel keys shows it.
            let keys = try Termlabel.run(["keys", dir], environment: env, in: scratch.path).stdout.components(separatedBy: "\n")
            #expect(keys[0] == "# The keymap in force. Files read (the last wins): \(dir)/keys.toml")
            #expect(keys.contains { $0.hasPrefix("submit = [\"enter\", \"s\"]") })
            #expect(keys.contains { $0.hasPrefix("choose = [\"space\"]") })
        }

        @Test func theVimPresetMovesWithHjklAndReachesShortcutsAfterSemicolon() throws {
            let scratch = try TemporaryDirectory()
            let env = try Self.environment(scratch)
            try "preset = \"vim\"\n".write(toFile: env["XDG_CONFIG_HOME"]! + "/termlabel/keys.toml", atomically: true, encoding: .utf8)
            let dir = try Termlabel.makeProject(in: scratch, named: "vim", ontology: try SmallOntology.write(in: scratch),
                                                records: Self.records("vim", 3))
            let tmux = try TmuxSession(width: 100, height: 30, environment: env,
                                       command: [try Termlabel.binary(), "label", dir, "--user", "vic"], in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "vim-1 · new")
            var screen = try tmux.waitFor(text: "? keys · q quit")
            #expect(Array(ScreenText.form(screen).prefix(3)) == ["▸ Sentiment * [;a] — required", "  › ( ) 1 Positive", "    ( ) 2 Neutral"])
            // j moves to Neutral, Space chooses it; ;b goes to Notes.
            try tmux.sendKeys("j", "Space")
            screen = try tmux.waitFor(text: "(•) 2 Neutral")
            // tmux reads a lone ";" as its own command separator: "\;" sends the key.
            try tmux.sendKeys("\\;", "b")
            screen = try tmux.waitFor(text: "▸ Notes [;b]")
            // k goes back up into Sentiment's last option; h goes to the list, j selects the next task.
            try tmux.sendKeys("k")
            screen = try tmux.waitFor(text: "▸ Sentiment * [;a]")
            #expect(ScreenText.form(screen).prefix(3) == ["▸ Sentiment * [;a]", "    ( ) 1 Positive", "  › (•) 2 Neutral"])
            try tmux.sendKeys("h", "j", "Enter")
            try tmux.waitFor(text: "vim-2 · new")
            try tmux.quit()
        }

        @Test func aBrokenKeymapFileIsRefusedWithItsLine() throws {
            let scratch = try TemporaryDirectory()
            let env = try Self.environment(scratch)
            let dir = try Termlabel.makeProject(in: scratch, named: "broken", ontology: try SmallOntology.write(in: scratch),
                                                records: Self.records("broken", 1))
            try "[normal]\nsubmit = [\"enter\"]\nskip = [\"enter\"]\n".write(toFile: dir + "/keys.toml", atomically: true, encoding: .utf8)
            let result = try Spawn.run([try Termlabel.binary(), "label", dir, "--user", "bo"], environment: env, in: scratch.path)
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(result.stderr == """
                \(dir)/keys.toml:3:9: error: "enter" is bound to both submit ([normal], 2:11) and skip ([normal])
                    one key runs one command in a mode: remove it from one of them

                """)
            // Nothing was opened or held.
            #expect(try Termlabel.run(["who", dir], environment: env, in: scratch.path).stdout == "Nobody holds a task.\n")
        }

        @Test func autoAdvanceLabelsOneHundredTasksWithOneHundredKeysAndUTakesTheLastSubmitBack() throws {
            let scratch = try TemporaryDirectory()
            let env = try Self.environment(scratch)
            let dir = try Termlabel.makeProject(in: scratch, named: "auto", ontology: try Self.binaryOntology(in: scratch),
                                                records: Self.records("auto", 100))
            let tmux = try TmuxSession(width: 100, height: 30, environment: env,
                                       command: [try Termlabel.binary(), "label", dir, "--user", "ada", "--auto-advance"], in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "auto-1 · new")
            // 100 keys in all: 1 (Yes) for odd tasks, 2 (No) for even ones, ten at a time.
            for batch in 0..<10 {
                try tmux.sendKeys((1...10).map { (batch * 10 + $0) % 2 == 1 ? "1" : "2" })
                try tmux.waitFor(text: "\(batch * 10 + 10)/100 labeled", timeout: 30)
            }
            var screen = try tmux.waitFor(text: "The queue is empty")
            #expect(screen[29].contains("100/100 labeled"))
            // u takes the last submit back: auto-100 is a draft again, with its answer.
            try tmux.sendKeys("u")
            try tmux.waitFor(text: "auto-100 is back as a draft: the submit is undone.")
            screen = try tmux.waitFor(text: "99/100 labeled")
            #expect(screen[0].contains("auto-100 · draft"))
            #expect(screen[29].contains("99/100 labeled"))
            #expect(Array(ScreenText.form(screen).prefix(3)) == ["▸ Relevant *", "    ( ) 1 Yes", "  › (•) 2 No"])
            try tmux.quit()

            let export = try Termlabel.export(dir, in: scratch)
            #expect(export.count == 99)
            for n in 1...99 {
                let task = try #require(try ExportReading.asset("auto-\(n)", in: export)["task"])
                #expect(task["classifications"]?.arrayValue?.map { $0["answer"] } == [n % 2 == 1 ? "Yes" : "No"], "auto-\(n)")
                #expect(task["stageHistory"]?.arrayValue?.map { $0["stage"] } == ["Start", "Label"], "auto-\(n)")
            }
            // auto-100 waits in Label as ada's draft, with its answer.
            let waiting = try Termlabel.export(dir, in: scratch, options: ["--stage", "Label"])
            #expect(waiting.compactMap { $0["externalId"]?.stringValue } == ["auto-100"])
            let last = try #require(try ExportReading.asset("auto-100", in: waiting)["task"])
            #expect(last["classifications"]?.arrayValue?.map { $0["answer"] } == ["No"])
            #expect(last["stageHistory"]?.arrayValue?.map { $0["stage"] } == ["Start"])
        }

        @Test func configTurnsAutoAdvanceOnForTheProjectAndNoAutoAdvanceTurnsItOffForASession() throws {
            let scratch = try TemporaryDirectory()
            let env = try Self.environment(scratch)
            let dir = try Termlabel.makeProject(in: scratch, named: "cfg", ontology: try Self.binaryOntology(in: scratch),
                                                records: Self.records("cfg", 3))
            let shown = try Termlabel.run(["config", dir, "--auto-advance", "on"], environment: env, in: scratch.path).stdout
            #expect(shown.components(separatedBy: "\n").filter { $0.hasPrefix("auto-advance:") } == ["auto-advance: on"])
            let binary = try Termlabel.binary()
            let tmux = try TmuxSession(width: 100, height: 30, environment: env, command: [binary, "label", dir, "--user", "cy"], in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "cfg-1 · new")
            try tmux.sendKeys("2")
            try tmux.waitFor(text: "cfg-1 submitted → Complete.")
            try tmux.quit()
            try tmux.respawn(environment: env, command: [binary, "label", dir, "--user", "cy", "--no-auto-advance"])
            try tmux.waitFor(text: "cfg-2 · new")
            try tmux.sendKeys("1")
            try tmux.waitFor(text: "cfg-2 · draft")
            try tmux.quit()
            #expect(try Termlabel.export(dir, in: scratch).compactMap { $0["externalId"]?.stringValue } == ["cfg-1"])
        }
    }
}
