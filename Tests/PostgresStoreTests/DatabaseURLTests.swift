import Foundation
import Testing

@testable import PostgresStore

@Suite("PostgreSQL: the database URL")
struct DatabaseURLTests {
    let env: [String: String] = ["USER": "ann"]

    @Test("a full URL gives user, password, host, port, database and sslmode")
    func fullURL() throws {
        let url = try DatabaseURL(parsing: "postgres://ann:s%40cret@db.example.org:6543/labels?sslmode=verify-full", environment: env)
        #expect(url == DatabaseURL(user: "ann", password: "s@cret", host: "db.example.org", port: 6543, database: "labels", sslMode: .verifyFull))
    }

    @Test("what the URL leaves out comes from PGUSER, PGHOST, PGPORT, PGDATABASE and PGSSLMODE")
    func environmentDefaults() throws {
        let url = try DatabaseURL(parsing: "postgresql://", environment: [
            "PGUSER": "bob", "PGHOST": "pg.internal", "PGPORT": "5433", "PGDATABASE": "team", "PGSSLMODE": "require",
        ])
        #expect(url == DatabaseURL(user: "bob", host: "pg.internal", port: 5433, database: "team", sslMode: .require))
    }

    @Test("a host that is a directory is a Unix socket, without TLS")
    func unixSocket() throws {
        let url = try DatabaseURL(parsing: "postgres://ann@/labels?host=/var/run/postgresql&port=5444", environment: env)
        #expect(url.isUnixSocket)
        #expect(url.socketPath == "/var/run/postgresql/.s.PGSQL.5444")
        #expect(url.sslMode == .disable)
    }

    @Test("messages show the password masked; the project file's URL has none")
    func passwordNeverShown() throws {
        let url = try DatabaseURL(parsing: "postgres://ann:hunter2@db:5432/labels?sslmode=require", environment: env)
        #expect(url.description == "postgres://ann:****@db/labels?sslmode=require")
        #expect(url.withoutPassword == "postgres://ann@db/labels?sslmode=require")
    }

    @Test("an unknown sslmode is refused with the ones there are, the password masked")
    func badSSLMode() {
        #expect(throws: DatabaseURLError(text: "postgres://ann:hunter2@db/labels?sslmode=always",
                                         problem: "sslmode \"always\" is not one of disable, allow, prefer, require, verify-ca, verify-full")) {
            try DatabaseURL(parsing: "postgres://ann:hunter2@db/labels?sslmode=always", environment: env)
        }
        let error = DatabaseURLError(text: "postgres://ann:hunter2@db/labels?sslmode=always", problem: "x")
        #expect(error.description == "cannot read the database URL postgres://ann:****@db/labels?sslmode=always: x")
    }

    @Test("a URL that is not postgres:// says how to write one")
    func notPostgres() {
        #expect(throws: DatabaseURLError(text: "mysql://db/labels", problem: "it does not start with postgres:// (write postgres://user@host:port/database)")) {
            try DatabaseURL(parsing: "mysql://db/labels", environment: env)
        }
    }

    @Test("the password comes from PGPASSWORD when the URL has none")
    func passwordFromEnvironment() throws {
        let url = try DatabaseURL(parsing: "postgres://ann@db/labels", environment: env)
        #expect(url.resolvingPassword(environment: ["PGPASSWORD": "pw"]).password == "pw")
        let given = try DatabaseURL(parsing: "postgres://ann:mine@db/labels", environment: env)
        #expect(given.resolvingPassword(environment: ["PGPASSWORD": "pw"]).password == "mine")
    }

    @Test("the password file's first matching line gives the password; * matches anything, \\: is a colon")
    func passwordFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "# comment\nother:5432:*:ann:wrong\ndb:5432:labels:ann:pa\\:ss\n*:*:*:*:fallback\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        let url = try DatabaseURL(parsing: "postgres://ann@db/labels", environment: env)
        #expect(url.resolvingPassword(environment: ["PGPASSFILE": path]).password == "pa:ss")
        chmod(path, 0o644)
        #expect(url.resolvingPassword(environment: ["PGPASSFILE": path]).password == nil)
    }
}
