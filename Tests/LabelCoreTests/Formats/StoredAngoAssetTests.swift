import Foundation
import Testing

@testable import LabelCore

/// An Ango export's asset taken as it is stored (`StoredAngoAsset`) must give the rows the parsed
/// reading gives, byte for byte, and must refuse every asset the parser would refuse or write
/// differently.
@Suite("Ango export assets read as stored")
struct StoredAngoAssetTests {
    static let time = at("2024-06-01T12:00:00.000Z")

    /// What an asset's rows hold, each column a line (the taskId left out when the asset has none:
    /// a new one is drawn).
    static func rows(_ batch: TaskInsertion.Prepared, taskId: Bool = true) -> [String] {
        func text(_ t: TaskInsertion.Prepared.Text?) -> String { t.map { batch.string($0) } ?? "NULL" }
        var lines: [String] = []
        for task in batch.tasks {
            lines += [taskId ? text(task.taskId) : "-", text(task.externalId), text(task.asset), text(task.preview), text(task.metadata),
                      text(task.batches), text(task.extra), "\(task.priority)", text(task.stage), text(task.status), text(task.skippedBy),
                      text(task.labeler), text(task.annotations), "\(task.updatedAt.map { "\($0.millisecondsSince1970)" } ?? "NULL")",
                      text(task.updatedBy), text(task.sourceFormat), text(task.source), text(task.readOnlyReason), text(task.instruction)]
            for entry in batch.history[task.history] {
                lines += ["history", text(entry.stage), text(entry.user), "\(entry.active)", "\(entry.idle)", text(entry.reviewStatus),
                          "\(entry.completedAt.map(String.init) ?? "NULL")", text(entry.entry)]
            }
        }
        return lines
    }

    /// The parsed reading of `item`: its one task, or nil when the reader reports a problem.
    static func parsed(_ item: [UInt8]) -> NewTask? {
        guard let value = try? JSONParser.parse(item) else { return nil }
        var builder = AssetReader.Builder(file: "export.json")
        builder.record(value, path: .root, fallbackNumber: 7) { _ in nil }
        guard builder.diagnostics.isEmpty, builder.tasks.count == 1 else { return nil }
        return builder.tasks[0]
    }

    static func stored(_ item: [UInt8]) -> StoredAngoAsset? {
        item.withUnsafeBufferPointer { StoredAngoAsset.read($0, fallbackId: "export-7") }
    }

    /// Checks the one promise: an asset taken as stored is one the parser takes, and its rows are
    /// the parsed task's. Returns whether it was taken.
    @discardableResult
    static func agree(_ item: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        guard let stored = stored(item) else { return false }
        guard let task = parsed(item) else {
            Issue.record("taken as stored, refused when parsed: \(String(decoding: item, as: UTF8.self))", sourceLocation: sourceLocation)
            return true
        }
        let hasTaskId = task.taskId != nil
        #expect(rows(TaskInsertion.prepare([IncomingTask.stored(stored)], at: time), taskId: hasTaskId)
                == rows(TaskInsertion.prepare([task], at: time), taskId: hasTaskId),
                "\(String(decoding: item, as: UTF8.self))", sourceLocation: sourceLocation)
        #expect(stored.decoded() == task, sourceLocation: sourceLocation)
        #expect(stored.stage == task.stage, sourceLocation: sourceLocation)
        return true
    }

    static let history = #"[{"stage":"Start","stageId":"Start","duration":0,"completedAt":"2024-05-01T09:00:00.000Z","tools":[],"classifications":[],"relations":[]},{"stage":"Label","stageId":"Label","duration":2000,"idleDuration":15,"completedAt":"2024-05-01T09:30:00.000Z","completedBy":"ann@example.com","tools":[],"classifications":[{"schemaId":"q","title":"Sentiment","tool":"radio","answer":"Positive","classifications":[]}],"relations":[]},{"stage":"Review","stageId":"Review","duration":1000,"reviewStatus":"Accepted","completedAt":"2024-05-01T10:00:00.000Z","completedBy":"rob@example.com","tools":[],"classifications":[],"relations":[]}]"#

    /// An asset in the form termlabel's own export writes, with `task` members replaced or added.
    static func asset(top: String = #""asset":"Review 1: 価格は高い","externalId":"a-1","metadata":{"stars":2},"batches":[]"#,
                      task: String = #""taskId":"64e5e5b90000000000000001","stage":"Complete","stageId":"Complete","updatedAt":"2024-05-01T10:00:00.000Z","updatedBy":"ann@example.com","totalDuration":3000,"tools":[],"classifications":[{"schemaId":"q","answer":"Positive"}],"relations":[]"#,
                      history: String? = StoredAngoAssetTests.history) -> String {
        "{\(top),\"task\":{\(task)\(history.map { ",\"stageHistory\":\($0)" } ?? "")}}"
    }

    /// Streams the Ango export at `path` and checks which assets were read as stored, and that
    /// every task's rows are the whole-file reader's.
    static func streamAgrees(_ path: String, stored: [Bool], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var streamed: [IncomingTask] = []
        let file = try AssetStream.read(path: path, options: ReadOptions()) { streamed += $0 }
        #expect(file.format == "ango-export", sourceLocation: sourceLocation)
        #expect(streamed.map { if case .stored = $0 { true } else { false } } == stored, sourceLocation: sourceLocation)
        let parsed = try AssetReader.read(path: path).tasks
        #expect(streamed.map(\.decoded) == parsed, sourceLocation: sourceLocation)
        for (incoming, task) in zip(streamed, parsed) {
            #expect(rows(TaskInsertion.prepare([incoming], at: time)) == rows(TaskInsertion.prepare([task], at: time)), sourceLocation: sourceLocation)
        }
    }

    @Test("an asset as termlabel exports it is taken as stored, with the parsed reading's rows")
    func exportedAsset() {
        #expect(Self.agree(Array(Self.asset().utf8)))
    }

    @Test("assets of every shape the export writes are taken as stored and agree", arguments: [
        asset(history: nil),
        asset(history: "[]"),
        asset(task: #""taskId":"t","stage":"Label","stageId":"Label","tools":[],"classifications":[],"relations":[]"#, history: "[]"),
        asset(top: #""asset":{"url":"https://x/y.png","w":1.5e3},"externalId":12,"metadata":null,"batches":["b1",{"k":[true,false,null]}],"extra":{"z":-0.0},"keep":"me""#),
        asset(top: #""data":"via data","externalId":null"#),
        asset(top: #""asset":null,"data":"ignored","externalId":"n""#),
        asset(top: #""asset":"tab\tquote\"back\\slash\nnew \u0000nul \u001f \u007f \u0085 \u2028 \u202e \u2066 \u200e \u061c","externalId":"esc""#),
        asset(top: #""asset":"emoji 👩‍👩‍👧 é 한국어","externalId":"uni""#),
        asset(task: #""taskId":"t2","stage":"Review","stageId":"Review","objects":[{"schemaId":"o"}],"classifications":[],"relations":[{"from":"a"}]"#),
        asset(task: #""taskId":"t3","stage":"My Review Stage","stageId":"custom-1","tools":null,"objects":[{"schemaId":"o"}],"classifications":"x","relations":[]"#),
        asset(task: #""taskId":"t4","stage":"Complete","stageId":"Complete","tools":[]"#,
              history: #"[{},{"stage":"Label","duration":"12","idleDuration":1.0,"completedAt":"not a time","completedBy":7},{"stage":"Review","reviewStatus":"Fixed","duration":12.5}]"#),
        asset(task: #""taskId":7,"stage":null,"updatedAt":"2024-13-45T00:00:00Z","updatedBy":["x"]"#),
        asset(task: #""taskId":"t5","stage":"Label","classifications":[{"schemaId":"q","answer":"x","metadata":{"createdAt":"2024"},"lock":true,"classifications":[{"schemaId":"c","answer":"y","metadata":{}}]}]"#, history: nil),
    ])
    func shapes(_ item: String) {
        #expect(Self.agree(Array(item.utf8)), "not taken as stored: \(item)")
    }

    @Test("an asset the writer would write otherwise, or that has a problem, is left to the parser", arguments: [
        // Not in compact form: the stored text would differ from what the parser writes back.
        asset(top: #""asset": "spaced","externalId":"a""#),
        asset(top: #""asset":"slash \/","externalId":"a""#),
        asset(top: #""asset":"\u00e9","externalId":"a""#),
        asset(top: #""asset":"\u001F","externalId":"a""#),
        asset(top: #""asset":"\u000a","externalId":"a""#),
        asset(top: "\"asset\":\"raw \u{7F} del\",\"externalId\":\"a\""),
        asset(top: "\"asset\":\"raw \u{85} C1\",\"externalId\":\"a\""),
        asset(top: "\"asset\":\"raw \u{202E} bidi\",\"externalId\":\"a\""),
        asset(top: #""asset":"x","externalId":"a","é":1"#),
        // Repeated keys, at the top, in the task and in a history entry.
        asset(top: #""asset":"x","externalId":"a","asset":"y""#),
        asset(task: #""taskId":"t","taskId":"u""#),
        asset(history: #"[{"stage":"Label","stage":"Review"}]"#),
        // Problems the reader reports.
        asset(top: #""asset":"x","externalId":"""#),
        asset(top: #""asset":"x","externalId":true"#),
        asset(top: #""externalId":"no asset""#),
        asset(history: #"{"not":"an array"}"#),
        asset(history: "null"),
        asset(history: #"[1]"#),
        // termlabel's own mark in an entry: the parsed reading puts it where it stands.
        asset(history: #"[{"stage":"Label","_imported":false}]"#),
        // Invalid JSON.
        asset(top: #""asset":"x","externalId":"a",,"#),
        asset(top: #""asset":01,"externalId":"a""#),
        #"{"asset":"x","externalId":"a","task":{}} "#,
        #"{"asset":"x","externalId":"a","task":{}}}"#,
        // Not an Ango export's asset.
        #"{"data":"x","externalId":"a"}"#,
        #"{"asset":"x","externalId":"a","task":[]}"#,
        #"["asset"]"#,
        "",
    ])
    func refused(_ item: String) {
        #expect(Self.stored(Array(item.utf8)) == nil)
    }

    @Test("an asset whose text is not valid UTF-8 is left to the parser")
    func invalidUTF8() {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFF]] {
            let item = Array(#"{"asset":""#.utf8) + bad + Array(#"","externalId":"a","task":{}}"#.utf8)
            #expect(Self.stored(item) == nil)
        }
    }

    @Test("the real Ango task, in an asset written compact, is taken as stored and agrees",
          .enabled(if: RealFixtures.available))
    func realTask() throws {
        let task = try RealFixtures.json("ango-export", "imerit-docs_sample-task.json")
        let asset: JSONValue = .object(["asset": "https://example.com/doc.pdf", "externalId": "doc-1", "metadata": [:], "batches": [], "task": task])
        #expect(Self.agree(Array(JSONWriter().string(asset).utf8)))
    }

    /// Bytes changed at random in assets the fast path takes: whatever it still takes must be what
    /// the parser takes, with the same rows (the fast path never accepts what it should not).
    @Test("assets changed at random are either left to the parser or agree with it")
    func mutations() throws {
        var seeds = [Self.asset(), Self.asset(top: #""asset":{"a":[1,2.5,-3e2,true,null]},"externalId":5,"extra":"\"q\"\n""#)]
        if RealFixtures.available {
            let task = try RealFixtures.json("ango-export", "imerit-docs_sample-task.json")
            seeds.append(JSONWriter().string(.object(["asset": "a", "externalId": "e", "task": task])))
        }
        let alphabet = Array(#"{}[]",:\ "0123456789-+.eEtrufalsn/ubé"#.utf8) + [0x00, 0x0A, 0x1F, 0x7F, 0x80, 0xC2, 0xE2, 0xFF]
        var random = SplitMix64(seed: 42)
        var taken = 0
        var tried = 0
        for seed in seeds {
            let original = Array(seed.utf8)
            #expect(Self.agree(original))
            for _ in 0..<1_500 {
                var item = original
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    let at = Int.random(in: 0..<item.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: item[at] = alphabet.randomElement(using: &random)!
                    case 1: item.insert(alphabet.randomElement(using: &random)!, at: at)
                    default: item.remove(at: at)
                    }
                }
                tried += 1
                if Self.agree(item) { taken += 1 }
            }
        }
        // Many changes leave the asset valid and compact (a changed letter in a string): the
        // fast path must have been tried on those, not refused everything.
        #expect(taken > tried / 10, "taken \(taken) of \(tried)")
    }
}

extension StoredAngoAssetTests {
    @Test("a pretty-printed export is read as stored, with the rows of the parsed reading",
          .enabled(if: RealFixtures.available))
    func prettyPrintedStream() throws {
        let task = try RealFixtures.json("ango-export", "imerit-docs_sample-task.json")
        let assets: [JSONValue] = (0..<3).map { i in
            .object(["asset": .string("doc \(i)"), "externalId": .string("doc-\(i)"), "metadata": ["page": .int(i)], "task": task])
        }
        try withTemporaryDirectory { dir in
            let path = dir + "/export.json"
            var text = ""
            JSONWriter(pretty: true).write(.array(assets), to: &text)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            try Self.streamAgrees(path, stored: [true, true, true])
        }
    }
}

extension StoredAngoAssetTests {
    @Test("an export spelled otherwise (as Python writes non-ASCII) is written as the writer writes it and read as stored",
          arguments: ["export.json", "export.jsonl"])
    func otherSpellings(_ name: String) throws {
        let assets = [
            Self.asset(top: #""asset":"Review \/ \u4fa1\u683c","externalId":"a-1","metadata":{"note":"caf\u00e9"}"#),
            Self.asset(top: #""asset" : "spaced and \u00e9" , "externalId" : "a-2""#),
            // Not read as stored: a key that is not ASCII.
            Self.asset(top: #""asset":"x","externalId":"a-3","clé":true"#),
        ]
        try withTemporaryDirectory { dir in
            let path = dir + "/" + name
            let text = name.hasSuffix(".jsonl") ? assets.joined(separator: "\n") + "\n" : "[\n" + assets.joined(separator: ",\n") + "\n]\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            try Self.streamAgrees(path, stored: [true, true, false])
        }
    }
}
