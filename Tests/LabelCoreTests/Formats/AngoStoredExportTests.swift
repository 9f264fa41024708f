import Foundation
import Testing

@testable import LabelCore

/// The Ango export from SQLite and PostgreSQL copies stored JSON texts instead of parsing them:
/// its output must be the decoded export's, byte for byte, whatever the tasks went through.
@Suite("Ango export: stored texts spliced")
struct AngoStoredExportTests {
    struct StringOutput: ThrowingTextOutput {
        var text = ""
        mutating func write(_ string: String) { text += string }
        mutating func check() throws {}
    }

    /// Ango's sample (imported history), plain records with extra keys and hostile text, and tasks
    /// submitted, reviewed, rejected with a comment, skipped and left as a draft.
    func fill(_ store: any ProjectStore) throws {
        var tasks = try readAssets(AngoSample.exportFile, file: "ango-export.json").tasks
        StagePlacement.place(&tasks, workflow: Workflow(hasReview: true), toStage: nil)
        _ = try store.add(tasks, at: addedAt)
        let records = """
            {"externalId":"a","data":"plain text","metadata":{"stars":5},"batches":["b1"],"source":"web","priority":2}
            {"externalId":"b\\u2028\\u202e","data":"quote \\" backslash \\\\ tab\\t bell\\u0007 del\\u007f c1\\u0085 \\u2066bidi","metadata":{"k":"\\u200f"}}
            {"externalId":"c","data":{"text":"an object asset","n":1.50}}
            {"externalId":"d","data":"to reject"}
            {"externalId":"e","data":"to skip"}
            {"externalId":"f","data":"draft"}
            """
        _ = try store.add(try readAssets(records, file: "r.jsonl").tasks, at: addedAt)
        let answer: [JSONValue] = [["schemaId": "x", "title": "T", "answer": "Yes \u{202E}", "classifications": []]]
        for name in ["a", "b\u{2028}\u{202E}", "c", "d"] {
            _ = try store.claim(taskId: store.id(name), stage: .label, user: "ann")
            _ = try store.submit(Submission(taskId: store.id(name), stage: .label, user: "ann", classifications: answer,
                                            time: TimeSpent(active: 1200, idle: 300), at: at("2024-05-01T10:00:00.000Z")))
        }
        _ = try store.claim(taskId: store.id("a"), stage: .review, user: "rob")
        _ = try store.submit(Submission(taskId: store.id("a"), stage: .review, user: "rob", classifications: answer,
                                        time: TimeSpent(active: 700, idle: 0), at: at("2024-05-01T11:00:00.000Z"), reviewStatus: .accepted))
        _ = try store.claim(taskId: store.id("d"), stage: .review, user: "rob")
        _ = try store.submit(Submission(taskId: store.id("d"), stage: .review, user: "rob", classifications: answer,
                                        time: TimeSpent(active: 500, idle: 20), at: at("2024-05-01T11:00:00.000Z"),
                                        reviewStatus: .rejected, comment: "look again \"here\""))
        try store.skip(taskId: store.id("e"), user: "ann", at: addedAt)
        try store.saveDraft(Draft(taskId: store.id("f"), stage: .label, user: "ann", classifications: answer,
                                  time: TimeSpent(active: 90, idle: 9), savedAt: at("2024-05-01T12:00:00.000Z")))
        // Issues on d (one resolved, one open on the whole task) and c on hold.
        let issue = try store.openIssue(NewIssue(taskId: store.id("d"), schemaId: "x", content: "wrong \u{202E} @ann", errorCode: nil,
                                                 user: "rob", at: at("2024-05-01T11:00:00.000Z")))
        _ = try store.resolveIssue(id: issue.id, by: "ann", comment: "done", at: at("2024-05-01T11:30:00.000Z"))
        _ = try store.openIssue(NewIssue(taskId: store.id("d"), schemaId: nil, content: "and this", errorCode: nil,
                                         user: "lorenzo", at: at("2024-05-01T11:40:00.000Z")))
        _ = try store.hold(.externalIds(["c"]), reason: "ask the client", by: "rob", at: at("2024-05-01T11:50:00.000Z"))
    }

    @Test("a task's issues and hold are exported in termlabel's own fields, open and resolved, with e-mails", arguments: StoreBackend.all)
    func issuesAndHold(_ backend: StoreBackend) throws {
        try withProject(on: backend, ontology: Ontologies.angoSample, review: true, emails: ["lorenzo": "lorenzo@imerit.net"]) { any in
            try fill(any)
            #expect(AngoStoredExport.splices(any))
            let store = any
            let settings = try store.settings()
            var out = StringOutput()
            _ = try AngoStoredExport.write(store, settings: settings, options: ExportOptions(stage: .label, ndjson: true), to: &out)
            let d = try #require(out.text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
                .first { $0.objectValue?["externalId"] == "d" }?.objectValue?["task"]?.objectValue)
            #expect(JSONWriter().string(try #require(d["issues"])) == """
                [{"issueId":1,"content":"wrong \\u202e @ann","schemaId":"x","errorCode":null,"mentions":["ann"],"status":"Resolved",\
                "stage":"Label","createdBy":"rob","createdAt":"2024-05-01T11:00:00.000Z","resolvedBy":"ann","resolvedAt":"2024-05-01T11:30:00.000Z",\
                "resolution":"done"},{"issueId":2,"content":"and this","schemaId":null,"errorCode":null,"mentions":[],"status":"Open",\
                "stage":"Label","createdBy":"lorenzo@imerit.net","createdAt":"2024-05-01T11:40:00.000Z"}]
                """)
            #expect(d["hold"] == nil)
            out = StringOutput()
            _ = try AngoStoredExport.write(store, settings: settings, options: ExportOptions(stage: .review, ndjson: true), to: &out)
            let c = try #require(out.text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
                .first { $0.objectValue?["externalId"] == "c" }?.objectValue?["task"]?.objectValue)
            #expect(JSONWriter().string(try #require(c["hold"])) == #"{"reason":"ask the client","by":"rob","at":"2024-05-01T11:50:00.000Z"}"#)
            #expect(c["issues"] == nil)
        }
    }

    @Test("every stage, with and without idle time, history and NDJSON, is the decoded export byte for byte", arguments: StoreBackend.all)
    func splicedEqualsDecoded(_ backend: StoreBackend) throws {
        try withProject(on: backend, ontology: Ontologies.angoSample, review: true, emails: ["lorenzo": "lorenzo@imerit.net"]) { any in
            try fill(any)
            #expect(AngoStoredExport.splices(any))
            let store = any
            let settings = try store.settings()
            var exported = 0
            for stage in [Stage.label, .review, .complete] {
                for (idle, history, ndjson) in [(false, true, false), (true, true, false), (false, false, true), (true, false, true)] {
                    let options = ExportOptions(stage: stage, ndjson: ndjson, includeIdle: idle, includeHistory: history)
                    var spliced = StringOutput()
                    var decoded = StringOutput()
                    let n = try AngoStoredExport.write(store, settings: settings, options: options, to: &spliced)
                    #expect(n == (try AngoExport.writeDecoded(store, settings: settings, options: options, to: &decoded)))
                    #expect(spliced.text == decoded.text, "\(options)")
                    exported += n
                }
            }
            // Label: d (rejected), e, f; Review: b, c; Complete: a and the sample — each four times.
            #expect(exported == 4 * 7)
        }
    }

    /// A stored history entry as the export writes it.
    func exported(_ json: String, includeIdle: Bool = false) -> String {
        var out = StringOutput()
        var json = json
        json.withUTF8 { AngoStoredExport.historyEntry(UnsafeRawBufferPointer($0), includeIdle: includeIdle, to: &out) }
        return out.text
    }

    @Test("a stored entry loses its idle time by a cut, and an entry without one is kept as it is")
    func idleCut() {
        #expect(exported(#"{"stage":"Label","stageId":"Label","duration":5,"idleDuration":-12,"x":1}"#)
                == #"{"stage":"Label","stageId":"Label","duration":5,"x":1}"#)
        #expect(exported(#"{"stage":"Label","stageId":"Label","duration":5,"idleDuration":-12,"x":1}"#, includeIdle: true)
                == #"{"stage":"Label","stageId":"Label","duration":5,"idleDuration":-12,"x":1}"#)
        #expect(exported(#"{"stage":"Start","duration":0}"#) == #"{"stage":"Start","duration":0}"#)
    }

    @Test("an imported entry loses its mark; one that came with idle time is written again without it, or kept with it")
    func importedEntries() {
        #expect(exported(#"{"stage":"Label","Duration":"D","duration":5,"_imported":true}"#) == #"{"stage":"Label","Duration":"D","duration":5}"#)
        #expect(exported(#"{"stage":"Label","duration":5,"idleDuration":2,"_imported":true}"#, includeIdle: true)
                == #"{"stage":"Label","duration":5,"idleDuration":2}"#)
        #expect(exported(#"{"stage":"Label","duration":5,"idleDuration":2,"_imported":true}"#)
                == #"{"stage":"Label","duration":5}"#)
        #expect(exported(#"{"_imported":true}"#) == "{}")
    }

    @Test("an entry is stored as it came with the import mark last, or as termlabel writes it")
    func storedEntries() throws {
        func imported(_ text: String) throws -> StageHistoryEntry {
            StageHistoryEntry(ango: try #require(try JSONParser.parse(text).objectValue))
        }
        #expect(TaskInsertion.stored(try imported(#"{"stage":"Label","duration":5,"idleDuration":2,"x":[1,{"y":"\u202e"}]}"#))
                == #"{"stage":"Label","duration":5,"idleDuration":2,"x":[1,{"y":"\u202e"}],"_imported":true}"#)
        #expect(TaskInsertion.stored(try imported(#"{ "stage" : "Review", "completedAt":"2024-05-01T10:00:00.000Z" }"#))
                == #"{"stage":"Review","completedAt":"2024-05-01T10:00:00.000Z","_imported":true}"#)
        #expect(TaskInsertion.stored(try imported(#"{"_imported":false,"stage":"Label"}"#)) == #"{"_imported":true,"stage":"Label"}"#)
        #expect(TaskInsertion.stored(try imported("{}")) == #"{"_imported":true}"#)
        let made = StageHistoryEntry(stage: "Label", stageId: "Label", duration: 7, idleDuration: 3, completedAt: addedAt, completedBy: "ann",
                                     annotations: .empty)
        #expect(TaskInsertion.stored(made) == #"{"stage":"Label","stageId":"Label","duration":7,"idleDuration":3,"completedAt":"2024-05-01T09:00:00.000Z","completedBy":"ann","tools":[],"classifications":[],"relations":[]}"#)
    }
}

