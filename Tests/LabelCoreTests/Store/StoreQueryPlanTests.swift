import Foundation
import GRDB
import Testing

@testable import LabelCore

/// Every query the screen runs per key or per submit finds its rows through an index: no scan of
/// the tasks, no sort in a temporary b-tree, so its cost does not grow with the project.
@Suite("Store: plans of the hot queries")
struct StoreQueryPlanTests {
    struct HotQuery: CustomTestStringConvertible, Sendable {
        var name: String
        var sql: String
        var plan: [String]
        var testDescription: String { name }
    }

    static let new = ["new"]

    static let queries: [HotQuery] = [
        HotQuery(name: "claimNext: this user's own task", sql: SQLiteProjectStore.ownTaskSQL,
                 plan: ["SEARCH task USING INDEX task_held (assignee=? AND stage=?)"]),
        HotQuery(name: "claimNext: the first free task", sql: SQLiteProjectStore.freeTaskSQL,
                 plan: ["SEARCH task USING INDEX task_queue (stage=?)"]),
        // Consensus. The sorts here are of a handful of rows whatever the project's size: one
        // annotator's open holds, and one task's N answers.
        HotQuery(name: "consensus claimNext: this user's open hold", sql: SQLiteProjectStore.ownConsensusSQL,
                 plan: ["SEARCH a USING INDEX consensus_answer_open (user=? AND submittedAt=?)",
                        "SEARCH t USING INTEGER PRIMARY KEY (rowid=?)", "USE TEMP B-TREE FOR ORDER BY"]),
        HotQuery(name: "consensus claimNext: the first task with room", sql: SQLiteProjectStore.freeConsensusSQL,
                 plan: ["SEARCH task USING INDEX task_queue (stage=?)", "CORRELATED SCALAR SUBQUERY 1",
                        "SEARCH a USING PRIMARY KEY (task=? AND user=?)", "CORRELATED SCALAR SUBQUERY 2",
                        "SEARCH a USING PRIMARY KEY (task=?)"]),
        HotQuery(name: "consensus review: the first task none of whose annotators is the reviewer",
                 sql: SQLiteProjectStore.freeConsensusReviewSQL,
                 plan: ["SEARCH task USING INDEX task_queue (stage=?)", "CORRELATED SCALAR SUBQUERY 1",
                        "SEARCH a USING PRIMARY KEY (task=? AND user=?)"]),
        HotQuery(name: "consensus submit: the round's answers", sql: """
            SELECT user, classifications, active, idle, submittedAt FROM consensus_answer
            WHERE task = ? AND submittedAt IS NOT NULL ORDER BY submittedAt, user
            """, plan: ["SEARCH consensus_answer USING PRIMARY KEY (task=?)", "USE TEMP B-TREE FOR ORDER BY"]),
        HotQuery(name: "a task by id (claim, submit, open)", sql: "SELECT \(SQLiteProjectStore.taskColumns) FROM task t WHERE t.id = ?",
                 plan: ["SEARCH t USING INTEGER PRIMARY KEY (rowid=?)"]),
        HotQuery(name: "a draft (open)", sql: "SELECT * FROM draft WHERE task = ? AND stage = ?",
                 plan: ["SEARCH draft USING INDEX sqlite_autoindex_draft_1 (task=? AND stage=?)"]),
        HotQuery(name: "progress and counts", sql: "SELECT stage, status, n FROM task_count WHERE n > 0",
                 plan: ["SCAN task_count"]),
        HotQuery(name: "list count by status", sql: "SELECT COALESCE(SUM(t.n), 0) FROM task_count t WHERE t.status IN (?)",
                 plan: ["SCAN t"]),
        HotQuery(name: "list page: blocks in order (all)", sql: SQLiteProjectStore.blocksInOrderSQL(nil),
                 plan: ["SCAN queue_block"]),
        HotQuery(name: "list page: blocks in order (by status)", sql: SQLiteProjectStore.blocksInOrderSQL(new),
                 plan: ["SCAN queue_block"]),
        HotQuery(name: "list page: rows from a block (all)", sql: SQLiteProjectStore.pageInBlockSQL(nil),
                 plan: ["SEARCH t USING INDEX task_order (priority=? AND id>?)",
                        "SEARCH d USING INDEX sqlite_autoindex_draft_1 (task=? AND stage=?) LEFT-JOIN"]),
        HotQuery(name: "list page: rows from a block (by status)", sql: SQLiteProjectStore.pageInBlockSQL(new),
                 plan: ["SEARCH t USING INDEX task_status_order (status=? AND priority=? AND id>?)",
                        "SEARCH d USING INDEX sqlite_autoindex_draft_1 (task=? AND stage=?) LEFT-JOIN"]),
        HotQuery(name: "list page: rows of lower priorities (all)", sql: SQLiteProjectStore.pageAfterPrioritySQL(nil),
                 plan: ["SEARCH t USING INDEX task_order (priority<?)",
                        "SEARCH d USING INDEX sqlite_autoindex_draft_1 (task=? AND stage=?) LEFT-JOIN"]),
        HotQuery(name: "list page: rows of lower priorities (by status)", sql: SQLiteProjectStore.pageAfterPrioritySQL(new),
                 plan: ["SEARCH t USING INDEX task_status_order (status=? AND priority<?)",
                        "SEARCH d USING INDEX sqlite_autoindex_draft_1 (task=? AND stage=?) LEFT-JOIN"]),
        HotQuery(name: "list rows a submit changed, by task", sql: SQLiteProjectStore.rowsByIdSQL(count: 2),
                 plan: ["SEARCH t USING INTEGER PRIMARY KEY (rowid=?)",
                        "SEARCH d USING INDEX sqlite_autoindex_draft_1 (task=? AND stage=?) LEFT-JOIN"]),
        HotQuery(name: "position: blocks before (all)", sql: SQLiteProjectStore.blocksBeforeSQL(nil),
                 plan: ["SEARCH queue_block USING PRIMARY KEY ((rank,block)<(?,?))"]),
        HotQuery(name: "position: blocks before (by status)", sql: SQLiteProjectStore.blocksBeforeSQL(new),
                 plan: ["SEARCH queue_block USING PRIMARY KEY ((rank,block)<(?,?))"]),
        HotQuery(name: "position: rows before it in its block (all)", sql: SQLiteProjectStore.countInBlockSQL(nil),
                 plan: ["SEARCH task USING COVERING INDEX task_order (priority=? AND id>? AND id<?)"]),
        HotQuery(name: "position: rows before it in its block (by status)", sql: SQLiteProjectStore.countInBlockSQL(new),
                 plan: ["SEARCH task USING COVERING INDEX task_status_order (status=? AND priority=? AND id>? AND id<?)"]),
        HotQuery(name: "submit: the task moves on", sql: """
            UPDATE task SET stage = ?, status = ?, assignee = ?, labeler = ?, annotations = ?, reviewComment = ?,
                updatedAt = ?, updatedBy = ?, active = active + ?, idle = idle + ?, heldSince = NULL, activeAt = NULL WHERE id = ?
            """, plan: ["SEARCH task USING INTEGER PRIMARY KEY (rowid=?)"]),
        HotQuery(name: "submit: its draft goes", sql: "DELETE FROM draft WHERE task = ? AND stage = ?",
                 plan: ["SEARCH draft USING INDEX sqlite_autoindex_draft_1 (task=? AND stage=?)"]),
        HotQuery(name: "claimNext: the gold task this user holds", sql: SQLiteProjectStore.heldBenchmarkSQL,
                 plan: ["SEARCH benchmark_answer USING INDEX sqlite_autoindex_benchmark_answer_1 (user=?)"]),
        HotQuery(name: "claimNext: the first gold task this user has not had", sql: SQLiteProjectStore.unansweredBenchmarkSQL,
                 plan: ["SCAN task USING INDEX task_benchmark",
                        "CORRELATED SCALAR SUBQUERY 1",
                        "SEARCH b USING COVERING INDEX sqlite_autoindex_benchmark_answer_1 (user=? AND task=?)"]),
        HotQuery(name: "claimNext: this user's gold submits", sql: SQLiteProjectStore.goldSubmitsSQL,
                 plan: ["SEARCH benchmark_answer USING INDEX sqlite_autoindex_benchmark_answer_1 (user=?)"]),
        HotQuery(name: "claimNext: this user's Label submits", sql: SQLiteProjectStore.workSubmitsSQL,
                 plan: ["SEARCH history USING INDEX history_user (user=? AND stage=?)"]),
    ]

    @Test("the hot query reads through an index, without a scan of the tasks or a sort", arguments: queries)
    func plan(_ query: HotQuery) throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir)
            let plan = try store.pool.read { db in
                // The plan of the statement as prepared, its parameters unbound (NULL).
                let nulls = StatementArguments(Array(repeating: DatabaseValue.null, count: query.sql.filter { $0 == "?" }.count))
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query.sql, arguments: nulls).map { $0["detail"] as String }
            }
            #expect(plan == query.plan)
        }
    }
}
