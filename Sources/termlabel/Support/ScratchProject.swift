import DemoProject
import Foundation
import LabelCore
import PostgresStore

/// A throwaway project for the benchmarks: in a temporary directory (SQLite), or in a new schema
/// of a PostgreSQL database named by a directory's `project.postgres`; removed afterwards.
struct ScratchProject {
    let directory: String
    let postgres: (url: DatabaseURL, schema: String)?

    /// A project of `tasks` generated tasks, made in-process.
    static func with<T>(tasks: Int, postgres: DatabaseURL?, _ body: (ScratchProject) throws -> T) throws -> T {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("termlabel-store-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? FileManager.default.removeItem(atPath: work) }
        let settings = ProjectSettings(name: "bench", ontologyJSON: Self.ontology, hasReview: false, createdAt: .now())
        let project: ScratchProject
        if let url = postgres {
            let schema = "bench_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
            let store = try PostgresProjectStore.create(url: url, schema: schema, settings: settings) { try Self.fill($0, tasks) }
            store.close()
            try DatabaseProjectFile(url: url, schema: schema).write(in: work)
            project = ScratchProject(directory: work, postgres: (url, schema))
        } else {
            _ = try SQLiteProjectStore.create(directory: work, settings: settings) { try Self.fill($0, tasks) }
            project = ScratchProject(directory: work, postgres: nil)
        }
        defer { project.remove() }
        return try body(project)
    }

    /// An existing project directory (made by `termlabel init`), removed afterwards.
    static func adopt(directory: String) throws -> ScratchProject {
        guard DatabaseProjectFile.exists(in: directory) else { return ScratchProject(directory: directory, postgres: nil) }
        let file = try DatabaseProjectFile.read(directory: directory)
        return ScratchProject(directory: directory, postgres: (file.url, file.schema))
    }

    func open() throws -> any ProjectStore { try ProjectLocation.open(directory) }

    func remove() {
        if let postgres { try? PostgresProjectStore.drop(url: postgres.url, schema: postgres.schema) }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The task of every Label stage entry (a task served twice and submitted twice shows twice).
    func labelEntries() throws -> [Int64] {
        try open().activity(since: nil).entries.filter { $0.stage == .label }.map(\.taskId)
    }

    static func fill(_ store: any ProjectStore, _ count: Int) throws {
        for start in stride(from: 0, to: count, by: 10_000) {
            let batch = (start..<min(start + 10_000, count)).map { i in
                NewTask(externalId: "r-\(i)", asset: .string("Review \(i): the battery lasts all day, 価格は高い but worth it. Delivery took \(i % 9) days."),
                        metadata: ["stars": .number(String(i % 5 + 1))])
            }
            _ = try store.add(batch, at: .now())
        }
    }

    static let ontology = """
        {"tools": [], "classifications": [{"schemaId": "q", "tool": "radio", "title": "Q", "required": true,
        "options": [{"value": "A", "schemaId": "a"}, {"value": "B", "schemaId": "b"}]}], "relations": []}
        """
}
