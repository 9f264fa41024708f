import Foundation

/// Where a project's PostgreSQL database is, as libpq users write it:
/// `postgres://user[:password]@host[:port]/database?sslmode=require`. A host that is a path
/// (`?host=/var/run/postgresql`) is a Unix socket directory. What the URL leaves out comes from
/// PGUSER, PGHOST, PGPORT, PGDATABASE, PGSSLMODE and PGSSLROOTCERT; the password from the URL,
/// PGPASSWORD or ~/.pgpass (PGPASSFILE), as libpq does.
public struct DatabaseURL: Equatable, Sendable, CustomStringConvertible {
    /// libpq's `sslmode`.
    public enum SSLMode: String, CaseIterable, Sendable {
        /// No TLS.
        case disable
        /// No TLS, unless the server takes only TLS connections: then TLS, unverified.
        case allow
        /// TLS when the server offers it, unverified (libpq's default).
        case prefer
        /// TLS or no connection; the certificate is not checked, unless `sslrootcert` names a CA
        /// (then as verify-ca, as libpq does).
        case require
        /// TLS, the certificate chain checked, not the host name.
        case verifyCA = "verify-ca"
        /// TLS, the certificate chain and the host name checked.
        case verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    /// A host name or address, or a Unix socket directory (starts with `/`).
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode
    /// A CA file for verify-ca and verify-full (libpq's `sslrootcert`); without one, the CAs this
    /// machine trusts.
    public var sslRootCert: String?

    /// What the connection checks: `require` with a CA named checks the chain, as libpq does.
    public var verification: SSLMode { sslMode == .require && sslRootCert != nil ? .verifyCA : sslMode }

    public var isUnixSocket: Bool { host.hasPrefix("/") }
    /// The socket file libpq would use for a socket directory.
    public var socketPath: String { (host as NSString).appendingPathComponent(".s.PGSQL.\(port)") }

    public init(user: String, password: String? = nil, host: String, port: Int = 5432, database: String,
                sslMode: SSLMode = .prefer, sslRootCert: String? = nil) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode
        self.sslRootCert = sslRootCert
    }

    /// Reads a URL; `environment` stands in for the process environment (PGUSER and the rest).
    public init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(DatabaseURLError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let scheme = trimmed.range(of: "://"), ["postgres", "postgresql"].contains(trimmed[..<scheme.lowerBound].lowercased()) else {
            throw DatabaseURLError(text: text, problem: "it does not start with postgres:// (write postgres://user@host:port/database)")
        }
        var rest = String(trimmed[scheme.upperBound...])
        var query = ""
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = String(rest[..<q])
        }
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[rest.index(after: slash)...])
            rest = String(rest[..<slash])
        }
        var userInfo = ""
        if let at = rest.lastIndex(of: "@") {
            userInfo = String(rest[..<at])
            rest = String(rest[rest.index(after: at)...])
        }
        func decode(_ s: Substring) throws(DatabaseURLError) -> String {
            guard let value = String(s).removingPercentEncoding else {
                throw DatabaseURLError(text: text, problem: "\"\(s)\" has a % that is not followed by two hexadecimal digits")
            }
            return value
        }
        var user: String?
        var password: String?
        if !userInfo.isEmpty {
            let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            user = try decode(parts[0])
            if parts.count == 2 { password = try decode(parts[1]) }
        }
        var host: String?
        var port: Int?
        if !rest.isEmpty {
            var hostPart = Substring(rest)
            if hostPart.hasPrefix("["), let close = hostPart.firstIndex(of: "]") {
                host = String(hostPart[hostPart.index(after: hostPart.startIndex)..<close])
                hostPart = hostPart[hostPart.index(after: close)...]
                if hostPart.hasPrefix(":") { port = try Self.port(String(hostPart.dropFirst()), in: text) }
            } else if let colon = hostPart.lastIndex(of: ":") {
                host = try decode(hostPart[..<colon])
                port = try Self.port(String(hostPart[hostPart.index(after: colon)...]), in: text)
            } else {
                host = try decode(hostPart)
            }
            if host?.isEmpty == true { host = nil }
        }
        var database: String? = path.isEmpty ? nil : try decode(Substring(path))
        var sslMode: SSLMode?
        var sslRootCert: String?
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try decode(kv[0])
            let value = kv.count == 2 ? try decode(kv[1]) : ""
            switch key {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    throw DatabaseURLError(text: text, problem: "sslmode \"\(value)\" is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                sslMode = mode
            case "sslrootcert": sslRootCert = value
            case "host": host = value
            case "port": port = try Self.port(value, in: text)
            case "user": user = value
            case "password": password = value
            case "dbname": database = value
            case "application_name", "connect_timeout": continue
            default:
                throw DatabaseURLError(text: text, problem: "termlabel does not know the parameter \"\(key)\" (it knows sslmode, sslrootcert, host, port, user, password, dbname)")
            }
        }
        let login = environment["PGUSER"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.login(environment)
        self.user = user ?? login
        self.password = password
        self.host = host ?? environment["PGHOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        if let port {
            self.port = port
        } else if let env = environment["PGPORT"], !env.isEmpty {
            self.port = try Self.port(env, in: text)
        } else {
            self.port = 5432
        }
        self.database = database ?? environment["PGDATABASE"].flatMap { $0.isEmpty ? nil : $0 } ?? self.user
        if let mode = sslMode {
            self.sslMode = mode
        } else if let env = environment["PGSSLMODE"], !env.isEmpty {
            guard let mode = SSLMode(rawValue: env) else {
                throw DatabaseURLError(text: "PGSSLMODE=\(env)", problem: "it is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.sslMode = mode
        } else {
            // A local socket has no TLS: libpq's prefer means none there.
            self.sslMode = self.host.hasPrefix("/") ? .disable : .prefer
        }
        self.sslRootCert = sslRootCert ?? environment["PGSSLROOTCERT"].flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func port(_ text: String, in url: String) throws(DatabaseURLError) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw DatabaseURLError(text: url, problem: "the port \"\(text)\" is not a number from 1 to 65535")
        }
        return port
    }

    private static func login(_ environment: [String: String]) -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return environment["USER"] ?? "postgres"
    }

    /// The URL without its password: what is written in the project directory and shown to people.
    public var withoutPassword: String { text(password: nil) }

    /// The URL with the password masked, for messages.
    public var description: String { text(password: password == nil ? nil : "****") }

    private func text(password: String?) -> String {
        let allowed = CharacterSet.urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/?#"))
        var out = "postgres://" + (user.addingPercentEncoding(withAllowedCharacters: allowed) ?? user)
        if let password { out += ":" + password }
        var params: [String] = []
        if isUnixSocket {
            out += "@/"
            params.append("host=" + (host.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&="))) ?? host))
            if port != 5432 { params.append("port=\(port)") }
        } else {
            out += "@" + (host.contains(":") ? "[\(host)]" : host) + (port == 5432 ? "" : ":\(port)") + "/"
        }
        out += database.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? database
        if !(isUnixSocket && sslMode == .disable) && sslMode != .prefer { params.insert("sslmode=\(sslMode.rawValue)", at: 0) }
        if let sslRootCert { params.append("sslrootcert=\(sslRootCert)") }
        return params.isEmpty ? out : out + "?" + params.joined(separator: "&")
    }

    /// This URL with the password filled in from PGPASSWORD or the password file, when the URL has none.
    public func resolvingPassword(environment: [String: String] = ProcessInfo.processInfo.environment) -> DatabaseURL {
        guard password == nil else { return self }
        var copy = self
        if let env = environment["PGPASSWORD"], !env.isEmpty {
            copy.password = env
        } else {
            let file = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
                ?? (NSHomeDirectory() as NSString).appendingPathComponent(".pgpass")
            copy.password = PasswordFile.password(in: file, for: self)
        }
        return copy
    }
}

/// A URL that cannot be read, and why.
public struct DatabaseURLError: Error, Equatable, Sendable, CustomStringConvertible {
    public var text: String
    public var problem: String
    public var description: String { "cannot read the database URL \(Self.masked(text)): \(problem)" }

    /// The text with anything between `user:` and `@` masked.
    static func masked(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@") else { return text }
        let userInfo = text[scheme.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":****" + String(text[at...])
    }
}
