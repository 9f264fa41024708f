/// Labeler performance, per annotator, computed from a project's activity: a pure function, so
/// the figures can be checked against a project built with known times.
public struct LabelerStats: Equatable, Sendable {
    public var user: String
    /// Label stage submissions.
    public var labeled: Int
    public var skipped: Int
    /// Review stage submissions made by this user as reviewer.
    public var reviewed: Int
    /// Reviews of this user's labels, by outcome.
    public var reviewsReceived: Int
    public var accepted: Int
    public var fixed: Int
    public var rejected: Int
    /// Active milliseconds per submission (label and review), median and mean (rounded to the nearest ms).
    public var medianActive: Int64
    public var meanActive: Int64
    public var active: Int64
    public var idle: Int64
    /// Active milliseconds of each submission, in order, for the histogram.
    public var durations: [Int64]

    public var submissions: Int { labeled + reviewed }
    /// Share of this user's reviewed labels accepted as they were (0–1; nil before any review).
    public var acceptedRate: Double? { reviewsReceived == 0 ? nil : Double(accepted) / Double(reviewsReceived) }
    public var rejectedRate: Double? { reviewsReceived == 0 ? nil : Double(rejected) / Double(reviewsReceived) }
    /// Idle time as a share of all time spent (0–1).
    public var idleShare: Double { active + idle == 0 ? 0 : Double(idle) / Double(active + idle) }
    /// Submissions per hour of active time.
    public var tasksPerActiveHour: Double { active == 0 ? 0 : Double(submissions) / (Double(active) / 3_600_000) }

    /// A user with no work recorded (one who answered only gold tasks).
    public static func empty(_ user: String) -> LabelerStats {
        LabelerStats(
            user: user, labeled: 0, skipped: 0, reviewed: 0, reviewsReceived: 0, accepted: 0, fixed: 0, rejected: 0,
            medianActive: 0, meanActive: 0, active: 0, idle: 0, durations: [])
    }

    /// Figures for every user who did anything, in order of name.
    public static func compute(_ activity: Activity) -> [LabelerStats] {
        var byUser: [String: LabelerStats] = [:]
        func stats(_ user: String) -> LabelerStats {
            byUser[user] ?? LabelerStats(
                user: user, labeled: 0, skipped: 0, reviewed: 0, reviewsReceived: 0, accepted: 0, fixed: 0, rejected: 0,
                medianActive: 0, meanActive: 0, active: 0, idle: 0, durations: [])
        }
        for entry in activity.entries {
            var s = stats(entry.user)
            switch entry.stage {
            case .label: s.labeled += 1
            case .review: s.reviewed += 1
            default: break
            }
            s.active += entry.time.active
            s.idle += entry.time.idle
            s.durations.append(entry.time.active)
            byUser[entry.user] = s
            if entry.stage == .review, let labeler = entry.labeler, let outcome = entry.reviewStatus, outcome != .todo {
                var l = stats(labeler)
                l.reviewsReceived += 1
                switch outcome {
                case .accepted: l.accepted += 1
                case .fixed: l.fixed += 1
                case .rejected: l.rejected += 1
                case .todo: break
                }
                byUser[labeler] = l
            }
        }
        for skip in activity.skips where !skip.user.isEmpty {
            var s = stats(skip.user)
            s.skipped += 1
            byUser[skip.user] = s
        }
        return byUser.values.map { s in
            var s = s
            let sorted = s.durations.sorted()
            if !sorted.isEmpty {
                let mid = sorted.count / 2
                s.medianActive = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
                s.meanActive = (sorted.reduce(0, +) + Int64(sorted.count) / 2) / Int64(sorted.count)
            }
            return s
        }.sorted { $0.user < $1.user }
    }

    /// How many durations fall in each of `buckets` equal ranges from 0 to the longest.
    public static func histogram(_ durations: [Int64], buckets: Int) -> (width: Int64, counts: [Int]) {
        guard buckets > 0, let longest = durations.max(), longest > 0 else { return (0, Array(repeating: 0, count: max(0, buckets))) }
        let width = (longest + Int64(buckets)) / Int64(buckets)
        var counts = Array(repeating: 0, count: buckets)
        for d in durations { counts[min(buckets - 1, Int(d / width))] += 1 }
        return (width, counts)
    }

    /// The figures as JSON, for `termlabel stats --json`.
    public var json: JSONValue {
        func rate(_ r: Double?) -> JSONValue { r.map { .number(Self.format($0)) } ?? .null }
        return [
            "user": .string(user), "labeled": .int(labeled), "skipped": .int(skipped), "reviewed": .int(reviewed),
            "reviewsReceived": .int(reviewsReceived), "accepted": .int(accepted), "fixed": .int(fixed), "rejected": .int(rejected),
            "acceptedRate": rate(acceptedRate), "rejectedRate": rate(rejectedRate),
            "medianActiveMs": .int(medianActive), "meanActiveMs": .int(meanActive),
            "activeMs": .int(active), "idleMs": .int(idle), "idleShare": .number(Self.format(idleShare)),
            "tasksPerActiveHour": .number(Self.format(tasksPerActiveHour)),
        ]
    }

    /// Four decimals, without trailing zeros: figures that compare exactly in tests and scripts.
    static func format(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded() / 10_000
        if scaled == scaled.rounded() { return String(Int64(scaled)) }
        var text = String(scaled)
        if text.contains("e") { text = String(format: "%.4f", scaled) }
        return text
    }
}
