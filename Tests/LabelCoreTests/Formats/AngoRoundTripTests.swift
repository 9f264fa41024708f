import Foundation
import Testing

@testable import LabelCore

/// Ango's sample task, imported from an Ango export into a new project.
struct ImportedSample {
    let store: SQLiteProjectStore
    let sample: JSONValue
    let directory: String

    /// `toStage` is `--to-stage`: nil keeps the stage the task was exported from.
    init(in directory: String, toStage: Stage? = nil) throws {
        self.directory = directory
        sample = try json(AngoSample.task)
        let file = try readAssets(AngoSample.exportFile, file: "ango-export.json")
        store = try makeProject(in: directory, ontology: Ontologies.angoSample, emails: ["lorenzo": "lorenzo@imerit.net"])
        var tasks = file.tasks
        StagePlacement.place(&tasks, workflow: Workflow(hasReview: false), toStage: toStage)
        let added = try store.add(tasks, at: addedAt)
        guard added == AddResult(added: 1, skippedExisting: 0) else { throw StoreError.damaged("sample not added: \(added)") }
    }

    /// The one asset of an export of `stage`.
    func export(_ options: AngoExport.Options) throws -> JSONValue {
        let path = (directory as NSString).appendingPathComponent("export.json")
        let count = try AngoExport.export(store, options: options, to: path)
        guard count == 1, let data = FileManager.default.contents(atPath: path),
              let asset = try JSONParser.parse(Array(data)).arrayValue?.first
        else { throw StoreError.damaged("export of \(count) assets") }
        return asset
    }
}

@Suite("Ango round trip")
struct AngoRoundTripTests {
    @Test("Ango's sample export asset is read as one task with its pre-labels, tools, history and taskId")
    func sampleRead() throws {
        let file = try readAssets(AngoSample.exportFile, file: "ango-export.json")
        let sample = try json(AngoSample.task)
        let task = try #require(file.tasks.first)
        #expect(file.counts == ["Ango export assets": 1])
        #expect(task.taskId == "64e5e5b985eb730015b4ebd9")
        #expect(task.externalId == "sample-0001")
        #expect(task.annotations.classifications == sample["classifications"]?.arrayValue)
        #expect(task.annotations.tools == sample["tools"]?.arrayValue)
        #expect(task.history.map(\.stage) == ["Start", "Label", "Review"])
        #expect(task.updatedAt == at("2023-08-23T11:36:38.027Z"))
        #expect(task.updatedBy == "lorenzo@imerit.net")
    }

    @Test("an imported task keeps the stage it was exported from: Complete, accepted, with its answers")
    func sampleStaysComplete() throws {
        try withTemporaryDirectory { dir in
            let imported = try ImportedSample(in: dir)
            let task = try #require(try imported.store.task(externalId: "sample-0001"))
            #expect(task.stage == .complete)
            #expect(task.status == .accepted)
            #expect(task.labeler == "lorenzo@imerit.net")
            #expect(task.annotations.classifications == imported.sample["classifications"]?.arrayValue)
        }
    }

    @Test("Ango's sample task survives import and export with the default stage, field for field")
    func sampleSurvivesDefaultExport() throws {
        try withTemporaryDirectory { dir in
            let imported = try ImportedSample(in: dir)
            let asset = try imported.export(AngoExport.Options())
            #expect(asset == [
                "asset": "https://example.com/sample.png", "externalId": "sample-0001", "metadata": [:], "batches": [],
                "task": imported.sample,
            ])
        }
    }

    @Test("--to-stage Label sends an imported task back for labeling, its answers as pre-labels")
    func sampleEntersLabel() throws {
        try withTemporaryDirectory { dir in
            let imported = try ImportedSample(in: dir, toStage: .label)
            let task = try #require(try imported.store.task(externalId: "sample-0001"))
            #expect(task.stage == .label)
            #expect(task.status == .new)
            #expect(task.annotations.classifications == imported.sample["classifications"]?.arrayValue)
        }
    }

    @Test("the Label export gives back the sample's classifications field for field")
    func classificationsRoundTrip() throws {
        try withTemporaryDirectory { dir in
            let imported = try ImportedSample(in: dir, toStage: .label)
            let task = try imported.export(AngoExport.Options(stage: .label))["task"]
            #expect(task?["classifications"] == imported.sample["classifications"])
        }
    }

    @Test("the Label export gives back the sample's stageHistory exactly")
    func stageHistoryRoundTrip() throws {
        try withTemporaryDirectory { dir in
            let imported = try ImportedSample(in: dir, toStage: .label)
            let task = try imported.export(AngoExport.Options(stage: .label))["task"]
            #expect(task?["stageHistory"] == imported.sample["stageHistory"])
        }
    }

    @Test("the Label export gives back the sample's tools and relations exactly")
    func toolsRoundTrip() throws {
        try withTemporaryDirectory { dir in
            let imported = try ImportedSample(in: dir, toStage: .label)
            let task = try imported.export(AngoExport.Options(stage: .label))["task"]
            #expect(task?["tools"] == imported.sample["tools"])
            #expect(task?["relations"] == imported.sample["relations"])
        }
    }

    @Test("the Label export is the sample task itself, in the Label stage")
    func wholeTaskRoundTrip() throws {
        try withTemporaryDirectory { dir in
            let imported = try ImportedSample(in: dir, toStage: .label)
            let asset = try imported.export(AngoExport.Options(stage: .label))
            var expected = try #require(imported.sample.objectValue)
            expected["stage"] = "Label"
            expected["stageId"] = "Label"
            #expect(asset["task"]?["taskId"] == "64e5e5b985eb730015b4ebd9")
            #expect(asset == [
                "asset": "https://example.com/sample.png", "externalId": "sample-0001", "metadata": [:], "batches": [],
                "task": .object(expected),
            ])
        }
    }

    @Test("a form opened on the imported task and submitted unchanged exports the sample's classifications from Complete")
    func labeledSampleKeepsClassifications() throws {
        try withTemporaryDirectory { dir in
            let imported = try ImportedSample(in: dir, toStage: .label)
            let task = try #require(try imported.store.claimNext(stage: .label, user: "lorenzo"))
            let form = FormState(
                ontology: try imported.store.settings().ontology(),
                context: FormContext(taskId: task.taskId, user: "lorenzo@imerit.net", stageId: "Label"),
                classifications: task.annotations.classifications)
            _ = try imported.store.submit(Submission(
                taskId: task.id, stage: .label, user: "lorenzo", classifications: form.classifications(),
                time: TimeSpent(active: 1200, idle: 0), at: at("2024-05-01T10:00:00.000Z")))
            let exported = try imported.export(AngoExport.Options())["task"]
            #expect(exported?["classifications"] == imported.sample["classifications"])
        }
    }

    @Test("labeling the imported task adds a Label entry shaped as Ango's own, after the sample's history")
    func labeledSampleHistory() throws {
        try withTemporaryDirectory { dir in
            let imported = try ImportedSample(in: dir, toStage: .label)
            let task = try #require(try imported.store.claimNext(stage: .label, user: "lorenzo"))
            _ = try imported.store.submit(Submission(
                taskId: task.id, stage: .label, user: "lorenzo", classifications: task.annotations.classifications,
                time: TimeSpent(active: 46753, idle: 0), at: at("2023-08-23T11:21:04.393Z")))
            let history = try #require(try imported.export(AngoExport.Options())["task"]?["stageHistory"]?.arrayValue)
            let sampleHistory = try #require(imported.sample["stageHistory"]?.arrayValue)
            // The sample's own Label entry is what Ango writes for this very submit.
            #expect(history == sampleHistory + [sampleHistory[1]])
        }
    }
}
