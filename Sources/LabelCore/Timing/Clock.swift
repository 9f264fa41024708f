import Foundation

/// A length of time in whole milliseconds. Durations are plain integers so that drafts, exports
/// (Ango's `duration` is milliseconds) and sums stay exact.
public typealias Milliseconds = Int64

/// A point in time: milliseconds from an arbitrary, monotonic origin.
///
/// Instants are only comparable with instants from the same clock in the same process; the
/// origin means nothing outside it. That is why a saved draft keeps its `TimeSpent` (durations),
/// never instants.
public struct Instant: Comparable, Hashable, Sendable, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    public init(integerLiteral milliseconds: Int64) { self.milliseconds = milliseconds }

    public static func < (a: Instant, b: Instant) -> Bool { a.milliseconds < b.milliseconds }

    /// The instant `duration` later, saturating instead of trapping at the ends of `Int64`.
    public func advanced(by duration: Milliseconds) -> Instant {
        let (sum, overflow) = milliseconds.addingReportingOverflow(duration)
        if overflow { return Instant(milliseconds: duration > 0 ? .max : .min) }
        return Instant(milliseconds: sum)
    }

    /// Milliseconds from `earlier` to `self`; zero when `earlier` is not earlier (never negative).
    public func milliseconds(since earlier: Instant) -> Milliseconds {
        guard self > earlier else { return 0 }
        let (difference, overflow) = milliseconds.subtractingReportingOverflow(earlier.milliseconds)
        return overflow ? .max : difference
    }

    public var description: String { "\(milliseconds) ms" }
}

/// Where time comes from. The timer never reads a clock itself: the app reads one and passes
/// the instant along, so tests move a `ManualClock` instead of sleeping.
public protocol Clock: Sendable {
    func now() -> Instant
}

/// The machine's monotonic clock (`ContinuousClock`: it keeps counting while the machine sleeps,
/// so a laptop closed mid-task is wall time, and idle once past the timeout).
/// All `SystemClock`s in a process share one origin: the first time any of them is read.
public struct SystemClock: Clock {
    private static let origin = ContinuousClock.now

    public init() {}

    public func now() -> Instant {
        let (seconds, attoseconds) = (ContinuousClock.now - Self.origin).components
        return Instant(milliseconds: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}

/// A clock that moves only when told to; for tests, including the app's.
public final class ManualClock: Clock, @unchecked Sendable {
    // A lock rather than `Mutex`: `Mutex` needs macOS 15 and the package supports macOS 14.
    private let lock = NSLock()
    private var current: Instant

    public init(_ start: Instant = 0) { current = start }

    public func now() -> Instant { lock.withLock { current } }

    public func advance(by duration: Milliseconds) {
        lock.withLock { current = current.advanced(by: duration) }
    }

    /// Sets the time outright; may move it backwards, to test what the timer does then.
    public func set(_ instant: Instant) { lock.withLock { current = instant } }
}
