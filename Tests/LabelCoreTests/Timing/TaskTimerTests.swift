import Foundation
import LabelCore
import Testing

extension TimingTests {
    /// Exact figures for the rules in `TaskTimer`, with an idle timeout of 2 s.
    @Suite struct TaskTimerTests {
        let timeout: Milliseconds = 2000

        @Test func inputWithinTheTimeoutKeepsEverythingActive() {
            var timer = TaskTimer(idleTimeout: timeout, openedAt: 0)
            timer.record(.input, at: 1000)
            timer.record(.input, at: 2500)
            #expect(timer.spent(at: 4000) == TimeSpent(active: 4000, idle: 0))
        }

        @Test func theTimeoutCountsAsActiveAndIdleStartsAfterIt() {
            let timer = TaskTimer(idleTimeout: timeout, openedAt: 0)
            #expect(timer.spent(at: 2000) == TimeSpent(active: 2000, idle: 0))
            #expect(timer.spent(at: 2001) == TimeSpent(active: 2000, idle: 1))
            #expect(!timer.isIdle(at: 1999))
            #expect(timer.isIdle(at: 2000))
        }

        @Test func aLongPauseIsActiveForTheTimeoutThenIdleUntilTheNextInput() {
            // Opening is input: active 0–1000; input at 1000: active to 3000, idle 3000–8000;
            // input at 8000: active 8000–9000.
            var timer = TaskTimer(idleTimeout: timeout, openedAt: 0)
            timer.record(.input, at: 1000)
            timer.record(.input, at: 8000)
            #expect(timer.spent(at: 9000) == TimeSpent(active: 4000, idle: 5000))
        }

        @Test func returningFromIdleResumesTheFrozenActiveTime() {
            var timer = TaskTimer(idleTimeout: timeout, openedAt: 0)
            #expect(timer.spent(at: 4999) == TimeSpent(active: 2000, idle: 2999))
            #expect(timer.isIdle(at: 4999))
            timer.record(.input, at: 5000)
            #expect(!timer.isIdle(at: 5000))
            #expect(timer.spent(at: 5000) == TimeSpent(active: 2000, idle: 3000))
            #expect(timer.spent(at: 5500) == TimeSpent(active: 2500, idle: 3000))
        }

        @Test func focusLostIsIdleAtOnceAndFocusGainedIsNotInput() {
            var timer = TaskTimer(idleTimeout: timeout, openedAt: 0)
            timer.record(.input, at: 1000)
            timer.record(.focusLost, at: 1500)
            #expect(timer.isIdle(at: 1500))
            timer.record(.focusGained, at: 4000)
            #expect(timer.isIdle(at: 4000))
            #expect(timer.spent(at: 6000) == TimeSpent(active: 1500, idle: 4500))
            timer.record(.input, at: 6000)
            #expect(timer.spent(at: 7000) == TimeSpent(active: 2500, idle: 4500))
        }

        @Test func suspendIsIdleAtOnceUntilInputAfterResume() {
            var timer = TaskTimer(idleTimeout: timeout, openedAt: 0)
            timer.record(.suspended, at: 500)
            timer.record(.resumed, at: 10_000)
            timer.record(.input, at: 10_200)
            #expect(timer.spent(at: 11_000) == TimeSpent(active: 1300, idle: 9700))
        }

        @Test func aDroppedConnectionKeepsTheTimeAndReopeningContinuesIt() {
            var first = TaskTimer(idleTimeout: timeout, openedAt: 0)
            first.record(.input, at: 1000)
            first.record(.connectionLost, at: 1200)
            let draft = first.spent(at: 1250)  // saved on SIGHUP
            #expect(draft == TimeSpent(active: 1200, idle: 50))

            // Another process, another clock origin: only the draft's durations carry over.
            var second = TaskTimer(idleTimeout: timeout, carriedOver: draft, openedAt: 50_000)
            #expect(second.spent(at: 50_000) == draft)
            second.record(.input, at: 51_000)
            #expect(second.spent(at: 55_000) == TimeSpent(active: 1200 + 3000, idle: 50 + 2000))
        }

        @Test func eventsAtOneInstantApplyInTheOrderRecorded() {
            var leaving = TaskTimer(idleTimeout: timeout, openedAt: 0)
            leaving.record(.input, at: 1000)
            leaving.record(.focusLost, at: 1000)
            #expect(leaving.spent(at: 2000) == TimeSpent(active: 1000, idle: 1000))

            var back = TaskTimer(idleTimeout: timeout, openedAt: 0)
            back.record(.focusLost, at: 1000)
            back.record(.input, at: 1000)
            #expect(back.spent(at: 2000) == TimeSpent(active: 2000, idle: 0))
        }

        @Test func aZeroTimeoutMakesEverythingIdle() {
            var timer = TaskTimer(idleTimeout: 0, openedAt: 0)
            timer.record(.input, at: 10)
            #expect(timer.spent(at: 100) == TimeSpent(active: 0, idle: 100))
            #expect(TaskTimer(idleTimeout: -5, openedAt: 0).idleTimeout == 0)
        }

        @Test func aClockGoingBackwardsIsTakenAsTheLatestInstantSeen() {
            var timer = TaskTimer(idleTimeout: timeout, carriedOver: TimeSpent(active: 7, idle: 3),
                                  openedAt: 1000)
            #expect(timer.spent(at: 0) == TimeSpent(active: 7, idle: 3))
            timer.record(.input, at: 5000)
            #expect(timer.spent(at: 3000) == TimeSpent(active: 7 + 2000, idle: 3 + 2000))
            timer.record(.input, at: 3000)  // taken as 5000
            #expect(timer.spent(at: 6000) == TimeSpent(active: 7 + 3000, idle: 3 + 2000))
        }

        @Test func readingTheTimerDoesNotChangeIt() {
            var timer = TaskTimer(idleTimeout: timeout, openedAt: 0)
            timer.record(.input, at: 1000)
            let before = timer
            _ = timer.spent(at: 2000)
            _ = timer.isIdle(at: 9000)
            #expect(timer == before)
        }

        @Test func timeSpentIsSavedAsActiveAndIdleMilliseconds() throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let spent = TimeSpent(active: 4000, idle: 5000)
            let json = String(decoding: try encoder.encode(spent), as: UTF8.self)
            #expect(json == #"{"active":4000,"idle":5000}"#)
            #expect(try JSONDecoder().decode(TimeSpent.self, from: Data(json.utf8)) == spent)
            #expect(spent.wall == 9000)
        }
    }
}
