import Foundation
import LabelCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension EndToEnd {
    /// The crash test: scripted labeling of the real binary, killed with SIGKILL at random
    /// moments, many of them just after a burst of keys. After every kill: each submit the screen
    /// confirmed is in the store with its answer, `PRAGMA integrity_check` says ok, and the draft
    /// is what the screen showed; on relaunch the screen shows the draft the store kept.
    ///
    /// `swift test` runs the short form (10 kills). The long form:
    /// `TERMLABEL_CRASH_KILLS=200 swift test --filter Crash`; `TERMLABEL_CRASH_SEED=N` replays a
    /// run's choices of keys and moments (see docs/testing.md).
    @Suite struct Crash {
        static let kills = ProcessInfo.processInfo.environment["TERMLABEL_CRASH_KILLS"].flatMap { Int($0) } ?? 10
        static let seed = ProcessInfo.processInfo.environment["TERMLABEL_CRASH_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 1...999_999)
        /// A kill this soon after a burst of keys lands while they are being handled.
        static let burstWindow = 40
        /// Keys of a burst: answers, moves, submit, save; never a key that types text or quits, nor
        /// `u`, which may take back the last submit (a user's choice, not a loss).
        static let burstKeys = ["1", "2", "1", "2", "s", "Up", "Down", "Tab", "BTab", "w"]
        static let values = ["Positive", "Neutral"]

        enum KillMoment { case afterBurst, quiet, startUp }

        /// termlabel's pid once the pane's shell has started it (the shell's child, by its name).
        static func termlabelPid(in tmux: TmuxSession) throws -> pid_t {
            let deadline = ContinuousClock.now + .seconds(TmuxSession.defaultTimeout)
            while ContinuousClock.now < deadline {
                if let pid = try? tmux.pid(),
                   let name = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8),
                   name.trimmingCharacters(in: .whitespacesAndNewlines) == "termlabel" { return pid }
                usleep(2000)
            }
            throw SpawnError(description: "termlabel did not start in the pane")
        }

        @Test func killedAtRandomMomentsLosesNothingConfirmed() throws {
            #expect(Self.kills >= 1, "TERMLABEL_CRASH_KILLS must be at least 1")
            var random = SeededRandom(seed: Self.seed)
            let scratch = try TemporaryDirectory()
            let ontology = try SmallOntology.write(in: scratch)
            let taskCount = Self.kills * 4 + 20
            let dir = try Termlabel.makeProject(
                in: scratch, named: "crash", ontology: ontology,
                records: (1...taskCount).map { ["externalId": .string("crash-\($0)"), "data": .string("Crash test task \($0).")] })
            let command = [try Termlabel.binary(), "label", dir, "--user", "crash"]
            let clock = Stopwatch()
            var figures = CrashFigures(seed: Self.seed)
            /// What the screen confirmed as submitted: externalId → answer.
            var confirmed: [String: String] = [:]
            /// The drafts the store held after the last kill: externalId → answer.
            var storedDrafts: [String: String] = [:]
            var tmux: TmuxSession?
            defer { tmux?.kill() }

            for life in 1...Self.kills {
                if let tmux { try tmux.respawn(command: command) } else {
                    tmux = try TmuxSession(width: 80, height: 24, command: command, in: scratch.path)
                }
                guard let tmux else { return }
                // Every fifth kill comes during start-up; of the others, half just after a burst of keys.
                let moment: KillMoment = life % 5 == 0 ? .startUp : life % 2 == 0 ? .afterBurst : .quiet
                var open = ""
                var shown: String?
                if moment == .startUp {
                    usleep(useconds_t(Int.random(in: 0...150, using: &random) * 1000))
                } else {
                    // Relaunched, the task opened shows the draft the store kept for it.
                    var screen = try tmux.waitFor("a task to open") { CrashScreen.openTask($0) != nil }
                    open = CrashScreen.openTask(screen)!
                    let stored = storedDrafts[open]
                    screen = try tmux.waitFor("\(open) to show its stored draft \(stored ?? "(none)")") {
                        CrashScreen.openTask($0) == open && CrashScreen.sentiment($0) == stored
                    }
                    shown = CrashScreen.sentiment(screen)

                    // A few steps the screen confirms: answers (a draft) and submits.
                    for _ in 0..<Int.random(in: 1...3, using: &random) {
                        let value = Self.values.randomElement(using: &random)!
                        if value != shown {
                            try tmux.sendKeys(value == "Positive" ? "1" : "2")
                            try tmux.waitFor("\(open) to show \(value)") { CrashScreen.openTask($0) == open && CrashScreen.sentiment($0) == value }
                            shown = value
                        }
                        guard Bool.random(using: &random) else { continue }
                        try tmux.sendKeys("s")
                        try tmux.waitFor(text: "\(open) submitted")
                        confirmed[open] = value
                        figures.submitsConfirmed += 1
                        screen = try tmux.waitFor("the next task to open") { CrashScreen.openTask($0).map { $0 != open } ?? false }
                        open = CrashScreen.openTask(screen)!
                        shown = CrashScreen.sentiment(screen)
                    }
                }

                let pid = try Self.termlabelPid(in: tmux)
                switch moment {
                case .afterBurst:
                    let keys = (0..<Int.random(in: 5...30, using: &random)).map { _ in Self.burstKeys.randomElement(using: &random)! }
                    try tmux.sendKeys(keys)
                    let sent = clock.now()
                    usleep(useconds_t(Int.random(in: 0...Self.burstWindow, using: &random) * 1000))
                    #expect(Glibc.kill(pid, SIGKILL) == 0)
                    figures.burstKills += 1
                    if clock.now() - sent <= Self.burstWindow { figures.killsWithinWindow += 1 }
                case .quiet:
                    usleep(useconds_t(Int.random(in: 0...300, using: &random) * 1000))
                    #expect(Glibc.kill(pid, SIGKILL) == 0)
                case .startUp:
                    #expect(Glibc.kill(pid, SIGKILL) == 0)
                    figures.startUpKills += 1
                }
                figures.kills += 1
                #expect(try tmux.waitForExit() == 128 + SIGKILL, "life \(life): termlabel was not the one killed")

                // The store after the kill.
                let integrity = try ProjectDatabase.query(dir, "PRAGMA integrity_check")
                #expect(integrity == "ok", "life \(life): integrity_check after the kill: \(integrity)")
                if integrity == "ok" { figures.integrityOK += 1 }
                let complete = CrashScreen.sentiments(try Termlabel.export(dir, in: scratch))
                let found = confirmed.filter { complete[$0.key] == $0.value }
                #expect(found.count == confirmed.count, """
                    life \(life) (seed \(Self.seed)): confirmed submits missing or changed: \
                    \(confirmed.filter { complete[$0.key] != $0.value }.keys.sorted())
                    """)
                figures.submitsFound = found.count
                storedDrafts = CrashScreen.sentiments(try Termlabel.export(dir, in: scratch, options: ["--stage", "Label"]))
                if moment == .quiet {
                    #expect(storedDrafts[open] == shown, "life \(life) (seed \(Self.seed)): \(open) showed \(shown ?? "no answer"), its draft holds \(storedDrafts[open] ?? "none")")
                    if storedDrafts[open] == shown { figures.draftsAsShown += 1 }
                }
            }
            print(figures)
            #expect(figures.submitsFound == figures.submitsConfirmed)
        }
    }
}

/// What a crash test run did, printed at its end.
struct CrashFigures: CustomStringConvertible {
    var seed: UInt64
    var kills = 0
    /// Kills right after a burst of keys, and how many of them came within the burst window.
    var burstKills = 0
    var killsWithinWindow = 0
    var startUpKills = 0
    var submitsConfirmed = 0
    var submitsFound = 0
    var integrityOK = 0
    var draftsAsShown = 0

    var description: String {
        """
        Crash test (seed \(seed)): \(kills) kills, \(burstKills) just after a burst of keys \
        (\(killsWithinWindow) within \(EndToEnd.Crash.burstWindow) ms of it); \(submitsFound) of \(submitsConfirmed) confirmed \
        submits found; integrity_check ok \(integrityOK) of \(kills); drafts as shown after \(draftsAsShown) of \
        \(kills - burstKills - startUpKills) quiet kills; \(startUpKills) kills during start-up
        """
    }
}
