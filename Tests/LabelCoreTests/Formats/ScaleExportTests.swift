import Foundation
import Testing

@testable import LabelCore

/// A project of Scale tasks, answered in the core: forms filled with `FormState`, submitted and
/// reviewed through the store.
struct ScaleProject {
    let store: SQLiteProjectStore
    let ontology: Ontology

    init(in dir: String, file: AssetFile, review: Bool = true) throws {
        let schema = try #require(file.builtOntology)
        store = try makeProject(in: dir, ontology: JSONWriter(pretty: true).string(schema), review: review)
        _ = try store.add(file.tasks, at: addedAt)
        ontology = try store.settings().ontology()
    }

    /// Opens the task in `stage` as `user`, chooses `category` (nil keeps the answers it has) and submits.
    @discardableResult
    func answer(
        _ externalId: String, _ category: String?, in stage: Stage, by user: String, active: Int64, at time: String,
        review: ReviewStatus? = nil, comment: String? = nil
    ) throws -> [JSONValue] {
        let task = try store.claim(taskId: store.id(externalId), stage: stage, user: user)
        var form = FormState(
            ontology: ontology, context: FormContext(taskId: task.taskId, user: user, stageId: stage.id),
            classifications: task.annotations.classifications)
        if let category { try form.apply(.choose(ScaleCategories.questionId, value: category), at: at(time)) }
        let classifications = form.classifications()
        _ = try store.submit(Submission(
            taskId: task.id, stage: stage, user: user, classifications: classifications, time: TimeSpent(active: active, idle: 250),
            at: at(time), reviewStatus: review, comment: comment))
        return classifications
    }

    /// The export, parsed.
    func export(_ options: RecordExportOptions = RecordExportOptions(), in dir: String) throws -> [JSONValue] {
        let path = (dir as NSString).appendingPathComponent("scale.json")
        try ScaleExport.export(store, options: options, to: path)
        return try #require(try JSONParser.parse(Array(Data(contentsOf: URL(fileURLWithPath: path)))).arrayValue)
    }
}

@Suite("Scale out: round trips", .enabled(if: RealFixtures.available))
struct ScaleExportTests {
    static let sample = "scale-docs_task-object-sample.json"

    @Test("Scale's documented task, labeled, rejected, relabeled and fixed here, goes back completed with its response and audits")
    func labeledRejectedFixed() throws {
        try withTemporaryDirectory { dir in
            let project = try ScaleProject(in: dir, file: try AssetReader.read(path: RealFixtures.path("scale-task", Self.sample)))
            let id = "product_experiment_dg3d9x83"
            try project.answer(id, "small", in: .label, by: "ann", active: 4200, at: "2024-05-01T10:00:00.000Z")
            try project.answer(id, nil, in: .review, by: "bob", active: 2600, at: "2024-05-01T10:05:00.000Z", review: .rejected,
                               comment: "a car is big")
            try project.answer(id, nil, in: .label, by: "ann", active: 1000, at: "2024-05-01T10:10:00.000Z")
            let fixed = try project.answer(id, "big", in: .review, by: "bob", active: 1600, at: "2024-05-01T10:15:00.000Z", review: .fixed)

            var exported = try #require(try project.export(in: dir).first?.objectValue)
            let removed = exported.removeValue(forKey: "response")
            let response = try #require(removed)
            #expect(response == ["category": "big", "classifications": .array(fixed)])
            #expect(fixed.first?["answer"] == "big")
            #expect(compact(.object(exported)) == compact(try json("""
                {"task_id": "576ba74eec471ff9b01557cc", "created_at": "2016-06-23T09:09:34.752Z",
                 "updated_at": "2016-06-23T09:10:02.798Z", "completed_at": "2024-05-01T10:15:00.000Z",
                 "type": "categorization", "status": "completed", "instruction": "Would you say this item is big or small?",
                 "params": {"attachment_type": "text", "attachment": "car", "categories": ["big", "small"]},
                 "callback_url": "http://www.example.com/callback", "callback_completed": true,
                 "metadata": {"termlabel": {"stage": "Complete", "annotator": "ann", "reviewer": "bob",
                   "total_duration_ms": 9400, "label_duration_ms": 5200, "review_duration_ms": 4200}},
                 "audits": [
                   {"audited_by": "[email\u{a0}protected]", "audited_at": "2016-06-24T15:32:03.585Z", "audit_time_secs": 120,
                    "audit_result": "accepted", "audit_source": "customer"},
                   {"audited_by": "[email\u{a0}protected]", "audited_at": "2016-06-23T10:01:02.352Z", "audit_time_secs": 511,
                    "audit_result": "fixed", "audit_source": "scale"},
                   {"audited_by": "bob", "audited_at": "2024-05-01T10:05:00.000Z", "audit_time_secs": 3, "audit_result": "rejected",
                    "audit_source": "termlabel", "comment": "a car is big"},
                   {"audited_by": "bob", "audited_at": "2024-05-01T10:15:00.000Z", "audit_time_secs": 2, "audit_result": "fixed",
                    "audit_source": "termlabel"}],
                 "tags": ["experiment_1", "owner:david"], "unique_id": "product_experiment_dg3d9x83"}
                """)))
        }
    }

    @Test("an accepted task's audit says accepted; with --include-idle the work carries idle time")
    func acceptedWithIdle() throws {
        try withTemporaryDirectory { dir in
            let project = try ScaleProject(in: dir, file: try AssetReader.read(path: RealFixtures.path("scale-task", "scaleapi-ruby_categorization.json")))
            let id = "5c84d0fe958593004f13e5ba"
            try project.answer(id, "private", in: .label, by: "ann", active: 3000, at: "2024-05-01T10:00:00.000Z")
            try project.answer(id, nil, in: .review, by: "bob", active: 900, at: "2024-05-01T10:01:00.000Z", review: .accepted)
            let task = try #require(try project.export(RecordExportOptions(includeIdle: true), in: dir).first)
            #expect(task["status"] == "completed")
            #expect(task["completed_at"] == "2024-05-01T10:01:00.000Z")
            #expect(task["response"]?["category"] == "private")
            #expect(task["metadata"] == ["termlabel": [
                "stage": "Complete", "annotator": "ann", "reviewer": "bob", "total_duration_ms": 3900, "label_duration_ms": 3000,
                "review_duration_ms": 900, "idle_duration_ms": 500,
            ]])
            #expect(task["audits"] == [[
                "audited_by": "bob", "audited_at": "2024-05-01T10:01:00.000Z", "audit_time_secs": 1, "audit_result": "accepted",
                "audit_source": "termlabel",
            ]])
        }
    }

    @Test("a task nobody worked on goes back exactly as it came; one in review is pending, without a response")
    func untouchedAndPending() throws {
        try withTemporaryDirectory { dir in
            let bytes = Array("""
                {"task_id": "a", "type": "categorization", "status": "completed", "params": {"attachment": "x", "categories": ["y", "n"]}, "response": {"category": "y"}, "completed_at": "2020-01-01T00:00:00.000Z"}
                {"task_id": "b", "type": "categorization", "status": "pending", "params": {"attachment": "z", "categories": ["y", "n"]}}
                """.utf8)
            let project = try ScaleProject(in: dir, file: try AssetReader.read(bytes, file: "t.jsonl"))
            try project.answer("b", "n", in: .label, by: "ann", active: 1000, at: "2024-05-01T10:00:00.000Z")
            let tasks = try project.export(in: dir)
            #expect(tasks.map(compact) == [
                #"{"task_id":"a","type":"categorization","status":"completed","params":{"attachment":"x","categories":["y","n"]},"response":{"category":"y"},"completed_at":"2020-01-01T00:00:00.000Z"}"#,
                #"{"task_id":"b","type":"categorization","status":"pending","params":{"attachment":"z","categories":["y","n"]},"metadata":{"termlabel":{"stage":"Review","annotator":"ann","total_duration_ms":1000,"label_duration_ms":1000,"review_duration_ms":0}}}"#,
            ])
        }
    }

    @Test("a canceled task is never served, cannot be submitted, and goes back as it came")
    func canceledReadOnly() throws {
        try withTemporaryDirectory { dir in
            let project = try ScaleProject(
                in: dir, file: try AssetReader.read(path: RealFixtures.path("scale-task", "scaleapi-ruby_task_cancel_valid.json")))
            #expect(try project.store.claimNext(stage: .label, user: "ann") == nil)
            let task = try #require(try project.store.task(externalId: "5c84d0fe958593004f13e5ba"))
            #expect(task.readOnlyReason == "canceled in Scale")
            #expect(task.instruction == "Is this company public or private?")
            #expect(throws: StoreError.readOnly(externalId: "5c84d0fe958593004f13e5ba", reason: "canceled in Scale")) {
                try project.store.submit("5c84d0fe958593004f13e5ba", in: .label, by: "ann")
            }
            #expect(try project.export(in: dir).map(compact) == [compact(try RealFixtures.json("scale-task", "scaleapi-ruby_task_cancel_valid.json"))])
        }
    }

    @Test("the source record stays out of the Ango export")
    func angoExportUntouched() throws {
        try withTemporaryDirectory { dir in
            let project = try ScaleProject(in: dir, file: try AssetReader.read(path: RealFixtures.path("scale-task", Self.sample)), review: false)
            try project.answer("product_experiment_dg3d9x83", "big", in: .label, by: "ann", active: 1000, at: "2024-05-01T10:00:00.000Z")
            var asset: JSONValue?
            try project.store.forEachTask(in: .complete) { asset = AngoExport.asset($0, settings: try project.store.settings(), options: .init()) }
            #expect(asset?.objectValue.map { Array($0.keys) } == ["asset", "externalId", "metadata", "batches", "task"])
            #expect(asset?["asset"] == "car")
            #expect(asset?["task"]?["taskId"] == "576ba74eec471ff9b01557cc")
        }
    }
}

@Suite("Scale out: tasks from elsewhere")
struct ScaleExportFreshTests {
    @Test("a task that did not come from Scale is written as a categorization task of the first choice question")
    func freshTask() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir, review: false)
            _ = try store.add([NewTask(externalId: "r-1", asset: "Great battery", metadata: ["stars": 5]),
                               NewTask(externalId: "r-2", asset: "https://example.com/a.png")], at: addedAt)
            try store.submit("r-1", in: .label, by: "ann", answer: "Positive", active: 1500)
            let ontology = try store.settings().ontology()
            var tasks: [String] = []
            try store.forEachTask(in: nil) { tasks.append(compact(ScaleExport.task($0, ontology: ontology, options: .init()))) }
            let id1 = try #require(try store.task(externalId: "r-1")).taskId
            let id2 = try #require(try store.task(externalId: "r-2")).taskId
            let answer = #"[{"schemaId":"q-sent","tool":"radio","title":"Sentiment","answer":"Positive","classifications":[]}]"#
            #expect(tasks == [
                #"{"task_id":"\#(id1)","type":"categorization","status":"completed","params":{"attachment_type":"text","attachment":"Great battery","categories":["Positive","Negative"]},"metadata":{"stars":5,"termlabel":{"stage":"Complete","annotator":"ann","total_duration_ms":1500,"label_duration_ms":1500,"review_duration_ms":0}},"unique_id":"r-1","completed_at":"2024-05-01T10:00:00.000Z","response":{"category":"Positive","classifications":\#(answer)}}"#,
                #"{"task_id":"\#(id2)","type":"categorization","status":"pending","params":{"attachment_type":"image","attachment":"https://example.com/a.png","categories":["Positive","Negative"]},"metadata":{},"unique_id":"r-2"}"#,
            ])
        }
    }
}
