import Foundation
import Testing

@testable import LabelCore

/// The question termlabel builds from Scale categories, as Ango category schema JSON.
func scaleCategoryOntology(_ tool: String, _ values: [String]) -> JSONValue {
    ["tools": [], "classifications": [[
        "tool": .string(tool), "title": "Category", "schemaId": "scale-category", "required": true,
        "options": .array(values.map { ["value": .string($0), "schemaId": .string($0)] }), "classifications": [],
    ]], "relations": []]
}

/// A pre-label of the built Scale category question.
func scaleCategoryAnswer(_ answer: JSONValue, tool: String = "radio") -> Annotations {
    Annotations(classifications: [[
        "schemaId": "scale-category", "tool": .string(tool), "title": "Category", "answer": answer, "classifications": [],
    ]])
}

@Suite("Scale tasks in: the real files", .enabled(if: RealFixtures.available))
struct ScaleRealFileTests {
    func read(_ name: String, ontology: Ontology? = nil) throws -> AssetFile {
        try AssetReader.read(path: RealFixtures.path("scale-task", name), ontology: ontology)
    }

    func error(_ name: String) -> String? {
        do {
            _ = try read(name)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("Scale's documented task: unique_id names it, the text attachment is the asset, the response a pre-label, the whole object kept")
    func documentedSample() throws {
        let file = try read("scale-docs_task-object-sample.json")
        #expect(file.kind == .scale)
        #expect(file.tasks == [NewTask(
            externalId: "product_experiment_dg3d9x83", asset: "car", metadata: [:], annotations: scaleCategoryAnswer("big"),
            taskId: "576ba74eec471ff9b01557cc",
            source: SourceRecord(format: .scale, record: try RealFixtures.json("scale-task", "scale-docs_task-object-sample.json")),
            instruction: "Would you say this item is big or small?")])
        #expect(file.builtOntology == scaleCategoryOntology("radio", ["big", "small"]))
        #expect(file.counts == ["Scale categorization tasks": 1])
        #expect(file.warnings == [])
        let source = try #require(file.tasks.first?.source?.record)
        #expect(source["tags"] == ["experiment_1", "owner:david"])
        #expect(source["callback_url"] == "http://www.example.com/callback")
        #expect(source["audits"]?.arrayValue?.count == 2)
    }

    @Test("a website categorization task: the URL is the asset, task_id the externalId without unique_id")
    func websiteCategorization() throws {
        let file = try read("scaleapi-ruby_categorization.json")
        #expect(file.tasks == [NewTask(
            externalId: "5c84d0fe958593004f13e5ba", asset: "https://www.google.com", metadata: [:],
            annotations: scaleCategoryAnswer("public"), taskId: "5c84d0fe958593004f13e5ba",
            source: SourceRecord(format: .scale, record: try RealFixtures.json("scale-task", "scaleapi-ruby_categorization.json")),
            instruction: "Is this company public or private?")])
        #expect(file.builtOntology == scaleCategoryOntology("radio", ["public", "private"]))
    }

    @Test("a fetched task's response with category_id null pre-labels its category")
    func findValid() throws {
        let file = try read("scaleapi-ruby_task_find_valid.json")
        #expect(file.tasks.map(\.annotations) == [scaleCategoryAnswer("private")])
        #expect(file.tasks.map(\.readOnlyReason) == [nil])
    }

    @Test("a canceled task is kept read-only, counted, with its response shown")
    func canceled() throws {
        let file = try read("scaleapi-ruby_task_cancel_valid.json")
        #expect(file.tasks.map(\.externalId) == ["5c84d0fe958593004f13e5ba"])
        #expect(file.tasks.map(\.readOnlyReason) == ["canceled in Scale"])
        #expect(file.tasks.map(\.annotations) == [scaleCategoryAnswer("private")])
        #expect(file.counts == ["Scale categorization tasks": 1, "read-only (canceled in Scale)": 1])
    }

    @Test("with an ontology, the response pre-labels the question that offers the task's categories")
    func withOntology() throws {
        let ontology = try OntologyReader.read(Array("""
            {"tools": [], "relations": [], "classifications": [
              {"tool": "text", "title": "Note", "schemaId": "q-note"},
              {"tool": "single-dropdown", "title": "Ownership", "schemaId": "q-own",
               "options": [{"value": "public", "schemaId": "o1"}, {"value": "private", "schemaId": "o2"}, {"value": "unknown", "schemaId": "o3"}]}]}
            """.utf8), file: "o.json").ontology
        let file = try read("scaleapi-ruby_categorization.json", ontology: ontology)
        #expect(file.tasks.map(\.annotations) == [Annotations(classifications: [[
            "schemaId": "q-own", "tool": "single-dropdown", "title": "Ownership", "answer": "public", "classifications": [],
        ]])])
        #expect(file.builtOntology == nil)
    }

    @Test("files of task types termlabel cannot answer say so, by type and count", arguments: [
        ("scaleapi-ruby_audio_transcription.json", "audiotranscription 1"),
        ("scaleapi-ruby_comparison.json", "comparison 1"),
        ("scaleapi-ruby_data_collection.json", "datacollection 1"),
        ("scaleapi-ruby_transcription.json", "transcription 1"),
        ("scaleapi-ruby_task_list_1.json", "segmentannotation 1, cuboidannotation 1"),
    ])
    func unanswerable(name: String, types: String) {
        #expect(error(name) == """
            \(RealFixtures.path("scale-task", name)): error: no Scale task here is one termlabel can answer: \(types)
                termlabel answers Scale categorization tasks; drawing, segmentation, transcription and comparison tasks need Scale's own tools
            """)
    }

    @Test("every Scale file is recognised as Scale, never read as plain records")
    func everyFileDetected() throws {
        for name in RealFixtures.files("scale-task") {
            #expect(ScaleTaskReader.detect(try RealFixtures.json("scale-task", name)), "\(name)")
        }
    }
}

@Suite("Scale tasks in: shapes and problems")
struct ScaleTaskShapeTests {
    func read(_ text: String, file: String = "tasks.jsonl", ontology: Ontology? = nil) throws -> AssetFile {
        try AssetReader.read(Array(text.utf8), file: file, ontology: ontology)
    }

    @Test("JSON Lines of tasks with category objects and allow_multiple build a checkbox; a list response is a list pre-label")
    func jsonLinesCheckbox() throws {
        let file = try read("""
            {"task_id": "t1", "type": "categorization", "status": "completed", "params": {"attachment_type": "image", "attachment": "https://x/1.jpg", "categories": [{"label": "cat"}, {"label": "dog"}], "allow_multiple": true}, "response": {"category": ["cat", "dog"]}, "metadata": {"batch": 7}}
            {"task_id": "t2", "type": "categorization", "status": "pending", "params": {"attachment_type": "text", "attachment": "a bird", "categories": ["cat", "bird"]}}
            """)
        #expect(file.kind == .scale)
        #expect(file.builtOntology == scaleCategoryOntology("checkbox", ["cat", "dog", "bird"]))
        #expect(file.tasks.map(\.externalId) == ["t1", "t2"])
        #expect(file.tasks.map(\.asset) == ["https://x/1.jpg", "a bird"])
        #expect(file.tasks.map(\.metadata) == [["batch": 7], [:]])
        #expect(file.tasks.map(\.annotations) == [scaleCategoryAnswer(["cat", "dog"], tool: "checkbox"), .empty])
        #expect(file.tasks.map(\.taskId) == [nil, nil])
    }

    @Test("a task-list response's docs are the tasks; other types are left out with a warning naming them")
    func listResponseMixed() throws {
        let file = try read("""
            {"docs": [
              {"task_id": "a", "type": "categorization", "status": "error", "params": {"attachment": "x", "categories": ["y", "n"]}},
              {"task_id": "b", "type": "transcription", "params": {"attachment": "https://x"}},
              {"task_id": "c", "type": "transcription", "params": {"attachment": "https://y"}}
            ], "total": 3, "limit": 3, "offset": 0, "has_more": false}
            """, file: "list.json")
        #expect(file.tasks.map(\.externalId) == ["a"])
        #expect(file.tasks.map(\.readOnlyReason) == ["Scale reported an error for this task"])
        #expect(file.counts == ["Scale categorization tasks": 1, "read-only (error in Scale)": 1])
        #expect(file.warnings.map(\.description) == ["""
            list.json: warning: left out 2 Scale tasks of types termlabel cannot answer: transcription 2
                termlabel answers Scale categorization tasks; drawing, segmentation, transcription and comparison tasks need Scale's own tools
            """])
    }

    @Test("a categorization task without categories is an error placed at its line and path")
    func missingCategories() {
        #expect(throws: DiagnosticsError.self) { try read("") }
        do {
            _ = try read("""
                [{"task_id": "a", "type": "categorization", "params": {"attachment": "x", "categories": ["y"]}},
                 {"task_id": "b", "type": "categorization", "params": {"attachment": "x"}}]
                """, file: "t.json")
            Issue.record("read a task without categories")
        } catch {
            #expect("\(error)" == """
                t.json:2:55: error: a categorization task needs "params.categories" (a list of strings or {"label": …} objects) (at $[1].params)
                """)
        }
    }

    @Test("a task whose categories no question of the ontology offers is not pre-labeled, and a warning says so")
    func responseOutsideOntology() throws {
        let ontology = try OntologyReader.read(Array(Ontologies.oneRadio.utf8), file: "o.json").ontology
        let file = try read("""
            {"task_id": "a", "type": "categorization", "status": "completed", "params": {"attachment": "x", "categories": ["big", "small"]}, "response": {"category": "big"}}
            """, ontology: ontology)
        #expect(file.tasks.map(\.annotations) == [.empty])
        #expect(file.warnings.map(\.description) == [
            "tasks.jsonl:1:142: warning: no question of the ontology offers this task's categories; its response is not a pre-label (at $.response)",
        ])
    }
}

@Suite("Scale tasks in: never the generic path")
struct ScaleNeverGenericTests {
    @Test("JSON Lines of Scale tasks with a broken first line: the Scale reader reports that line, not \"no data\" for the others")
    func brokenFirstLine() {
        #expect(assetsError("""
            {"task_id": "a", "type": "categorization",
            {"task_id": "b", "type": "categorization", "params": {"attachment": "x", "categories": ["y", "n"]}}
            """, file: "tasks.jsonl") == """
            tasks.jsonl:1:43: error: unexpected end of file inside an object; expected a key
                fix the JSON on this line; each line is one record
            """)
    }

    @Test("a JSON array whose first item is not a task is still read as Scale tasks")
    func firstItemNotATask() {
        #expect(assetsError("""
            [null, {"task_id": "b", "type": "categorization", "params": {"attachment": "x", "categories": ["y", "n"]}}]
            """, file: "tasks.json") == "tasks.json:1:2: error: a Scale task must be an object, found null (at $[0])")
    }
}
