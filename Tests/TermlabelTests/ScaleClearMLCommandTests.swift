import ArgumentParser
import Foundation
import LabelCore
import Testing
@testable import termlabel

/// `<package root>/../shared/real-fixtures/KIND/NAME`.
private func realFile(_ kind: String, _ name: String) -> String {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }  // this file, TermlabelTests, Tests: the package root
    return url.deletingLastPathComponent().appendingPathComponent("shared/real-fixtures/\(kind)/\(name)").path
}

private let fixturesAvailable = FileManager.default.fileExists(atPath: realFile("scale-task", ""))

/// A temporary directory for projects and exports.
private final class Scratch {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("termlabel-cmd-\(UUID().uuidString)").path
    init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    func at(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs a command as the command line would, answering whether it succeeded.
private func succeeds(_ command: any ParsableCommand.Type, _ arguments: [String]) -> Bool {
    do {
        var parsed = try command.parseAsRoot(arguments)
        try parsed.run()
        return true
    } catch {
        return false
    }
}

private func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

@Suite("Scale and ClearML files through validate, init and export", .enabled(if: fixturesAvailable))
struct ScaleClearMLCommandTests {
    static let ontology = """
        {"tools": [], "relations": [], "classifications": [
          {"tool": "checkbox", "title": "Scene", "schemaId": "q-scene",
           "options": [{"value": "car", "schemaId": "o-car"}, {"value": "bike", "schemaId": "o-bike"}]}]}
        """

    @Test("a Scale file termlabel can answer: validate and init agree; init without --ontology keeps the built question; export --format scale gives the task back as it came",
          arguments: [
              ("scale-docs_task-object-sample.json", "product_experiment_dg3d9x83", nil),
              ("scaleapi-ruby_categorization.json", "5c84d0fe958593004f13e5ba", nil),
              ("scaleapi-ruby_task_find_valid.json", "5c84d0fe958593004f13e5ba", nil),
              ("scaleapi-ruby_task_cancel_valid.json", "5c84d0fe958593004f13e5ba", "canceled in Scale"),
          ] as [(String, String, String?)])
    func answerableScale(name: String, externalId: String, readOnly: String?) throws {
        let scratch = try Scratch()
        let file = realFile("scale-task", name)
        #expect(succeeds(ValidateCommand.self, [file]))
        #expect(succeeds(InitCommand.self, [scratch.at("p"), "--assets", file]))
        let store = try SQLiteProjectStore(directory: scratch.at("p"))
        let task = try #require(try store.task(externalId: externalId))
        #expect(task.readOnlyReason == readOnly)
        #expect(task.annotations.classifications.first?["schemaId"] == "scale-category")
        #expect(try store.settings().ontology().classifications.map(\.schemaId) == ["scale-category"])
        #expect(succeeds(ExportCommand.self, [scratch.at("p"), "--format", "scale", "-o", scratch.at("out.json")]))
        let original = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        #expect(try contents(scratch.at("out.json")) == "[\n\(JSONWriter().string(original))\n]\n")
    }

    @Test("a Scale file of types termlabel cannot answer: validate and init both refuse, and init writes nothing", arguments: [
        "scaleapi-ruby_audio_transcription.json", "scaleapi-ruby_comparison.json", "scaleapi-ruby_data_collection.json",
        "scaleapi-ruby_task_list_1.json", "scaleapi-ruby_transcription.json",
    ])
    func unanswerableScale(name: String) throws {
        let scratch = try Scratch()
        let file = realFile("scale-task", name)
        #expect(!succeeds(ValidateCommand.self, [file]))
        #expect(!succeeds(InitCommand.self, [scratch.at("p"), "--assets", file]))
        #expect(!FileManager.default.fileExists(atPath: scratch.at("p")))
    }

    @Test("a ClearML frame: validate and init agree; init needs --ontology (no frame-level labels); export --format clearml gives the frame back as it came",
          arguments: ["clearml-docs_previews-frame.json", "clearml-docs_sources-example3-frame.json"])
    func clearMLFrame(name: String) throws {
        let scratch = try Scratch()
        let file = realFile("clearml-frame", name)
        try Self.ontology.write(toFile: scratch.at("ontology.json"), atomically: true, encoding: .utf8)
        #expect(succeeds(ValidateCommand.self, [file]))
        #expect(!succeeds(InitCommand.self, [scratch.at("none"), "--assets", file]))
        #expect(!FileManager.default.fileExists(atPath: scratch.at("none")))
        #expect(succeeds(InitCommand.self, [scratch.at("p"), "--ontology", scratch.at("ontology.json"), "--assets", file]))
        let store = try SQLiteProjectStore(directory: scratch.at("p"))
        #expect(try store.task(externalId: "car_1@1234567889")?.asset == "https://s3.amazonaws.com/my_cars/car_1/front.mp4")
        #expect(succeeds(ExportCommand.self, [scratch.at("p"), "--format", "clearml", "--ndjson", "-o", scratch.at("out.jsonl")]))
        let original = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        #expect(try contents(scratch.at("out.jsonl")) == JSONWriter().string(original) + "\n")
    }

    @Test("ClearML text that is not JSON: validate and init both refuse", arguments: [
        "clearml-docs_single-frame-webapp-view.txt", "clearml-docs_sources-example1-fragment.txt",
    ])
    func clearMLText(name: String) throws {
        let scratch = try Scratch()
        try Self.ontology.write(toFile: scratch.at("ontology.json"), atomically: true, encoding: .utf8)
        let file = realFile("clearml-frame", name)
        #expect(!succeeds(ValidateCommand.self, [file]))
        #expect(!succeeds(InitCommand.self, [scratch.at("p"), "--ontology", scratch.at("ontology.json"), "--assets", file]))
        #expect(!FileManager.default.fileExists(atPath: scratch.at("p")))
    }

    @Test("--no-history is refused for Scale and ClearML exports, which carry no stage history")
    func noHistoryRefused() throws {
        let scratch = try Scratch()
        #expect(succeeds(InitCommand.self, [scratch.at("p"), "--assets", realFile("scale-task", "scaleapi-ruby_categorization.json")]))
        #expect(!succeeds(ExportCommand.self, [scratch.at("p"), "--format", "scale", "--no-history", "-o", scratch.at("s.json")]))
        #expect(!succeeds(ExportCommand.self, [scratch.at("p"), "--format", "clearml", "--no-history", "-o", scratch.at("c.json")]))
        #expect(!FileManager.default.fileExists(atPath: scratch.at("s.json")))
    }

    @Test("export --format ango of a Scale project still defaults to the Complete stage")
    func angoDefaultStage() throws {
        let scratch = try Scratch()
        #expect(succeeds(InitCommand.self, [scratch.at("p"), "--assets", realFile("scale-task", "scaleapi-ruby_categorization.json")]))
        #expect(succeeds(ExportCommand.self, [scratch.at("p"), "-o", scratch.at("ango.json")]))
        #expect(try contents(scratch.at("ango.json")) == "[]\n")
    }
}
