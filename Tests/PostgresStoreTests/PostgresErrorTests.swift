import Foundation
import Testing

import LabelCore
@testable import PostgresStore

/// PostgreSQL: errors for people
enum PostgresErrorTests {
    /// a wrong password is refused, the URL shown with the password masked
    static func wrongPassword() throws {
        var url = try #require(TestDatabase.url)
        url.password = "not-the-password"
        #expect(throws: DatabaseError.authentication(url: url.description, detail: "password authentication failed for user \"\(url.user)\"")) {
            try PostgresProjectStore(url: url, schema: "anything")
        }
        #expect(!url.description.contains("not-the-password"))
    }

    /// a database that is not there says how to make it
    static func databaseMissing() throws {
        var url = try #require(TestDatabase.url)
        url.database = "no_such_database"
        #expect(throws: DatabaseError.databaseMissing(url: url.description, database: "no_such_database")) {
            try PostgresProjectStore(url: url, schema: "anything")
        }
    }

    /// a server that does not answer is unreachable, with the system's reason
    static func unreachable() throws {
        var url = try #require(TestDatabase.url)
        url.host = "127.0.0.1"
        url.port = 1
        #expect(throws: DatabaseError.unreachable(url: url.description, detail: "connection refused")) {
            try PostgresProjectStore(url: url, schema: "anything")
        }
    }
}
