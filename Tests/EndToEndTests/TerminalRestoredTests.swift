import Foundation
import Testing

extension EndToEnd {
    /// Quitting gives the terminal back as it was: the normal screen, the cursor shown, no
    /// bracketed paste, mouse or focus reports left on. Checked while the pane still runs a shell
    /// after termlabel (tmux reports the cursor of any dead pane as hidden).
    @Suite struct TerminalRestored {
        @Test func quittingShowsTheCursorAndLeavesTheAlternateScreen() throws {
            let scratch = try TemporaryDirectory()
            let dir = try Termlabel.makeProject(in: scratch, named: "restore", ontology: try SmallOntology.write(in: scratch),
                                                records: [["externalId": "r-1", "data": "Some text."]])
            let tmux = try TmuxSession(width: 100, height: 30,
                                       command: ["/bin/sh", "-c", "\"$0\" \"$@\"; echo after-termlabel; sleep 20",
                                                 try Termlabel.binary(), "label", dir, "--user", "rae"],
                                       in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "r-1 · new")
            #expect(try tmux.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag}") == "1 0 1")
            try tmux.sendKeys("q")
            try tmux.waitFor(text: "after-termlabel")
            // alternate screen off, cursor shown, no mouse reporting.
            #expect(try tmux.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag}") == "0 1 0")
            #expect(try tmux.display("#{pane_dead}") == "0")
        }
    }
}
