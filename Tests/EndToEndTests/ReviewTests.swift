import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// Label by one user, then review by another: the keys the screen and `review --help` name.
    @Suite struct Review {
        @Test func reviewerFixesALabelersAnswerWithTheKeysTheHelpNames() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try SmallOntology.write(in: scratch)
            let dir = try Termlabel.makeProject(in: scratch, named: "rev", ontology: ontology,
                                                records: [["externalId": "rev-1", "data": "Review me."]], options: ["--review"])
            let binary = try Termlabel.binary()
            let tmux = try TmuxSession(width: 100, height: 30, command: [binary, "label", dir, "--user", "lena"], in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "rev-1 · new")
            try tmux.sendKeys("1", "s")
            try tmux.waitFor(text: "The queue is empty")
            try tmux.quit()

            try tmux.respawn(command: [binary, "review", dir, "--user", "max"])
            var screen = try tmux.waitFor(text: "Form · read-only (m edits)")
            #expect(screen[28] == "s accept · r reject · m edit · x skip · n/p next/prev · ? keys · q quit")
            try tmux.sendKeys("2")
            screen = try tmux.waitFor(text: "The labeler's answers are read-only")
            #expect(screen[28] == "The labeler's answers are read-only: press m to edit them, s to accept, r to reject.")

            try tmux.sendKeys("m")
            try tmux.waitFor(text: "Editing the labeler's answers: the review will be Fixed.")
            try tmux.sendKeys("2", "s")
            try tmux.waitFor(text: "No task waits for your review.")
            try tmux.quit()

            let export = try Termlabel.export(dir, in: scratch)
            let task = try #require(try ExportReading.asset("rev-1", in: export)["task"])
            #expect(ExportReading.stable(task["classifications"]?.arrayValue ?? [])
                == [ExportReading.answer("q-sentiment", "radio", "Sentiment", "Neutral")])
            let history = try #require(task["stageHistory"]?.arrayValue)
            #expect(history.map { $0["stage"] } == ["Start", "Label", "Review"])
            #expect(history.map { $0["completedBy"] } == [nil, "lena", "max"])
            #expect(history.last?["reviewStatus"] == "Fixed")
            #expect(ExportReading.stable(history[1]["classifications"]?.arrayValue ?? [])
                == [ExportReading.answer("q-sentiment", "radio", "Sentiment", "Positive")])

            // `termlabel review --help` names the keys this screen uses.
            let help = try Termlabel.run(["review", "--help"], in: scratch.path).stdout
                .replacingOccurrences(of: "\n", with: " ")
            #expect(help.contains("press m to edit them"), "\(help)")
            #expect(help.contains("s accepts"), "\(help)")
        }
    }
}
