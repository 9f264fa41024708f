import Foundation
import Testing

@testable import LabelCore

/// The Ango export copies what SQLite holds byte for byte into the file's buffer: across reads of
/// 500 tasks, beside tasks it must write decoded, with the text no string ever passed through,
/// it must still be the decoded export, byte for byte.
@Suite("Ango export: stored bytes copied")
struct AngoStoredExportBytesTests {
    typealias StringOutput = AngoStoredExportTests.StringOutput

    static let odd = "quote \" backslash \\ NUL \u{0} tab\t bell\u{7} del\u{7F} c1\u{85} \u{2028}\u{202E}\u{2066}\u{61C} 日本語 🎉 e\u{301}"

    /// The externalId of the i-th task: odd text in every 97th (without NUL, which a lookup by
    /// externalId would not find).
    static func name(_ i: Int) -> String {
        i % 97 == 0 ? "t\(i) \(odd.filter { $0 != "\u{0}" })" : "t\(i)"
    }

    /// 1,234 tasks (three reads and a part), some with odd text, answered, reviewed with a
    /// comment, drafts either side of a read's end, an issue, a hold, gold tasks, and Ango's
    /// sample with its imported history.
    /// `odd`: the odd text, without NUL in PostgreSQL (which refuses it, saying so).
    func fill(_ store: any ProjectStore, odd: String) throws {
        var sample = try readAssets(AngoSample.exportFile, file: "ango-export.json").tasks
        StagePlacement.place(&sample, workflow: Workflow(hasReview: true), toStage: nil)
        _ = try store.add(sample, at: addedAt)
        let tasks = (1...1_234).map { i in
            i % 97 == 0
                ? NewTask(externalId: Self.name(i), asset: .string("asset \(i) \(odd)"), metadata: ["note": .string(odd)])
                : NewTask(externalId: "t\(i)", asset: .string("asset \(i)"), metadata: ["n": .int(Int64(i))])
        }
        _ = try store.add(tasks, at: addedAt)
        _ = try store.addBenchmarks([GoldTask(task: NewTask(externalId: "g1", asset: .string("gold")), answers: [])], at: addedAt)
        let answer: [JSONValue] = [["schemaId": "q-sent", "title": "Sentiment", "answer": .string("Positive \(odd)"), "classifications": []]]
        for i in [1, 97, 194, 499, 500, 501, 502, 999, 1000, 1001, 1234] {
            let id = try store.id(Self.name(i))
            let user = i % 2 == 0 ? "lorenzo" : "ann"
            _ = try store.claim(taskId: id, stage: .label, user: user)
            _ = try store.submit(Submission(taskId: id, stage: .label, user: user, classifications: answer,
                                            time: TimeSpent(active: 1000 + Int64(i), idle: Int64(i)),
                                            at: Timestamp(millisecondsSince1970: addedAt.millisecondsSince1970 + Int64(i) * 1_001)))
        }
        for i in [97, 500, 1001] {
            let id = try store.id(Self.name(i))
            _ = try store.claim(taskId: id, stage: .review, user: "rob")
            _ = try store.submit(Submission(taskId: id, stage: .review, user: "rob", classifications: answer,
                                            time: TimeSpent(active: 300, idle: 30), at: at("2024-05-02T11:00:00.000Z"),
                                            reviewStatus: i == 1001 ? .accepted : .rejected, comment: i == 1001 ? nil : "again: \(odd)"))
        }
        // Drafts either side of the first read's end (tasks 500 and 501 of the 1,234, after the sample's).
        for i in [498, 503, 777] {
            try store.saveDraft(Draft(taskId: store.id("t\(i)"), stage: .label, user: "ann", classifications: answer,
                                      time: TimeSpent(active: 90, idle: 9), savedAt: at("2024-05-01T12:00:00.000Z")))
        }
        _ = try store.openIssue(NewIssue(taskId: store.id("t700"), schemaId: nil, content: odd, errorCode: nil, user: "rob",
                                         at: at("2024-05-01T11:00:00.000Z")))
        _ = try store.hold(.externalIds(["t900"]), reason: "ask", by: "rob", at: at("2024-05-01T11:50:00.000Z"))
    }

    @Test("every stage and option, written to a file, is the decoded export byte for byte", arguments: StoreBackend.all)
    func fileEqualsDecoded(_ backend: StoreBackend) throws {
        try withProject(on: backend, ontology: Ontologies.angoSample, review: true, emails: ["lorenzo": "lorenzo@imerit.net"]) { store in
            try fill(store, odd: backend == .postgres ? Self.odd.filter { $0 != "\u{0}" } : Self.odd)
            let settings = try store.settings()
            try withTemporaryDirectory { dir in
                let path = (dir as NSString).appendingPathComponent("out.json")
                var counts: [Int] = []
                for stage in [Stage.label, .review, .complete] {
                    for (idle, history, ndjson) in [(false, true, false), (true, true, false), (false, false, true), (true, true, true)] {
                        let options = ExportOptions(stage: stage, ndjson: ndjson, includeIdle: idle, includeHistory: history)
                        var decoded = StringOutput()
                        let n = try AngoExport.writeDecoded(store, settings: settings, options: options, to: &decoded)
                        #expect(try AngoExport.export(store, options: options, to: path) == n)
                        let file = try Data(contentsOf: URL(fileURLWithPath: path))
                        #expect(file == Data(decoded.text.utf8), "\(stage) \(options)")
                        counts.append(n)
                    }
                }
                // Label: 1,234 less the 11 answered, and the 2 rejected back; Review: the other 8;
                // Complete: the accepted one and the sample's.
                #expect(counts == [1_225, 1_225, 1_225, 1_225, 8, 8, 8, 8, 2, 2, 2, 2])
            }
        }
    }

    @Test("a task with a consensus score is written with it, among tasks copied as stored", arguments: StoreBackend.all)
    func consensus(_ backend: StoreBackend) throws {
        try withProject(on: backend, review: true) { store in
            try store.updateSettings { $0.consensus = 2 }
            _ = try store.add((1...3).map { NewTask(externalId: "t\($0)", asset: .string("text \($0)")) }, at: addedAt)
            for user in ["alice", "bob"] {
                let task = try #require(try store.claimNext(stage: .label, user: user, at: addedAt))
                _ = try store.submit(Submission(taskId: task.id, stage: .label, user: user, classifications: StoreConsensusTests.sentiment("Positive"),
                                                time: TimeSpent(active: 1000, idle: 0), at: addedAt))
            }
            let options = ExportOptions(stage: .review, ndjson: true)
            var spliced = StringOutput()
            var decoded = StringOutput()
            #expect(try AngoStoredExport.write(store, settings: store.settings(), options: options, to: &spliced) == 1)
            _ = try AngoExport.writeDecoded(store, settings: store.settings(), options: options, to: &decoded)
            #expect(spliced.text == decoded.text)
            let task = try #require(try JSONParser.parse(spliced.text).objectValue?["task"]?.objectValue)
            #expect(task["consensusAverage"] == 100)
        }
    }

    @Test("the file's buffer writes pieces of every size, across its blocks and larger than one, in order")
    func fileBuffer() throws {
        try withTemporaryDirectory { dir in
            let path = (dir as NSString).appendingPathComponent("out")
            var expected: [UInt8] = []
            let n = try ExportFile.write(to: path) { out in
                var count = 0
                for size in [1, 7, 1000, FileOutput.blockSize - 3, 5, FileOutput.blockSize, 3 * FileOutput.blockSize + 1, 0, 2, 65_536] {
                    let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ count) }
                    piece.withUnsafeBytes { out.write(utf8: $0) }
                    out.write("é\n")
                    expected += piece + Array("é\n".utf8)
                    count += 1
                    try out.check()
                }
                return count
            }
            #expect(n == 10)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected))
        }
    }

    @Test("numbers, times and text are written as the strings were")
    func bytes() {
        func written(_ body: (inout ByteOutput) -> Void) -> String {
            var out = ByteOutput()
            body(&out)
            return String(decoding: out.bytes, as: UTF8.self)
        }
        for value: Int64 in [0, 1, -1, 9, 10, -10, 1_234_567_890, .max, .min] {
            #expect(written { $0.write(decimal: value) } == String(value))
        }
        var times: [Int64] = [0, -1, 1, 86_399_999, 86_400_000, -86_400_000, 951_782_400_000, 253_402_300_799_999, 253_402_300_800_000,
                              -62_167_219_200_000, -62_167_219_200_001]
        var generator = SystemRandomNumberGenerator()
        times += (0..<2_000).map { _ in Int64.random(in: -70_000_000_000_000...260_000_000_000_000, using: &generator) }
        for ms in times {
            let time = Timestamp(millisecondsSince1970: ms)
            #expect(written { $0.writeQuoted(iso8601: time) } == JSONWriter.quoted(time.iso8601), "\(ms)")
        }
        for text in ["", "plain", Self.odd, "\u{0}", "\u{200F}x", "ends with a quote\""] {
            var text = text
            let quoted = text.withUTF8 { bytes in written { $0.writeQuoted(utf8: UnsafeRawBufferPointer(bytes)) } }
            #expect(quoted == JSONWriter.quoted(text))
        }
    }
}
