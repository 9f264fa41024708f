import ArgumentParser
import Foundation
import LabelCore
import TerminalUI

struct WhoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who",
        abstract: "Who holds which task, since when, and when their hold lapses.",
        discussion: """
            A task on an annotator's screen is held for them: the queue serves it to nobody else. \
            Their first answer claims it; leaving a task never answered lets go of it at once. A hold \
            lapses after the project's claim lease (30 minutes by default; `termlabel config DIR \
            --claim-lease MINUTES`) without activity from its holder: the queue then serves the task \
            to the next annotator, with the draft as it stands. Skipped tasks and tasks sent back by \
            review stay with their annotator with no lease.
            """)

    @OptionGroup var project: ProjectOption

    func run() throws {
        try Console.run {
            let store = try project.open()
            let settings = try store.settings()
            Console.out(Self.table(try store.holds(), lease: settings.claimLeaseMilliseconds, now: .now()))
        }
    }

    static func table(_ holds: [Hold], lease: Int64, now: Timestamp) -> String {
        guard !holds.isEmpty else { return "Nobody holds a task." }
        func time(_ t: Timestamp?) -> String {
            t.map { $0.iso8601.prefix(16).replacingOccurrences(of: "T", with: " ") } ?? "—"
        }
        var rows = [["TASK", "STAGE", "STATUS", "HELD BY", "SINCE (UTC)", "LAST ACTIVE (UTC)", "LEASE"]]
        for hold in holds {
            let state: String
            if let ends = hold.leaseEnds(lease: lease) {
                let left = ends.millisecondsSince1970 - now.millisecondsSince1970
                state = left > 0 ? "lapses in \(TimeFormat.short(left))" : "lapsed \(TimeFormat.short(-left)) ago: served to others"
            } else {
                state = switch hold.status {
                case .skipped: "none (skipped)"
                case .rejected: "none (sent back by review)"
                case .hold: "none (on hold)"
                default: "none"
                }
            }
            rows.append([hold.externalId, hold.stage.name, hold.status.rawValue, hold.user, time(hold.since), time(hold.lastActivity), state])
        }
        let widths = rows[0].indices.map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, text in
                column == row.count - 1 ? text : text + String(repeating: " ", count: widths[column] - DisplayWidth.of(text))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
