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

@Suite("Commands: init from other tools' files", .serialized)
struct InitFromOtherToolsTests {
    static let exportLine = #"{"asset": "hello", "externalId": "a-1", "task": {"taskId": "64e5e5b985eb730015b4ebd9", "stage": "Complete", "stageId": "Complete", "tools": [], "classifications": [], "relations": [], "stageHistory": [{"stage": "Label", "stageId": "Label", "duration": 5, "completedAt": "2024-01-01T00:00:00.000Z", "completedBy": "ann@example.com", "tools": [], "classifications": [], "relations": []}]}}"#

    func inTemporaryDirectory(_ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("termlabel-init-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(dir)
    }

    @Test("init keeps an Ango export's task in Complete; --to-stage Label sends it back for labeling")
    func toStage() throws {
        try inTemporaryDirectory { dir in
            try (Self.exportLine + "\n").write(toFile: dir + "/export.jsonl", atomically: true, encoding: .utf8)
            try FormatCommandTests.ontology.write(toFile: dir + "/ontology.json", atomically: true, encoding: .utf8)
            try InitCommand.parse([dir + "/kept", "--ontology", dir + "/ontology.json", "--assets", dir + "/export.jsonl"]).run()
            try InitCommand.parse([dir + "/back", "--ontology", dir + "/ontology.json", "--assets", dir + "/export.jsonl", "--to-stage", "Label"]).run()
            #expect(try SQLiteProjectStore(directory: dir + "/kept").task(externalId: "a-1")?.stage == .complete)
            let back = try #require(try SQLiteProjectStore(directory: dir + "/back").task(externalId: "a-1"))
            #expect(back.stage == .label)
            #expect(back.status == .new)
            #expect(try SQLiteProjectStore(directory: dir + "/back").history(taskId: back.id).map(\.stage) == ["Label"])
        }
    }

    @Test("init without --ontology makes the project's ontology from a doccano file's labels")
    func builtOntology() throws {
        try inTemporaryDirectory { dir in
            try "text,label\nGreat,positive\nBad,negative\n".write(toFile: dir + "/d.csv", atomically: true, encoding: .utf8)
            try InitCommand.parse([dir + "/p", "--assets", dir + "/d.csv"]).run()
            let store = try SQLiteProjectStore(directory: dir + "/p")
            let question = try #require(try store.settings().ontology().classifications.first)
            #expect(question.title == "Label")
            #expect(question.kind == .radio)
            #expect(question.choices == ["positive", "negative"])
            #expect(try store.task(externalId: "d-2")?.annotations.classifications.first?["answer"] == "positive")
        }
    }
}

private func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }
