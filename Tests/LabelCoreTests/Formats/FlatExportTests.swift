import Foundation
import Testing

@testable import LabelCore

/// A project with the every-tool ontology and two tasks: one labeled (nested answers, lists, a
/// comma and a quote in the text) and reviewed, one not yet labeled.
private func labeledProject(in dir: String) throws -> SQLiteProjectStore {
    let store = try makeProject(in: dir, ontology: Ontologies.everyTool, review: true, emails: ["ann": "ann@example.com"])
    _ = try store.add([
        NewTask(externalId: "r-1", asset: "Loud, \"cheap\" blender", metadata: ["stars": 2]),
        NewTask(externalId: "r-2", asset: ["url": "https://example.com/a.png"]),
    ], at: addedAt)
    let answers: [JSONValue] = [
        ["schemaId": "q-sent", "tool": "radio", "title": "Sentiment", "answer": "Negative", "classifications": [
            ["schemaId": "q-why", "tool": "checkbox", "title": "Why negative", "answer": ["Price", "Quality"], "classifications": [
                ["schemaId": "q-price", "tool": "text", "title": "Price detail", "answer": "too dear,\nreally", "classifications": []],
            ]],
        ]],
        ["schemaId": "q-kind", "tool": "tree-dropdown", "title": "Kind", "answer": ["Animal", "Animal / Mammal / Cat"], "classifications": []],
        ["schemaId": "q-code", "tool": "text", "title": "Code", "answer": "042", "classifications": []],
        ["schemaId": "q-rank", "tool": "rank", "title": "Order", "answer": ["C", "A", "B"], "classifications": []],
    ]
    _ = try store.claim(taskId: store.id("r-1"), stage: .label, user: "ann")
    _ = try store.submit(Submission(taskId: store.id("r-1"), stage: .label, user: "ann", classifications: answers,
                                    time: TimeSpent(active: 41_500, idle: 3_000), at: at("2024-05-01T10:00:00.000Z")))
    _ = try store.claim(taskId: store.id("r-1"), stage: .review, user: "rev")
    _ = try store.submit(Submission(taskId: store.id("r-1"), stage: .review, user: "rev", classifications: answers,
                                    time: TimeSpent(active: 2_000, idle: 0), at: at("2024-05-01T10:05:00.000Z"), reviewStatus: .accepted))
    return store
}

private func exported(_ format: ExportFormat, _ options: ExportOptions, in dir: String) throws -> (count: Int, text: String) {
    let store = try labeledProject(in: dir)
    let path = (dir as NSString).appendingPathComponent("out")
    let count = try format.export(store, options: options, to: path)
    return (count, try String(contentsOfFile: path, encoding: .utf8))
}

@Suite("Export: CSV and JSON Lines")
struct FlatExportTests {
    @Test("CSV: a header of the fixed fields and every question by its title path, one row per task of the stage")
    func csvComplete() throws {
        try withTemporaryDirectory { dir in
            let (count, text) = try exported(.csv, ExportOptions(), in: dir)
            #expect(count == 1)
            #expect(text == "externalId,taskId,stage,status,asset,Sentiment,Sentiment/Why negative,Sentiment/Why negative/Price detail,"
                + "Sentiment/Why negative/Note,Language,Topics,Kind,Code,Order,annotator,reviewer,reviewStatus,totalDuration,completedAt\r\n"
                + "r-1,\(try taskId(dir)),Complete,accepted,\"Loud, \"\"cheap\"\" blender\",Negative,Price; Quality,\"too dear,\nreally\",,,,"
                + "Animal; Animal / Mammal / Cat,042,C; A; B,ann@example.com,rev,Accepted,43500,2024-05-01T10:05:00.000Z\r\n")
        }
    }

    @Test("CSV of the Label stage: an unlabeled task has empty answers, no annotator, no time; a JSON asset is its JSON; --include-idle adds idleDuration")
    func csvLabelStage() throws {
        try withTemporaryDirectory { dir in
            let (count, text) = try exported(.csv, ExportOptions(stage: .label, includeIdle: true), in: dir)
            let lines = text.components(separatedBy: "\r\n")
            #expect(count == 1)
            #expect(lines[0].hasSuffix(",totalDuration,completedAt,idleDuration"))
            let id = try #require(try SQLiteProjectStore(directory: dir + "/project").task(externalId: "r-2")).taskId
            #expect(lines[1] == "r-2,\(id),Label,new,\"{\"\"url\"\":\"\"https://example.com/a.png\"\"}\",,,,,,,,,,,,,0,,0")
            #expect(lines.count == 3 && lines[2] == "")
        }
    }

    @Test("JSON Lines: one flat object per task, answers keeping their shape, metadata after the asset")
    func jsonlComplete() throws {
        try withTemporaryDirectory { dir in
            let (count, text) = try exported(.jsonl, ExportOptions(includeIdle: true), in: dir)
            #expect(count == 1)
            #expect(text.hasSuffix("\n"))
            #expect(try JSONParser.parse(text) == [
                "externalId": "r-1", "taskId": .string(try taskId(dir)), "stage": "Complete", "status": "accepted",
                "asset": "Loud, \"cheap\" blender", "metadata": ["stars": 2],
                "Sentiment": "Negative", "Sentiment/Why negative": ["Price", "Quality"], "Sentiment/Why negative/Price detail": "too dear,\nreally",
                "Sentiment/Why negative/Note": nil, "Language": nil, "Topics": nil, "Kind": ["Animal", "Animal / Mammal / Cat"],
                "Code": "042", "Order": ["C", "A", "B"], "annotator": "ann@example.com", "reviewer": "rev", "reviewStatus": "Accepted",
                "totalDuration": 43500, "completedAt": "2024-05-01T10:05:00.000Z", "idleDuration": 3000,
            ])
        }
    }

    @Test("an empty stage gives a CSV header only and an empty JSON Lines file")
    func emptyStage() throws {
        try withTemporaryDirectory { dir in
            let (count, text) = try exported(.jsonl, ExportOptions(stage: .review), in: dir)
            #expect(count == 0)
            #expect(text == "")
        }
        try withTemporaryDirectory { dir in
            let (_, text) = try exported(.csv, ExportOptions(stage: .review), in: dir)
            #expect(text.components(separatedBy: "\r\n").count == 2)
        }
    }
}

private func taskId(_ dir: String) throws -> String {
    try #require(try SQLiteProjectStore(directory: dir + "/project").task(externalId: "r-1")).taskId
}

@Suite("Export: to a pipe or a device")
struct ExportTargetTests {
    @Test("an export to a FIFO is written into it, and the FIFO stays a FIFO (no file renamed over it)")
    func fifoStaysFifo() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir)
            _ = try store.add(tasks("a", "b"), at: addedAt)
            let fifo = (dir as NSString).appendingPathComponent("pipe")
            #expect(mkfifo(fifo, 0o600) == 0)
            let received = Received()
            let reader = Thread {
                let data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
                received.set(String(decoding: data, as: UTF8.self))
            }
            reader.start()
            #expect(try ExportFormat.jsonl.export(store, options: ExportOptions(stage: .label), to: fifo) == 2)
            // Bounded: with the FIFO replaced by a file, the reader would wait for a writer forever.
            for _ in 0..<5000 where received.get() == nil { usleep(1000) }
            var info = stat()
            #expect(stat(fifo, &info) == 0)
            #expect(info.st_mode & S_IFMT == S_IFIFO)
            #expect(received.get()?.split(separator: "\n").count == 2)
        }
    }
}

private final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    func set(_ value: String) { lock.withLock { text = value } }
    func get() -> String? { lock.withLock { text } }
}

@Suite("Export: column names")
struct FlatColumnTests {
    @Test("questions titled alike, or like a fixed field, get their schemaId after the title, so no column is lost")
    func repeatedTitles() throws {
        let ontology = try Ontologies.read("""
            {"tools": [], "relations": [], "classifications": [
              {"tool": "text", "title": "Notes", "schemaId": "n1"},
              {"tool": "text", "title": "Notes", "schemaId": "n2"},
              {"tool": "text", "title": "status", "schemaId": "st"}]}
            """)
        #expect(FlatTask.columns(ontology).map(\.title) == ["Notes", "Notes (n2)", "status (st)"])
    }
}
