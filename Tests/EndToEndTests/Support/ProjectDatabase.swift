import Foundation
import Testing

/// Reading a project's SQLite file with the `sqlite3` shell, beside the app (not through it).
enum ProjectDatabase {
    /// Runs one statement against `DIR/project.sqlite`; returns its output without the final newline.
    static func query(_ dir: String, _ sql: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        guard Spawn.which("sqlite3") != nil else {
            Issue.record("sqlite3 is not installed: this test reads the project database with it.", sourceLocation: sourceLocation)
            throw SpawnError(description: "sqlite3 is missing")
        }
        let result = try Spawn.run(["sqlite3", dir + "/project.sqlite", sql], in: dir)
        guard result.status == 0 else {
            Issue.record("sqlite3 \(sql) exited \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
            throw SpawnError(description: "sqlite3 failed")
        }
        return result.stdout.trimmingCharacters(in: .newlines)
    }
}
