import Foundation
import Testing

@testable import PostgresStore

/// TLS as libpq users know it, against the tests' cluster: `ssl = on` with a certificate for
/// `localhost` signed by a CA of the cluster script's own, and a database (termlabel_tls_only)
/// that takes TLS connections only.
@Suite("PostgreSQL: TLS (sslmode, sslrootcert)", .enabled(if: TLSCluster.available, TLSCluster.skipReason))
struct PostgresTLSTests {
    /// Whether the connection `url` makes is encrypted, by the server's own account.
    func encrypted(_ url: DatabaseURL) throws -> Bool {
        let link = DatabaseLink(url: url, schema: nil)
        defer { link.close() }
        let ssl: Bool? = try link.withSession { session in
            guard let row = try session.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first else { return nil }
            return try row.bool(0)
        }
        return try #require(ssl as Bool?)
    }

    func refusal(_ url: DatabaseURL) -> DatabaseError? {
        do {
            _ = try encrypted(url)
            return nil
        } catch {
            return error as? DatabaseError
        }
    }

    @Test("sslmode=require connects with TLS, the certificate unchecked")
    func requireConnects() throws {
        #expect(try encrypted(TLSCluster.url(.require)) == true)
    }

    @Test("sslmode=verify-full with the CA that signed the certificate and the name on it connects")
    func verifyFullConnects() throws {
        #expect(try encrypted(TLSCluster.url(.verifyFull, host: "localhost", rootCert: TLSCluster.ca)) == true)
    }

    @Test("sslmode=verify-full by a host name the certificate does not carry is refused, saying so")
    func verifyFullWrongHost() throws {
        let url = TLSCluster.url(.verifyFull, host: "127.0.0.1", rootCert: TLSCluster.ca)
        let error = refusal(url)
        #expect(error == .tls(url: url.description, detail: """
            the server's certificate is not for the host "127.0.0.1" (sslmode=verify-full checks the name); \
            connect by a name the certificate carries, or use sslmode=verify-ca
            """))
        #expect(error?.description.contains(":****@127.0.0.1") == true)
        #expect(error?.description.contains(":\(TLSCluster.password)@") == false)
    }

    @Test("sslmode=verify-ca with a CA that did not sign the certificate is refused, naming the CA file")
    func verifyCAWrongCA() throws {
        let url = TLSCluster.url(.verifyCA, rootCert: TLSCluster.otherCA)
        #expect(refusal(url) == .tls(url: url.description, detail: """
            the server's certificate is not signed by the CA in sslrootcert=\(TLSCluster.otherCA) (sslmode=verify-ca checks it); \
            name the CA that signed it with sslrootcert=CA-FILE
            """))
    }

    @Test("sslmode=require with sslrootcert checks the chain, as libpq does")
    func requireWithRootCertChecks() throws {
        #expect(try encrypted(TLSCluster.url(.require, rootCert: TLSCluster.ca)) == true)
        let url = TLSCluster.url(.require, rootCert: TLSCluster.otherCA)
        #expect(refusal(url) == .tls(url: url.description, detail: """
            the server's certificate is not signed by the CA in sslrootcert=\(TLSCluster.otherCA) (sslmode=verify-ca checks it); \
            name the CA that signed it with sslrootcert=CA-FILE
            """))
    }

    @Test("a CA file that is not there is said before connecting")
    func missingCAFile() throws {
        let url = TLSCluster.url(.verifyFull, host: "localhost", rootCert: "/nonexistent/ca.pem")
        #expect(refusal(url) == .tls(url: url.description, detail: "the CA file sslrootcert=/nonexistent/ca.pem does not exist"))
    }

    @Test("a server that takes only TLS refuses sslmode=disable, and the message says what to use")
    func tlsOnlyRefusesDisable() throws {
        let url = TLSCluster.url(.disable)
        let error = refusal(url)
        #expect(error == .tls(url: url.description, detail: """
            the server takes only TLS connections from here (hostssl in its pg_hba.conf) and sslmode=disable did not use TLS; \
            use sslmode=require, or verify-full with sslrootcert=CA-FILE
            """))
        #expect(error?.description == """
            no secure connection to \(url.description): the server takes only TLS connections from here (hostssl in its pg_hba.conf) \
            and sslmode=disable did not use TLS; use sslmode=require, or verify-full with sslrootcert=CA-FILE; see sslmode in the guide \
            (disable, allow, prefer, require, verify-ca, verify-full)
            """)
    }

    @Test("sslmode=allow goes without TLS where the server lets it, and with TLS where it must")
    func allowFallsBackToTLS() throws {
        #expect(try encrypted(TLSCluster.url(.allow, database: "termlabel_test")) == false)
        #expect(try encrypted(TLSCluster.url(.allow)) == true)
    }

    @Test("sslmode=prefer uses TLS when the server offers it; disable does not")
    func preferUsesTLS() throws {
        #expect(try encrypted(TLSCluster.url(.prefer, database: "termlabel_test")) == true)
        #expect(try encrypted(TLSCluster.url(.disable, database: "termlabel_test")) == false)
    }

    @Test("sslmode and sslrootcert come from PGSSLMODE and PGSSLROOTCERT when the URL has none")
    func fromEnvironment() throws {
        let base = try #require(TestDatabase.url)
        let url = try DatabaseURL(parsing: "postgres://\(base.user):\(TLSCluster.password)@localhost:\(base.port)/termlabel_tls_only",
                                  environment: ["PGSSLMODE": "verify-full", "PGSSLROOTCERT": TLSCluster.ca])
        #expect(url.sslMode == .verifyFull)
        #expect(url.sslRootCert == TLSCluster.ca)
        #expect(try encrypted(url) == true)
    }
}

/// The tests' cluster (TERMLABEL_TEST_POSTGRES_CLUSTER, set by .ci/run) and its certificates.
enum TLSCluster {
    static let directory = ProcessInfo.processInfo.environment["TERMLABEL_TEST_POSTGRES_CLUSTER"] ?? ""
    static var ca: String { directory + "/tls/ca.pem" }
    static var otherCA: String { directory + "/tls/other-ca.pem" }
    static let password = "termlabel"

    static var available: Bool { TestDatabase.available && !directory.isEmpty && FileManager.default.fileExists(atPath: directory + "/tls/ca.pem") }

    static let skipReason: Comment = """
        TERMLABEL_TEST_POSTGRES_CLUSTER does not name a cluster made by scripts/postgres-test-cluster (with its tls/ca.pem): \
        the TLS tests are skipped (.ci/run sets it)
        """

    /// The tests' server as `mode` reaches it, by `host`, in the TLS-only database unless told.
    static func url(_ mode: DatabaseURL.SSLMode, host: String = "127.0.0.1", database: String = "termlabel_tls_only",
                    rootCert: String? = nil) -> DatabaseURL {
        let base = TestDatabase.url!
        return DatabaseURL(user: base.user, password: password, host: host, port: base.port, database: database, sslMode: mode, sslRootCert: rootCert)
    }
}
