import LabelCore
import Testing

extension TimingTests {
    /// The timer against random work sessions. Each sequence comes from its own seed; the first
    /// failure is reported with that seed, and `Session(seed:)` replays it.
    @Suite struct TaskTimerPropertyTests {
        static let sequences: UInt64 = 2000
        static let firstSeed: UInt64 = 0x7131_E5EE_D000_0000

        /// A random session whose instants never go backwards.
        struct Session: CustomStringConvertible {
            var idleTimeout: Milliseconds
            var carriedOver: TimeSpent
            var openedAt: Instant
            var events: [(event: TimerEvent, at: Instant)]
            var end: Instant

            init(seed: UInt64, eventKinds: [TimerEvent] = TimerEvent.allCases) {
                var random = SplitMix64(seed: seed)
                idleTimeout = Bool.random(using: &random) ? 0 : .random(in: 0...1000, using: &random)
                carriedOver = Bool.random(using: &random)
                    ? .zero
                    : TimeSpent(active: .random(in: 0...10_000, using: &random),
                                idle: .random(in: 0...10_000, using: &random))
                openedAt = Instant(milliseconds: .random(in: -1000...1000, using: &random))
                var now = openedAt
                events = (0..<Int.random(in: 0...30, using: &random)).map { _ in
                    // One gap in four is zero, so events often share an instant.
                    let gap = Int.random(in: 0...3, using: &random) == 0
                        ? 0 : Milliseconds.random(in: 1...400, using: &random)
                    now = now.advanced(by: gap)
                    return (eventKinds.randomElement(using: &random)!, now)
                }
                end = now.advanced(by: .random(in: 0...1500, using: &random))
            }

            func timer() -> TaskTimer {
                var timer = TaskTimer(idleTimeout: idleTimeout, carriedOver: carriedOver,
                                      openedAt: openedAt)
                for (event, at) in events { timer.record(event, at: at) }
                return timer
            }

            var description: String {
                "timeout \(idleTimeout), carried \(carriedOver), opened \(openedAt), "
                    + events.map { "\($0.event)@\($0.at.milliseconds)" }.joined(separator: " ")
                    + ", end \(end)"
            }
        }

        /// The rules read literally, one millisecond at a time: the millisecond starting at `m`
        /// is active when the last input (or the opening) at or before `m` is less than the
        /// timeout ago and no focus loss, suspend or disconnect came after it. Returns the time
        /// spent up to each instant from `openedAt` to `end`, and whether each millisecond idled.
        static func reference(_ s: Session) -> (spent: [TimeSpent], idle: [Bool]) {
            var spent = [s.carriedOver], idle: [Bool] = []
            var lastPresence: Instant? = s.openedAt
            var next = 0
            var m = s.openedAt
            while m < s.end {
                while next < s.events.count, s.events[next].at <= m {
                    switch s.events[next].event {
                    case .input: lastPresence = s.events[next].at
                    case .focusLost, .suspended, .connectionLost: lastPresence = nil
                    case .focusGained, .resumed: break
                    }
                    next += 1
                }
                let active = lastPresence.map { m.milliseconds(since: $0) < s.idleTimeout } ?? false
                var total = spent.last!
                if active { total.active += 1 } else { total.idle += 1 }
                spent.append(total)
                idle.append(!active)
                m = m.advanced(by: 1)
            }
            return (spent, idle)
        }

        /// Runs `check` on every seed and reports the first failure with its seed.
        static func forEverySession(
            _ check: (UInt64) -> String?, sourceLocation: Testing.SourceLocation = #_sourceLocation
        ) {
            for seed in firstSeed..<firstSeed + sequences {
                if let failure = check(seed) {
                    Issue.record("seed \(seed): \(failure)", sourceLocation: sourceLocation)
                    return
                }
            }
        }

        @Test func matchesTheMillisecondByMillisecondReadingOfTheRules() {
            Self.forEverySession { seed in
                let session = Session(seed: seed)
                let expected = Self.reference(session).spent.last!
                let actual = session.timer().spent(at: session.end)
                return actual == expected ? nil : "\(actual) ≠ \(expected) in \(session)"
            }
        }

        @Test func liveReadingsAreNeverRevisedNeverNegativeAndNeverDecrease() {
            Self.forEverySession { seed in
                let session = Session(seed: seed)
                let (reference, idleAt) = Self.reference(session)
                var random = SplitMix64(seed: ~seed)
                var timer = TaskTimer(idleTimeout: session.idleTimeout,
                                      carriedOver: session.carriedOver, openedAt: session.openedAt)
                var previous = session.carriedOver
                // Read as the status line would, at random instants between one event and the next.
                for i in 0...session.events.count {
                    let from = i == 0 ? session.openedAt : session.events[i - 1].at
                    let to = i == session.events.count ? session.end : session.events[i].at
                    var readings = (0..<3).map { _ in
                        from.advanced(by: .random(in: 0...to.milliseconds(since: from), using: &random))
                    }
                    readings.sort()
                    for at in readings {
                        let spent = timer.spent(at: at)
                        let offset = Int(at.milliseconds(since: session.openedAt))
                        if spent != reference[offset] {
                            return "at \(at): \(spent), later history says \(reference[offset]) in \(session)"
                        }
                        if spent.active < previous.active || spent.idle < previous.idle {
                            return "at \(at): \(spent) went below \(previous) in \(session)"
                        }
                        if at < to, timer.isIdle(at: at) != idleAt[offset] {
                            return "at \(at): isIdle \(timer.isIdle(at: at)) in \(session)"
                        }
                        previous = spent
                    }
                    if i < session.events.count {
                        timer.record(session.events[i].event, at: session.events[i].at)
                    }
                }
                let final = timer.spent(at: session.end)
                return final == session.timer().spent(at: session.end)
                    ? nil : "reading changed the result in \(session)"
            }
        }

        @Test func activePlusIdleIsWallTime() {
            Self.forEverySession { seed in
                let session = Session(seed: seed)
                let spent = session.timer().spent(at: session.end)
                let wall = session.end.milliseconds(since: session.openedAt) + session.carriedOver.wall
                return spent.wall == wall && spent.active >= session.carriedOver.active
                    && spent.idle >= session.carriedOver.idle
                    ? nil : "\(spent) for wall \(wall) in \(session)"
            }
        }

        @Test func withInputOnlyIdleIsWhatEachPauseExceedsTheTimeoutBy() {
            Self.forEverySession { seed in
                let session = Session(seed: seed, eventKinds: [.input])
                let starts = [session.openedAt] + session.events.map(\.at)
                let ends = session.events.map(\.at) + [session.end]
                var expected = session.carriedOver
                for (start, end) in zip(starts, ends) {
                    let pause = end.milliseconds(since: start)
                    expected.active += min(pause, session.idleTimeout)
                    expected.idle += max(0, pause - session.idleTimeout)
                }
                let actual = session.timer().spent(at: session.end)
                return actual == expected ? nil : "\(actual) ≠ \(expected) in \(session)"
            }
        }

        @Test func comingBackWithoutInputChangesNothing() {
            Self.forEverySession { seed in
                let session = Session(seed: seed)
                var random = SplitMix64(seed: ~seed)
                var returning = session
                returning.events = session.events.flatMap { event in
                    Bool.random(using: &random)
                        ? [event, ([TimerEvent.focusGained, .resumed].randomElement(using: &random)!, event.at)]
                        : [event]
                }
                let plain = session.timer().spent(at: session.end)
                let withReturns = returning.timer().spent(at: session.end)
                return plain == withReturns ? nil : "\(withReturns) ≠ \(plain) in \(returning)"
            }
        }

        @Test func aClockGoingBackwardsNeverMakesTimeNegative() {
            Self.forEverySession { seed in
                var random = SplitMix64(seed: seed)
                let opened = Instant(milliseconds: .random(in: -5000...5000, using: &random))
                var timer = TaskTimer(idleTimeout: .random(in: 0...1000, using: &random),
                                      openedAt: opened)
                var latest = opened
                for _ in 0..<Int.random(in: 0...30, using: &random) {
                    let at = Instant(milliseconds: .random(in: -5000...10_000, using: &random))
                    let reading = Instant(milliseconds: .random(in: -5000...10_000, using: &random))
                    timer.record(TimerEvent.allCases.randomElement(using: &random)!, at: at)
                    latest = max(latest, at)
                    let spent = timer.spent(at: reading)
                    let wall = max(latest, reading).milliseconds(since: opened)
                    if spent.active < 0 || spent.idle < 0 || spent.wall != wall {
                        return "\(spent) at \(reading), wall \(wall)"
                    }
                }
                return nil
            }
        }
    }
}
