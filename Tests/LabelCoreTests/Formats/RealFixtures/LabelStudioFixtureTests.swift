import Foundation
import Testing

@testable import LabelCore

@Suite("Real files: Label Studio exports", .enabled(if: RealFixtures.available))
struct LabelStudioFixtureTests {
    @Test("a Label Studio 1.x export: the text is the asset, the chosen option a pre-label, the question built from from_name")
    func converterHistory() throws {
        let file = try RealFixtures.read("label-studio", "label-studio-converter_csv_test_history.json")
        #expect(file.format == "label-studio")
        #expect(file.kind == .jsonArray)
        #expect(file.tasks == [NewTask(
            externalId: "6141", asset: "Calif. wildfires signal the arrival of a planetary fire age https://t.co/Vvo9noqQfA",
            metadata: [:], annotations: Annotations(classifications: [answer(
                "sentiment", "radio", "sentiment", "Positive",
                metadata: ["createdAt": "2024-05-15T12:09:16.789Z", "createdBy": "sergei@heartex.e2e"])]))])
        #expect(file.builtOntology == builtOntology(builtQuestion("sentiment", "sentiment", "radio", ["Positive"])))
        #expect(file.counts == ["Label Studio tasks": 1])
        #expect(file.warnings == [])
    }

    @Test("a minimal Label Studio export whose control is named like the text field")
    func sdkCollidingKeys() throws {
        let file = try RealFixtures.read("label-studio", "label-studio-sdk_csv_test_colliding_keys.json")
        #expect(file.tasks == [NewTask(
            externalId: "1", asset: "This is a sample sentence", metadata: [:],
            annotations: Annotations(classifications: [answer(
                "text", "radio", "text", "positive", metadata: ["createdAt": "2024-01-01T00:00:00.000Z", "createdBy": "annotator@example.com"])]))])
        #expect(file.builtOntology == builtOntology(builtQuestion("text", "text", "radio", ["positive"])))
    }

    @Test("a Label Studio 0.x completion: the field named like text is the asset, the other data fields are metadata")
    func completionObject() throws {
        let file = try RealFixtures.read("label-studio", "label-studio_examples_sentiment_analysis_completions_0.json")
        #expect(file.kind == .jsonObject)
        #expect(file.tasks == [NewTask(
            externalId: "0", asset: "Good case, Excellent value.",
            metadata: [
                "asin": "1384719342", "helpful": [0, 0], "overall": 5, "reviewTime": "02 28, 2014", "reviewerID": "A2IBPI20UZIR0U",
                "reviewerName": #"cassandra tu "Yeah, well, that's just like, u..."#, "summary": "good", "unixReviewTime": 1393545600,
            ],
            annotations: Annotations(classifications: [answer("sentiment", "radio", "sentiment", "Positive")]))])
    }

    @Test("a Label Studio 0.x completion whose result is JSON text and whose task is inside it")
    func completionWithResultText() throws {
        let file = try RealFixtures.read("label-studio", "label-studio_examples_sentiment_analysis_completions_tasks-0.json")
        let task = try #require(file.tasks.first)
        #expect(file.tasks.count == 1)
        #expect(task.externalId == "tasks-0")
        #expect(task.asset.stringValue?.hasPrefix("Not much to write about here") == true)
        #expect(task.metadata["summary"] == "good")
        #expect(task.annotations.classifications == [answer("sentiment", "radio", "sentiment", "Negative")])
    }

    @Test("with --ontology, Label Studio choices go to the question of that title, in the ontology's spelling")
    func choicesMatchTheOntology() throws {
        let ontology = try OntologyReader.read(json("""
            {"tools": [], "relations": [], "classifications": [
              {"tool": "radio", "title": "Sentiment", "schemaId": "q-sent",
               "options": [{"value": "POSITIVE", "schemaId": "p"}, {"value": "NEGATIVE", "schemaId": "n"}]}]}
            """)).ontology
        let file = try RealFixtures.read("label-studio", "label-studio-converter_csv_test_history.json", ReadOptions(ontology: ontology))
        #expect(file.tasks.map(\.annotations.classifications) == [[answer(
            "q-sent", "radio", "Sentiment", "POSITIVE", metadata: ["createdAt": "2024-05-15T12:09:16.789Z", "createdBy": "sergei@heartex.e2e"])]])
        #expect(file.builtOntology == nil)
        #expect(file.warnings == [])
    }
}

@Suite("Real files: Label Studio round trip", .enabled(if: RealFixtures.available))
struct LabelStudioRoundTripTests {
    @Test("a Label Studio export, labeled in termlabel with its pre-label kept, exports as Ango's asset with the answer and history")
    func labelStudioToAngo() throws {
        let file = try RealFixtures.read("label-studio", "label-studio-converter_csv_test_history.json")
        let built = try #require(file.builtOntology)
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir, ontology: JSONWriter(pretty: true).string(built))
            _ = try store.add(file.tasks, at: addedAt)
            let task = try #require(try store.claimNext(stage: .label, user: "ann"))
            let form = FormState(
                ontology: try store.settings().ontology(), context: FormContext(taskId: task.taskId, user: "ann", stageId: "Label"),
                classifications: task.annotations.classifications)
            _ = try store.submit(Submission(
                taskId: task.id, stage: .label, user: "ann", classifications: form.classifications(),
                time: TimeSpent(active: 1849, idle: 0), at: at("2024-05-15T12:09:17.000Z")))
            let path = (dir as NSString).appendingPathComponent("export.json")
            #expect(try ExportFormat.ango.export(store, options: ExportOptions(), to: path) == 1)
            let asset = try #require(try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path)))).arrayValue?.first)
            #expect(asset["asset"] == "Calif. wildfires signal the arrival of a planetary fire age https://t.co/Vvo9noqQfA")
            #expect(asset["externalId"] == "6141")
            let classification = try #require(asset["task"]?["classifications"]?.arrayValue?.first)
            #expect(classification["schemaId"] == "sentiment")
            #expect(classification["tool"] == "radio")
            #expect(classification["answer"] == "Positive")
            #expect(classification["metadata"] == ["createdAt": "2024-05-15T12:09:16.789Z", "createdBy": "sergei@heartex.e2e"])
            #expect(asset["task"]?["stage"] == "Complete")
            #expect(asset["task"]?["totalDuration"] == 1849)
            #expect(asset["task"]?["stageHistory"]?.arrayValue?.map { $0["stage"] } == ["Start", "Label"])
            #expect(asset["task"]?["stageHistory"]?.arrayValue?.last?["completedBy"] == "ann")
        }
    }
}

@Suite("Label Studio: cancelled annotations and spans")
struct LabelStudioShapeTests {
    @Test("a task whose only annotation was cancelled is kept as a skip by its annotator")
    func cancelledIsSkip() throws {
        let file = try readFormat("""
            [{"id": 7, "data": {"text": "hello"}, "annotations": [{"was_cancelled": true, "result": [],
              "completed_by": {"id": 3, "email": "ann@example.com"}, "updated_at": "2024-05-15T12:09:16.789Z"}]},
             {"id": 8, "data": {"text": "world"}, "annotations": [
              {"was_cancelled": true, "result": [], "completed_by": 4},
              {"was_cancelled": false, "result": [{"type": "choices", "from_name": "s", "value": {"choices": ["A"]}}]}]}]
            """, file: "ls.json")
        #expect(file.tasks.map(\.skippedBy) == ["ann@example.com", nil])
        #expect(file.tasks[0].updatedAt == at("2024-05-15T12:09:16.789Z"))
        #expect(file.tasks[1].annotations.classifications == [answer("s", "radio", "s", "A")])
        #expect(file.counts == ["Label Studio tasks": 2, "skipped (cancelled in Label Studio)": 1])
    }

    @Test("a skipped task enters the project skipped, assigned to who skipped it, with a skip event")
    func cancelledEntersSkipped() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir)
            _ = try store.add([NewTask(externalId: "7", asset: "hello", updatedAt: at("2024-05-15T12:09:16.789Z"), skippedBy: "ann@example.com")], at: addedAt)
            let task = try #require(try store.task(externalId: "7"))
            #expect(task.stage == .label)
            #expect(task.status == .skipped)
            #expect(task.assignee == "ann@example.com")
            #expect(try store.activity(since: nil).skips.map { "\($0.user) \($0.at)" } == ["ann@example.com 2024-05-15T12:09:16.789Z"])
        }
    }

    @Test("span labels are reported by type and count, the text still imported")
    func spansReported() throws {
        let file = try readFormat("""
            [{"id": 1, "data": {"text": "Alice met Bob"}, "annotations": [{"result": [
              {"type": "labels", "from_name": "ner", "value": {"start": 0, "end": 5, "labels": ["PER"]}},
              {"type": "labels", "from_name": "ner", "value": {"start": 10, "end": 13, "labels": ["PER"]}}]}]}]
            """, file: "ner.json")
        #expect(file.tasks.map(\.asset) == ["Alice met Bob"])
        #expect(file.tasks[0].annotations == .empty)
        #expect(file.builtOntology == nil)
        #expect(file.warnings.map(\.description) == [
            "ner.json: warning: results termlabel cannot answer are left out: 2 of type \"labels\"\n    termlabel answers classification questions (choices); spans, regions and free text are not read",
        ])
    }

    @Test("data with several text fields and none named text asks which one, listing them")
    func ambiguousTextField() throws {
        #expect(formatError("""
            [{"id": 1, "data": {"title": "a", "body": "b"}, "annotations": []}]
            """, file: "ls.json") == """
            ls.json:1:20: error: which field of "data" holds the text to label? (at $[0].data)
                name it with --text-column; the fields are: "title", "body"
            """)
        let file = try readFormat(#"[{"id": 1, "data": {"title": "a", "body": "b"}, "annotations": []}]"#, file: "ls.json", textColumn: "body")
        #expect(file.tasks == [NewTask(externalId: "1", asset: "b", metadata: ["title": "a"])])
    }
}
