import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// Issue 4: time without input past the project's idle timeout is idle, not active.
    @Suite struct IdleTime {
        /// Milliseconds the app's clock may differ from the brackets: the app reads whole
        /// milliseconds (truncated), so each of the up to three instants in a difference can lose
        /// under 1 ms.
        static let truncation = 3

        @Test func idleTimeIsSplitFromActiveTimeAndTheTimerDoesNotJump() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try SmallOntology.write(in: scratch)
            let dir = try Termlabel.makeProject(
                in: scratch, named: "idle", ontology: ontology,
                records: [["externalId": "idle-1", "data": "First task."], ["externalId": "idle-2", "data": "Second task."]],
                options: ["--idle-timeout", "2"])
            let timeout = 2000
            let tmux = try TmuxSession(width: 80, height: 24, command: [try Termlabel.binary(), "label", dir, "--user", "erin"],
                                       in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "idle-1 · new")
            let clock = Stopwatch()

            // The timer of idle-2 starts when `n` opens it: a moment the test can bracket tightly
            // (the first task opens during start-up, which takes far longer to bracket).
            let opened = try clock.bracket {
                try tmux.sendKeys("n")
                try tmux.waitFor(text: "idle-2 · new")
            }
            let first = try clock.bracket {
                try tmux.sendKeys("1")
                try tmux.waitFor(text: "(•) 1 Positive")
            }

            // Idle once the timeout has passed without input, never before it.
            var screen = try tmux.waitFor(text: "IDLE", timeout: 5)
            let idleSeen = clock.now()
            #expect(idleSeen - first.before >= timeout, "IDLE shown \(idleSeen - first.before) ms after the key, before the \(timeout) ms timeout")
            // The active figure froze at (key − open) + timeout.
            let frozen = try #require(ScreenText.timerSeconds(screen.last ?? ""), "no timer: \(screen.last ?? "")")
            let frozenRange = (first.before - opened.after + timeout) / 1000...(first.after - opened.before + timeout) / 1000
            #expect(frozenRange.contains(frozen), "timer \(frozen) s while idle, expected \(frozenRange)")
            #expect(screen.last == ScreenText.statusLine("termlabel │ idle │ Label │ erin", "0/2 labeled │ ⏱ 0:0\(frozen) │ IDLE", width: 80))

            // The scenario's wall time: 5 s from the first key to the second.
            clock.sleep(until: first.before + 5000)
            screen = try tmux.screen()
            #expect(screen.last?.hasSuffix("│ IDLE") == true, "still idle: \(screen.last ?? "")")
            #expect(ScreenText.timerSeconds(screen.last ?? "") == frozen, "the timer stays frozen while idle: \(screen.last ?? "")")

            let second = try clock.bracket {
                try tmux.sendKeys("2")
                try tmux.waitFor("the answer and the end of IDLE") { $0.contains { $0.contains("(•) 2 Neutral") } && !$0.last!.contains("IDLE") }
            }
            // No jump on return: the timer resumes from the frozen figure (it may tick over once).
            let resumed = try #require(ScreenText.timerSeconds(try tmux.statusLine()))
            #expect(resumed == frozen || resumed == frozen + 1, "timer \(frozen) s while idle, \(resumed) s after the key")

            let submit = try clock.bracket {
                try tmux.sendKeys("s")
                try tmux.waitFor(text: "idle-2 submitted → Complete.")
            }
            try tmux.quit()

            let export = try Termlabel.export(dir, in: scratch, options: ["--include-idle"])
            let task = try #require(try ExportReading.asset("idle-2", in: export)["task"])
            let active = try #require(task["totalDuration"]?.intValue)
            let idle = try #require(task["idleDuration"]?.intValue)

            // Expected, with the app's instants o (open), k1, k2 (keys) and k3 (submit):
            //   idle   = k2 − (k1 + timeout)
            //   active = (k1 + timeout − o) + (k3 − k2)
            // Each instant lies in its bracket, so each figure lies between the sums of the
            // bracket ends that make it smallest and largest. The tolerance is the sum of the
            // brackets' widths (send-keys, the app's reaction, our polling), plus truncation.
            let t = Self.truncation
            let idleRange = (second.before - first.after - timeout - t)...(second.after - first.before - timeout + t)
            let activeLow = first.before - opened.after + timeout + submit.before - second.after - t
            let activeHigh = first.after - opened.before + timeout + submit.after - second.before + t
            let activeRange = activeLow...activeHigh
            let wallRange = (submit.before - opened.after - t)...(submit.after - opened.before + t)
            let brackets = "open \(opened), key 1 \(first), key 2 \(second), submit \(submit)"
            #expect(idleRange.contains(idle), "idleDuration \(idle) ms, expected \(idleRange) from \(brackets)")
            #expect(activeRange.contains(active), "totalDuration \(active) ms, expected \(activeRange) from \(brackets)")
            #expect(wallRange.contains(active + idle), "active + idle \(active + idle) ms, wall time \(wallRange) from \(brackets)")

            let history = try #require(task["stageHistory"]?.arrayValue)
            let label = try #require(history.first { $0["stage"] == "Label" })
            #expect(label["duration"]?.intValue == active)
            #expect(label["idleDuration"]?.intValue == idle)
        }
    }
}
