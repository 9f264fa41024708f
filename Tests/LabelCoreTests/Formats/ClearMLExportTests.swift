import Foundation
import Testing

@testable import LabelCore

/// JSON text without the whitespace between tokens: what the export writes for a value read
/// from it, if every byte of the value is kept.
func minified(_ text: String) -> String {
    var out = ""
    var inString = false
    var escaped = false
    for ch in text {
        if inString {
            out.append(ch)
            if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
        } else if ch == "\"" {
            inString = true
            out.append(ch)
        } else if !ch.isWhitespace {
            out.append(ch)
        }
    }
    return out
}

/// A project of ClearML frames with `clearMLOntology`, answered in the core.
struct ClearMLProject {
    let store: SQLiteProjectStore
    let ontology: Ontology

    init(in dir: String, file: AssetFile) throws {
        store = try makeProject(in: dir, ontology: clearMLOntology)
        _ = try store.add(file.tasks, at: addedAt)
        ontology = try store.settings().ontology()
    }

    /// The form of a task opened by `user`, with `answers` (question → values) applied.
    func form(_ externalId: String, by user: String, _ answers: [(String, [String])]) throws -> (LabelTask, [JSONValue]) {
        let task = try store.claim(taskId: store.id(externalId), stage: .label, user: user)
        var form = FormState(ontology: ontology, context: FormContext(taskId: task.taskId, user: user, stageId: "Label"), classifications: [])
        for (question, values) in answers {
            for value in values {
                let kind = ontology.question(question)?.kind
                try form.apply(kind == .checkbox ? .toggle(question, value: value) : .choose(question, value: value), at: at("2024-05-01T10:00:00.000Z"))
            }
        }
        return (task, form.classifications())
    }

    func submit(_ externalId: String, by user: String, active: Int64, _ answers: [(String, [String])]) throws {
        let (task, classifications) = try form(externalId, by: user, answers)
        _ = try store.submit(Submission(
            taskId: task.id, stage: .label, user: user, classifications: classifications, time: TimeSpent(active: active, idle: 0),
            at: at("2024-05-01T10:00:05.000Z")))
    }

    /// The export's lines (JSON Lines), as written.
    func exportLines(in dir: String) throws -> [String] {
        let path = (dir as NSString).appendingPathComponent("frames.jsonl")
        try ClearMLExport.export(store, options: RecordExportOptions(jsonLines: true), to: path)
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

@Suite("ClearML out: round trips")
struct ClearMLExportTests {
    @Test("frames with mixed ROIs: geometric ROIs byte for byte, answered frame-level ROIs replaced by the answers, untouched frames as they came")
    func mixedROIs() throws {
        try withTemporaryDirectory { dir in
            let file = try AssetReader.read(Array(ClearMLFrameShapeTests.frames.utf8), file: "frames.jsonl", ontology: try readOntology(clearMLOntology))
            let project = try ClearMLProject(in: dir, file: file)
            try project.submit("f1", by: "ann", active: 2000, [("q-scene", ["bike"]), ("q-weather", ["rain"])])
            let (task, draft) = try project.form("f3", by: "bea", [("q-weather", ["rain"])])
            try project.store.saveDraft(Draft(taskId: task.id, stage: .label, user: "bea", classifications: draft, time: TimeSpent(active: 700, idle: 0),
                                              savedAt: at("2024-05-01T10:02:00.000Z")))
            let input = ClearMLFrameShapeTests.frames.split(separator: "\n").map(String.init)
            let scene = #"{"label":["bike"],"meta":{"question":"Scene","schemaId":"q-scene","annotator":"ann"},"confidence":1}"#
            let weather = #"{"label":["rain"],"meta":{"question":"Weather","schemaId":"q-weather","annotator":"ann"},"confidence":1}"#
            let draftWeather = #"{"label":["rain"],"meta":{"question":"Weather","schemaId":"q-weather","annotator":"bea"},"confidence":1}"#
            #expect(try project.exportLines(in: dir) == [
                #"{"id":"f1","sources":[{"id":"cam","uri":"s3://b/1.jpg"}],"rois":[{"label":["bike"],"poly":[1,2.50,3,4e1]},\#(scene),\#(weather)],"#
                    + #""meta":{"termlabel":{"stage":"Complete","annotator":"ann","total_duration_ms":2000,"label_duration_ms":2000,"review_duration_ms":0}}}"#,
                minified(input[1]),
                #"{"id":"f3","sources":[{"id":"cam","uri":"s3://b/3.jpg"}],"rois":[{"label":["car"],"area":40},\#(draftWeather)],"#
                    + #""meta":{"termlabel":{"stage":"Label","total_duration_ms":0,"label_duration_ms":0,"review_duration_ms":0}}}"#,
            ])
        }
    }

    @Test("ClearML's documented frame, labeled here: its three ROIs (mask, polygons) byte for byte, the answer added, durations in meta",
          .enabled(if: RealFixtures.available))
    func documentedFrame() throws {
        try withTemporaryDirectory { dir in
            let name = "clearml-docs_sources-example3-frame.json"
            let file = try AssetReader.read(path: RealFixtures.path("clearml-frame", name), ontology: try readOntology(clearMLOntology))
            let project = try ClearMLProject(in: dir, file: file)
            try project.submit("car_1@1234567889", by: "ann", active: 2000, [("q-scene", ["car", "night"])])
            let original = minified(try String(contentsOfFile: RealFixtures.path("clearml-frame", name), encoding: .utf8))
            let ours = #"{"label":["car","night"],"meta":{"question":"Scene","schemaId":"q-scene","annotator":"ann"},"confidence":1}"#
            let work = #""termlabel":{"stage":"Complete","annotator":"ann","total_duration_ms":2000,"label_duration_ms":2000,"review_duration_ms":0}"#
            let expected = original
                .replacingOccurrences(of: #""meta":{"velocity":"60"},"#, with: #""meta":{"velocity":"60",\#(work)},"#)
                .dropLast(2) + ",\(ours)]}"
            #expect(try project.exportLines(in: dir) == [String(expected)])
        }
    }

    @Test("a task that did not come from ClearML becomes a frame with its asset as the one source")
    func freshFrame() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir, ontology: clearMLOntology)
            _ = try store.add([NewTask(externalId: "img-1", asset: "https://x/1.png")], at: addedAt)
            let ontology = try store.settings().ontology()
            var frames: [String] = []
            try store.forEachTask(in: nil) {
                frames.append(compact(ClearMLExport.frame($0, ontology: ontology, settings: try store.settings(), options: .init())))
            }
            #expect(frames == [#"{"id":"img-1","context_id":"img-1","sources":[{"id":"default","uri":"https://x/1.png"}],"rois":[]}"#])
        }
    }
}
