import Foundation
import Testing

@testable import LabelCore

/// A project without review whose one task ann labeled: claimed, a draft saved, submitted.
struct LabeledProject {
    let store: SQLiteProjectStore
    let task: LabelTask
    let objectId: String

    init(in directory: String) throws {
        store = try makeProject(in: directory, emails: ["ann": "ann@example.com"])
        _ = try store.add([NewTask(externalId: "r-1", asset: "Great battery", metadata: ["stars": 5])], at: addedAt)
        task = try #require(try store.claimNext(stage: .label, user: "ann"))
        var form = FormState(
            ontology: try store.settings().ontology(),
            context: FormContext(taskId: task.taskId, user: "ann@example.com", stageId: "Label"))
        try form.apply(.choose("q-sent", value: "Positive"), at: at("2024-05-01T09:01:00.000Z"))
        objectId = try #require(form.answers["q-sent"]?.objectId)
        try store.saveDraft(Draft(
            taskId: task.id, stage: .label, user: "ann", classifications: form.classifications(),
            time: TimeSpent(active: 20_000, idle: 3_000), savedAt: at("2024-05-01T09:01:05.000Z")))
        let next = try store.submit(Submission(
            taskId: task.id, stage: .label, user: "ann", classifications: form.classifications(),
            time: TimeSpent(active: 46_753, idle: 5_000), at: at("2024-05-01T09:02:00.000Z")))
        guard next == .complete else { throw StoreError.notInStage(externalId: "r-1", stage: .complete, actual: next) }
    }

    func export(_ options: AngoExport.Options) throws -> String {
        let path = ((store.directory as NSString).deletingLastPathComponent as NSString).appendingPathComponent("out.json")
        try AngoExport.export(store, options: options, to: path)
        return String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
}

@Suite("Ango export")
struct AngoExportTests {
    @Test("a task labeled without review exports from Complete with a Start and a Label entry")
    func completeTaskShape() throws {
        try withTemporaryDirectory { dir in
            let project = try LabeledProject(in: dir)
            let answer = #""schemaId":"q-sent","tool":"radio","title":"Sentiment","answer":"Positive""#
            #expect(try project.export(AngoExport.Options()) == """
                [
                {"asset":"Great battery","externalId":"r-1","metadata":{"stars":5},"batches":[],"task":{\
                "taskId":"\(project.task.taskId)","stage":"Complete","stageId":"Complete","updatedAt":"2024-05-01T09:02:00.000Z",\
                "updatedBy":"ann@example.com","totalDuration":46753,"tools":[],"classifications":[{"objectId":"\(project.objectId)",\
                \(answer),"metadata":{"createdAt":"2024-05-01T09:01:00.000Z","createdBy":"ann@example.com","createdIn":"Label"},\
                "classifications":[]}],"relations":[],"stageHistory":[\
                {"stage":"Start","stageId":"Start","duration":0,"completedAt":"2024-05-01T09:00:00.000Z","tools":[],"classifications":[],\
                "relations":[]},\
                {"stage":"Label","stageId":"Label","duration":46753,"completedAt":"2024-05-01T09:02:00.000Z",\
                "completedBy":"ann@example.com","tools":[],"classifications":[{"objectId":"\(project.objectId)",\(answer),\
                "classifications":[]}],"relations":[]}]}}
                ]

                """)
        }
    }

    @Test("--include-idle adds idleDuration to the task and to every stage entry")
    func includeIdle() throws {
        try withTemporaryDirectory { dir in
            let project = try LabeledProject(in: dir)
            let task = try JSONParser.parse(project.export(AngoExport.Options(includeIdle: true))).arrayValue?.first?["task"]
            #expect(task?["totalDuration"] == 46753)
            #expect(task?["idleDuration"] == 5000)
            #expect(task?.objectValue.map { Array($0.keys.prefix(8)) } == [
                "taskId", "stage", "stageId", "updatedAt", "updatedBy", "totalDuration", "idleDuration", "tools",
            ])
            #expect(task?["stageHistory"]?.arrayValue?.map { compact(["duration": $0["duration"]!, "idleDuration": $0["idleDuration"] ?? nil]) }
                == [#"{"duration":0,"idleDuration":0}"#, #"{"duration":46753,"idleDuration":5000}"#])
            #expect(task?["stageHistory"]?.arrayValue?.map { $0.objectValue.map { Array($0.keys.prefix(4)) } ?? [] } == [
                ["stage", "stageId", "duration", "idleDuration"], ["stage", "stageId", "duration", "idleDuration"],
            ])
        }
    }

    @Test("an export of a stage without tasks is an empty array")
    func emptyExport() throws {
        try withTemporaryDirectory { dir in
            let project = try LabeledProject(in: dir)
            #expect(try project.export(AngoExport.Options(stage: .review)) == "[]\n")
        }
    }

    @Test("NDJSON puts one asset on each line")
    func ndjson() throws {
        try withTemporaryDirectory { dir in
            let project = try LabeledProject(in: dir)
            _ = try project.store.add(tasks("r-2", "r-3"), at: addedAt)
            let lines = try project.export(AngoExport.Options(stage: .label, ndjson: true)).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 3)
            #expect(try lines.prefix(2).map { try JSONParser.parse(String($0))["externalId"] } == ["r-2", "r-3"])
            #expect(lines.last == "")
        }
    }

    @Test("a task with an open draft is exported as its draft stands")
    func draftExported() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir, emails: ["ann": "ann@example.com"])
            _ = try store.add(tasks("a"), at: addedAt)
            let a = try #require(try store.claimNext(stage: .label, user: "ann"))
            try store.saveDraft(Draft(
                taskId: a.id, stage: .label, user: "ann", classifications: [["schemaId": "q-sent", "answer": "Negative"]],
                time: TimeSpent(active: 10, idle: 0), savedAt: at("2024-05-01T09:30:00.000Z")))
            let path = (dir as NSString).appendingPathComponent("out.json")
            try AngoExport.export(store, options: AngoExport.Options(stage: .label, includeHistory: false), to: path)
            let task = try JSONParser.parse(Array(FileManager.default.contents(atPath: path) ?? Data())).arrayValue?.first?["task"]
            #expect(task.map(compact) == """
                {"taskId":"\(a.taskId)","stage":"Label","stageId":"Label","updatedAt":"2024-05-01T09:30:00.000Z",\
                "updatedBy":"ann@example.com","totalDuration":0,"tools":[],"classifications":[{"schemaId":"q-sent","answer":"Negative"}],\
                "relations":[]}
                """)
        }
    }

    @Test("an export to a missing directory fails and leaves nothing behind")
    func exportToMissingDirectory() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir)
            let path = (dir as NSString).appendingPathComponent("missing/out.json")
            #expect(throws: Diagnostic.self) { try AngoExport.export(store, options: AngoExport.Options(), to: path) }
            #expect(FileManager.default.fileExists(atPath: path) == false)
        }
    }
}
