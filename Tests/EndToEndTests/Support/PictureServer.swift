import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A tiny web server on 127.0.0.1 for the picture tests (python3's http.server in a folder of
/// the test's): `/slow/NAME` answers NAME after `slowSeconds`, `/hang/NAME` never answers, other
/// paths are files of the folder (a missing one is a 404).
final class PictureServer {
    let folder: String
    let port: Int
    private let pid: pid_t

    static let script = """
        import http.server, os, sys, time
        class Handler(http.server.SimpleHTTPRequestHandler):
            def do_GET(self):
                if self.path.startswith("/slow/"):
                    time.sleep(float(sys.argv[1]))
                    self.path = self.path[5:]
                if self.path.startswith("/hang/"):
                    time.sleep(600)
                    return
                return super().do_GET()
            def log_message(self, *args):
                pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        with open("port.tmp", "w") as f:
            f.write(str(server.server_address[1]))
        os.rename("port.tmp", "port")
        server.serve_forever()
        """

    init(folder: String, slowSeconds: Double) throws {
        self.folder = folder
        try Self.script.write(toFile: folder + "/server.py", atomically: true, encoding: .utf8)
        let started = try Spawn.run(["/bin/sh", "-c", "python3 server.py \(slowSeconds) >server.log 2>&1 & echo $!"], in: folder)
        guard let pid = pid_t(started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw SpawnError(description: "the picture server did not start: \(started.stderr)")
        }
        self.pid = pid
        let deadline = Date().addingTimeInterval(10)
        var port: Int?
        while port == nil, Date() < deadline {
            port = FileManager.default.contents(atPath: folder + "/port").flatMap { Int(String(decoding: $0, as: UTF8.self)) }
            if port == nil { usleep(20_000) }
        }
        guard let port else {
            kill(pid, SIGTERM)
            throw SpawnError(description: "the picture server gave no port")
        }
        self.port = port
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    deinit { kill(pid, SIGTERM) }
}
