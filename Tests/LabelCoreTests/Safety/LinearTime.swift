import Foundation

/// Time as a ratio to a linear baseline, never a wall-clock limit: the same check run on an input
/// of size n and on one of size 4n takes about 4 times as long when it is linear, 16 when it grows
/// with the square. The fastest of a few runs is taken, so a busy machine does not decide.
enum LinearTime {
    /// The ratio of the time for `input(4 * n)` to the time for `input(n)`.
    static func ratio(n: Int, runs: Int = 3, input: (Int) -> [UInt8], check: ([UInt8]) -> Void) -> Double {
        let small = input(n)
        let large = input(4 * n)
        func fastest(_ bytes: [UInt8]) -> Double {
            var best = Double.infinity
            for _ in 0..<runs {
                let start = threadSeconds()
                check(bytes)
                best = min(best, threadSeconds() - start)
            }
            return best
        }
        return fastest(large) / max(fastest(small), 1e-6)
    }

    /// CPU time of the calling thread: unlike wall time, not stretched by the other tests that
    /// Swift Testing runs beside this one, or by other work on the machine.
    static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Linear with room for noise: well under the 16 of a check that grows with the square.
    static let bound = 8.0
}
