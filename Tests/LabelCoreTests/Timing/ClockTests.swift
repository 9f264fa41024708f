import LabelCore
import Testing

extension TimingTests {
    @Suite struct ClockTests {
        @Test func manualClockMovesOnlyWhenTold() {
            let clock = ManualClock(1000)
            #expect(clock.now() == 1000)
            #expect(clock.now() == 1000)
            clock.advance(by: 250)
            #expect(clock.now() == 1250)
            clock.set(40)
            #expect(clock.now() == 40)
        }

        @Test func manualClockCanBeSharedAcrossTasks() async {
            let clock = ManualClock()
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<8 { group.addTask { for _ in 0..<100 { clock.advance(by: 1) } } }
            }
            #expect(clock.now() == 800)
        }

        @Test func clocksAreInterchangeable() {
            let clocks: [any Clock] = [ManualClock(5), SystemClock()]
            #expect(clocks[0].now() == 5)
        }

        @Test func systemClockNeverGoesBackwards() {
            let clock = SystemClock()
            var previous = clock.now()
            for _ in 0..<1000 {
                let next = clock.now()
                #expect(next >= previous)
                previous = next
            }
        }

        @Test func systemClocksShareOneOrigin() {
            let first = SystemClock().now()
            let second = SystemClock().now()
            #expect(second >= first)
            #expect(second.milliseconds(since: first) < 60_000)
        }

        @Test func instantArithmeticSaturatesAndNeverGoesNegative() {
            #expect(Instant(milliseconds: .max - 1).advanced(by: 10) == Instant(milliseconds: .max))
            #expect(Instant(milliseconds: .min + 1).advanced(by: -10) == Instant(milliseconds: .min))
            #expect(Instant(milliseconds: 500).milliseconds(since: 200) == 300)
            #expect(Instant(milliseconds: 200).milliseconds(since: 500) == 0)
            #expect(Instant(milliseconds: .max).milliseconds(since: Instant(milliseconds: .min)) == .max)
        }
    }
}
