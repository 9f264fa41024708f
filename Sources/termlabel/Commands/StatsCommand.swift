import ArgumentParser
import Foundation
import LabelCore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Labeler performance: tasks, review outcomes, time per task, idle share.",
        discussion: """
            Per annotator: tasks labeled, skipped and reviewed; the share of their labels accepted and \
            rejected in review; median and mean active time per submitted task; the idle share of all \
            time spent; and tasks per active hour. Times are active time, as in Ango's export.
            """)

    @OptionGroup var project: ProjectOption

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: ArgumentHelp("Only count work done on or after this date (YYYY-MM-DD or ISO 8601, UTC).", valueName: "date"))
    var since: String?

    func run() throws {
        try Console.run {
            var from: Timestamp?
            if let since {
                guard let t = Timestamp(iso8601: since) else {
                    throw Diagnostic(.error, "--since takes a date such as 2026-11-24 or 2026-11-24T09:00:00Z, got \"\(since)\"")
                }
                from = t
            }
            let store = try project.open()
            let settings = try store.settings()
            let stats = LabelerStats.compute(try store.activity(since: from))
            if json {
                Console.json(JSONWriter(pretty: true).string(try Self.document(store, since: from)))
            } else if stats.isEmpty, let from {
                Console.out(StatsTable.nothingSince(from, settings: settings, all: try store.activity(since: nil)))
            } else {
                Console.out(StatsTable.text(stats, settings: settings))
            }
            if !json, let block = StatsTable.quality(try QualityFigures.read(store, since: from), settings: settings) {
                Console.out("\n" + block)
            }
        }
    }
}

extension StatsCommand {
    /// What `stats --json` prints: the project's totals and each annotator's figures.
    static func document(_ store: any ProjectStore, since: Timestamp?) throws -> JSONValue {
        let settings = try store.settings()
        let progress = try store.progress()
        let stats = LabelerStats.compute(try store.activity(since: since))
        let agreements = ConsensusAgreement.compute(try store.consensusScores())
        let quality = try QualityFigures.read(store, since: since, agreements: agreements)
        // Everyone with figures: annotators who answered only gold tasks too.
        let users = Set(stats.map(\.user)).union(quality.keys).sorted()
        let byUser = Dictionary(uniqueKeysWithValues: stats.map { ($0.user, $0) })
        return [
            "project": .string(settings.name), "since": since.map { .string($0.iso8601) } ?? .null,
            "tasks": .int(progress.total), "labeled": .int(progress.labeled),
            "annotators": .array(users.map { user in
                var object = (byUser[user] ?? LabelerStats.empty(user)).json.objectValue ?? [:]
                object["email"] = .string(settings.exportName(of: user))
                object["quality"] = (quality[user] ?? AnnotatorQuality(user: user)).json
                return .object(object)
            }),
            "agreement": AgreementBlock.json(agreements, settings: settings),
        ]
    }
}


enum StatsTable {
    /// The quality block as a table under the labeler figures; nil when nobody has any.
    static func quality(_ quality: [String: AnnotatorQuality], settings: ProjectSettings) -> String? {
        guard !quality.isEmpty else { return nil }
        let header = ["quality"] + AnnotatorQuality.columns.map(\.header)
        let rows = [header] + quality.keys.sorted().map { user in
            [settings.exportName(of: user)] + AnnotatorQuality.columns.map { $0.cell(quality[user]!) }
        }
        return align(rows) + "\n" + qualityLegend
    }

    static let qualityLegend = """
        agreement: on consensus tasks, the share of the others who gave the same answer (see termlabel help stats).
        gold: mean score on gold tasks; gold n: gold tasks answered; failed: scored below \(Int(BenchmarkResult.passMark))%.
        issues: opened by others on tasks they labeled; fixed: of those, resolved; resolved: issues they resolved.
        """

    /// A benchmark score as the tables show it: a whole percent.
    static func score(_ percent: Double) -> String { String(format: "%.0f%%", percent) }

    /// Rows as columns: the first left-aligned, the others right-aligned.
    static func align(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func text(_ stats: [LabelerStats], settings: ProjectSettings) -> String {
        guard !stats.isEmpty else { return "No work recorded yet in \(settings.name)." }
        let header = ["annotator", "labeled", "skipped", "reviewed", "accepted", "fixed", "rejected", "median", "mean", "idle", "per hour"]
        var rows = [header]
        for s in stats {
            rows.append([
                settings.exportName(of: s.user), "\(s.labeled)", "\(s.skipped)", "\(s.reviewed)", percent(s.acceptedRate),
                percent(s.reviewsReceived == 0 ? nil : Double(s.fixed) / Double(s.reviewsReceived)), percent(s.rejectedRate), duration(s.medianActive), duration(s.meanActive), percent(s.idleShare),
                String(format: "%.1f", s.tasksPerActiveHour),
            ])
        }
        return align(rows)
    }

    /// `stats --since` after all work: say there was work, and when it ended.
    static func nothingSince(_ since: Timestamp, settings: ProjectSettings, all: Activity) -> String {
        let last = (all.entries.map(\.completedAt) + all.skips.map(\.at)).max()
        guard let last else { return "No work recorded yet in \(settings.name)." }
        let count = all.entries.count
        return "No work recorded in \(settings.name) since \(since.iso8601); "
            + "\(count) submission\(count == 1 ? "" : "s") before then, the last at \(last.iso8601)."
    }

    static func percent(_ r: Double?) -> String { r.map { String(format: "%.0f%%", $0 * 100) } ?? "–" }

    static func duration(_ ms: Int64) -> String {
        let s = Double(ms) / 1000
        if s < 60 { return String(format: "%.1fs", s) }
        if s < 3600 { return String(format: "%dm%02ds", Int(s) / 60, Int(s) % 60) }
        return String(format: "%dh%02dm", Int(s) / 3600, Int(s) / 60 % 60)
    }
}
