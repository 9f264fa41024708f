/// Copies every row of a project into another store's empty project, ids kept, and checks that
/// the copy holds as many rows of each table and the same progress as the original.
public enum ProjectCopy {
    /// Rows copied per table.
    public struct Counts: Equatable, Sendable {
        public var rows: [StoredTable: Int]
        public init(rows: [StoredTable: Int]) { self.rows = rows }
        public var total: Int { rows.values.reduce(0, +) }
    }

    public static func copy(from source: any ProjectCopying, to target: any ProjectCopying, batch: Int = 2000,
                            progress: (StoredTable, Int) -> Void = { _, _ in }) throws -> Counts {
        var counts: [StoredTable: Int] = [:]
        for table in StoredTable.allCases {
            var rows: [[StoredValue]] = []
            var copied = 0
            try source.readRows(of: table) { row in
                rows.append(row)
                if rows.count == batch {
                    try target.writeRows(rows, into: table)
                    copied += rows.count
                    rows.removeAll(keepingCapacity: true)
                    progress(table, copied)
                }
            }
            try target.writeRows(rows, into: table)
            copied += rows.count
            counts[table] = copied
        }
        try target.finishCopy()
        try verify(source, target)
        return Counts(rows: counts)
    }

    /// Throws `damaged` naming the first table whose rows, or the progress, differ.
    public static func verify(_ source: any ProjectCopying, _ target: any ProjectCopying) throws {
        for table in StoredTable.allCases {
            let (from, to) = (try source.rowCount(of: table), try target.rowCount(of: table))
            if from != to { throw StoreError.damaged("the copy has \(to) rows of \(table.rawValue), the original \(from); nothing was switched over") }
        }
        let (from, to) = (try source.progress(), try target.progress())
        if from != to { throw StoreError.damaged("the copy's task counts by stage and status differ from the original's; nothing was switched over") }
    }
}
