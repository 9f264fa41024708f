import GRDB

/// The task list's counts, pages and positions, at a cost that does not grow with the position.
///
/// The list is in queue order (higher priority first, then creation). SQLite cannot count the rows
/// before a key without visiting them, so `queue_block` keeps, for each priority, block of ids
/// (`queueBlockBits`) and status, how many tasks it holds (kept by triggers in the transaction of
/// every change). The row at a position is found by summing those counts in queue order up to the
/// block that holds it, then reading from that block by key (an OFFSET inside one block at most);
/// a task's position is the counts of the blocks before its own plus a count inside its block.
/// Both cost a few thousand small rows at a million tasks, wherever the row is.
///
/// Filters by stage or assignee (not used by the screen) fall back to counting and OFFSET.
extension SQLiteProjectStore {
    static func whereClause(_ filter: QueueFilter) -> (String, StatementArguments) {
        var clauses: [String] = []
        var args: StatementArguments = []
        if let stage = filter.stage {
            clauses.append("t.stage = ?")
            args += [stage.rawValue]
        }
        if let statuses = filter.statuses {
            clauses.append("t.status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))")
            args += StatementArguments(statuses.map(\.rawValue).sorted())
        }
        if let assignee = filter.assignee {
            clauses.append("t.assignee = ?")
            args += [assignee]
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), args)
    }

    public func count(_ filter: QueueFilter) throws -> Int {
        guard filter.assignee != nil else {
            // By stage and status: the kept counts (a few rows), not a scan of every task.
            let (clause, args) = Self.whereClause(filter)
            return try pool.read { db in
                try Int.fetchOne(db, cached: "SELECT COALESCE(SUM(t.n), 0) FROM task_count t \(clause)", arguments: args) ?? 0
            }
        }
        let (clause, args) = Self.whereClause(filter)
        return try pool.read { db in try Int.fetchOne(db, cached: "SELECT COUNT(*) FROM task t \(clause)", arguments: args) ?? 0 }
    }

    public func page(_ filter: QueueFilter, offset: Int, limit: Int) throws -> [QueueRow] {
        guard limit > 0, offset >= 0 else { return [] }
        guard let statuses = Self.blockFilter(filter) else { return try scannedPage(filter, offset: offset, limit: limit) }
        return try pool.read { db in
            guard let start = try Self.blockHolding(offset, statuses, db) else { return [] }
            let priority = -start.rank
            var rows = try Self.queueRows(db, sql: Self.pageInBlockSQL(statuses),
                                          arguments: Self.statusArguments(statuses) + [priority, start.block << Self.queueBlockBits, limit, start.skip])
            if rows.count < limit {
                rows += try Self.queueRows(db, sql: Self.pageAfterPrioritySQL(statuses),
                                           arguments: Self.statusArguments(statuses) + [priority, limit - rows.count])
            }
            return rows
        }
    }

    public func position(of taskId: Int64, in filter: QueueFilter) throws -> Int? {
        guard let statuses = Self.blockFilter(filter) else { return try scannedPosition(of: taskId, in: filter) }
        return try pool.read { db in
            guard let row = try Row.fetchOne(db, cached: "SELECT priority, status FROM task WHERE id = ?", arguments: [taskId]) else { return nil }
            let priority: Int = row["priority"]
            if let statuses, !statuses.contains(row["status"]) { return nil }
            let block = Int(taskId >> Self.queueBlockBits)
            let before = try Int.fetchOne(db, cached: Self.blocksBeforeSQL(statuses),
                                          arguments: Self.statusArguments(statuses) + [-priority, block]) ?? 0
            let inBlock = try Int.fetchOne(db, cached: Self.countInBlockSQL(statuses),
                                           arguments: Self.statusArguments(statuses) + [priority, block << Self.queueBlockBits, taskId]) ?? 0
            return before + inBlock
        }
    }

    /// The list's rows of these tasks as they are now (the screen reads again only the rows a
    /// submit or an opened task changed), by primary key; a task that is gone is left out.
    public func queueRows(ids: [Int64]) throws -> [QueueRow] {
        guard !ids.isEmpty else { return [] }
        return try pool.read { db in
            try Self.queueRows(db, sql: Self.rowsByIdSQL(count: ids.count), arguments: StatementArguments(ids))
        }
    }

    static func rowsByIdSQL(count: Int) -> String {
        """
        \(queueRowColumns) FROM task t LEFT JOIN draft d ON d.task = t.id AND d.stage = t.stage
        WHERE t.id IN (\(Array(repeating: "?", count: count).joined(separator: ",")))
        """
    }

    /// The statuses a filter keeps (nil: all) when the block counts can serve it; nil when it
    /// also filters by stage or assignee.
    static func blockFilter(_ filter: QueueFilter) -> [String]?? {
        guard filter.stage == nil, filter.assignee == nil else { return nil }
        return .some(filter.statuses.map { $0.map(\.rawValue).sorted() })
    }

    static func statusArguments(_ statuses: [String]?) -> StatementArguments {
        StatementArguments(statuses ?? [])
    }

    /// `column IN (?, …) AND `, or nothing for all statuses.
    static func statusClause(_ statuses: [String]?, column: String) -> String {
        guard let statuses else { return "" }
        return "\(column) IN (\(statuses.map { _ in "?" }.joined(separator: ","))) AND "
    }

    /// The index that gives queue order under a filter: by status first when it filters by status.
    static func orderIndex(_ statuses: [String]?) -> String { statuses == nil ? "task_order" : "task_status_order" }

    static func blocksInOrderSQL(_ statuses: [String]?) -> String {
        "SELECT rank, block, SUM(n) AS n FROM queue_block WHERE \(statusClause(statuses, column: "status"))n > 0 GROUP BY rank, block ORDER BY rank, block"
    }

    static func blocksBeforeSQL(_ statuses: [String]?) -> String {
        "SELECT SUM(n) FROM queue_block WHERE \(statusClause(statuses, column: "status"))(rank, block) < (?, ?)"
    }

    static func countInBlockSQL(_ statuses: [String]?) -> String {
        "SELECT COUNT(*) FROM task INDEXED BY \(orderIndex(statuses)) WHERE \(statusClause(statuses, column: "status"))priority = ? AND id >= ? AND id < ?"
    }

    static let queueRowColumns = """
        SELECT t.id, t.externalId, t.stage, t.status, t.assignee, t.preview, t.active + COALESCE(d.active, 0) AS spent
        """

    /// Rows of one priority from a block on, in id order.
    static func pageInBlockSQL(_ statuses: [String]?) -> String {
        """
        \(queueRowColumns) FROM task t INDEXED BY \(orderIndex(statuses)) LEFT JOIN draft d ON d.task = t.id AND d.stage = t.stage
        WHERE \(statusClause(statuses, column: "t.status"))t.priority = ? AND t.id >= ? ORDER BY t.id LIMIT ? OFFSET ?
        """
    }

    /// Rows of lower priorities, in queue order.
    static func pageAfterPrioritySQL(_ statuses: [String]?) -> String {
        """
        \(queueRowColumns) FROM task t INDEXED BY \(orderIndex(statuses)) LEFT JOIN draft d ON d.task = t.id AND d.stage = t.stage
        WHERE \(statusClause(statuses, column: "t.status"))t.priority < ? ORDER BY t.priority DESC, t.id LIMIT ?
        """
    }

    /// The block holding the row at `offset` in queue order, and how many of its rows come first.
    static func blockHolding(_ offset: Int, _ statuses: [String]?, _ db: Database) throws -> (rank: Int, block: Int, skip: Int)? {
        var before = 0
        let rows = try Row.fetchCursor(db, sql: blocksInOrderSQL(statuses), arguments: statusArguments(statuses))
        while let row = try rows.next() {
            let n: Int = row["n"]
            if before + n > offset { return (row["rank"], row["block"], offset - before) }
            before += n
        }
        return nil
    }

    static func queueRows(_ db: Database, sql: String, arguments: StatementArguments) throws -> [QueueRow] {
        try Row.fetchAll(db, cached: sql, arguments: arguments).map {
            QueueRow(
                id: $0["id"], externalId: $0["externalId"], stage: try decode(Stage.self, $0["stage"], column: "stage"),
                status: try decode(TaskStatus.self, $0["status"], column: "status"), assignee: $0["assignee"],
                activeMilliseconds: $0["spent"], preview: $0["preview"])
        }
    }

    /// A page of a filter the block counts cannot serve: counted from the top.
    func scannedPage(_ filter: QueueFilter, offset: Int, limit: Int) throws -> [QueueRow] {
        let (clause, args) = Self.whereClause(filter)
        return try pool.read { db in
            try Self.queueRows(db, sql: """
                \(Self.queueRowColumns) FROM task t LEFT JOIN draft d ON d.task = t.id AND d.stage = t.stage
                \(clause) ORDER BY t.priority DESC, t.id LIMIT ? OFFSET ?
                """, arguments: args + [limit, offset])
        }
    }

    func scannedPosition(of taskId: Int64, in filter: QueueFilter) throws -> Int? {
        let (clause, args) = Self.whereClause(filter)
        return try pool.read { db in
            let prefix = clause.isEmpty ? "WHERE" : clause + " AND"
            guard let priority = try Int.fetchOne(db, cached: "SELECT t.priority FROM task t \(prefix) t.id = ?", arguments: args + [taskId])
            else { return nil }
            return try Int.fetchOne(db, cached: """
                SELECT COUNT(*) FROM task t \(prefix) (t.priority > ? OR (t.priority = ? AND t.id < ?))
                """, arguments: args + [priority, priority, taskId])
        }
    }
}
