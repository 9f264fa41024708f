import Testing

@testable import PostgresStore

/// What only the PostgreSQL store has: a server, schema versions, its errors, claims raced over
/// connections. One test with a case each, so that a `swift test` without a server says so in
/// one line.
@Suite("PostgreSQL: what only it has")
struct PostgresOnlyTests {
    enum Case: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case serverAnswers = "the server of the tests answers"
        case olderSchemaMigrated = "a project made by an older termlabel is brought up to date when it opens, its counts filled in"
        case newerSchemaRefused = "a project made by a newer termlabel is refused, saying which versions"
        case noProject = "a schema that holds no project says how to make one"
        case projectsApart = "two projects in one database are apart: each its own schema"
        case createTwice = "making a project where one is refuses, and leaves it as it was"
        case wrongPassword = "a wrong password is refused, the URL shown with the password masked"
        case databaseMissing = "a database that is not there says how to make it"
        case unreachable = "a server that does not answer is unreachable, with the system's reason"
        case simultaneousClaims = "32 annotators released at once each get a different task, and the 33rd and later get none"
        case consensusClaimWaits = "a consensus claim waits for a task whose row another annotator's transaction holds, and gets its place"
        case resentSubmit = "a submit sent again after its answer was lost finds itself done, and is not recorded twice"
        case copyRoundTrip = "a SQLite project copied into PostgreSQL and back reads the same in all three, ids kept"

        var testDescription: String { rawValue }

        func run() throws {
            switch self {
            case .serverAnswers:
                let link = DatabaseLink(url: try #require(TestDatabase.url), schema: nil)
                defer { link.close() }
                #expect(try link.withSession { try $0.int("SELECT 1") } == 1)
            case .olderSchemaMigrated: try PostgresSchemaTests.olderSchemaMigrated()
            case .newerSchemaRefused: try PostgresSchemaTests.newerSchemaRefused()
            case .noProject: try PostgresSchemaTests.noProject()
            case .projectsApart: try PostgresSchemaTests.projectsApart()
            case .createTwice: try PostgresSchemaTests.createTwice()
            case .wrongPassword: try PostgresErrorTests.wrongPassword()
            case .databaseMissing: try PostgresErrorTests.databaseMissing()
            case .unreachable: try PostgresErrorTests.unreachable()
            case .simultaneousClaims: try PostgresClaimRaceTests.simultaneousClaims()
            case .consensusClaimWaits: try PostgresClaimRaceTests.consensusClaimWaitsForLockedTask()
            case .resentSubmit: try PostgresClaimRaceTests.resentSubmit()
            case .copyRoundTrip: try PostgresCopyTests.roundTrip()
            }
        }
    }

    @Test("PostgreSQL only", .enabled(if: TestDatabase.available, TestDatabase.skipReason), arguments: Case.allCases)
    func postgresOnly(_ which: Case) throws { try which.run() }
}
