import Foundation
import LabelCore

/// A program run to its end: its wall time and its own peak resident memory.
///
/// The peak is the child's `VmHWM` from /proc/PID/status, read every few milliseconds while it
/// runs, not wait4's `ru_maxrss`: on Linux a `posix_spawn`ed child shares the parent's memory until
/// it execs, and exec carries that memory's high-water mark into the child's `ru_maxrss`, so a
/// benchmark that once held a large project read its own peak for every child it ran. `VmHWM`
/// belongs to the child's own memory from its exec on. It is gone once the child has exited, so
/// growth in the child's last few milliseconds is missed.
struct ChildRun {
    var seconds: Double
    var peakMB: Double

    /// How often the child's high-water mark is read.
    static let pollMicroseconds: UInt32 = 2_000

    /// Runs `argv` (argv[0] a path) with its input and output redirected, its errors discarded.
    static func run(_ argv: [String], stdin: String? = nil, stdout: String = "/dev/null") throws -> ChildRun {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdin { posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let args = argv.map { strdup($0) } + [nil]
        defer { args.forEach { free($0) } }
        let start = ContinuousClock.now
        guard posix_spawn(&pid, argv[0], &actions, nil, args, environ) == 0 else {
            throw Diagnostic(.error, "cannot run \(argv[0]): \(String(cString: strerror(errno)))")
        }
        var peakKB = 0
        var status: Int32 = 0
        while true {
            peakKB = max(peakKB, highWaterMarkKB(of: pid) ?? 0)
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR { throw Diagnostic(.error, "lost \(argv[0]) (pid \(pid)): \(String(cString: strerror(errno)))") }
            usleep(pollMicroseconds)
        }
        let elapsed = ContinuousClock.now - start
        guard status == 0 else { throw Diagnostic(.error, "\(argv.dropFirst().first ?? argv[0]) failed (status \(status))") }
        return ChildRun(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                        peakMB: Double(peakKB) / 1024)
    }

    /// This program run with `arguments` as a process of its own.
    static func termlabel(_ arguments: [String]) throws -> ChildRun {
        let executable = CommandLine.arguments[0].hasPrefix("/") ? CommandLine.arguments[0]
            : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0]
        return try run([executable] + arguments)
    }

    /// The process's own peak resident memory so far (`VmHWM`, kB); nil once it has exited.
    static func highWaterMarkKB(of pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
    }
}
