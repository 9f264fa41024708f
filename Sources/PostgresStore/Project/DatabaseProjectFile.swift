import Foundation
import LabelCore

/// The file that makes a directory a project whose data lives in PostgreSQL: `DIR/project.postgres`,
/// naming the database (its URL without a password) and the project's schema. Any machine with
/// this file reaches the same project; the password comes from PGPASSWORD or ~/.pgpass.
///
/// ```
/// # termlabel project in PostgreSQL. No password here: PGPASSWORD or ~/.pgpass gives it.
/// url = postgres://alice@db.example.org/labels?sslmode=require
/// schema = reviews
/// ```
public struct DatabaseProjectFile: Equatable, Sendable {
    public static let fileName = "project.postgres"

    public var url: DatabaseURL
    public var schema: String

    public init(url: DatabaseURL, schema: String) {
        self.url = url
        self.schema = schema
    }

    public static func path(in directory: String) -> String { (directory as NSString).appendingPathComponent(fileName) }

    public static func exists(in directory: String) -> Bool { FileManager.default.fileExists(atPath: path(in: directory)) }

    /// The file's text: never the password.
    public var text: String {
        """
        # termlabel project in PostgreSQL. No password here: PGPASSWORD or ~/.pgpass gives it.
        url = \(url.withoutPassword)
        schema = \(schema)

        """
    }

    /// Reads `DIR/project.postgres`; errors name the file and line.
    public static func read(directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseProjectFile {
        let path = path(in: directory)
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.notAProject(directory) }
        var url: DatabaseURL?
        var schema: String?
        for (index, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw Diagnostic(.error, "expected key = value", file: path, location: SourceLocation(line: index + 1, column: 1))
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "url":
                do {
                    url = try DatabaseURL(parsing: value, environment: environment)
                } catch {
                    throw Diagnostic(.error, error.description, file: path, location: SourceLocation(line: index + 1, column: 7))
                }
            case "schema": schema = value
            default: throw Diagnostic(.error, "unknown key \"\(key)\" (the file has url and schema)", file: path, location: SourceLocation(line: index + 1, column: 1))
            }
        }
        guard let url, let schema, !schema.isEmpty else {
            throw Diagnostic(.error, "the file needs both url = postgres://… and schema = NAME", file: path)
        }
        return DatabaseProjectFile(url: url, schema: schema)
    }

    /// Writes the file in `directory` (made if missing), readable by its owner (and group, for
    /// a shared project).
    public func write(in directory: String, access: ProjectAccess = .owner) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw StoreError.cannotCreate(directory, "it is a file, not a directory") }
            if fm.fileExists(atPath: Self.path(in: directory)) || fm.fileExists(atPath: (directory as NSString).appendingPathComponent("project.sqlite")) {
                throw StoreError.alreadyAProject(directory)
            }
        } else {
            do {
                try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotCreate(directory, error.localizedDescription)
            }
            try access.apply(to: directory, isDirectory: true)
        }
        let path = Self.path(in: directory)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: [.atomic])
        } catch {
            throw StoreError.cannotCreate(directory, "cannot write \(path): \(error.localizedDescription)")
        }
        try access.apply(to: path, isDirectory: false)
    }
}
