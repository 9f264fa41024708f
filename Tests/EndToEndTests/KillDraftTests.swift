import Foundation
import LabelCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension EndToEnd {
    /// kill -9 loses at most one autosave interval of time, and none of the answers.
    @Suite struct KillDraft {
        /// `LabelSession.autosaveInterval`: the time of an open task is saved this often.
        static let autosave = 5000
        /// `CursesTerminal`'s tick: autosave is checked on ticks, which come at most this long
        /// after the interval is due (our keys come a second apart, so ticks are never starved).
        static let tick = 250
        /// What the app itself may take between a due tick and the saved row: one SQLite write
        /// in WAL mode and a redraw, well under this on two busy cores.
        static let processing = 50
        /// The app reads whole milliseconds: two truncated instants in a difference.
        static let truncation = 2

        /// The draft's saved time (active, idle) for a task, read from the project database.
        static func draftTime(_ dir: String, _ externalId: String, in scratch: TemporaryDirectory,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (active: Int, idle: Int) {
            guard Spawn.which("sqlite3") != nil else {
                Issue.record("sqlite3 is not installed; run scripts/install-system-packages or apt-get install sqlite3",
                             sourceLocation: sourceLocation)
                throw SpawnError(description: "sqlite3 missing")
            }
            let sql = "SELECT d.active, d.idle FROM draft d JOIN task t ON t.id = d.task WHERE t.externalId = '\(externalId)'"
            let result = try Spawn.run(["sqlite3", "-readonly", dir + "/project.sqlite", sql], in: scratch.path)
            let fields = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").compactMap { Int($0) }
            guard result.status == 0, fields.count == 2 else {
                Issue.record("no draft row for \(externalId): \(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
                throw SpawnError(description: "no draft")
            }
            return (fields[0], fields[1])
        }

        /// Whether a process exists and is not a zombie (which `kill(pid, 0)` would still find).
        static func isRunning(_ pid: pid_t) -> Bool {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let state = stat[stat.index(after: close)...].split(separator: " ").first
            return state != "Z" && state != "X"
        }

        @Test func killedSessionKeepsTheDraftAndItsTime() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try SmallOntology.write(in: scratch)
            let dir = try Termlabel.makeProject(
                in: scratch, named: "kill", ontology: ontology,
                records: [["externalId": "kill-1", "data": "Kill me."], ["externalId": "kill-2", "data": "Never opened."]])
            let command = [try Termlabel.binary(), "label", dir, "--user", "finn"]
            let clock = Stopwatch()
            let tmux = try TmuxSession(width: 80, height: 24, command: command, in: scratch.path)
            defer { tmux.kill() }
            // kill-1 opens during start-up: its timer started after the stopwatch and before
            // the first frame was seen.
            try tmux.waitFor(text: "kill-1 · new")
            let firstFrame = clock.now()

            try tmux.sendKeys("1")
            try tmux.waitFor(text: "(•) 1 Positive")
            try tmux.sendKeys("b", "Enter")
            try tmux.sendText("kept")
            try tmux.sendKeys("Enter")
            try tmux.waitFor(text: "“kept”")

            // Input that changes no answer, once a second: activity, but only the autosave
            // writes the time.
            let keepOpenUntil = clock.now() + 7000
            var up = true
            while clock.now() < keepOpenUntil {
                clock.sleep(until: min(keepOpenUntil, clock.now() + 1000))
                try tmux.sendKeys(up ? "Up" : "Down")
                up.toggle()
            }

            let pid = try tmux.pid()
            let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "?"
            #expect(comm.trimmingCharacters(in: .whitespacesAndNewlines) == "termlabel", "pid \(pid) is \(comm)")
            let killedAt = clock.now()
            #expect(Glibc.kill(pid, SIGKILL) == 0)
            #expect(try tmux.waitForExit() == 128 + SIGKILL)

            let saved = try Self.draftTime(dir, "kill-1", in: scratch)
            // The last save was at most one autosave interval (plus a tick and the write) before
            // the kill; the timer started no later than the first frame and no earlier than launch.
            let lowest = killedAt - firstFrame - Self.autosave - Self.tick - Self.processing - Self.truncation
            #expect(saved.active >= lowest, "saved \(saved.active) ms; killed \(killedAt) ms after launch, first frame at \(firstFrame) ms")
            #expect(saved.active <= killedAt + Self.truncation, "saved \(saved.active) ms, more than the \(killedAt) ms it ran")
            #expect(saved.idle == 0)

            // Reopen as the same user: the same task, its answers, and the timer going on from the saved time.
            let relaunched = clock.now()
            try tmux.respawn(command: command)
            // The whole reopened frame: a capture can catch a frame half drawn on a loaded machine.
            var screen = try tmux.waitFor("the reopened task with its answers and timer") { rows in
                rows.contains { $0.contains("kill-1 · draft") } && rows.contains { $0.contains("(•) 1 Positive") }
                    && rows.contains { $0.contains("“kept”") } && ScreenText.timerSeconds(rows.last ?? "") != nil
            }
            let reopened = clock.now()
            #expect(screen.contains { $0.contains("(•) 1 Positive") }, "\(TmuxSession.framed(screen))")
            #expect(screen.contains { $0.contains("“kept”") }, "\(TmuxSession.framed(screen))")
            let shown = try #require(ScreenText.timerSeconds(screen.last ?? ""), "no timer: \(screen.last ?? "")")
            let shownRange = saved.active / 1000...(saved.active + reopened - relaunched + Self.truncation) / 1000
            #expect(shownRange.contains(shown), "timer shows \(shown) s on reopening; saved \(saved.active) ms")
            screen = try tmux.waitFor("the timer to go on", timeout: 3) { (ScreenText.timerSeconds($0.last ?? "") ?? 0) > shown }

            let quitting = clock.now()
            try tmux.quit()
            let quit = clock.now()
            let resaved = try Self.draftTime(dir, "kill-1", in: scratch)
            let t = Self.truncation
            let resavedRange = (saved.active + quitting - reopened - t)...(saved.active + quit - relaunched + t)
            #expect(resavedRange.contains(resaved.active), "draft \(resaved.active) ms after quitting; saved before \(saved.active) ms")

            // The export of the Label stage writes the draft's answers; its time is not a stage's
            // duration yet, so totalDuration stays 0 until a submit.
            let export = try Termlabel.export(dir, in: scratch, options: ["--stage", "Label", "--include-idle"])
            #expect(export.count == 2)
            let task = try #require(try ExportReading.asset("kill-1", in: export)["task"])
            typealias A = ExportReading
            #expect(A.stable(task["classifications"]?.arrayValue ?? []) == [
                A.answer("q-sentiment", "radio", "Sentiment", "Positive"),
                A.answer("q-notes", "text", "Notes", "kept"),
            ])
            #expect(task["totalDuration"] == 0)
            #expect(task["idleDuration"] == 0)
            #expect(task["stageHistory"]?.arrayValue?.map { $0["stage"] } == ["Start"])
            #expect(task["updatedBy"] == "finn")
            let untouched = try #require(try ExportReading.asset("kill-2", in: export)["task"])
            #expect(untouched["classifications"] == [])
        }

        /// A dropped terminal (tmux gone: SIGHUP and end of input) saves the draft and its time
        /// up to that moment, not only what the last autosave had.
        @Test func hangUpSavesTheDraftWithItsTime() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try SmallOntology.write(in: scratch)
            let dir = try Termlabel.makeProject(in: scratch, named: "hup", ontology: ontology,
                                                records: [["externalId": "hup-1", "data": "Hang up on me."]])
            let clock = Stopwatch()
            let tmux = try TmuxSession(width: 80, height: 24, command: [try Termlabel.binary(), "label", dir, "--user", "gus"],
                                       in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "hup-1 · new")
            let firstFrame = clock.now()
            try tmux.sendKeys("1")
            try tmux.waitFor(text: "(•) 1 Positive")
            let pid = try tmux.pid()

            // Long enough that a draft saved only by the answer (at once) or the autosave (after
            // 5 s) would be visibly short.
            clock.sleep(until: 2000)
            let hungUp = clock.now()
            tmux.kill()
            let deadline = hungUp + 5000
            while Self.isRunning(pid), clock.now() < deadline { usleep(20_000) }
            let gone = clock.now()
            #expect(!Self.isRunning(pid), "termlabel (pid \(pid)) still runs 5 s after its terminal went away")

            let saved = try Self.draftTime(dir, "hup-1", in: scratch)
            let t = Self.truncation
            #expect(((hungUp - firstFrame - t)...(gone + t)).contains(saved.active),
                    "draft \(saved.active) ms; hung up \(hungUp) ms after launch (first frame \(firstFrame) ms), gone at \(gone) ms")
        }
    }
}
