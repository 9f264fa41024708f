/// The time spent on one task in one work session, split into active and idle.
///
/// The timer is a value built from timestamped events; it never reads a clock. Its figures are a
/// pure function of the events, so they do not depend on when or how often anyone looks.
///
/// The rules, for every moment between opening and now:
/// 1. Opening the task and every `.input` start an active stretch that lasts `idleTimeout`
///    (the timeout itself counts as active, as in Ango: the user may be reading).
/// 2. `.focusLost`, `.suspended` and `.connectionLost` end the active stretch at once.
/// 3. Every moment outside an active stretch is idle, until the next `.input`.
///    `.focusGained` and `.resumed` are not input: coming back is not working yet.
///    Input while away (a mouse wheel over an unfocused window) is input: it is the one proof of
///    presence, and rule 1 applies.
/// 4. So active + idle = wall time (plus what was carried over), and neither is ever revised: on
///    return from idle the active figure resumes from where it froze; it does not jump.
///
/// Instants that go backwards (a misbehaving clock) are taken as the latest instant already seen,
/// so no span is ever negative: time only moves forwards for the timer.
public struct TaskTimer: Equatable, Sendable {
    public let idleTimeout: Milliseconds
    public let openedAt: Instant
    /// The end of the current active stretch (rule 1), or the moment it was cut short (rule 2).
    /// The task is idle from this instant until the next input.
    public private(set) var activeUntil: Instant

    /// Everything before `settledAt` is accounted for in `settled`, which starts as the draft's
    /// carried-over time; only the stretch from there to the reading is computed on demand.
    private var settled: TimeSpent
    private var settledAt: Instant

    /// - Parameters:
    ///   - idleTimeout: the project's idle timeout (Ango's default is 300 000 ms); negative is 0.
    ///   - carriedOver: the time already saved in the task's draft, when reopening it.
    ///   - openedAt: when the task was opened. Opening counts as input.
    public init(idleTimeout: Milliseconds, carriedOver: TimeSpent = .zero, openedAt: Instant) {
        self.idleTimeout = max(0, idleTimeout)
        self.openedAt = openedAt
        self.activeUntil = openedAt.advanced(by: self.idleTimeout)
        self.settled = carriedOver
        self.settledAt = openedAt
    }

    public mutating func record(_ event: TimerEvent, at instant: Instant) {
        let now = max(instant, settledAt)
        settled = spent(at: now)
        settledAt = now
        switch event {
        case .input:
            activeUntil = now.advanced(by: idleTimeout)
        case .focusLost, .suspended, .connectionLost:
            activeUntil = min(activeUntil, now)
        case .focusGained, .resumed:
            break
        }
    }

    /// The time spent up to `instant`, carried-over time included. Does not change the timer.
    /// Save or submit with this figure.
    public func spent(at instant: Instant) -> TimeSpent {
        let now = max(instant, settledAt)
        let activeEnd = min(max(activeUntil, settledAt), now)
        return settled
            + TimeSpent(
                active: activeEnd.milliseconds(since: settledAt),
                idle: now.milliseconds(since: activeEnd))
    }

    /// Whether the status line shows the idle marker: the active figure is frozen at `instant`.
    public func isIdle(at instant: Instant) -> Bool {
        max(instant, settledAt) >= activeUntil
    }
}
