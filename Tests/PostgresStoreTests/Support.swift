import Foundation
import Testing

import LabelCore
@testable import PostgresStore

/// The PostgreSQL database of the tests, from TERMLABEL_TEST_DATABASE_URL (CI starts one with
/// scripts/postgres-test-cluster).
enum TestDatabase {
    static let url: DatabaseURL? = {
        guard let text = ProcessInfo.processInfo.environment["TERMLABEL_TEST_DATABASE_URL"], !text.isEmpty else { return nil }
        return try? DatabaseURL(parsing: text)
    }()

    static var available: Bool { url != nil }

    static let skipReason: Comment = """
        TERMLABEL_TEST_DATABASE_URL is not set: every PostgreSQL test is skipped, and the store tests run on SQLite only \
        (.ci/run starts a server and sets it; see docs/testing.md)
        """

    static func newSchema() -> String { "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16) }

    static let settings = ProjectSettings(name: "reviews", ontologyJSON: oneRadio, hasReview: false, createdAt: Timestamp(millisecondsSince1970: 1_714_550_400_000))

    static let oneRadio = """
        {"tools": [], "classifications": [{"schemaId": "q-sent", "tool": "radio", "title": "Sentiment", "required": true,
        "options": [{"value": "Positive", "schemaId": "o-pos"}, {"value": "Negative", "schemaId": "o-neg"}]}], "relations": []}
        """

    /// A new project in its own schema, dropped afterwards.
    static func withProject<T>(review: Bool = false, _ body: (PostgresProjectStore) throws -> T) throws -> T {
        let url = try #require(url)
        let schema = newSchema()
        defer { try? PostgresProjectStore.drop(url: url, schema: schema) }
        var settings = settings
        settings.hasReview = review
        let store = try PostgresProjectStore.create(url: url, schema: schema, settings: settings)
        defer { store.close() }
        return try body(store)
    }
}

/// Plain text tasks named by their externalIds.
func tasks(_ names: [String]) -> [NewTask] { names.map { NewTask(externalId: $0, asset: .string("text of \($0)")) } }
