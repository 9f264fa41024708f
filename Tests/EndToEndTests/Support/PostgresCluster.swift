import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL server of the test's own (scripts/postgres-test-cluster), which it may kill and
/// start again; stopped and removed when the test ends. Made only where the PostgreSQL tests run
/// (TERMLABEL_TEST_DATABASE_URL set: CI always).
final class PostgresCluster {
    static var wanted: Bool { !(ProcessInfo.processInfo.environment["TERMLABEL_TEST_DATABASE_URL"] ?? "").isEmpty }

    let directory: String
    let port: Int
    /// The URL with its password (user and password `termlabel`), on 127.0.0.1.
    let url: String
    static let password = "termlabel"
    private static let script = Termlabel.packageRoot + "/scripts/postgres-test-cluster"

    /// Starts a cluster on a free port; `listen` and `clients` open it to a test's veth links.
    init(listen: [String] = [], clients: String? = nil) throws {
        var template = Array("/tmp/termlabel-e2e-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw SpawnError(description: "mkdtemp failed") }
        let base = String(cString: made)
        chmod(base, 0o755)
        directory = base + "/cluster"
        port = Self.freePort()
        var environment: [String: String] = [:]
        if !listen.isEmpty { environment["TERMLABEL_PG_LISTEN"] = listen.joined(separator: ",") }
        if let clients { environment["TERMLABEL_PG_CLIENTS"] = clients }
        let result = try Spawn.run(["bash", Self.script, "start", directory, "\(port)"], environment: environment, in: base)
        guard result.status == 0 else {
            throw SpawnError(description: "the test's PostgreSQL cluster did not start (\(result.status)): \(result.stderr)")
        }
        url = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit {
        _ = try? Spawn.run(["bash", Self.script, "stop", directory], in: "/tmp")
        rmdir((directory as NSString).deletingLastPathComponent)
    }

    /// The URL as a project file keeps it: no password, `host` instead of 127.0.0.1 when given.
    func projectURL(host: String = "127.0.0.1") -> String {
        "postgres://termlabel@\(host):\(port)/termlabel_test?sslmode=disable"
    }

    /// Stops the server as a crash would (`pg_ctl stop -m immediate`).
    func kill() throws { try run("kill") }

    func restart() throws { try run("restart") }

    private func run(_ command: String) throws {
        let result = try Spawn.run(["bash", Self.script, command, directory], in: "/tmp")
        guard result.status == 0 else { throw SpawnError(description: "postgres-test-cluster \(command) failed: \(result.stderr)") }
    }

    /// One SQL statement through psql on the server's socket; its output, trimmed.
    func query(_ sql: String) throws -> String {
        let result = try Spawn.run(["psql", "-h", directory, "-p", "\(port)", "-U", "termlabel", "-d", "termlabel_test", "-tAc", sql], in: "/tmp")
        guard result.status == 0 else { throw SpawnError(description: "psql \(sql): \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Two "hosts" for a test: network namespaces, each joined to this one by a veth pair on a
/// private /30 (10.231.N.1 here, 10.231.N.2 there). Removed when the test ends. `make` says why
/// when namespaces cannot be made (not root, no `ip`, a sandbox that forbids them).
final class NetworkHosts {
    struct Host { let namespace: String; let serverAddress: String; let ownAddress: String }
    let hosts: [Host]
    private let links: [String]

    static func make(count: Int) -> Result<NetworkHosts, SpawnError> {
        guard Spawn.which("ip") != nil else { return .failure(SpawnError(description: "the ip command (iproute2) is not installed")) }
        let tag = String(getpid() % 10_000)
        var hosts: [Host] = []
        var links: [String] = []
        for n in 1...count {
            let namespace = "tl-e2e-\(tag)-\(n)"
            let outside = "tle\(tag)h\(n)"
            let inside = "tle\(tag)n\(n)"
            let subnet = Int(getpid() % 120) * 2 + n
            let server = "10.231.\(subnet).1"
            let own = "10.231.\(subnet).2"
            let steps: [[String]] = [
                ["ip", "netns", "add", namespace],
                ["ip", "link", "add", outside, "type", "veth", "peer", "name", inside],
                ["ip", "link", "set", inside, "netns", namespace],
                ["ip", "addr", "add", "\(server)/30", "dev", outside],
                ["ip", "link", "set", outside, "up"],
                ["ip", "netns", "exec", namespace, "ip", "addr", "add", "\(own)/30", "dev", inside],
                ["ip", "netns", "exec", namespace, "ip", "link", "set", inside, "up"],
                ["ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up"],
            ]
            for step in steps {
                guard let result = try? Spawn.run(step, in: "/tmp"), result.status == 0 else {
                    let why = (try? Spawn.run(step, in: "/tmp"))?.stderr.trimmingCharacters(in: .whitespacesAndNewlines) ?? "failed"
                    NetworkHosts(hosts: hosts + [Host(namespace: namespace, serverAddress: server, ownAddress: own)], links: links + [outside]).remove()
                    return .failure(SpawnError(description: "`\(step.joined(separator: " "))`: \(why)"))
                }
            }
            hosts.append(Host(namespace: namespace, serverAddress: server, ownAddress: own))
            links.append(outside)
        }
        return .success(NetworkHosts(hosts: hosts, links: links))
    }

    private init(hosts: [Host], links: [String]) {
        self.hosts = hosts
        self.links = links
    }

    private var removed = false

    func remove() {
        guard !removed else { return }
        removed = true
        for link in links { _ = try? Spawn.run(["ip", "link", "del", link], in: "/tmp") }
        for host in hosts { _ = try? Spawn.run(["ip", "netns", "del", host.namespace], in: "/tmp") }
    }

    deinit { remove() }
}
