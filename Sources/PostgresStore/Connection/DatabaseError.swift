import LabelCore

/// What can go wrong between termlabel and a PostgreSQL server, said for people: the URL shown
/// with its password masked, and what to do.
public enum DatabaseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No server answered (refused, no route, timed out, no such host).
    case unreachable(url: String, detail: String)
    /// The server refused the user or the password.
    case authentication(url: String, detail: String)
    /// The server has no database of that name.
    case databaseMissing(url: String, database: String)
    /// TLS was required and could not be had, or the certificate did not check out.
    case tls(url: String, detail: String)
    /// The connection was lost during a call; what was being done may or may not have been committed.
    case connectionLost(url: String, detail: String)
    /// The user may not do this (see the guide's roles).
    case permission(url: String, detail: String)
    /// The project's tables were made by a newer termlabel.
    case newerSchema(schema: String, version: Int, known: Int)
    /// The schema holds no termlabel project.
    case noProject(url: String, schema: String)
    /// A value PostgreSQL cannot keep.
    case unsupportedText(field: String)
    /// Any other error the server reported.
    case server(url: String, message: String, code: String)

    public var description: String {
        switch self {
        case .unreachable(let url, let detail):
            "cannot reach the PostgreSQL server at \(url): \(detail); check that it runs, the host and port, and that a firewall lets you through"
        case .authentication(let url, let detail):
            "the PostgreSQL server at \(url) refused the login: \(detail); check the user and the password (in the URL, PGPASSWORD or ~/.pgpass)"
        case .databaseMissing(let url, let database):
            "the PostgreSQL server at \(url) has no database \"\(database)\"; make it with `createdb \(database)` (or ask its administrator)"
        case .tls(let url, let detail):
            "no secure connection to \(url): \(detail); see sslmode in the guide (disable, allow, prefer, require, verify-ca, verify-full)"
        case .connectionLost(let url, let detail):
            "the connection to \(url) was lost: \(detail)"
        case .permission(let url, let detail):
            "the PostgreSQL server at \(url) refused: \(detail); the role needs the rights in the guide's \"A team on many machines\""
        case .newerSchema(let schema, let version, let known):
            "the project in schema \(schema) was made by a newer termlabel (its tables are version \(version); this termlabel knows up to \(known)); install the newer termlabel to open it"
        case .noProject(let url, let schema):
            "\(url) holds no termlabel project in schema \(schema); make one with `termlabel init DIR --database URL`"
        case .unsupportedText(let field):
            "PostgreSQL cannot keep the character U+0000 (NUL) in text, and \(field) has one; remove it from the file and try again"
        case .server(let url, let message, let code):
            "the PostgreSQL server at \(url) said: \(message) (SQLSTATE \(code))"
        }
    }

    /// Whether the server may well take the call once it is back: the link, not the request, failed.
    public var isConnectionProblem: Bool {
        switch self {
        case .unreachable, .connectionLost: true
        case .server(_, _, let code): code.hasPrefix("08") || code == "57P01" || code == "57P02" || code == "57P03"
        default: false
        }
    }
}
