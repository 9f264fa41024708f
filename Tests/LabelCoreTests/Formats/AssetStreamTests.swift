import Foundation
import Testing

@testable import LabelCore

/// Streamed reading hands over the tasks the whole-file reader reads, in batches, and fails with
/// the same errors; the store adds a stream in one transaction.
@Suite("Assets read as a stream")
struct AssetStreamTests {
    func file(_ dir: String, _ name: String, _ text: String) throws -> String {
        let path = (dir as NSString).appendingPathComponent(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func streamed(_ path: String, batchSize: Int = 2) throws -> (tasks: [NewTask], batches: [Int], file: AssetFile) {
        var tasks: [NewTask] = []
        var batches: [Int] = []
        let file = try AssetStream.read(path: path, options: ReadOptions(), batchSize: batchSize) { batch in
            tasks += batch.map(\.decoded)
            batches.append(batch.count)
        }
        return (tasks, batches, file)
    }

    static let records = """
        {"externalId":"a","data":"one","metadata":{"k":1},"priority":3}
        {"externalId":"b","data":{"text":"two"},"batches":["x"],"extra":true}

        {"data":"no id"}
        {"externalId":"c","data":"three","metadata":"kept as it is"}
        {"externalId":"d","data":"four"}
        """

    @Test("JSON Lines: the tasks of the whole-file reader, in batches, and it is streamed")
    func jsonLines() throws {
        try withTemporaryDirectory { dir in
            let path = try file(dir, "r.jsonl", Self.records)
            #expect(AssetStream.streams(path: path, options: ReadOptions()))
            let whole = try AssetReader.read(path: path)
            let read = try streamed(path)
            #expect(read.tasks == whole.tasks)
            #expect(read.batches == [2, 2, 1])
            #expect(read.file.tasks == [])
            #expect(read.file.counts == whole.counts)
            #expect(read.file.kind == .jsonLines)
        }
    }

    @Test("a JSON array (Ango's sample export): the tasks of the whole-file reader, and it is streamed")
    func angoExportArray() throws {
        try withTemporaryDirectory { dir in
            let path = try file(dir, "export.json", AngoSample.exportFile)
            #expect(AssetStream.streams(path: path, options: ReadOptions()))
            let whole = try AssetReader.read(path: path)
            let read = try streamed(path)
            #expect(read.tasks == whole.tasks)
            #expect(read.file.format == "ango-export")
            #expect(read.file.kind == .jsonArray)
        }
    }

    @Test("a JSON array of records written over several lines: the whole-file reader's tasks")
    func prettyArray() throws {
        try withTemporaryDirectory { dir in
            let items = Self.records.split(separator: "\n").filter { !$0.isEmpty }.joined(separator: ",\n  ")
            let path = try file(dir, "r.json", "\u{FEFF}[\n  \(items)\n]\n")
            let whole = try AssetReader.read(path: path)
            #expect(try streamed(path, batchSize: 1).tasks == whole.tasks)
        }
    }

    @Test("an error in a record: the whole-file reader's errors, with file, line and column, and nothing handed over after it")
    func errorsAsWhole() throws {
        try withTemporaryDirectory { dir in
            for (name, before, text) in [
                ("bad.jsonl", 5, Self.records + "\n{\"externalId\":\"e\",\"data\":\"x\",\"priority\":\"high\"}\n{\"externalId\": }\n"),
                ("bad.json", 1, "[\n  {\"externalId\":\"a\",\"data\":\"x\"},\n  {\"externalId\":\"e\",\n   \"data\":\"x\",\"priority\":\"high\"}\n]"),
                ("syntax.json", 1, "[\n  {\"externalId\":\"a\",\"data\":\"x\"},\n  {\"externalId\":\"e\" \"data\":\"x\"}\n]"),
            ] {
                let path = try file(dir, name, text)
                var wholeError: [Diagnostic] = []
                do { _ = try AssetReader.read(path: path) } catch let error as DiagnosticsError { wholeError = error.diagnostics }
                var handed = 0
                var streamError: [Diagnostic] = []
                do {
                    _ = try AssetStream.read(path: path, options: ReadOptions(), batchSize: 1) { handed += $0.count }
                } catch let error as DiagnosticsError { streamError = error.diagnostics }
                #expect(!wholeError.isEmpty, "\(name)")
                #expect(streamError.map(\.description) == wholeError.map(\.description), "\(name)")
                #expect(handed == before, "\(name): the records before the first error only")
            }
        }
    }

    /// Feeds `bytes` to an array reader in blocks of `size` bytes and ends the input; `seen` gets
    /// each item as `index@line:column: item`.
    static func items(of bytes: [UInt8], inBlocksOf size: Int, into seen: inout [String]) throws {
        var items = JSONArrayItems(file: "f.json")
        var found: [String] = []
        let take = { (item: [UInt8], index: Int, place: LabelCore.SourceLocation) -> Bool in
            found.append("\(index)@\(place): " + String(decoding: item, as: UTF8.self))
            return true
        }
        defer { seen += found }
        for start in stride(from: 0, to: bytes.count, by: size) {
            _ = try bytes[start..<min(start + size, bytes.count)].withUnsafeBufferPointer { try items.feed($0, take) }
        }
        try items.finish(take)
    }

    @Test("the array's structure is followed across any split of its bytes, with each item's place")
    func itemsAcrossBlocks() throws {
        let text = "[ {\"a\":\"x]}\\\"y\",\"b\":[1,{\"c\":\"}\"}]}, \"s\\\"]\",\n  12, true ,null,[[]],\n\"\u{E9}\\\\\",-1.5e3 ]"
        let bytes = Array(text.utf8)
        for size in 1...bytes.count {
            var seen: [String] = []
            try Self.items(of: bytes, inBlocksOf: size, into: &seen)
            #expect(seen == [
                #"0@1:3: {"a":"x]}\"y","b":[1,{"c":"}"}]}"#, #"1@1:37: "s\"]""#, "2@2:3: 12", "3@2:7: true", "4@2:13: null",
                "5@2:18: [[]]", #"6@3:1: "é\\""#, "7@3:7: -1.5e3",
            ], "blocks of \(size) bytes")
        }
    }

    @Test("a break in the array's structure is placed by line and column across any split of its bytes")
    func breakAcrossBlocks() throws {
        // Items on one line (the column after each is worked out from its bytes), one spread over
        // lines, escapes, backslashes at the ends of strings, and characters of two bytes.
        let text = "[{\"é\\\\\":\"\\\"é\"}, \"a\\\\\" ,{\n\"k\": [1,\n 2]} ,\"ü\"  x]"
        let bytes = Array(text.utf8)
        for size in 1...bytes.count {
            var seen: [String] = []
            var message = ""
            do {
                try Self.items(of: bytes, inBlocksOf: size, into: &seen)
            } catch let error as DiagnosticsError {
                message = error.diagnostics.map { "\($0.location.map(String.init(describing:)) ?? "-"): \($0.message)" }.joined()
            }
            #expect(seen == [#"0@1:2: {"é\\":"\"é"}"#, #"1@1:17: "a\\""#, "2@1:24: {\n\"k\": [1,\n 2]}", #"3@3:7: "ü""#],
                    "blocks of \(size) bytes")
            #expect(message == "3:12: expected , or ] after an item of the array", "blocks of \(size) bytes")
        }
    }

    @Test("a scalar item that starts with a delimiter keeps it (the parser then names the error)")
    func itemStartingWithComma() throws {
        var items = JSONArrayItems(file: "f.json")
        var seen: [String] = []
        _ = try Array("[1,,2]".utf8).withUnsafeBufferPointer { buffer in
            try items.feed(buffer) { item, _, _ in seen.append(String(decoding: item, as: UTF8.self)); return true }
        }
        #expect(seen == ["1", ",2"])
    }
}
