import Foundation
import Testing

import LabelCore
@testable import PostgresStore

/// The statements PostgreSQL runs for every claim and submit find their rows through an index,
/// never by a scan of the tasks, so their cost does not grow with the project. The project has
/// 5,000 tasks, analyzed as they were added (while all were new); then 2,000 are done (the
/// statistics still say none are): the planner must neither sort every task for want of
/// statistics nor walk past the done ones.
@Suite("PostgreSQL: plans of the hot queries", .enabled(if: TestDatabase.available, TestDatabase.skipReason))
struct PostgresQueryPlanTests {
    struct HotQuery {
        var name: String
        var sql: String
        var values: [SQLValue]
        /// Each scan of the tasks or the history in the plan, as EXPLAIN (COSTS OFF) writes it, top to bottom.
        var scans: [String]
    }

    static let queries: [HotQuery] = [
        HotQuery(name: "claimNext (own task first, else the first free one)", sql: PostgresProjectStore.claimNextSQL,
                 values: [.text("ann"), .text("Label"), .int(1_764_500_000_000), .int(0), .int(ProjectSettings.defaultClaimLease), .int(0)],
                 scans: ["Index Scan using task_queue on task", "Index Scan using task_held on task task_1", "Index Scan using task_pkey on task t"]),
        HotQuery(name: "submit: the task locked, with the settings", sql: PostgresProjectStore.taskAndSettingsSQL, values: [.int(2500)],
                 scans: ["Index Scan using task_pkey on task t"]),
        HotQuery(name: "submit: the entry, the draft and the task in one statement", sql: PostgresProjectStore.submitSQL, values: [
            .int(2500), .text("Label"), .text("ann"), .text(nil), .int(1000), .int(0), .text(nil), .int(1_764_500_000_000),
            .text("{}"), .text("Complete"), .text("accepted"), .text(nil), .text("ann"), .text("{}"), .text(nil),
        ], scans: ["Index Scan using task_pkey on task"]),
        HotQuery(name: "progress and counts", sql: PostgresProjectStore.countsSQL, values: [], scans: []),
        HotQuery(name: "a task's history (open)", sql: "SELECT entry FROM history WHERE task = $1 ORDER BY id", values: [.int(2500)],
                 scans: ["Index Scan using history_task on history"]),
    ]

    /// The plan's scans of the tables that grow with the project (task, history), as EXPLAIN
    /// writes them, without the arrows and the conditions. (The settings, the kept counts and
    /// the drafts of the moment are a few rows: a sequential scan there is the planner's right choice.)
    static func scans(_ plan: [String]) -> [String] {
        plan.compactMap { line in
            let node = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "->  ", with: "")
            guard node.contains("Scan"), node.range(of: #" on (task|history)( |$)"#, options: .regularExpression) != nil else { return nil }
            return node
        }
    }

    @Test("each hot query reads the tasks through an index, even when the statistics are out of date")
    func plans() throws {
        try TestDatabase.withProject { store in
            _ = try store.add(tasks((1...5000).map { String(format: "t%05d", $0) }), at: Timestamp(millisecondsSince1970: 1_714_550_400_000))
            // No ANALYZE here: adding the tasks gives the planner their statistics.
            _ = try store.link.withSession { session in
                try session.execute("UPDATE task SET stage = 'Complete', status = 'accepted' WHERE id <= 2000")
            }
            for query in Self.queries {
                let plan = try store.link.withSession { session in
                    try session.query("EXPLAIN (COSTS OFF) " + query.sql, query.values).map { try $0.text(0, "QUERY PLAN") }
                }
                #expect(Self.scans(plan) == query.scans, "\(query.name):\n\(plan.joined(separator: "\n"))")
            }
            // And the claim finds the first free task without reading the done ones.
            let claimed = try store.claimNext(stage: .label, user: "ann", at: Timestamp(millisecondsSince1970: 1_764_500_000_000))
            #expect(claimed?.externalId == "t02001")
        }
    }
}
