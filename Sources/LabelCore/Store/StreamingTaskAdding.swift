/// A store that adds tasks as a file is read, batch by batch, in one transaction: memory stays
/// flat whatever the file's size, and a file with an error adds nothing (SQLite, PostgreSQL).
public protocol StreamingTaskAdding: ProjectStore {
    /// Adds the tasks `produce` hands over; if `produce` throws, nothing is added.
    func add(streaming produce: (_ add: ([IncomingTask]) throws -> Void) throws -> Void, at time: Timestamp) throws -> AddResult
}

extension SQLiteProjectStore: StreamingTaskAdding {}
