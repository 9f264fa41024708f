import LabelCore

extension PostgresProjectStore: ProjectCopying {
    /// A column's name here: lower case, and `user` is `username`.
    static func column(_ name: String) -> String { name == "user" ? "username" : name.lowercased() }

    /// Which columns hold numbers (the rest hold text).
    static func isInteger(_ table: StoredTable, _ column: String) -> Bool {
        switch (table, column) {
        case (.setting, _): false
        case (_, "id"), (_, "task"), (_, "priority"), (_, "updatedAt"), (_, "active"), (_, "idle"), (_, "createdAt"), (_, "heldSince"),
             (_, "activeAt"), (_, "completedAt"), (_, "imported"), (_, "savedAt"), (_, "at"), (_, "resolvedAt"), (_, "skipped"),
             (_, "submittedAt"), (_, "scoredAt"): true
        default: false
        }
    }

    public func readRows(of table: StoredTable, _ body: ([StoredValue]) throws -> Void) throws {
        let columns = table.columns.map(Self.column).joined(separator: ", ")
        let kinds = table.columns.map { Self.isInteger(table, $0) }
        try link.dedicated { session in
            try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try session.execute("DECLARE copy_rows NO SCROLL CURSOR FOR SELECT \(columns) FROM \(table.rawValue) ORDER BY \(table.order)")
            while true {
                let rows = try session.query("FETCH 1000 FROM copy_rows")
                if rows.isEmpty { break }
                for row in rows {
                    try body(try kinds.enumerated().map { index, integer in
                        if integer { return try row.int(index).map(StoredValue.integer) ?? .null }
                        return try row.text(index).map(StoredValue.text) ?? .null
                    })
                }
            }
            try session.execute("COMMIT")
        }
    }

    public func writeRows(_ rows: [[StoredValue]], into table: StoredTable) throws {
        guard !rows.isEmpty else { return }
        let columns = table.columns.map(Self.column)
        let conflict = switch table {
        case .setting: " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
        case .draft: " ON CONFLICT (task, stage) DO NOTHING"
        default: ""
        }
        try link.transaction { session in
            let perStatement = max(1, 30_000 / columns.count)
            for start in stride(from: 0, to: rows.count, by: perStatement) {
                var values: [SQLValue] = []
                var tuples: [String] = []
                for (r, row) in rows[start..<min(start + perStatement, rows.count)].enumerated() {
                    for (c, value) in row.enumerated() {
                        switch value {
                        case .integer(let n): values.append(Self.isInteger(table, table.columns[c]) ? .int(n) : .text(String(n)))
                        case .text(let s): values.append(Self.isInteger(table, table.columns[c]) ? .int(Int64(s)) : .text(s))
                        case .null: values.append(Self.isInteger(table, table.columns[c]) ? .int(nil) : .text(nil))
                        }
                    }
                    tuples.append("(" + (0..<columns.count).map { "$\(r * columns.count + $0 + 1)" }.joined(separator: ",") + ")")
                }
                try session.execute("INSERT INTO \(table.rawValue)(\(columns.joined(separator: ", "))) VALUES \(tuples.joined(separator: ","))\(conflict)", values)
            }
        }
    }

    public func rowCount(of table: StoredTable) throws -> Int {
        try link.withSession { Int(try $0.int("SELECT COUNT(*) FROM \(table.rawValue)") ?? 0) }
    }

    public func finishCopy() throws {
        try link.withSession { session in
            for table in ["task", "history", "event", "audit", "issue"] {
                try session.execute("SELECT setval(pg_get_serial_sequence('\(table)', 'id'), GREATEST(COALESCE((SELECT MAX(id) FROM \(table)), 0), 1))")
            }
            try Self.analyzeTasks(session)
        }
    }
}

extension PostgresProjectStore {
    /// (text, text, integer) rows of a query: for tests that look at the tables themselves.
    func rawRows(_ sql: String) throws -> [(String, String, Int64)] {
        try link.withSession { session in
            try session.query(sql).map { (try $0.text(0) ?? "", try $0.text(1) ?? "", try $0.int(2) ?? 0) }
        }
    }
}
