/// Durations as people read them. Both truncate to the unit shown, so a figure never runs ahead
/// of the time actually spent; negative durations show as zero.
public enum TimeFormat {
    /// For the status line: "0:07", "12:03", "1:02:03" (hours appear once there is one).
    public static func clock(_ duration: Milliseconds) -> String {
        let seconds = max(0, duration) / 1000
        let (hours, minutes, secs) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        if hours > 0 { return "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" }
        return "\(minutes):\(twoDigits(secs))"
    }

    /// For the queue, where space is short: "45s", "3m", "1h2m", "2h".
    public static func short(_ duration: Milliseconds) -> String {
        let seconds = max(0, duration) / 1000
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        let (hours, minutes) = (seconds / 3600, seconds / 60 % 60)
        return minutes == 0 ? "\(hours)h" : "\(hours)h\(minutes)m"
    }

    private static func twoDigits(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
