import Foundation

@testable import LabelCore

/// The real files from public repositories in `<package root>/../shared/real-fixtures/`, read
/// where they are (never copied into the project). Suites that use them are enabled only when
/// the folder is there.
enum RealFixtures {
    static let root: String = {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/real-fixtures").path
    }()

    static var available: Bool { FileManager.default.fileExists(atPath: root) }

    static func path(_ folder: String, _ name: String) -> String { "\(root)/\(folder)/\(name)" }

    /// The file's bytes.
    static func bytes(_ folder: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(folder, name))))
    }

    /// The file parsed as one JSON document.
    static func json(_ folder: String, _ name: String) throws -> JSONValue {
        try JSONParser.parse(bytes(folder, name))
    }

    /// Every data file of a folder (not its README), sorted.
    static func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(folder)")) ?? []).filter { $0 != "README.md" }.sorted()
    }

    /// Reads a file as `init`, `add` and `validate` do.
    static func read(_ folder: String, _ name: String, _ options: ReadOptions = ReadOptions()) throws -> AssetFile {
        try FormatRegistry.read(path: path(folder, name), options: options)
    }

    /// The whole message a file gives, with the fixtures folder written as `…`, or nil when it reads.
    static func error(_ folder: String, _ name: String, _ options: ReadOptions = ReadOptions()) -> String? {
        do {
            _ = try read(folder, name, options)
            return nil
        } catch {
            return "\(error)".replacingOccurrences(of: root, with: "…")
        }
    }

    /// The warnings of a file, as printed, with the fixtures folder written as `…`.
    static func warnings(_ file: AssetFile) -> [String] {
        file.warnings.map { $0.description.replacingOccurrences(of: root, with: "…") }
    }
}

/// One pre-label answer as the readers write it.
func answer(_ schemaId: String, _ tool: String, _ title: String, _ value: JSONValue, metadata: JSONValue? = nil) -> JSONValue {
    guard let metadata else {
        return ["schemaId": .string(schemaId), "tool": .string(tool), "title": .string(title), "answer": value, "classifications": []]
    }
    return ["schemaId": .string(schemaId), "tool": .string(tool), "title": .string(title), "answer": value, "metadata": metadata, "classifications": []]
}

/// A built question as `LabelMatcher.build` writes it.
func builtQuestion(_ title: String, _ id: String, _ tool: String, _ options: [String]) -> JSONValue {
    [
        "tool": .string(tool), "title": .string(title), "required": false, "schemaId": .string(id), "columnField": false,
        "options": .array(options.map { value in
            ["value": .string(value), "schemaId": .string(id + "-" + String(value.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }))]
        }),
        "classifications": [],
    ]
}

func builtOntology(_ questions: JSONValue...) -> JSONValue {
    ["tools": [], "classifications": .array(questions), "relations": []]
}

/// Reads text as `init` reads a file: format detected (or named), labels matched.
func readFormat(_ text: String, file: String, textColumn: String? = nil, format: String? = nil, ontology: Ontology? = nil) throws -> AssetFile {
    try FormatRegistry.read(AssetSource(
        bytes: Array(text.utf8), file: file, options: ReadOptions(format: format, textColumn: textColumn, ontology: ontology)))
}

/// The whole message reading text as `init` does gives, or nil when it reads.
func formatError(_ text: String, file: String, textColumn: String? = nil, format: String? = nil) -> String? {
    do {
        _ = try readFormat(text, file: file, textColumn: textColumn, format: format)
        return nil
    } catch {
        return "\(error)"
    }
}
