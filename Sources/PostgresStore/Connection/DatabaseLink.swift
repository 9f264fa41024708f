import Foundation
import Logging
import PostgresNIO
import Synchronization

/// One connection to the server, used from ordinary threads: every call sends its query on the
/// connection's event loop and waits for the answer on the caller's thread (never on an event
/// loop's: the store is synchronous, its callers are the app's and the commands' threads).
/// Calls take turns; a lost connection is made again by the next call.
final class DatabaseLink: Sendable {
    let url: DatabaseURL
    /// The project's schema, made the search path of every connection; nil for none.
    let schema: String?
    private let connection = Mutex<PostgresConnection?>(nil)
    /// How long a call waits for the server before it counts the connection as lost.
    let timeout: TimeAmount

    static let logger = Logger(label: "termlabel.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    init(url: DatabaseURL, schema: String?, timeout: TimeAmount = DatabaseLink.defaultTimeout) {
        self.url = url.resolvingPassword()
        self.schema = schema
        self.timeout = timeout
    }

    /// TERMLABEL_DATABASE_TIMEOUT seconds, else 30.
    static var defaultTimeout: TimeAmount {
        let seconds = ProcessInfo.processInfo.environment["TERMLABEL_DATABASE_TIMEOUT"].flatMap(Double.init) ?? 30
        return .milliseconds(Int64(max(seconds, 0.1) * 1000))
    }

    /// Runs `body` in one transaction, committed before this returns. A deadlock or a
    /// serialization failure (another annotator's transaction won) runs it again.
    func transaction<T>(isolation: String = "READ COMMITTED", _ body: (DatabaseSession) throws -> T) throws -> T {
        try withSession { session in
            var attempt = 0
            while true {
                attempt += 1
                try session.execute("BEGIN ISOLATION LEVEL \(isolation)")
                do {
                    let value = try body(session)
                    try session.execute("COMMIT")
                    return value
                } catch let error as DatabaseError {
                    if !error.isConnectionProblem { _ = try? session.execute("ROLLBACK") }
                    if case .server(_, _, let code) = error, code == "40P01" || code == "40001", attempt < 8 {
                        usleep(UInt32.random(in: 1_000...(5_000 * UInt32(attempt))))
                        continue
                    }
                    throw error
                } catch {
                    _ = try? session.execute("ROLLBACK")
                    throw error
                }
            }
        }
    }

    /// Runs `body` with the connection, outside a transaction (each statement commits on its own).
    func withSession<T>(_ body: (DatabaseSession) throws -> T) throws -> T {
        try connection.withLock { current throws -> T in
            if current == nil || current?.isClosed == true {
                current = try Self.connect(url, schema: schema, timeout: timeout)
            }
            guard let live = current else { throw DatabaseError.connectionLost(url: url.description, detail: "no connection") }
            let session = DatabaseSession(connection: live, url: url, timeout: timeout)
            do {
                return try body(session)
            } catch let error as DatabaseError where error.isConnectionProblem {
                Self.closeAndWait(live)
                current = nil
                throw error
            }
        }
    }

    /// A connection of its own, for a long read (the export's cursor) beside the shared one.
    func dedicated<T>(_ body: (DatabaseSession) throws -> T) throws -> T {
        let own = try Self.connect(url, schema: schema, timeout: timeout)
        defer { Self.closeAndWait(own) }
        return try body(DatabaseSession(connection: own, url: url, timeout: timeout))
    }

    func close() {
        connection.withLock { current in
            if let live = current { Self.closeAndWait(live) }
            current = nil
        }
    }

    deinit {
        connection.withLock { current in
            if let live = current { Self.closeAndWait(live) }
            current = nil
        }
    }

    // MARK: Connecting

    static func connect(_ url: DatabaseURL, schema: String?, timeout: TimeAmount) throws -> PostgresConnection {
        let connection: PostgresConnection
        do {
            // sslmode=allow: without TLS first, and with it when the server takes only TLS.
            do {
                connection = try open(url, tls: url.sslMode == .allow ? .disable : try tls(for: url), timeout: timeout)
            } catch let error where url.sslMode == .allow && DatabaseErrors.refusedWithoutTLS(error) {
                connection = try open(url, tls: try tls(for: url), timeout: timeout)
            }
        } catch {
            throw DatabaseErrors.map(error, url: url, connecting: true)
        }
        if let schema {
            let session = DatabaseSession(connection: connection, url: url, timeout: timeout)
            do {
                try session.execute("SET search_path TO \(quoted(schema))")
            } catch {
                Self.closeAndWait(connection)
                throw error
            }
        }
        return connection
    }

    private static func open(_ url: DatabaseURL, tls: PostgresConnection.Configuration.TLS, timeout: TimeAmount) throws -> PostgresConnection {
        var configuration: PostgresConnection.Configuration
        if url.isUnixSocket {
            configuration = .init(unixSocketPath: url.socketPath, username: url.user, password: url.password, database: url.database)
        } else {
            configuration = .init(host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
        }
        configuration.options.connectTimeout = timeout
        configuration.options.additionalStartupParameters = [("application_name", "termlabel")]
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        return try PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 1, logger: logger).wait()
    }

    /// TLS as libpq's sslmode has it: none for disable; for allow and prefer, and for require
    /// without a CA, encryption with the certificate unchecked; the chain checked against
    /// `sslrootcert` (else the machine's CAs) for verify-ca, and the host name too for verify-full.
    static func tls(for url: DatabaseURL) throws -> PostgresConnection.Configuration.TLS {
        if url.sslMode == .disable { return .disable }
        var tls = TLSConfiguration.makeClientConfiguration()
        switch url.verification {
        case .disable, .allow, .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        if let root = url.sslRootCert {
            guard FileManager.default.isReadableFile(atPath: root) else {
                throw DatabaseError.tls(url: url.description, detail: FileManager.default.fileExists(atPath: root)
                    ? "cannot read the CA file sslrootcert=\(root)" : "the CA file sslrootcert=\(root) does not exist")
            }
            tls.trustRoots = .file(root)
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw DatabaseError.tls(url: url.description, detail: "cannot use the CA file sslrootcert=\(url.sslRootCert ?? "(none)"): \(error)")
        }
        return url.sslMode == .prefer ? .prefer(context) : .require(context)
    }

    /// Closes a connection without waiting (the future-returning `close`, not the async one).
    @discardableResult
    static func close(_ connection: PostgresConnection) -> EventLoopFuture<Void> {
        let future: EventLoopFuture<Void> = connection.close()
        return future
    }

    /// Closes a connection and waits until it is closed (postgres-nio wants a connection closed
    /// before it goes). On one of its event loop's threads it cannot wait: it only asks.
    static func closeAndWait(_ connection: PostgresConnection) {
        let closing = close(connection)
        if !connection.eventLoop.inEventLoop { try? closing.wait() }
    }

    /// An identifier as SQL writes it: in double quotes, quotes doubled.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
