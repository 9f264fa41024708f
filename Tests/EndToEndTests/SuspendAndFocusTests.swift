import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// Issue 4: leaving the terminal is idle from its first moment. Focus lost (the terminal's
    /// focus report) and Ctrl-Z (stopped by a real shell's job control, resumed with `fg`) are fed
    /// to the timer by the real binary; the export and the draft saved while stopped say so.
    @Suite struct SuspendAndFocus {
        /// The app reads whole milliseconds (truncated): up to four instants in one figure.
        static let truncation = 4

        @Test func focusLostAndCtrlZAreIdleAtOnceAndCtrlZSavesTheDraft() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try SmallOntology.write(in: scratch)
            // The default idle timeout (300 s): any idle time here comes from focus and Ctrl-Z.
            let dir = try Termlabel.makeProject(
                in: scratch, named: "away", ontology: ontology,
                records: [["externalId": "away-1", "data": "First task."], ["externalId": "away-2", "data": "Second task."]])
            // An interactive shell with job control, as a user has: the shell stops the app on
            // Ctrl-Z and `fg` continues it.
            let tmux = try TmuxSession(width: 80, height: 24, environment: ["PS1": "$ "],
                                       command: ["/bin/bash", "--norc", "--noprofile", "-i"], in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "$")
            try tmux.sendText("'\(try Termlabel.binary())' label '\(dir)' --user fay")
            try tmux.sendKeys("Enter")
            try tmux.waitFor(text: "away-1 · new")
            let clock = Stopwatch()

            let opened = try clock.bracket {
                try tmux.sendKeys("n")
                try tmux.waitFor(text: "away-2 · new")
            }
            try tmux.waitFor(absenceOf: "IDLE")
            try tmux.sendKeys("1")
            try tmux.waitFor(text: "(•) 1 Positive")

            // Focus lost: the bytes a terminal with focus reporting sends (CSI O). Idle at once.
            let focusLost = try clock.bracket {
                try tmux.sendKeys("-H", "1b", "5b", "4f")
                try tmux.waitFor("IDLE on the status line") { $0.last?.hasSuffix("│ IDLE") == true }
            }
            let frozen = try #require(ScreenText.timerSeconds(try tmux.statusLine()))
            clock.sleep(until: focusLost.after + 1500)
            // Focus regained (CSI I) is not input: still idle, the timer still frozen.
            try tmux.sendKeys("-H", "1b", "5b", "49")
            clock.sleep(until: focusLost.after + 2500)
            var status = try tmux.statusLine()
            #expect(status.hasSuffix("│ IDLE"), "focus regained without a key is still idle: \(status)")
            #expect(ScreenText.timerSeconds(status) == frozen, "the timer stays frozen while away: \(status)")

            let second = try clock.bracket {
                try tmux.sendKeys("2")
                try tmux.waitFor("the answer and the end of IDLE") { $0.contains { $0.contains("(•) 2 Neutral") } && !$0.last!.contains("IDLE") }
            }
            clock.sleep(until: second.after + 1000)

            // Ctrl-Z: the app saves, gives the terminal back, and the shell says it stopped.
            let suspended = try clock.bracket {
                try tmux.sendKeys("C-z")
                try tmux.waitFor(text: "Stopped")
            }
            // The shell gets its terminal back as it was: no mouse reports while the app is stopped.
            #expect(try tmux.display("#{mouse_any_flag}") == "0", "mouse reports off while stopped")
            let saved = try KillDraft.draftTime(dir, "away-2", in: scratch)
            let t = Self.truncation
            // Saved at the suspend instant z: idle = k2 − fl, active = (fl − o) + (z − k2).
            let savedIdle = (second.before - focusLost.after - t)...(second.after - focusLost.before + t)
            let savedActive = (focusLost.before - opened.after + suspended.before - second.after - t)...(focusLost.after - opened.before + suspended.after - second.before + t)
            #expect(savedIdle.contains(saved.idle), "draft idle \(saved.idle) ms when stopped, expected \(savedIdle)")
            #expect(savedActive.contains(saved.active), "draft active \(saved.active) ms when stopped, expected \(savedActive)")

            clock.sleep(until: suspended.after + 2000)
            try tmux.sendText("fg")
            try tmux.sendKeys("Enter")
            // Back on screen, the answer kept, idle until a key (resuming is not input).
            let back = try tmux.waitFor("the form again") { $0.contains { $0.contains("(•) 2 Neutral") } && $0.last?.hasSuffix("│ IDLE") == true }
            #expect(try tmux.display("#{mouse_any_flag}") == "1", "mouse reports on again after fg")
            // The timer shows what was saved when it stopped: frozen, not jumped by the time away.
            #expect(ScreenText.timerSeconds(back.last ?? "") == saved.active / 1000, "timer on return: \(back.last ?? ""); saved \(saved.active) ms")
            let third = try clock.bracket {
                try tmux.sendKeys("1")
                try tmux.waitFor("the answer and the end of IDLE") { $0.contains { $0.contains("(•) 1 Positive") } && !$0.last!.contains("IDLE") }
            }
            status = try tmux.statusLine()
            #expect(!status.contains("IDLE"))
            let submit = try clock.bracket {
                try tmux.sendKeys("s")
                try tmux.waitFor(text: "away-2 submitted → Complete.")
            }
            try tmux.sendKeys("q")
            try tmux.waitFor(text: "$ ")
            try tmux.sendText("exit $?")
            try tmux.sendKeys("Enter")
            #expect(try tmux.waitForExit() == 0, "termlabel's exit status after q")

            let export = try Termlabel.export(dir, in: scratch, options: ["--include-idle"])
            let task = try #require(try ExportReading.asset("away-2", in: export)["task"])
            let active = try #require(task["totalDuration"]?.intValue)
            let idle = try #require(task["idleDuration"]?.intValue)
            // idle = (k2 − fl) + (k3 − z); active = (fl − o) + (z − k2) + (s − k3).
            let idleRange = (second.before - focusLost.after + third.before - suspended.after - t)...(second.after - focusLost.before + third.after - suspended.before + t)
            let activeRange = (savedActive.lowerBound + submit.before - third.after)...(savedActive.upperBound + submit.after - third.before)
            let brackets = "open \(opened), focus lost \(focusLost), key 2 \(second), Ctrl-Z \(suspended), key 3 \(third), submit \(submit)"
            #expect(idleRange.contains(idle), "idleDuration \(idle) ms, expected \(idleRange) from \(brackets)")
            #expect(activeRange.contains(active), "totalDuration \(active) ms, expected \(activeRange) from \(brackets)")
            let classifications = try #require(task["classifications"]?.arrayValue)
            #expect(classifications.first?["answer"] == "Positive")
        }
    }
}
