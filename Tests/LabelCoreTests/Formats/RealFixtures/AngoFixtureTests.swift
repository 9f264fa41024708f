import Foundation
import Testing

@testable import LabelCore

@Suite("Real files: Ango exports, imports, API responses and ontologies", .enabled(if: RealFixtures.available))
struct AngoFixtureTests {
    static let readable = "termlabel reads Scale tasks, ClearML frames, an Ango API task response, an Ango export, an Ango import (pre-label) file, a Label Studio export, "
        + "Prodigy data, a doccano export, CSV with a text column, JSON records of {\"externalId\", \"data\", \"metadata\"}"

    @Test("get-tasks: each task of the response is a task (its asset's externalId and data, its _id, its answers), not one asset")
    func getTasks() throws {
        let file = try RealFixtures.read("ango-api", "angoai-docs_get-tasks-response.json")
        let response = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: RealFixtures.path("ango-api", "angoai-docs_get-tasks-response.json")))))
        let answers = try #require(response["data"]?["tasks"]?.arrayValue).map { $0["answer"]!.objectValue! }
        #expect(file.format == "ango-api")
        #expect(file.tasks == [
            NewTask(externalId: "text_file.txt",
                    asset: "https://angohub-public-assets.s3.eu-central-1.amazonaws.com/uploaded-data-d187239d-9fc0-4565-983d-50c7b42b258b.txt",
                    annotations: Annotations(from: answers[0]), taskId: "6167e84f2a810d000e9d3186"),
            NewTask(externalId: "test.jpg",
                    asset: "https://angohub-public-assets.s3.amazonaws.com/uploaded-data-15c12f8e-4b46-4d55-8fd4-776455448810.jpg",
                    annotations: Annotations(from: answers[1]), taskId: "6167e08b2a810d000e9d314d"),
        ])
        #expect(file.tasks[1].annotations.tools.first?["bounding-box"]?["x"] == .number("50.3"))
        #expect(file.counts == ["Ango API tasks": 2])
    }

    @Test("get-task: the one task of the response, with its completion time and who did it")
    func getTask() throws {
        let file = try RealFixtures.read("ango-api", "angoai-docs_get-task-response.json")
        let task = try #require(file.tasks.first)
        #expect(file.tasks.count == 1)
        #expect(task.externalId == "test.jpg")
        #expect(task.taskId == "6167e08b2a810d000e9d314d")
        #expect(task.annotations.tools.count == 2)
        #expect(task.updatedAt == at("2021-10-14T10:28:30.025Z"))
        #expect(task.updatedBy == "614348d554e17400149964b1")
    }

    @Test("a legacy export's asset object: the first task's answers become pre-labels, the asset's own fields pass through")
    func legacyAssetSample() throws {
        let file = try RealFixtures.read("ango-export", "angoai-docs_asset-sample.json")
        let task = try #require(file.tasks.first)
        #expect(file.format == "ango-export")
        #expect(file.counts == ["legacy Ango export assets": 1])
        #expect(task.externalId == "image-sample.jpg")
        #expect(task.asset == "https://asset.url/image-sample.jpg")
        #expect(task.metadata == ["width": 100, "height": 100])
        #expect(task.taskId == "taskId123456789")
        #expect(task.stage == .label)
        #expect(task.annotations.classifications == [[
            "schemaId": "schemaId12346", "tool": "radio", "title": "Radio Title", "columnField": false, "answer": "Four", "classifications": [],
        ]])
        #expect(task.annotations.tools.map { $0["objectId"] } == ["objectId12345"])
        #expect(task.annotations.relations.map { $0["objectId"] } == ["objectId123457"])
        #expect(task.extra == [
            "labeledAt": "2021-12-08T12:31:36.043Z", "reviewedAt": "2021-12-08T15:31:36.043Z", "status": "Labeled",
            "labelDuration(ms)": 6429, "consensus": 90,
        ])
        #expect(file.notes == ["A legacy Ango export keeps no stage history: its answers are pre-labels in the Label stage."])
    }

    @Test("a legacy medical export: no answers, and its brush masks are reported")
    func legacyMedical() throws {
        let file = try RealFixtures.read("ango-export", "angoai-docs_medical-editor-export-sample.json")
        #expect(file.tasks.map(\.externalId) == ["RegLib_C01_1.nrrd"])
        #expect(file.tasks[0].annotations == .empty)
        #expect(file.tasks[0].taskId == "63d0e32ad8157d000eace053")
        #expect(RealFixtures.warnings(file) == [
            "…/ango-export/angoai-docs_medical-editor-export-sample.json: warning: 1 task has brush masks (brushDataUrl), which termlabel does not read",
        ])
    }

    @Test("the legacy README sample as published (a comma missing) is a syntax error at its place")
    func legacyReadmeSample() {
        #expect(RealFixtures.error("ango-export", "angoai-docs_readme-sample-aaf-export.json") == """
            …/ango-export/angoai-docs_readme-sample-aaf-export.json:6:5: error: unexpected '"'; expected ',' or '}' (is a comma missing?)
                fix the JSON syntax at this place; the rest of the file was not read
            """)
    }

    @Test("the classifications fragment is not a JSON document: a syntax error where it stops being one")
    func classificationsFragment() {
        #expect(RealFixtures.error("ango-export", "angoai-docs_classifications-sample-fragment.json") == """
            …/ango-export/angoai-docs_classifications-sample-fragment.json:1:18: error: unexpected ':' after the end of the JSON value
                fix the JSON syntax at this place; the rest of the file was not read
            """)
    }

    @Test("a bare task object is said to be one, without its asset, and nothing is read")
    func bareTaskObject() {
        #expect(RealFixtures.error("ango-export", "imerit-docs_sample-task.json") == """
            …/ango-export/imerit-docs_sample-task.json: error: this looks like one task object of an Ango export, without its asset ("taskId", "stage" and "stageHistory" but no "asset"); \(Self.readable)
                an Ango export is a list of assets, each {"asset", "externalId", "metadata", "task": {…}}; export the project from Ango Hub as a whole
            """)
    }

    @Test("Ango's sample task, given its asset, survives import and export with the default stage field for field")
    func sampleTaskRoundTrip() throws {
        let taskText = try String(contentsOfFile: RealFixtures.path("ango-export", "imerit-docs_sample-task.json"), encoding: .utf8)
        let sample = try json(taskText)
        let exportFile = #"[{"asset": "https://example.com/sample.png", "externalId": "sample-0001", "metadata": {}, "batches": [], "task": "#
            + taskText + "}]"
        let file = try readFormat(exportFile, file: "export.json")
        #expect(file.format == "ango-export")
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir, ontology: Ontologies.angoSample)
            #expect(try store.add(file.tasks, at: addedAt) == AddResult(added: 1, skippedExisting: 0))
            let path = (dir as NSString).appendingPathComponent("out.json")
            #expect(try ExportFormat.ango.export(store, options: ExportOptions(), to: path) == 1)
            let exported = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            #expect(exported == [[
                "asset": "https://example.com/sample.png", "externalId": "sample-0001", "metadata": [:], "batches": [], "task": sample,
            ]])
        }
    }

    @Test("import files: records without an asset are pre-labels for tasks already there; with one, new tasks")
    func importFiles() throws {
        let boxes = try RealFixtures.read("ango-import", "angoai-docs_import-test-bb+radio.json")
        #expect(boxes.format == "ango-import")
        #expect(boxes.tasks == [])
        #expect(boxes.preLabels.map(\.externalId) == ["test.jpg", "test_2.jpg"])
        #expect(boxes.preLabels.map { $0.annotations.tools.first?["classifications"]?.arrayValue?.first?["answer"] } == ["Bedside Table", "Bed"])

        let dropdowns = try RealFixtures.read("ango-import", "angoai-docs_sample-import-multiple-dropdown.json")
        #expect(dropdowns.tasks.map(\.externalId) == ["audio.mp3", "audio2.mp3"])
        #expect(dropdowns.tasks[0].annotations.classifications.first?["classifications"]?.arrayValue?.first?["answer"]
                == ["Second-Level Multiple Dropdown", "Answer 4"])

        let ner = try RealFixtures.read("ango-import", "angoai-docs_text-ner.json")
        #expect(ner.tasks.map(\.externalId) == ["testing-text.txt", "text_file.txt"])
        #expect(ner.tasks.map { $0.annotations.tools.first?["ner"] } == [["start": 3, "end": 7], ["start": 2, "end": 6]])

        let tree = try RealFixtures.read("ango-import", "angoai-docs_tree-dropdown-import.json")
        #expect(tree.tasks.map(\.externalId) == ["angoai-docs_tree-dropdown-import-1"])
        #expect(tree.tasks[0].annotations.classifications.first?["lock"] == true)
    }

    @Test("an ontology given as assets is said to be one, with where it belongs",
          arguments: ["angoai-docs_get-project-response.json", "angoai-docs_sdk-create-project-response.json"])
    func ontologyAsAssets(_ name: String) {
        let evidence = "a get-project response with \"categorySchema\""
        #expect(RealFixtures.error("ango-ontology", name) == """
            …/ango-ontology/\(name): error: this looks like an Ango ontology (category schema) (\(evidence)); \(Self.readable)
                give it to init with --ontology; `termlabel validate` checks it
            """)
    }

    @Test("every ontology file reads as an ontology", arguments: RealFixtures.files("ango-ontology"))
    func ontologies(_ name: String) throws {
        let result = try OntologyReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: RealFixtures.path("ango-ontology", name)))), file: name)
        #expect(result.ontology.classifications.isEmpty)
    }
}
