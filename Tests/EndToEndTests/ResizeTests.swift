import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// The terminal changing size under an open form.
    @Suite struct Resize {
        static let records: [JSONValue] = [
            ["externalId": "resize-1", "data": "The blender is loud but it crushes ice in seconds.", "metadata": ["stars": 4]],
            ["externalId": "resize-2", "data": "Second task, never opened.", "metadata": [:]],
        ]

        /// Every row of a frame of ASCII data is exactly `width` characters, boxes closed at the
        /// right edge; the status line is the last row.
        static func expectFits(_ screen: [String], width: Int, height: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            #expect(screen.count == height, "rows:\n\(TmuxSession.framed(screen))", sourceLocation: sourceLocation)
            for (i, row) in screen.prefix(height - 2).enumerated() {
                #expect(row.count == width, "row \(i) has \(row.count) columns, not \(width):\n\(TmuxSession.framed(screen))",
                        sourceLocation: sourceLocation)
            }
            #expect(screen.first?.hasPrefix("┌ Tasks · all · 2 ─") == true, sourceLocation: sourceLocation)
            #expect(screen.first?.hasSuffix("┐") == true, sourceLocation: sourceLocation)
            #expect(screen.dropLast(2).last?.hasSuffix("┘") == true, sourceLocation: sourceLocation)
            #expect(ScreenText.maskingTimer(screen.last ?? "")
                == ScreenText.statusLine("termlabel │ project │ Label │ carol", "0/2 labeled │ ⏱ M:SS", width: width),
                sourceLocation: sourceLocation)
        }

        @Test func formSurvivesResizingAndTooSmallTerminal() throws {
            let scratch = try TemporaryDirectory()
            let dir = try Termlabel.makeProject(in: scratch, records: Self.records)
            let tmux = try TmuxSession(width: 80, height: 24, command: [try Termlabel.binary(), "label", dir, "--user", "carol"],
                                       in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "resize-1 · new")

            try tmux.sendKeys("1", "b", "2", "c", "Enter")
            try tmux.waitFor(text: "Language (Space or Enter chooses, Esc closes)")
            try tmux.sendText("fre")
            try tmux.waitFor(text: "› ( ) French")
            try tmux.sendKeys("Enter")
            try tmux.waitFor(text: "▾ French")

            try tmux.resize(width: 60, height: 18)
            var screen = try tmux.waitFor("a 60x18 frame") { $0.count == 18 && $0[0].count == 60 && $0[17].contains("labeled") }
            Self.expectFits(screen, width: 60, height: 18)
            #expect(screen.contains { $0.contains("▾ French") }, "\(TmuxSession.framed(screen))")

            try tmux.resize(width: 200, height: 60)
            screen = try tmux.waitFor("a 200x60 frame") { $0.count == 60 && $0[0].count == 200 && $0[59].contains("labeled") }
            Self.expectFits(screen, width: 200, height: 60)
            // Side by side with the asset, the form has the full height: every answer so far is on screen.
            #expect(ScreenText.form(screen) == [
                "  Sentiment * [a]",
                "    (•) 1 Positive",
                "    ( ) 2 Neutral",
                "    ( ) 3 Negative",
                "    ( ) 4 Mixed",
                "    Confidence",
                "      ( ) 1 Sure",
                "      ( ) 2 Unsure",
                "  Topics [b]",
                "    [ ] 1 Battery",
                "    [x] 2 Screen",
                "    [ ] 3 Price",
                "    [ ] 4 Design",
                "    [ ] 5 Performance",
                "    [ ] 6 Customer service",
                "▸ Language * [c]",
                "  › ▾ French",
                "  Brands mentioned [d]",
                "    ▾ (none — Enter to choose)",
                "  Product category [e]",
                "    ▾ (none — Enter to choose)",
                "  Order number [f]",
                "    (empty — Enter to type)",
                "  Aspects by importance [g]",
                "    1. Price",
                "    2. Quality",
                "    3. Delivery",
                "    4. Support",
                "    (not ranked yet — [/] move, Enter keeps this order)",
                "  Notes [h]",
                "    (empty — Enter to type)",
            ] + Array(repeating: "", count: 25))

            try tmux.resize(width: 80, height: 24)
            screen = try tmux.waitFor("an 80x24 frame") { $0.count == 24 && $0[0].count == 80 && $0[23].contains("labeled") }
            Self.expectFits(screen, width: 80, height: 24)

            try tmux.resize(width: 40, height: 10)
            screen = try tmux.waitFor(text: "Terminal too small: 40x10.")
            #expect(screen == [
                "", "", "", "",
                "       Terminal too small: 40x10.",
                "     termlabel needs 60x14 or more.",
                "Enlarge the window; q quits (your draft…",
                "", "", "",
            ].map { $0 })
            #expect(try tmux.exitStatus() == nil, "termlabel is still running")

            try tmux.resize(width: 80, height: 24)
            screen = try tmux.waitFor("the form back at 80x24") { $0.count == 24 && $0[23].contains("labeled") }
            Self.expectFits(screen, width: 80, height: 24)
            try tmux.sendKeys("a")
            screen = try tmux.waitFor(text: "▸ Sentiment * [a]")
            #expect(Array(ScreenText.form(screen).prefix(3)) == ["▸ Sentiment * [a]", "  › (•) 1 Positive", "    ( ) 2 Neutral"])

            try tmux.sendKeys("s")
            screen = try tmux.waitFor(text: "1/2 labeled")
            #expect(screen[22] == "resize-1 submitted → Complete.")
            try tmux.quit()

            let export = try Termlabel.export(dir, in: scratch)
            #expect(export.count == 1)
            let task = try #require(try ExportReading.asset("resize-1", in: export)["task"])
            typealias A = ExportReading
            #expect(A.stable(task["classifications"]?.arrayValue ?? []) == [
                A.answer("q-sentiment", "radio", "Sentiment", "Positive"),
                A.answer("q-topics", "checkbox", "Topics", ["Screen"]),
                A.answer("q-language", "single-dropdown", "Language", "French"),
            ])
        }
    }
}
