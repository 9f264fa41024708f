import Foundation
import LabelCore
import Testing

@testable import termlabel

/// `validate` and `init` on every real file: they read it the same way, and `init` writes
/// nothing when it cannot read it.
@Suite("Commands: validate and init agree on every real file", .serialized)
struct FormatCommandTests {
    static let fixtures: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/real-fixtures").path
    static let folders = ["label-studio", "prodigy", "doccano", "ango-api", "ango-export", "ango-import", "ango-ontology"]

    static var files: [String] {
        folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: "\(fixtures)/\(folder)")) ?? [])
                .filter { $0 != "README.md" }.sorted().map { "\(folder)/\($0)" }
        }
    }

    static let ontology = """
        {"tools": [], "relations": [], "classifications": [
          {"tool": "radio", "title": "Sentiment", "schemaId": "s",
           "options": [{"value": "Positive", "schemaId": "p"}, {"value": "Negative", "schemaId": "n"}]}]}
        """

    static func succeeds(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return true
        } catch {
            return false
        }
    }

    @Test("validate accepts exactly the files init makes a project of; a refused file leaves no project",
          .enabled(if: FileManager.default.fileExists(atPath: fixtures)), arguments: files)
    func agree(_ name: String) throws {
        let path = "\(Self.fixtures)/\(name)"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("termlabel-agree-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let ontologyPath = dir + "/ontology.json"
        try Self.ontology.write(toFile: ontologyPath, atomically: true, encoding: .utf8)
        let project = dir + "/project"

        let source = try? AssetSource(path: path)
        let isOntology = source.flatMap(FormatRegistry.detect)?.format is AngoOntologyFormat
        let validated = Self.succeeds { try ValidateCommand.parse([path]).run() }
        let initialised = Self.succeeds { try InitCommand.parse([project, "--ontology", ontologyPath, "--assets", path]).run() }

        #expect(initialised == (validated && !isOntology))
        #expect(FileManager.default.fileExists(atPath: project) == initialised)
        if initialised {
            let file = try FormatRegistry.read(path: path, options: ReadOptions(ontology: try OntologyReader.read(json(Self.ontology)).ontology))
            let store = try SQLiteProjectStore(directory: project)
            #expect(try store.count(.all) == Set(file.tasks.map(\.externalId)).count)
        }
    }
}

private func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }
