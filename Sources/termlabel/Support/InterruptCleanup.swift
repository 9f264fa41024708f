import Foundation

/// Removes a file when the process is interrupted (Ctrl-C, a hang-up, `kill`): an export stopped
/// half way leaves no `.partial` file behind. SIGKILL cannot be caught; the next export to the
/// same target removes what such a one left (`PartialFile.removeStale`).
enum InterruptCleanup {
    /// A C string, read by the signal handler, where only async-signal-safe calls are allowed.
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?

    static func remove(_ file: String, on signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]) {
        path = strdup(file)
        for number in signals {
            signal(number) { number in
                if let path = InterruptCleanup.path { unlink(path) }
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}
