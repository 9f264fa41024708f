import ArgumentParser
import Foundation
import LabelCore
import PostgresStore

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy a project into PostgreSQL (for a team on several machines), or out of it into SQLite.",
        discussion: """
            --to postgres://user@host/db copies a SQLite project (tasks, drafts, stage history, \
            settings, events and the audit log, every id kept) into a new schema of that database, \
            checks that every table has as many rows as the original, and then switches the \
            directory over: project.sqlite is kept beside it as project.sqlite.migrated, and \
            project.postgres names the database (never the password). Stop labeling in the project \
            first: work saved in the SQLite file during the copy is not copied.

            --to sqlite:PATH makes an offline copy of a project (from PostgreSQL, or SQLite) as a new \
            SQLite project directory at PATH (with the project's keys.toml); the original stays as it is.
            """)

    @OptionGroup var project: ProjectOption

    @Option(help: ArgumentHelp("Where to copy the project: postgres://… or sqlite:PATH.", valueName: "url"))
    var to: String

    @Option(help: ArgumentHelp("With --to postgres://…: the schema to make (default: from the project's name).", valueName: "name"))
    var schema: String?

    func run() throws {
        try Console.run {
            if to.hasPrefix("sqlite:") {
                try toSQLite(path: String(to.dropFirst("sqlite:".count)))
            } else if to.hasPrefix("postgres://") || to.hasPrefix("postgresql://") {
                try toPostgres(try DatabaseURL(parsing: to))
            } else {
                throw ValidationError("--to takes postgres://user@host/db or sqlite:PATH, not \(to)")
            }
        }
    }

    private func toPostgres(_ url: DatabaseURL) throws {
        let directory = project.directory
        let sqlitePath = (directory as NSString).appendingPathComponent(SQLiteProjectStore.fileName)
        guard FileManager.default.fileExists(atPath: sqlitePath) else {
            throw Diagnostic(.error, "\(directory) is not a SQLite project", hint: DatabaseProjectFile.exists(in: directory)
                ? "its data is in PostgreSQL already (see \(DatabaseProjectFile.path(in: directory)))" : "make one with `termlabel init`")
        }
        let settings: ProjectSettings
        let schema: String
        let counts: ProjectCopy.Counts
        do {
            let source = try SQLiteProjectStore(directory: directory)
            settings = try source.settings()
            schema = self.schema ?? PostgresProjectStore.schemaName(for: settings.name)
            let target = try PostgresProjectStore.create(url: url, schema: schema, settings: settings)
            defer { target.close() }
            do {
                counts = try ProjectCopy.copy(from: source, to: target)
            } catch {
                target.close()
                try? PostgresProjectStore.drop(url: url, schema: schema)
                throw error
            }
        }
        // The SQLite store is closed (its WAL checkpointed): keep its file aside, and name the database.
        let kept = sqlitePath + ".migrated"
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: sqlitePath + suffix) {
            try? FileManager.default.removeItem(atPath: kept + suffix)
            rename(sqlitePath + suffix, kept + suffix)
        }
        guard rename(sqlitePath, kept) == 0 else {
            throw Diagnostic(.error, "the copy is in schema \(schema) of \(url), but \(sqlitePath) cannot be moved aside: \(String(cString: strerror(errno)))",
                             hint: "move it yourself and write \(DatabaseProjectFile.path(in: directory)) with url = \(url.withoutPassword) and schema = \(schema)")
        }
        try DatabaseProjectFile(url: url, schema: schema).write(in: directory)
        Console.out("Copied \(settings.name) into schema \(schema) of \(url): \(Self.describe(counts)); every table checked.")
        Console.out("\(directory) now names the database; the SQLite file is kept as \(kept).")
        Console.out("Next: termlabel label \(directory)")
    }

    private func toSQLite(path: String) throws {
        guard !path.isEmpty else { throw ValidationError("--to sqlite:PATH needs a directory to make") }
        guard let source = try project.open() as? any ProjectCopying else {
            throw Diagnostic(.error, "this project's store cannot be copied")
        }
        let settings = try source.settings()
        var counts: ProjectCopy.Counts?
        _ = try SQLiteProjectStore.create(directory: path, settings: settings) { target in
            counts = try ProjectCopy.copy(from: source, to: target)
        }
        // The project's keymap lives beside its data, not in it: it goes with the copy.
        let keymap = (project.directory as NSString).appendingPathComponent("keys.toml")
        if FileManager.default.fileExists(atPath: keymap) {
            do {
                try FileManager.default.copyItem(atPath: keymap, toPath: (path as NSString).appendingPathComponent("keys.toml"))
            } catch {
                throw Diagnostic(.error, "the project is copied, but not its keymap: \(error.localizedDescription)", file: keymap,
                                 hint: "copy keys.toml into \(path) yourself")
            }
        }
        Console.out("Copied \(settings.name) into a new SQLite project in \(path): \(Self.describe(counts ?? .init(rows: [:]))); every table checked.")
    }

    static func describe(_ counts: ProjectCopy.Counts) -> String {
        StoredTable.allCases.map { "\(counts.rows[$0] ?? 0) \($0.rawValue) rows" }.joined(separator: ", ")
    }
}
