import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a finished child process left behind.
struct SpawnResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

/// Runs programs the way the end-to-end tests need to.
///
/// Swift Testing runs tests on worker threads that block most signals, and a child inherits that
/// mask: a tmux server spawned from a test would never reap its pane, and the app would ignore
/// SIGTERM. So children are spawned with `posix_spawn`, an empty signal mask and default
/// handlers. Output goes to files, never pipes: `tmux new-session -d` leaves a daemon that keeps
/// an inherited pipe open, and reading it would hang.
enum Spawn {
    /// Runs `arguments` (looked up in PATH) to completion in `directory`.
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: String) throws -> SpawnResult {
        let base = NSTemporaryDirectory() + "/termlabel-e2e-spawn-\(UUID().uuidString)"
        let (out, err) = (base + ".out", base + ".err")
        defer { unlink(out); unlink(err) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGWINCH, SIGTSTP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var env = ProcessInfo.processInfo.environment
        // A test run from inside tmux must not talk to the developer's own server.
        env["TMUX"] = nil
        env["TMUX_PANE"] = nil
        for (key, value) in environment { env[key] = value }

        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        // posix_spawn has no portable working-directory attribute: `cd` in a shell that then execs.
        var pid: pid_t = 0
        let rc = spawnIn(directory, &pid, arguments, &actions, &attributes, envp)
        guard rc == 0 else {
            throw SpawnError(description: "cannot run \(arguments[0]): \(String(cString: strerror(rc)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw SpawnError(description: "waitpid: \(String(cString: strerror(errno)))") }
        }
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return SpawnResult(status: exit, stdout: read(out), stderr: read(err))
    }

    /// `cd DIR && exec "$@"` through /bin/sh, so the child starts in DIR.
    private static func spawnIn(
        _ directory: String, _ pid: inout pid_t, _ arguments: [String], _ actions: inout posix_spawn_file_actions_t,
        _ attributes: inout posix_spawnattr_t, _ envp: [UnsafeMutablePointer<CChar>?]
    ) -> Int32 {
        let shell = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + arguments
        let argv = shell.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        return posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
    }

    private static func read(_ path: String) -> String {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Whether a program is on PATH.
    static func which(_ program: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(program)"
            if access(path, X_OK) == 0 { return path }
        }
        return nil
    }
}
