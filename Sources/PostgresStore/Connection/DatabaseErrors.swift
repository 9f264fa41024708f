import Foundation
import LabelCore
import PostgresNIO

/// Turns what postgres-nio and SwiftNIO throw into `DatabaseError`s people can act on.
enum DatabaseErrors {
    static func map(_ error: any Error, url: DatabaseURL, connecting: Bool) -> any Error {
        let shown = url.description
        if error is DatabaseError || error is StoreError { return error }
        if let psql = error as? PSQLError {
            if psql.code == .server, let info = psql.serverInfo {
                let code = info[.sqlState] ?? ""
                let message = info[.message] ?? "an error"
                switch code {
                case "28000" where refusedWithoutTLS(psql):
                    return DatabaseError.tls(url: shown, detail: "the server takes only TLS connections from here (hostssl in its pg_hba.conf) and sslmode=\(url.sslMode.rawValue) did not use TLS; use sslmode=require, or verify-full with sslrootcert=CA-FILE")
                case "28P01", "28000": return DatabaseError.authentication(url: shown, detail: message)
                case "3D000": return DatabaseError.databaseMissing(url: shown, database: url.database)
                case "42501": return DatabaseError.permission(url: shown, detail: message)
                case _ where code.hasPrefix("08") || code.hasPrefix("57P"):
                    return connecting ? DatabaseError.unreachable(url: shown, detail: message)
                        : DatabaseError.connectionLost(url: shown, detail: message)
                default: return DatabaseError.server(url: shown, message: message, code: code)
                }
            }
            switch psql.code {
            case .sslUnsupported:
                return DatabaseError.tls(url: shown, detail: "the server does not offer TLS (sslmode=\(url.sslMode.rawValue) asks for it)")
            case .authMechanismRequiresPassword:
                return DatabaseError.authentication(url: shown, detail: "the server asks for a password and none was given")
            case .unsupportedAuthMechanism:
                return DatabaseError.authentication(url: shown, detail: "the server asks for a way of logging in termlabel does not know")
            case .saslError:
                return DatabaseError.authentication(url: shown, detail: "password authentication failed")
            default:
                if let underlying = psql.underlying {
                    if let detail = tlsDetail(underlying, url: url) { return DatabaseError.tls(url: shown, detail: detail) }
                    let detail = describe(underlying)
                    return connecting ? DatabaseError.unreachable(url: shown, detail: detail) : DatabaseError.connectionLost(url: shown, detail: detail)
                }
                let detail = psql.code == .serverClosedConnection || psql.code == .uncleanShutdown ? "the server closed it"
                    : psql.code == .clientClosedConnection ? "it was closed" : "\(psql.code)"
                return connecting ? DatabaseError.unreachable(url: shown, detail: detail) : DatabaseError.connectionLost(url: shown, detail: detail)
            }
        }
        if let detail = tlsDetail(error, url: url) { return DatabaseError.tls(url: shown, detail: detail) }
        let detail = describe(error)
        return connecting ? DatabaseError.unreachable(url: shown, detail: detail) : DatabaseError.connectionLost(url: shown, detail: detail)
    }

    /// Whether the server turned the login away for want of TLS (pg_hba.conf's hostssl, or a
    /// hostnossl reject): its message ends "no encryption" (PostgreSQL 14 on) or "SSL off".
    static func refusedWithoutTLS(_ error: any Error) -> Bool {
        guard let psql = error as? PSQLError, psql.code == .server, let info = psql.serverInfo, info[.sqlState] == "28000" else { return false }
        let message = info[.message] ?? ""
        return message.hasSuffix("no encryption") || message.hasSuffix("SSL off")
    }

    /// What went wrong in the TLS handshake, for people; nil when the error is not TLS's.
    static func tlsDetail(_ error: any Error, url: DatabaseURL) -> String? {
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return "the server's certificate is not for the host \"\(url.host)\" (sslmode=verify-full checks the name); connect by a name the certificate carries, or use sslmode=verify-ca"
        }
        guard error is NIOSSLError || error is NIOSSLExtraError else { return nil }
        let text = "\(error)"
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            let by = url.sslRootCert.map { "the CA in sslrootcert=\($0)" } ?? "a CA this machine trusts"
            return "the server's certificate is not signed by \(by) (sslmode=\(url.verification.rawValue) checks it); name the CA that signed it with sslrootcert=CA-FILE"
        }
        return "the TLS handshake failed: \(text)"
    }

    /// The words of a system error (connection refused, no route to host…), else the error as it prints.
    static func describe(_ error: any Error) -> String {
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)).lowercased() }
        if let failure = error as? NIOConnectionError {
            if let first = failure.connectionErrors.first { return describe(first.error) }
            if failure.dnsAError != nil || failure.dnsAAAAError != nil { return "no such host \"\(failure.host)\"" }
        }
        if error is ChannelError { return "\(error)" }
        let text = "\(error)"
        if text.contains("connectTimeout") || text.contains("ConnectTimeout") { return "no answer in time" }
        return text
    }
}

/// A row that does not read as the schema says: the project is damaged.
enum LabelCoreDamage {
    static func null(_ column: String) -> StoreError { .damaged("\(column) is NULL") }
    static func undecodable(_ column: String, _ detail: String) -> StoreError { .damaged("cannot read \(column): \(detail)") }
}
