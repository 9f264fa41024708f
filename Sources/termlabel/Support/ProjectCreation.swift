import ArgumentParser
import Foundation
import LabelCore
import PostgresStore

/// Where `init` puts a new project's data: SQLite in the directory, or a PostgreSQL database
/// (`--database URL` or TERMLABEL_DATABASE_URL), the directory then holding only `project.postgres`.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Keep the project in this PostgreSQL database (postgres://user@host:port/db?sslmode=require; also TERMLABEL_DATABASE_URL): for a team on several machines. The directory then only names it; the password comes from PGPASSWORD or ~/.pgpass, never from the directory.",
        valueName: "url"))
    var database: String?

    @Option(name: .long, help: ArgumentHelp(
        "With --database: the PostgreSQL schema the project's tables go in (default: from the project's name).", valueName: "name"))
    var schema: String?

    /// The URL given, else TERMLABEL_DATABASE_URL; nil for SQLite.
    func url() throws -> DatabaseURL? {
        let env = ProcessInfo.processInfo.environment["TERMLABEL_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        guard let text = database ?? env else {
            if schema != nil { throw ValidationError("--schema goes with --database URL (or TERMLABEL_DATABASE_URL)") }
            return nil
        }
        return try DatabaseURL(parsing: text)
    }
}

enum ProjectCreation {
    /// Makes the project: all or nothing in either store. Returns where its data is, for people.
    @discardableResult
    static func create(
        directory: String, settings: ProjectSettings, access: ProjectAccess, database: DatabaseOption,
        build: (any ProjectStore) throws -> Void
    ) throws -> String {
        guard let url = try database.url() else {
            _ = try SQLiteProjectStore.create(directory: directory, settings: settings, access: access) { try build($0) }
            return directory
        }
        if DatabaseProjectFile.exists(in: directory)
            || FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(SQLiteProjectStore.fileName)) {
            throw StoreError.alreadyAProject(directory)
        }
        let schema = database.schema ?? PostgresProjectStore.schemaName(for: settings.name)
        let store = try PostgresProjectStore.create(url: url, schema: schema, settings: settings) { try build($0) }
        store.close()
        do {
            try DatabaseProjectFile(url: url, schema: schema).write(in: directory, access: access)
        } catch {
            try? PostgresProjectStore.drop(url: url, schema: schema)
            throw error
        }
        return "schema \(schema) of \(url)"
    }
}
