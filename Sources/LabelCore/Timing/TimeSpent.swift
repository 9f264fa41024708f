/// Time spent on a task, split the way annotation teams pay for it. `active` is what Ango exports
/// as `duration` / `totalDuration`; `idle` is `idleDuration` with `--include-idle`.
/// A draft saves this value, and reopening the task continues from it.
public struct TimeSpent: Equatable, Hashable, Codable, Sendable, CustomStringConvertible {
    public var active: Milliseconds
    public var idle: Milliseconds

    public init(active: Milliseconds, idle: Milliseconds) {
        self.active = active
        self.idle = idle
    }

    public static let zero = TimeSpent(active: 0, idle: 0)

    /// Active and idle together: all the time the task was open. Always `active + idle`.
    public var wall: Milliseconds { active + idle }

    public static func + (a: TimeSpent, b: TimeSpent) -> TimeSpent {
        TimeSpent(active: a.active + b.active, idle: a.idle + b.idle)
    }

    public var description: String { "active \(active) ms, idle \(idle) ms" }
}

/// What happened in a work session, as the app sees it. Each is recorded with its instant.
public enum TimerEvent: Equatable, Hashable, Sendable, CaseIterable {
    /// A key or a mouse event: the user is there. Starts (or extends) an active stretch.
    case input
    /// The terminal reported focus out (`CSI O`): idle from this moment.
    case focusLost
    /// The terminal reported focus in (`CSI I`). Not activity by itself: idle continues until
    /// the user presses something.
    case focusGained
    /// Ctrl-Z (SIGTSTP): idle from this moment.
    case suspended
    /// Back in the foreground (SIGCONT). Like `focusGained`, not activity by itself.
    case resumed
    /// SIGHUP, the ssh connection dropped: idle from this moment. The app then saves the draft.
    case connectionLost
}
