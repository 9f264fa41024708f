import GRDB

extension SQLiteProjectStore: ProjectCopying {
    public func readRows(of table: StoredTable, _ body: ([StoredValue]) throws -> Void) throws {
        let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(table.rawValue) ORDER BY \(table.order)")
            while let row = try rows.next() {
                try body((0..<row.count).map { index in
                    switch row[index] as DatabaseValue {
                    case let value where value.isNull: .null
                    case let value: Int64.fromDatabaseValue(value).map(StoredValue.integer)
                        ?? String.fromDatabaseValue(value).map(StoredValue.text) ?? .null
                    }
                })
            }
        }
    }

    public func writeRows(_ rows: [[StoredValue]], into table: StoredTable) throws {
        let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = table.columns.map { _ in "?" }.joined(separator: ", ")
        try pool.write { db in
            let insert = try db.makeStatement(sql: "INSERT OR REPLACE INTO \(table.rawValue)(\(columns)) VALUES (\(marks))")
            for row in rows {
                try insert.execute(arguments: StatementArguments(row.map { value -> (any DatabaseValueConvertible)? in
                    switch value {
                    case .integer(let n): n
                    case .text(let s): s
                    case .null: nil
                    }
                }))
            }
        }
    }

    public func rowCount(of table: StoredTable) throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.rawValue)") ?? 0 }
    }

    public func finishCopy() throws {}
}
