import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// Asset text is data: escape sequences and control characters in it must be shown, never
    /// acted on by the terminal.
    @Suite struct EscapeSequences {
        static let hostile = "Start \u{1B}[31mRED\u{1B}[0m then \u{1B}]0;pwned\u{07} title \u{1B}[2J clear \u{08}bs \u{7F}del "
            + "\u{9B}csi tab\there bell\u{07} end"

        static let records: [JSONValue] = [
            ["externalId": "plain-1", "data": "A plain review.", "metadata": [:]],
            ["externalId": "esc-1", "data": .string(hostile), "metadata": ["note": "\u{1B}[41mmeta"]],
        ]

        @Test func controlCharactersAreShownAsSymbolsAndNeverReachTheTerminal() throws {
            let scratch = try TemporaryDirectory()
            let dir = try Termlabel.makeProject(in: scratch, records: Self.records)
            let tmux = try TmuxSession(width: 100, height: 30, command: [try Termlabel.binary(), "label", dir, "--user", "dana"],
                                       in: scratch.path)
            defer { tmux.kill() }
            // Whole frames: on a loaded machine a capture can catch one half drawn.
            let before = try tmux.waitFor("the first task's whole frame") { rows in
                rows.contains { $0.contains("plain-1 · new") } && rows.contains { $0.contains("▸ Sentiment") }
                    && rows.last?.contains("labeled") == true
            }
            // A title of our own, set after the first frame: an OSC sequence from the data would replace it.
            try tmux.tmux("select-pane", "-t", "e2e", "-T", "e2e-title")

            try tmux.sendKeys("n")
            let screen = try tmux.waitFor("the second task's whole frame") { rows in
                rows.contains { $0.contains("esc-1 · new") } && rows.contains { $0.contains("note: ␛[41mmeta") }
                    && rows.contains { $0.contains("▸ Sentiment") } && rows.last?.contains("labeled") == true
            }

            let asset = ScreenText.box("esc-1", in: screen)
            #expect(ScreenText.inside(asset) == [
                "Start ␛[31mRED␛[0m then ␛]0;pwned␇ title ␛[2J clear ␈bs ␡del �csi",
                "tab→here bell␇ end",
                "",
                "note: ␛[41mmeta",
                "", "", "", "", "",
            ])
            #expect(screen[2].contains("│· esc-1 Start ␛[31mRED␛[0m"), "queue row:\n\(TmuxSession.framed(screen))")

            #expect(try tmux.display("#{pane_title}") == "e2e-title")
            #expect(try tmux.display("#{window_bell_flag}") == "0", "a BEL from the data reached the terminal")

            // Not cleared: the rest of the frame is what it was (the form is the same for both
            // new tasks), and the queue and status line are still there.
            #expect(ScreenText.form(screen) == ScreenText.form(before))
            #expect(ScreenText.form(screen).first == "▸ Sentiment * [a] — required")
            #expect(screen[0].hasPrefix("┌ Tasks · all · 2 ─"))
            #expect(ScreenText.maskingTimer(screen[29])
                == ScreenText.statusLine("termlabel │ project │ Label │ dana", "0/2 labeled │ ⏱ M:SS", width: 100))

            // Colours: no red (foreground 31, background 41) anywhere above the form, where the
            // asset is; the form's own required marks are red by design.
            let coloured = try tmux.screenWithAttributes()
            let assetRows = try #require(screen.firstIndex { ScreenText.rightPane($0).hasPrefix("└") })
            for (i, row) in coloured.prefix(assetRows + 1).enumerated() {
                let parameters = ScreenText.sgrParameters(row)
                #expect(!parameters.contains { $0.contains("31") || $0.contains("41") }, "row \(i) has a red SGR: \(parameters)")
            }
            #expect(coloured.prefix(assetRows + 1).map(ScreenText.plain) == Array(screen.prefix(assetRows + 1)))

            try tmux.quit()
            #expect(try tmux.display("#{pane_title}") == "e2e-title")
        }

        /// The queue's preview of a task whose text holds a NUL stops at the NUL: the store writes
        /// the preview through a C string (`SQLiteProjectStore.preview(of:)` keeps the NUL; SQLite
        /// receives only what precedes it). The asset pane shows the whole text.
        @Test func nulInAssetTextIsShownInTheQueueAndTheAsset() throws {
            let scratch = try TemporaryDirectory()
            let dir = try Termlabel.makeProject(in: scratch, records: [
                ["externalId": "nul-1", "data": "before\u{0}after the NUL", "metadata": [:]],
            ])
            let tmux = try TmuxSession(width: 100, height: 30, command: [try Termlabel.binary(), "label", dir, "--user", "dana"],
                                       in: scratch.path)
            defer { tmux.kill() }
            let screen = try tmux.waitFor(text: "nul-1 · new")
            #expect(ScreenText.inside(ScreenText.box("nul-1", in: screen)).first == "before␀after the NUL")
            #expect(screen[1].hasPrefix("│· nul-1 before␀after the NUL"), "queue row: \(screen[1])")
            try tmux.quit()
        }
    }
}
