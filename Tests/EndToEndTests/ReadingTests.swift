import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// Issue 12's text side, driven in tmux: the project's instructions (init --instructions,
    /// shown once, again on I) and a search inside a long text asset.
    @Suite struct Reading {
        static let instructions = """
            # Review sentiment

            Read the **whole** review before answering.

            1. Choose a sentiment.
            2. Say why in *Notes* when it is mixed.

            > Unsure? Ask in [the channel](https://chat.example.com/labels).
            """

        @Test func instructionsShowAtFirstOpenThenOnlyOnI() throws {
            let scratch = try TemporaryDirectory()
            let file = scratch.path + "/instructions.md"
            try Self.instructions.write(toFile: file, atomically: true, encoding: .utf8)
            let dir = try Termlabel.makeProject(in: scratch, named: "guided", ontology: try SmallOntology.write(in: scratch),
                                                records: [["externalId": "r-1", "data": "Great soup."], ["externalId": "r-2", "data": "Cold."]],
                                                options: ["--instructions", file])
            let binary = try Termlabel.binary()
            let tmux = try TmuxSession(width: 100, height: 30, command: [binary, "label", dir, "--user", "ann"], in: scratch.path)
            defer { tmux.kill() }
            var screen = try tmux.waitFor(text: "Esc closes")
            // The overlay's box starts two columns in, over the task list: its text from column 4.
            let top = try #require(screen.firstIndex { $0.contains("┌ Instructions · guided") })
            let box = screen[(top + 1)...].prefix { Array($0).count > 4 && Array($0)[2] == "│" }
                .map { String(Array($0)[4..<min(Array($0).count, 96)]).trimmingCharacters(in: .whitespaces) }
            #expect(Array(box.prefix(10)) == [
                "Review sentiment", "════════════════", "", "Read the whole review before answering.", "",
                "1. Choose a sentiment.", "2. Say why in Notes when it is mixed.", "",
                "│ Unsure? Ask in the channel (https://chat.example.com/labels).", "",
            ], "\(box)")
            // Keys under the overlay do nothing: 1 would answer.
            try tmux.sendKeys("1", "Escape")
            screen = try tmux.waitFor(absenceOf: "Instructions · guided")
            #expect(ScreenText.form(screen).prefix(2) == ["▸ Sentiment * [a] — required", "  › ( ) 1 Positive"], "\(ScreenText.form(screen))")
            try tmux.quit()

            // The second open goes straight to the task; I shows them again; q closes them.
            try tmux.respawn(command: [binary, "label", dir, "--user", "ann"])
            screen = try tmux.waitFor(text: "? keys · q quit")
            #expect(!screen.contains { $0.contains("Instructions ·") })
            try tmux.sendKeys("I")
            try tmux.waitFor(text: "Instructions · guided")
            try tmux.sendKeys("q")
            try tmux.waitFor(absenceOf: "Instructions · guided")
            try tmux.quit()

            let config = try Termlabel.run(["config", dir], in: scratch.path).stdout.components(separatedBy: "\n")
            #expect(config.contains("instructions: 8 lines of Markdown; read by ann"), "\(config)")
            // New instructions show again, once.
            try (Self.instructions + "\n\nNew: skip spam.").write(toFile: file, atomically: true, encoding: .utf8)
            try Termlabel.run(["config", dir, "--instructions", file], in: scratch.path)
            try tmux.respawn(command: [binary, "label", dir, "--user", "ann"])
            try tmux.waitFor(text: "New: skip spam.")
            try tmux.sendKeys("Escape")
            try tmux.waitFor(absenceOf: "Instructions · guided")
            try tmux.quit()
            try Termlabel.run(["config", dir, "--clear-instructions"], in: scratch.path)
            let cleared = try Termlabel.run(["config", dir], in: scratch.path).stdout.components(separatedBy: "\n")
            #expect(cleared.contains("instructions: none (termlabel config DIR --instructions FILE)"), "\(cleared)")
        }

        @Test func aSearchFindsAndHighlightsMatchesInALongAsset() throws {
            let scratch = try TemporaryDirectory()
            var lines = (1...100_000).map { "Line \($0): the parties agree to the terms." }
            lines[73_455] = "Line 73456: the penalty clause applies."
            lines[90_000] = "Line 90001: see the PENALTY clause above."
            let dir = try Termlabel.makeProject(in: scratch, named: "contract", ontology: try SmallOntology.write(in: scratch),
                                                records: [["externalId": "contract-1", "data": .string(lines.joined(separator: "\n"))]])
            let tmux = try TmuxSession(width: 100, height: 30, command: [try Termlabel.binary(), "label", dir, "--user", "ann"],
                                       in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "? keys · q quit", timeout: 60)
            try tmux.sendKeys("C-f")
            try tmux.waitFor(text: "Find:")
            try tmux.sendText("penalty clause")
            // Matches follow the query as it is typed: wait for the whole query's count.
            var screen = try tmux.waitFor("the whole query and its count", timeout: 20) { rows in
                rows.contains { $0.contains("Find: penalty clause") && $0.contains("match 1 of 2") }
            }
            #expect(screen.contains { ScreenText.rightPane($0).hasPrefix("│Line 73456: the penalty clause applies.") }, "\(TmuxSession.framed(screen))")
            // The current match is drawn reversed (SGR 7), whatever the colours.
            let coloured = try tmux.screenWithAttributes()
            let row = try #require(coloured.first { ScreenText.plain($0).contains("Line 73456") })
            let before = try #require(row.range(of: "penalty clause"))
            #expect(ScreenText.sgrParameters(String(row[..<before.lowerBound])).last?.contains("7") == true, "\(row.debugDescription)")
            // Enter keeps the query; n goes to the next match (case ignored: the query has no capital).
            try tmux.sendKeys("Enter", "n")
            screen = try tmux.waitFor(text: "match 2 of 2")
            #expect(screen.contains { ScreenText.rightPane($0).hasPrefix("│Line 90001: see the PENALTY clause above.") }, "\(TmuxSession.framed(screen))")
            try tmux.sendKeys("Escape")
            try tmux.waitFor(absenceOf: "Find:")
            try tmux.quit()
        }
    }
}
