import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real binary in a real terminal: a private tmux server (its own socket, no user config)
/// running one command in one pane. Keys go in with `send-keys`; the screen comes back with
/// `capture-pane`. Waits poll the screen and are bounded; a failed wait records the last screen.
///
/// Kill the server when done (`defer { session.kill() }`): `deinit` does it too, as a backstop.
final class TmuxSession {
    let socket: String
    let scratch: String
    private(set) var width: Int
    private(set) var height: Int
    private var killed = false

    /// How long a wait for the screen lasts unless told otherwise. Generous: a debug build on two
    /// shared cores may take a while to start; a passing wait returns as soon as the text is there.
    static let defaultTimeout: Double = 10
    static let pollInterval: useconds_t = 20_000

    /// Starts `command` (argv, no shell quoting needed) in a detached session.
    /// The pane keeps its last screen when the command exits (`remain-on-exit`).
    init(width: Int, height: Int, environment: [String: String] = [:], command: [String], in scratch: String,
         sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        guard Spawn.which("tmux") != nil else {
            Issue.record("tmux is not installed: the end-to-end tests need it. Run scripts/install-system-packages.",
                         sourceLocation: sourceLocation)
            throw SpawnError(description: "tmux is missing")
        }
        self.scratch = scratch
        self.socket = scratch + "/tmux.sock"
        self.width = width
        self.height = height
        // `swift test` sets NO_COLOR=1; the app is drawn in colour here, as for a user, so that
        // checks on colour (none from task data) can fail.
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "SWIFT_BACKTRACE": "interactive=no", "NO_COLOR": ""]
        for (key, value) in environment { env[key] = value }
        var arguments = ["set-option", "-g", "remain-on-exit", "on", ";",
                         "new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)"]
        for (key, value) in env.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments += wrapped(command)
        let result = try tmuxResult(["start-server", ";"] + arguments)
        guard result.status == 0 else {
            throw SpawnError(description: "tmux new-session failed (\(result.status)): \(result.stderr)")
        }
    }

    deinit { kill() }

    /// How many commands this pane has run; each writes its exit status to its own file.
    private var runs = 0
    private var statusFile: String { scratch + "/exit-status-\(runs)" }

    /// The command under a shell that writes its exit status to `statusFile` when it ends.
    /// tmux 3.3 does not always reap a dead pane's process (seen here: the pane is dead, the
    /// process a zombie, `#{pane_dead_status}` empty for seconds), so its status is not to be
    /// trusted; the shell's file is. The app is the shell's child: `pid()` finds it.
    private func wrapped(_ command: [String]) -> [String] {
        runs += 1
        return ["/bin/sh", "-c", "\"$@\"; echo $? > \"$0.tmp\" && mv \"$0.tmp\" \"$0\"", statusFile] + command
    }

    // MARK: Talking to tmux

    private func tmuxResult(_ arguments: [String]) throws -> SpawnResult {
        try Spawn.run(["tmux", "-f", "/dev/null", "-S", socket] + arguments, in: scratch)
    }

    /// Runs a tmux command against this session's server and returns its output.
    @discardableResult
    func tmux(_ arguments: String...) throws -> String {
        let result = try tmuxResult(arguments)
        guard result.status == 0 else {
            throw SpawnError(description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    /// Sends keys by tmux name: "Enter", "Tab", "BTab", "Escape", "Up", "C-u", "BSpace", or
    /// single characters.
    func sendKeys(_ keys: String...) throws {
        try sendKeys(keys)
    }

    func sendKeys(_ keys: [String]) throws {
        let result = try tmuxResult(["send-keys", "-t", "e2e"] + keys)
        guard result.status == 0 else { throw SpawnError(description: "send-keys \(keys) failed: \(result.stderr)") }
    }

    /// Types text literally (UTF-8 included), as if pasted key by key.
    func sendText(_ text: String) throws {
        let result = try tmuxResult(["send-keys", "-t", "e2e", "-l", "--", text])
        guard result.status == 0 else { throw SpawnError(description: "send-keys -l failed: \(result.stderr)") }
    }

    /// Pastes `text` as a terminal does: bracketed (`paste-buffer -p`) when the program asked for
    /// it, line feeds sent as carriage returns.
    func paste(_ text: String) throws {
        try tmux("set-buffer", "-b", "e2e-paste", "--", text)
        try tmux("paste-buffer", "-p", "-b", "e2e-paste", "-t", "e2e")
    }

    /// A `#{format}` value of the pane, as `tmux display -p` gives it.
    func display(_ format: String) throws -> String {
        try tmux("display-message", "-p", "-t", "e2e", format).trimmingCharacters(in: .newlines)
    }

    // MARK: The screen

    /// The visible screen, one string per row (tmux leaves out trailing blanks).
    func screen() throws -> [String] {
        lines(try tmux("capture-pane", "-p", "-t", "e2e"))
    }

    /// The visible screen with its colours and attributes as SGR escape sequences.
    func screenWithAttributes() throws -> [String] {
        lines(try tmux("capture-pane", "-p", "-e", "-t", "e2e"))
    }

    /// Everything the pane printed, scrolled-off lines included (for a pane whose command ended).
    func history() throws -> [String] {
        lines(try tmux("capture-pane", "-p", "-S", "-", "-t", "e2e"))
    }

    private func lines(_ text: String) -> [String] {
        var rows = text.components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        return rows
    }

    /// The last row of the screen.
    func statusLine() throws -> String { try screen().last ?? "" }

    /// Polls the screen until `condition` holds; records an issue with the last screen and throws
    /// when it does not within `timeout` seconds. Returns the screen that satisfied it.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = defaultTimeout, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                 _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var last: [String] = []
        while true {
            last = try screen()
            if condition(last) { return last }
            if ContinuousClock.now >= deadline { break }
            usleep(Self.pollInterval)
        }
        let dead = (try? exitStatus()).flatMap { $0.map { "exited \($0)" } } ?? "running"
        Issue.record("""
            Timed out after \(timeout) s waiting for \(what). termlabel: \(dead). Last screen:
            \(Self.framed(last))
            """, sourceLocation: sourceLocation)
        throw SpawnError(description: "timed out waiting for \(what)")
    }

    /// Waits until `text` appears anywhere on the screen.
    @discardableResult
    func waitFor(text: String, timeout: Double = defaultTimeout, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String] {
        try waitFor("“\(text)”", timeout: timeout, sourceLocation: sourceLocation) { $0.contains { $0.contains(text) } }
    }

    /// Waits until `text` is gone from the screen.
    @discardableResult
    func waitFor(absenceOf text: String, timeout: Double = defaultTimeout, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String] {
        try waitFor("“\(text)” to go", timeout: timeout, sourceLocation: sourceLocation) { !$0.contains { $0.contains(text) } }
    }

    /// The screen with row numbers, for failure messages.
    static func framed(_ lines: [String]) -> String {
        lines.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n")
    }

    // MARK: The window and the process

    func resize(width: Int, height: Int) throws {
        try tmux("resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)")
        self.width = width
        self.height = height
    }

    /// The pid of the command running in the pane (the child of the pane's shell).
    func pid() throws -> pid_t {
        guard let shell = pid_t(try display("#{pane_pid}")) else { throw SpawnError(description: "no pane pid") }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = pid_t(entry),
                  let stat = FileManager.default.contents(atPath: "/proc/\(entry)/stat").map({ String(decoding: $0, as: UTF8.self) }),
                  let close = stat.lastIndex(of: ")") else { continue }
            // "pid (comm) state ppid …": the comm may hold spaces, so fields start after ')'.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, pid_t(fields[1]) == shell { return pid }
        }
        throw SpawnError(description: "the pane's shell (\(shell)) has no child")
    }

    /// The exit status of the pane's command once it has ended (128 + N for signal N), else nil.
    func exitStatus() throws -> Int32? {
        guard let data = FileManager.default.contents(atPath: statusFile) else { return nil }
        return Int32(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits for the pane's command to end; returns its exit status.
    @discardableResult
    func waitForExit(timeout: Double = defaultTimeout, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int32 {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            if let status = try exitStatus() { return status }
            usleep(Self.pollInterval)
        }
        Issue.record("The command did not exit within \(timeout) s. Last screen:\n\(Self.framed((try? screen()) ?? []))",
                     sourceLocation: sourceLocation)
        throw SpawnError(description: "no exit")
    }

    /// Presses `q` and expects termlabel to end with status 0; otherwise records what it printed.
    func quit(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try sendKeys("q")
        let status = try waitForExit(sourceLocation: sourceLocation)
        if status != 0 {
            Issue.record("termlabel exited with status \(status) after q. Its output:\n\(Self.framed((try? history()) ?? []))",
                         sourceLocation: sourceLocation)
        }
    }

    /// Starts a new command in the same pane once the previous one has ended.
    func respawn(environment: [String: String] = [:], command: [String]) throws {
        var arguments = ["respawn-pane", "-k", "-t", "e2e"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments += wrapped(command)
        let result = try tmuxResult(arguments)
        guard result.status == 0 else { throw SpawnError(description: "respawn-pane failed: \(result.stderr)") }
    }

    /// Stops the server and everything in it. Safe to call twice.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmuxResult(["kill-server"])
    }
}
