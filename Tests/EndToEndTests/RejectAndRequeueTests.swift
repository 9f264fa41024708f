import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// Two users and the review loop: label, reject with a comment, fix, accept; then requeue.
    @Suite struct RejectAndRequeue {
        static let comment = "Wrong sentiment — voir §2"
        static let positive = ExportReading.answer("q-sentiment", "radio", "Sentiment", "Positive")
        static let neutral = ExportReading.answer("q-sentiment", "radio", "Sentiment", "Neutral")

        @Test func aRejectedTaskGoesBackToItsLabelerWithTheCommentAndTheHistoryTellsTheStory() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try SmallOntology.write(in: scratch)
            let dir = try Termlabel.makeProject(in: scratch, named: "story", ontology: ontology,
                                                records: [["externalId": "story-1", "data": "The soup was cold."]], options: ["--review"])
            let binary = try Termlabel.binary()

            // lena labels: Positive.
            let tmux = try TmuxSession(width: 100, height: 30, command: [binary, "label", dir, "--user", "lena"], in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "story-1 · new")
            try tmux.sendKeys("1", "s")
            var screen = try tmux.waitFor(text: "The queue is empty")
            #expect(screen[28] == "The queue is empty: every task is taken or done.")
            try tmux.quit()

            // max reviews: sees Positive, read-only, and rejects with a comment.
            try tmux.respawn(command: [binary, "review", dir, "--user", "max"])
            screen = try tmux.waitFor(text: "Form · read-only (m edits)")
            #expect(screen[0].contains("┌ story-1 · "), "\(screen[0])")
            #expect(ScreenText.form(screen).prefix(3) == ["▸ Sentiment * [a]", "  › (•) 1 Positive", "    ( ) 2 Neutral"],
                    "\(ScreenText.form(screen))")
            try tmux.sendKeys("r")
            screen = try tmux.waitFor(text: "Reject — comment for the labeler:")
            #expect(screen[28] == "Reject — comment for the labeler:")
            try tmux.sendText(Self.comment)
            screen = try tmux.waitFor(text: Self.comment)
            #expect(screen[28].hasPrefix("Reject — comment for the labeler:") && screen[28].hasSuffix(" " + Self.comment), "\(screen[28])")
            // The typed text should start one blank after the colon. `PromptLine` already leaves
            // one column after its label, and LabelScreenView's labels end in a blank: two.
            #expect(screen[28] == "Reject — comment for the labeler: \(Self.comment)")
            try tmux.sendKeys("Enter")
            screen = try tmux.waitFor(text: "No task waits for your review.")
            #expect(screen[28] == "No task waits for your review.")
            try tmux.quit()

            // lena again: the same task reopens, with the comment on the message line and atop
            // the asset, in red; her answer is still there. She changes it to Neutral. (`swift test`
            // sets NO_COLOR=1, which the pane would inherit: unset here, to see the colour.)
            try tmux.respawn(environment: ["NO_COLOR": ""], command: [binary, "label", dir, "--user", "lena"])
            // The whole frame: on a loaded machine a capture can catch one half drawn.
            screen = try tmux.waitFor("the rejected task's whole frame") { rows in
                rows.contains { $0.contains("story-1 · rejected") } && rows.contains { $0.contains("( ) 2 Neutral") }
                    && rows.count > 28 && rows[28].hasPrefix("Sent back by review:") && rows.last?.contains("labeled") == true
            }
            #expect(screen[28] == "Sent back by review: \(Self.comment)")
            let asset = ScreenText.inside(ScreenText.box("story-1 · rejected", in: screen))
            #expect(asset.prefix(2) == ["Sent back by review: \(Self.comment)", "The soup was cold."], "\(asset)")
            let coloured = try tmux.screenWithAttributes()
            let commentRow = ScreenText.rightPane(coloured[1])
            let beforeComment = try #require(commentRow.range(of: "Sent back by review:"), "\(commentRow.debugDescription)")
            // tmux sets attributes, foreground and background in separate sequences: the last
            // foreground set before the text is its colour.
            let foreground = ScreenText.sgrParameters(String(commentRow[..<beforeComment.lowerBound])).joined()
                .last { Int($0).map { (30...39).contains($0) } ?? false }
            #expect(foreground == "31", "the comment atop the asset is not red: \(commentRow.debugDescription)")
            #expect(ScreenText.form(screen).prefix(3) == ["▸ Sentiment * [a]", "  › (•) 1 Positive", "    ( ) 2 Neutral"],
                    "\(ScreenText.form(screen))")
            try tmux.sendKeys("2")
            try tmux.waitFor(text: "(•) 2 Neutral")
            try tmux.sendKeys("s")
            screen = try tmux.waitFor(text: "The queue is empty")
            #expect(screen[28] == "The queue is empty: every task is taken or done.")
            try tmux.quit()

            // max again: sees Neutral, the cursor on it, and accepts.
            try tmux.respawn(command: [binary, "review", dir, "--user", "max"])
            screen = try tmux.waitFor(text: "Form · read-only (m edits)")
            #expect(ScreenText.form(screen).prefix(3) == ["▸ Sentiment * [a]", "    ( ) 1 Positive", "  › (•) 2 Neutral"],
                    "\(ScreenText.form(screen))")
            try tmux.sendKeys("s")
            screen = try tmux.waitFor(text: "No task waits for your review.")
            #expect(screen[28] == "No task waits for your review.")
            try tmux.quit()

            // The export tells that story.
            let export = try Termlabel.export(dir, in: scratch)
            #expect(export.count == 1)
            let task = try #require(try ExportReading.asset("story-1", in: export)["task"])
            #expect(task["stage"] == "Complete")
            #expect(task["reviewComment"] == nil)
            #expect(ExportReading.stable(task["classifications"]?.arrayValue ?? []) == [Self.neutral])
            let history = try #require(task["stageHistory"]?.arrayValue)
            #expect(history.map { $0["stage"] } == ["Start", "Label", "Review", "Label", "Review"])
            #expect(history.map { $0["completedBy"] } == [nil, "lena", "max", "lena", "max"])
            #expect(history.map { $0["reviewStatus"] } == [nil, nil, "Rejected", nil, "Accepted"])
            #expect(history.map { $0["comment"] } == [nil, nil, .string(Self.comment), nil, nil])
            #expect(history.map { ExportReading.stable($0["classifications"]?.arrayValue ?? []) }
                == [[], [Self.positive], [Self.positive], [Self.neutral], [Self.neutral]])
            let durations = history.map { $0["duration"]?.intValue }
            #expect(!durations.contains(nil), "\(durations)")
            #expect(task["totalDuration"]?.intValue == durations.compactMap { $0 }.reduce(0, +), "\(durations)")
            let times = history.map { $0["completedAt"]?.stringValue.flatMap(Timestamp.init(iso8601:)) }
            #expect(!times.contains(nil), "\(history.map { $0["completedAt"] })")
            let instants = times.compactMap { $0 }
            #expect(zip(instants, instants.dropFirst()).allSatisfy { $0 <= $1 }, "\(instants)")

            // And so does `stats --json`.
            let stats = try JSONParser.parse(Array(try Termlabel.run(["stats", dir, "--json"], in: scratch.path).stdout.utf8))
            let annotators = try #require(stats["annotators"]?.arrayValue)
            let lena = try #require(annotators.first { $0["user"] == "lena" }, "\(annotators)")
            let max = try #require(annotators.first { $0["user"] == "max" }, "\(annotators)")
            #expect(lena["labeled"] == 2)
            #expect(lena["reviewsReceived"] == 2)
            #expect(lena["accepted"] == 1)
            #expect(lena["rejected"] == 1)
            #expect(lena["fixed"] == 0)
            #expect(lena["reviewed"] == 0)
            #expect(max["reviewed"] == 2)
            #expect(max["labeled"] == 0)
            #expect(max["reviewsReceived"] == 0)
        }

        @Test func requeueFromTheCommandLineClearsTheAnswersAndServesTheTaskAgain() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try SmallOntology.write(in: scratch)
            let dir = try Termlabel.makeProject(in: scratch, named: "req", ontology: ontology, records: [
                ["externalId": "req-1", "data": "First."], ["externalId": "req-2", "data": "Second."],
            ])
            let binary = try Termlabel.binary()

            let tmux = try TmuxSession(width: 100, height: 30, command: [binary, "label", dir, "--user", "lena"], in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "req-1 · new")
            try tmux.sendKeys("1", "s")
            try tmux.waitFor(text: "req-2 · new")
            try tmux.sendKeys("1", "s")
            try tmux.waitFor(text: "The queue is empty")
            try tmux.quit()
            #expect(try Termlabel.export(dir, in: scratch).count == 2)

            let requeue = try Termlabel.run(["requeue", dir, "--external-id", "req-1", "--to", "Label", "--remove-answers", "--force"], in: scratch.path)
            #expect(requeue.stdout == "Requeued 1 task to Label.\n")

            // In Label, without answers; its history stays (a requeue adds no entry).
            let waiting = try Termlabel.export(dir, in: scratch, options: ["--stage", "Label"])
            #expect(waiting.compactMap { $0["externalId"]?.stringValue } == ["req-1"])
            var task = try #require(try ExportReading.asset("req-1", in: waiting)["task"])
            #expect(task["stage"] == "Label")
            #expect(task["classifications"] == [])
            #expect(task["stageHistory"]?.arrayValue?.map { $0["stage"] } == ["Start", "Label"])
            #expect(try Termlabel.export(dir, in: scratch).compactMap { $0["externalId"]?.stringValue } == ["req-2"])

            // Another labeler is served it, blank, and labels it.
            try tmux.respawn(command: [binary, "label", dir, "--user", "ola"])
            let screen = try tmux.waitFor(text: "req-1 · new")
            #expect(ScreenText.form(screen).prefix(3) == ["▸ Sentiment * [a] — required", "  › ( ) 1 Positive", "    ( ) 2 Neutral"],
                    "\(ScreenText.form(screen))")
            try tmux.sendKeys("2", "s")
            try tmux.waitFor(text: "The queue is empty")
            try tmux.quit()
            let done = try Termlabel.export(dir, in: scratch)
            #expect(done.compactMap { $0["externalId"]?.stringValue } == ["req-1", "req-2"])
            task = try #require(try ExportReading.asset("req-1", in: done)["task"])
            #expect(ExportReading.stable(task["classifications"]?.arrayValue ?? []) == [Self.neutral])
            let history = try #require(task["stageHistory"]?.arrayValue)
            #expect(history.map { $0["stage"] } == ["Start", "Label", "Label"])
            #expect(history.map { $0["completedBy"] } == [nil, "lena", "ola"])

            // No such task: exit status 1, and the reason on standard error, not a success line.
            let missing = try Spawn.run([binary, "requeue", dir, "--external-id", "nope", "--to", "Label"], in: scratch.path)
            #expect(missing.status == 1, "stdout: \(missing.stdout) stderr: \(missing.stderr)")
            #expect(missing.stdout == "")
            #expect(missing.stderr == """
                error: no task matches the selection; nothing was requeued
                    check the taskId, externalId, stage or user (termlabel export DIR --stage NAME lists tasks)

                """)
        }
    }
}
