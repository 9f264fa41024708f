import Foundation
import GRDB
import Testing

@testable import LabelCore
@testable import PostgresStore

/// The stores the store tests run against: SQLite always, PostgreSQL when
/// TERMLABEL_TEST_DATABASE_URL names a database the tests may make schemas in (CI starts one).
enum StoreBackend: String, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static var all: [StoreBackend] { TestDatabase.url == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue == "sqlite" ? "SQLite" : "PostgreSQL" }
}

/// The PostgreSQL database of the tests, from TERMLABEL_TEST_DATABASE_URL.
enum TestDatabase {
    static let url: DatabaseURL? = {
        guard let text = ProcessInfo.processInfo.environment["TERMLABEL_TEST_DATABASE_URL"], !text.isEmpty else { return nil }
        return try? DatabaseURL(parsing: text)
    }()

    static let skipReason: Comment = "TERMLABEL_TEST_DATABASE_URL is not set: the store tests run on SQLite only (CI sets it; see docs/testing.md)"

    /// A schema name no other test uses.
    static func newSchema() -> String { "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16) }
}

/// Runs `body` with a new project on `backend`, removed afterwards.
func withProject<T>(
    on backend: StoreBackend, ontology: String = Ontologies.oneRadio, review: Bool = false, emails: [String: String] = [:],
    _ body: (any ProjectStore) throws -> T
) throws -> T {
    let settings = ProjectSettings(
        name: "reviews", ontologyJSON: ontology, hasReview: review, createdAt: at("2024-05-01T08:00:00.000Z"), emails: emails)
    switch backend {
    case .sqlite:
        return try withTemporaryDirectory { dir in
            try body(try SQLiteProjectStore.create(directory: (dir as NSString).appendingPathComponent("project"), settings: settings))
        }
    case .postgres:
        let url = try #require(TestDatabase.url)
        let schema = TestDatabase.newSchema()
        defer { try? PostgresProjectStore.drop(url: url, schema: schema) }
        let store = try PostgresProjectStore.create(url: url, schema: schema, settings: settings)
        defer { store.close() }
        return try body(store)
    }
}

/// A second store on the same project, as another process would open it.
func openAgain(_ store: any ProjectStore) throws -> any ProjectStore {
    if let sqlite = store as? SQLiteProjectStore { return try SQLiteProjectStore(directory: sqlite.directory) }
    if let postgres = store as? PostgresProjectStore { return try PostgresProjectStore(url: postgres.url, schema: postgres.schema) }
    throw StoreError.damaged("unknown store \(type(of: store))")
}

/// Rows of (stage, status, n) from SQL run straight on the store's database, as "stage/status": n.
func countRows(_ store: any ProjectStore, _ sql: String) throws -> [String: Int] {
    var map: [String: Int] = [:]
    if let sqlite = store as? SQLiteProjectStore {
        try sqlite.pool.read { db in
            for row in try Row.fetchAll(db, sql: sql) { map["\(row[0] as String)/\(row[1] as String)"] = row[2] }
        }
    } else if let postgres = store as? PostgresProjectStore {
        for (stage, status, n) in try postgres.rawRows(sql) { map["\(stage)/\(status)"] = Int(n) }
    }
    return map
}

extension ProjectStore {
    /// Sets an assignee directly, as a requeue that keeps it would leave it.
    func updateAssignee(_ externalId: String, _ user: String) throws {
        let id = try id(externalId)
        if let sqlite = self as? SQLiteProjectStore {
            try sqlite.pool.write { db in try db.execute(sql: "UPDATE task SET assignee = ? WHERE id = ?", arguments: [user, id]) }
        } else if let postgres = self as? PostgresProjectStore {
            _ = try postgres.link.withSession { try $0.execute("UPDATE task SET assignee = $1 WHERE id = $2", [.text(user), .int(id)]) }
        }
    }
}
