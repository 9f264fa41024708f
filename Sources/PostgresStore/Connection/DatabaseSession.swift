import PostgresNIO

/// A value bound to a query parameter.
enum SQLValue: Sendable, Equatable {
    case int(Int64?)
    case text(String?)
    case bool(Bool)
    case texts([String])

    static func int(_ value: Int) -> SQLValue { .int(Int64(value)) }
}

/// The connection during one call: queries sent, answers waited for, errors said for people.
struct DatabaseSession {
    let connection: PostgresConnection
    let url: DatabaseURL
    let timeout: TimeAmount

    /// Runs `sql` with `$1`, `$2`… bound to `values`, and returns its rows.
    @discardableResult
    func query(_ sql: String, _ values: [SQLValue] = []) throws -> [SQLRow] {
        try run(sql, values).rows.map(SQLRow.init)
    }

    /// Runs `sql` and returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ values: [SQLValue] = []) throws -> Int {
        try run(sql, values).metadata.rows ?? 0
    }

    /// The first column of the first row, as an integer; nil without a row or for NULL.
    func int(_ sql: String, _ values: [SQLValue] = []) throws -> Int64? {
        try query(sql, values).first?.int(0)
    }

    private func run(_ sql: String, _ values: [SQLValue]) throws -> PostgresQueryResult {
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .int(let n?): binds.append(n)
            case .int(nil): binds.appendNull()
            case .text(let s?):
                guard !s.utf8.contains(0) else { throw DatabaseError.unsupportedText(field: "a value") }
                binds.append(s)
            case .text(nil): binds.appendNull()
            case .bool(let b): binds.append(b)
            case .texts(let list):
                guard !list.contains(where: { $0.utf8.contains(0) }) else { throw DatabaseError.unsupportedText(field: "a value") }
                binds.append(list)
            }
        }
        let future = connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: DatabaseLink.logger)
        let promise = connection.eventLoop.makePromise(of: PostgresQueryResult.self)
        future.cascade(to: promise)
        let connection = self.connection
        let timer = connection.eventLoop.scheduleTask(in: timeout) {
            promise.fail(DatabaseError.connectionLost(url: url.description, detail: "the server did not answer for \(timeout.nanoseconds / 1_000_000_000) s"))
            DatabaseLink.close(connection)
        }
        defer { timer.cancel() }
        do {
            return try promise.futureResult.wait()
        } catch {
            throw DatabaseErrors.map(error, url: url, connecting: false)
        }
    }
}

/// One row of an answer, read by column position.
struct SQLRow {
    let cells: PostgresRandomAccessRow

    init(_ row: PostgresRow) { cells = row.makeRandomAccess() }

    func int(_ index: Int) throws -> Int64? {
        do { return try cells[index].decode(Int64?.self) } catch { throw decodeError(index, error) }
    }

    func text(_ index: Int) throws -> String? {
        do { return try cells[index].decode(String?.self) } catch { throw decodeError(index, error) }
    }

    func bool(_ index: Int) throws -> Bool? {
        do { return try cells[index].decode(Bool?.self) } catch { throw decodeError(index, error) }
    }

    /// A column that may not be NULL.
    func int(_ index: Int, _ name: String) throws -> Int64 {
        guard let value = try int(index) else { throw LabelCoreDamage.null(name) }
        return value
    }

    func text(_ index: Int, _ name: String) throws -> String {
        guard let value = try text(index) else { throw LabelCoreDamage.null(name) }
        return value
    }

    private func decodeError(_ index: Int, _ error: any Error) -> any Error {
        LabelCoreDamage.undecodable(cells[index].columnName, "\(error)")
    }
}
