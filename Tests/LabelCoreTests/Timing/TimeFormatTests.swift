import LabelCore
import Testing

extension TimingTests {
    @Suite struct TimeFormatTests {
        @Test(arguments: [
            (0, "0:00"),
            (999, "0:00"),
            (7_999, "0:07"),
            (59_999, "0:59"),
            (60_000, "1:00"),
            (723_000, "12:03"),
            (3_599_999, "59:59"),
            (3_600_000, "1:00:00"),
            (3_723_000, "1:02:03"),
            (36_000_000, "10:00:00"),
            (-5_000, "0:00"),
        ] as [(Milliseconds, String)])
        func statusLineClockTruncatesToTheSecond(ms: Milliseconds, shown: String) {
            #expect(TimeFormat.clock(ms) == shown)
        }

        @Test(arguments: [
            (0, "0s"),
            (45_000, "45s"),
            (59_999, "59s"),
            (60_000, "1m"),
            (180_000, "3m"),
            (3_599_999, "59m"),
            (3_600_000, "1h"),
            (3_720_000, "1h2m"),
            (7_200_000, "2h"),
            (93_900_000, "26h5m"),
            (-1, "0s"),
        ] as [(Milliseconds, String)])
        func queueShortFormShowsTheLargestUnits(ms: Milliseconds, shown: String) {
            #expect(TimeFormat.short(ms) == shown)
        }
    }
}
