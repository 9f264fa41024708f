import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// Issue 13's issues and hold, with the real binary: a reviewer opens an issue on a question
    /// with an error code and sends the task back; the labeler sees it, cannot submit, resolves it
    /// and submits; a task put on hold is never served nor submitted until a manager forwards it.
    /// `termlabel issues` and the export show both the issue and its resolution.
    @Suite struct IssuesAndHold {
        static let codes = #"[{"category": "Classification", "name": "Wrong class", "key": "WRONG"}, {"name": "Missed", "key": "MISS"}]"#

        @Test func anIssueGoesBackToTheLabelerWhoResolvesItAndAHeldTaskWaitsForItsManager() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try SmallOntology.write(in: scratch)
            try Self.codes.write(toFile: scratch.path + "/codes.json", atomically: true, encoding: .utf8)
            let dir = try Termlabel.makeProject(
                in: scratch, named: "quality", ontology: ontology,
                records: [["externalId": "issue-1", "data": "The soup was cold."], ["externalId": "hold-1", "data": "[image missing]"]],
                options: ["--review", "--error-codes", scratch.path + "/codes.json"])
            let binary = try Termlabel.binary()

            // lena labels issue-1 Positive, then puts hold-1 on hold with a reason.
            let tmux = try TmuxSession(width: 100, height: 30, command: [binary, "label", dir, "--user", "lena"], in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "issue-1 · new")
            try tmux.sendKeys("1", "s")
            try tmux.waitFor(text: "hold-1 · new")
            try tmux.sendKeys("1", "H")
            var screen = try tmux.waitFor(text: "Hold — why")
            #expect(screen[28] == "Hold — why (a manager forwards it):")
            try tmux.sendText("the picture is missing")
            try tmux.sendKeys("Enter")
            screen = try tmux.waitFor(text: "Form · on hold: the picture is missing")
            #expect(screen[28] == "hold-1 is on hold: edit and save it; a manager forwards it with termlabel requeue.")
            try tmux.sendKeys("s")
            screen = try tmux.waitFor(text: "not submitted")
            #expect(screen[28] == "On hold (the picture is missing): saved but not submitted until a manager forwards it.")
            try tmux.quit()

            // max reviews issue-1: an issue on Sentiment with the WRONG code, then r sends it back.
            try tmux.respawn(command: [binary, "review", dir, "--user", "max"])
            try tmux.waitFor(text: "Form · read-only (m edits)")
            try tmux.sendKeys("!")
            screen = try tmux.waitFor(text: "Issue on “Sentiment”")
            #expect(screen[28] == "Issue on “Sentiment” [no code · Tab changes]:")
            try tmux.sendKeys("Tab")
            try tmux.waitFor(text: "[WRONG Wrong class (Classification) · Tab changes]:")
            try tmux.sendText("It reads negative, @lena")
            try tmux.sendKeys("Enter")
            screen = try tmux.waitFor(text: "Issue #1 opened")
            #expect(screen[28] == "Issue #1 opened on “Sentiment”. r sends the task back to the labeler with it.")
            #expect(ScreenText.form(screen).prefix(4) == ["▸ Sentiment * [a]", "  › (•) 1 Positive", "    ( ) 2 Neutral",
                                                          "  ⚑ #1 WRONG max: It reads negative, @lena"], "\(ScreenText.form(screen))")
            try tmux.sendKeys("r")
            screen = try tmux.waitFor(text: "Reject with the 1 open issue")
            try tmux.sendKeys("Enter")
            screen = try tmux.waitFor(text: "No task waits for your review.")
            try tmux.quit()

            // lena: issue-1 comes back with the issue under its question; she cannot submit until
            // she resolves it; hold-1 is never served.
            try tmux.respawn(command: [binary, "label", dir, "--user", "lena"])
            screen = try tmux.waitFor("the rejected task's whole frame") { rows in
                rows.contains { $0.contains("issue-1 · rejected") } && rows.contains { $0.contains("⚑ #1 WRONG max") }
                    && rows.count > 28 && rows[28].hasPrefix("Sent back by review") && rows.last?.contains("labeled") == true
            }
            #expect(screen[28] == "Sent back by review: 1 open issue, shown under its question")
            try tmux.sendKeys("s")
            screen = try tmux.waitFor(text: "Cannot submit")
            #expect(screen[28] == "Cannot submit: 1 open issue (#1 first); R resolves it once fixed.")
            try tmux.sendKeys("2", "R")
            screen = try tmux.waitFor(text: "Resolve #1")
            try tmux.sendText("Neutral it is")
            try tmux.sendKeys("Enter")
            screen = try tmux.waitFor(text: "Issue #1 resolved.")
            try tmux.sendKeys("s")
            screen = try tmux.waitFor(text: "The queue is empty")
            try tmux.quit()

            // termlabel issues: the issue and its answer, and the task on hold.
            let listed = try Termlabel.run(["issues", dir, "--all"], in: scratch.path).stdout
            let lines = listed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines[0] == "1 issue, 0 open, on 1 task:")
            #expect(lines[1] == "#1  issue-1  “Sentiment”  [WRONG Wrong class (Classification)]  resolved")
            #expect(lines[2].hasPrefix("    max, ") && lines[2].hasSuffix(" UTC, in Review: It reads negative, @lena"), "\(lines[2])")
            #expect(lines[3].hasPrefix("    resolved by lena, ") && lines[3].hasSuffix(" UTC: Neutral it is"), "\(lines[3])")
            #expect(lines[5] == "1 task on hold (`termlabel requeue DIR --external-id ID --to STAGE` forwards one):")
            #expect(lines[6].hasPrefix("hold-1  held by lena, ") && lines[6].hasSuffix(" UTC: the picture is missing"), "\(lines[6])")

            // The manager forwards hold-1: lena gets it back with her answer and submits it.
            let forwarded = try Termlabel.run(["requeue", dir, "--external-id", "hold-1", "--to", "Label"], in: scratch.path)
            #expect(forwarded.stdout == "Requeued 1 task to Label.\n")
            try tmux.respawn(command: [binary, "label", dir, "--user", "lena"])
            screen = try tmux.waitFor(text: "hold-1 · draft")
            #expect(ScreenText.form(screen).prefix(2) == ["▸ Sentiment * [a]", "  › (•) 1 Positive"], "\(ScreenText.form(screen))")
            try tmux.sendKeys("s")
            try tmux.waitFor(text: "The queue is empty")
            try tmux.quit()

            // The export: the issue, opened and resolved, with the review that sent the task back.
            let export = try Termlabel.export(dir, in: scratch, options: ["--stage", "Review"])
            let task = try #require(try ExportReading.asset("issue-1", in: export)["task"])
            let issues = try #require(task["issues"]?.arrayValue)
            #expect(issues.count == 1)
            #expect(issues[0]["content"] == "It reads negative, @lena")
            #expect(issues[0]["schemaId"] == "q-sentiment")
            #expect(issues[0]["errorCode"] == ["category": "Classification", "name": "Wrong class", "key": "WRONG"])
            #expect(issues[0]["mentions"] == ["lena"])
            #expect(issues[0]["status"] == "Resolved")
            #expect(issues[0]["createdBy"] == "max")
            #expect(issues[0]["resolvedBy"] == "lena")
            #expect(issues[0]["resolution"] == "Neutral it is")
            // stats: lena received the issue and resolved it.
            let stats = try JSONParser.parse(Array(try Termlabel.run(["stats", dir, "--json"], in: scratch.path).stdout.utf8))
            let lena = try #require(stats["annotators"]?.arrayValue?.first { $0["user"] == "lena" })
            #expect(lena["quality"]?["issuesReceived"] == 1)
            #expect(lena["quality"]?["issuesReceivedResolved"] == 1)
            #expect(lena["quality"]?["issuesResolved"] == 1)
            let history = try #require(task["stageHistory"]?.arrayValue)
            #expect(history.map { $0["stage"] } == ["Start", "Label", "Review", "Label"])
            #expect(history.map { $0["reviewStatus"] } == [nil, nil, "Rejected", nil])
        }
    }
}
