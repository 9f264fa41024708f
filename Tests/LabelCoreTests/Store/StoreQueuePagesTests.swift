import Foundation
import GRDB
import Testing

@testable import LabelCore

/// The list's pages and positions come from the block counts; they must agree with counting
/// every row, across blocks, priorities and statuses.
@Suite("Store: queue pages by blocks")
struct StoreQueuePagesTests {
    static let filters: [QueueFilter] = [.all, QueueFilter(statuses: [.new]), QueueFilter(statuses: [.skipped]),
                                         QueueFilter(statuses: [.submitted]), QueueFilter(statuses: [.new, .skipped])]

    /// 5,000 tasks (three blocks) of three priorities, some skipped, some submitted.
    func project(in dir: String) throws -> SQLiteProjectStore {
        let store = try makeProject(in: dir)
        _ = try store.add((0..<5_000).map { NewTask(externalId: "t\($0)", asset: .string("text \($0)"), priority: $0 % 7 == 0 ? 1 : $0 % 5 == 0 ? -1 : 0) },
                          at: addedAt)
        try store.pool.write { db in
            try db.execute(sql: "UPDATE task SET status = 'skipped' WHERE id % 13 = 0")
            try db.execute(sql: "UPDATE task SET stage = 'Review', status = 'submitted' WHERE id % 11 = 0 AND status = 'new'")
        }
        return store
    }

    @Test("every page of every list filter is the page counted from the top, in and across blocks")
    func pagesAgreeWithCounting() throws {
        try withTemporaryDirectory { dir in
            let store = try project(in: dir)
            for filter in Self.filters {
                let total = try store.count(filter)
                for offset in [0, 1, 99, 2_046, 2_047, 2_048, 3_000, 4_095, 4_096, total - 3, total - 1, total, total + 5] where offset >= 0 {
                    #expect(try store.page(filter, offset: offset, limit: 7) == store.scannedPage(filter, offset: offset, limit: 7),
                            "\(filter) at \(offset)")
                }
                #expect(try store.page(filter, offset: 0, limit: total + 10) == store.scannedPage(filter, offset: 0, limit: total + 10))
            }
        }
    }

    @Test("every task's position in every list filter is the count of the rows before it")
    func positionsAgreeWithCounting() throws {
        try withTemporaryDirectory { dir in
            let store = try project(in: dir)
            for filter in Self.filters {
                for id in stride(from: Int64(1), through: 5_001, by: 37) {
                    #expect(try store.position(of: id, in: filter) == store.scannedPosition(of: id, in: filter), "\(filter) #\(id)")
                }
            }
        }
    }

    @Test("the block counts follow adds, status changes and deletes")
    func blockCountsFollowChanges() throws {
        try withTemporaryDirectory { dir in
            let store = try project(in: dir)
            try store.pool.write { db in
                try db.execute(sql: "DELETE FROM task WHERE id % 17 = 0")
                try db.execute(sql: "UPDATE task SET status = 'draft' WHERE id % 19 = 0")
            }
            _ = try store.add(tasks("late:1", "later:-1"), at: addedAt)
            let (kept, counted) = try store.pool.read { db in
                (try Row.fetchAll(db, sql: "SELECT rank, block, status, n FROM queue_block WHERE n != 0 ORDER BY 1, 2, 3").map { "\($0["rank"] as Int) \($0["block"] as Int) \($0["status"] as String) \($0["n"] as Int)" },
                 try Row.fetchAll(db, sql: "SELECT -priority AS rank, id >> 11 AS block, status, COUNT(*) AS n FROM task GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").map { "\($0["rank"] as Int) \($0["block"] as Int) \($0["status"] as String) \($0["n"] as Int)" })
            }
            #expect(kept == counted)
        }
    }
}
