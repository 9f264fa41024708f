import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// No one trapped, nothing lost (issue 9): the same user in two windows, a hang-up while
    /// typing.
    @Suite struct TrappedSession {
        @Test func theSameUserInTwoWindowsMovesOnAndQuitsSayingWhereTheAnswersWent() throws {
            let scratch = try TemporaryDirectory()
            let dir = try Termlabel.makeProject(in: scratch, named: "twin", ontology: try SmallOntology.write(in: scratch),
                                                records: [["externalId": "twin-1", "data": "One."], ["externalId": "twin-2", "data": "Two."]])
            let binary = try Termlabel.binary()
            // Two windows: two tmux servers, each with its own socket in its own folder.
            for side in ["left", "right"] { try FileManager.default.createDirectory(atPath: scratch.path + "/" + side, withIntermediateDirectories: false) }
            let left = try TmuxSession(width: 100, height: 30, command: [binary, "label", dir, "--user", "sam"], in: scratch.path + "/left")
            defer { left.kill() }
            try left.waitFor(text: "twin-1 · new")
            try left.sendKeys("1")
            try left.waitFor(text: "twin-1 · draft")
            let right = try TmuxSession(width: 100, height: 30, command: [binary, "label", dir, "--user", "sam"], in: scratch.path + "/right")
            defer { right.kill() }
            try right.waitFor(text: "twin-1 · draft")

            try left.sendKeys("s")
            try left.waitFor(text: "twin-1 submitted → Complete.")
            // The other window's next change cannot be saved: it says so and moves on.
            try right.sendKeys("2")
            let screen = try right.waitFor(text: "twin-2 · new")
            #expect(screen[28].hasPrefix("twin-1 was taken away (task twin-1 is in the Complete stage, not Label). Your answers are in "))
            for key in ["w", "n", "x", "s", "Escape"] { try right.sendKeys(key) }
            try right.sendKeys("q")
            #expect(try right.waitForExit() == 1)
            // The pane wraps the note at its width: join the rows back.
            let said = try right.history().joined()
            #expect(said.contains("termlabel: twin-1 was taken away while you worked on it (task twin-1 is in the Complete stage, not Label). Your answers are in \(dir)/recovery/termlabel-twin-1-"))
            let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/recovery")
            #expect(files.count == 1)
            let record = try JSONParser.parse(Array(try #require(FileManager.default.contents(atPath: dir + "/recovery/" + files[0]))))
            #expect(record.arrayValue?.first?["classifications"]?.arrayValue?.first?["answer"] == "Neutral")
            try left.quit()
        }

        @Test func aHangUpWhileTypingKeepsTheTextInTheDraft() throws {
            let scratch = try TemporaryDirectory()
            let dir = try Termlabel.makeProject(in: scratch, named: "type", ontology: try SmallOntology.write(in: scratch),
                                                records: [["externalId": "type-1", "data": "Type here."]])
            let tmux = try TmuxSession(width: 80, height: 24, command: [try Termlabel.binary(), "label", dir, "--user", "tia"],
                                       in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "type-1 · new")
            try tmux.sendKeys("b", "Enter")
            try tmux.waitFor(text: "Typing — Enter done")
            try tmux.sendText("half a sentence")
            try tmux.waitFor(text: "half a sentence")
            let pid = try tmux.pid()
            tmux.kill()
            let deadline = ContinuousClock.now + .seconds(5)
            while KillDraft.isRunning(pid), ContinuousClock.now < deadline { usleep(20_000) }
            let result = try Spawn.run(["sqlite3", "-readonly", dir + "/project.sqlite",
                                        "SELECT d.classifications FROM draft d JOIN task t ON t.id = d.task WHERE t.externalId = 'type-1'"],
                                       in: scratch.path)
            let draft = try JSONParser.parse(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(draft.arrayValue?.map { $0["answer"] } == ["half a sentence"])
        }
    }
}
