import Foundation
import LabelCore
import Testing

/// The built `termlabel` executable and the files a test gives it.
enum Termlabel {
    /// The package root: this file is `Tests/EndToEndTests/Support/Termlabel.swift`.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let demoOntology = packageRoot + "/Resources/demo/ontology.json"

    /// The executable under test, built at most once per test run.
    ///
    /// `swift test` builds every target of the package, the executable included, before it runs
    /// any test (checked on a clean `.build`), and puts it next to the test bundle; that copy is
    /// used: it is built from the sources under test, whatever `--scratch-path` says.
    ///
    /// When it is missing (`swift test --skip-build` after a clean, or an IDE that builds only the
    /// test target), the harness builds it with `swift build --product termlabel` into its own
    /// scratch path, `.build-e2e`: the running `swift test` holds the lock on its build
    /// directory, and a nested `swift build` there waits for it forever (seen).
    static func binary() throws -> String {
        try located.get()
    }

    private static let located: Result<String, SpawnError> = {
        // TERMLABEL_E2E_BINARY runs the suite against another build (an older one, to show a
        // test fails there).
        if let other = ProcessInfo.processInfo.environment["TERMLABEL_E2E_BINARY"], !other.isEmpty {
            return FileManager.default.isExecutableFile(atPath: other)
                ? .success(other) : .failure(SpawnError(description: "TERMLABEL_E2E_BINARY=\(other) is not an executable"))
        }
        let beside = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("termlabel").path
        if FileManager.default.isExecutableFile(atPath: beside) { return .success(beside) }
        let scratch = packageRoot + "/.build-e2e"
        let built = scratch + "/debug/termlabel"
        do {
            let build = try Spawn.run(["swift", "build", "--product", "termlabel", "--scratch-path", scratch], in: packageRoot)
            guard build.status == 0, FileManager.default.isExecutableFile(atPath: built) else {
                return .failure(SpawnError(description: "swift build --product termlabel failed (\(build.status)):\n\(build.stdout)\n\(build.stderr)"))
            }
            return .success(built)
        } catch let error as SpawnError {
            return .failure(error)
        } catch {
            return .failure(SpawnError(description: "\(error)"))
        }
    }()

    /// Runs a non-interactive command (`init`, `export`, …) and fails the test if it fails.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: String,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SpawnResult {
        let result = try Spawn.run([try binary()] + arguments, environment: environment, in: directory)
        guard result.status == 0 else {
            Issue.record("termlabel \(arguments.joined(separator: " ")) exited \(result.status):\n\(result.stdout)\(result.stderr)",
                         sourceLocation: sourceLocation)
            throw SpawnError(description: "termlabel \(arguments.first ?? "") failed")
        }
        return result
    }

    /// Makes a project from an ontology and JSON Lines records; returns its directory.
    static func makeProject(in scratch: TemporaryDirectory, named name: String = "project", ontology: String = demoOntology,
                            records: [JSONValue], options: [String] = [], environment: [String: String] = [:]) throws -> String {
        let assets = scratch.path + "/\(name).jsonl"
        let lines = records.map { JSONWriter().string($0) }.joined(separator: "\n") + "\n"
        try lines.write(toFile: assets, atomically: true, encoding: .utf8)
        let dir = scratch.path + "/\(name)"
        try run(["init", dir, "--ontology", ontology, "--assets", assets] + options, environment: environment, in: scratch.path)
        return dir
    }

    /// Runs `termlabel export` into a file and parses it with the core's own JSON parser.
    static func export(_ dir: String, in scratch: TemporaryDirectory, options: [String] = [],
                       environment: [String: String] = [:]) throws -> [JSONValue] {
        let file = scratch.path + "/export-\(UUID().uuidString.prefix(8)).json"
        try run(["export", dir, "-o", file] + options, environment: environment, in: scratch.path)
        let bytes = try #require(FileManager.default.contents(atPath: file), "export wrote no \(file)")
        let parsed = try JSONParser.parse(Array(bytes))
        return try #require(parsed.arrayValue, "the export is not a JSON array: \(parsed.kindName)")
    }
}

/// A directory for one test, removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init(_ label: String = "termlabel-e2e") throws {
        var template = Array((NSTemporaryDirectory() + "/\(label)-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw SpawnError(description: "mkdtemp failed") }
        path = URL(fileURLWithPath: String(cString: made)).resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
