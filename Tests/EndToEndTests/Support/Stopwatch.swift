import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The test's own monotonic clock, in milliseconds since the stopwatch started.
///
/// The app's instant for a key is unknown to the test, but it is bracketed: not before the test
/// called `send-keys` (`before`), not after the test saw the key's effect on the screen (`after`).
/// Timing assertions are built from these brackets, so their tolerance is what was measured.
struct Stopwatch {
    private let start = ContinuousClock.now

    func now() -> Int { (ContinuousClock.now - start).milliseconds }

    /// A moment known only to lie in `before...after`.
    struct Bracket: CustomStringConvertible {
        var before: Int
        var after: Int
        var width: Int { after - before }
        var description: String { "[\(before), \(after)] ms" }
    }

    /// Runs `body` (send a key, then wait for its effect) and brackets the moment it happened.
    func bracket(_ body: () throws -> Void) rethrows -> Bracket {
        let before = now()
        try body()
        return Bracket(before: before, after: now())
    }

    /// Sleeps until the stopwatch reads `milliseconds` (the scenario's own wall time, e.g. idling).
    func sleep(until milliseconds: Int) {
        let left = milliseconds - now()
        if left > 0 { usleep(useconds_t(left) * 1000) }
    }
}
