import Testing

@testable import LabelCore

/// Reads an assets file given as text.
func readAssets(_ text: String, file: String, textColumn: String? = nil, idColumn: String? = nil) throws -> AssetFile {
    try AssetReader.read(Array(text.utf8), file: file, textColumn: textColumn, idColumn: idColumn)
}

/// The whole description of the error an assets file gives, or nil when it reads.
func assetsError(_ text: String, file: String, textColumn: String? = nil) -> String? {
    do {
        _ = try readAssets(text, file: file, textColumn: textColumn)
        return nil
    } catch {
        return "\(error)"
    }
}

@Suite("Assets: JSON Lines and JSON arrays")
struct AssetReaderTests {
    @Test("JSON Lines give one task per line, non-Latin text kept")
    func jsonLines() throws {
        let file = try readAssets("""
            {"externalId": "r-1", "data": "Great battery", "metadata": {"stars": 5}}
            {"externalId": "r-2", "data": "Отличный экран", "priority": 10}

            {"externalId": "r-3", "data": "画面がきれい 😀", "batches": ["b1"], "source": "shop"}
            """, file: "reviews.jsonl")
        #expect(file.kind == .jsonLines)
        #expect(file.tasks == [
            NewTask(externalId: "r-1", asset: "Great battery", metadata: ["stars": 5]),
            NewTask(externalId: "r-2", asset: "Отличный экран", priority: 10),
            NewTask(externalId: "r-3", asset: "画面がきれい 😀", batches: ["b1"], extra: ["source": "shop"]),
        ])
        #expect(file.counts == ["assets": 3])
        #expect(file.warnings == [])
    }

    @Test("JSON Lines with CRLF line ends read the same")
    func jsonLinesCRLF() throws {
        let file = try readAssets("{\"externalId\": \"a\", \"data\": \"x\"}\r\n{\"externalId\": \"b\", \"data\": \"y\"}\r\n", file: "a.jsonl")
        #expect(file.tasks.map(\.externalId) == ["a", "b"])
    }

    @Test("a JSON array gives one task per item, unnamed ones named after the file")
    func jsonArray() throws {
        let file = try readAssets("""
            [{"data": "first"},
             {"externalId": 42, "data": {"url": "https://example.com/a.png"}},
             {"data": "third"}]
            """, file: "dir/reviews.json")
        #expect(file.kind == .jsonArray)
        #expect(file.tasks == [
            NewTask(externalId: "reviews-1", asset: "first"),
            NewTask(externalId: "42", asset: ["url": "https://example.com/a.png"]),
            NewTask(externalId: "reviews-3", asset: "third"),
        ])
    }

    @Test("a file starting with '[' is read as a JSON array whatever its name")
    func arrayDetectedByContent() throws {
        let file = try readAssets("\n  [{\"data\": \"x\"}]", file: "tasks.jsonl")
        #expect(file.kind == .jsonArray)
        #expect(file.tasks.map(\.externalId) == ["tasks-1"])
    }

    @Test("a record's own pre-labels come with it")
    func recordWithPreLabels() throws {
        let file = try readAssets("""
            {"externalId": "r-1", "data": "x", "classifications": [{"schemaId": "q-sent", "answer": "Positive"}]}
            """, file: "a.jsonl")
        #expect(file.tasks.first?.annotations == Annotations(classifications: [["schemaId": "q-sent", "answer": "Positive"]]))
    }

    @Test("Ango import records become pre-labels for tasks by externalId")
    func angoImportRecords() throws {
        let file = try readAssets("""
            {"externalId": "r-1", "data": "Great battery"}
            {"externalId": "r-1", "objects": [{"schemaId": "bb", "bounding-box": {"x": 1.50}}], "classifications": [{"schemaId": "q-sent", "answer": "Positive", "lock": true}], "relations": []}
            """, file: "a.jsonl")
        #expect(file.tasks.map(\.externalId) == ["r-1"])
        #expect(file.preLabels == [PreLabels(externalId: "r-1", annotations: Annotations(
            classifications: [["schemaId": "q-sent", "answer": "Positive", "lock": true]],
            tools: [["schemaId": "bb", "bounding-box": ["x": .number("1.50")]]]))])
        #expect(file.counts == ["assets": 1, "Ango import records": 1])
    }

    @Test("an empty data is read with a warning")
    func emptyDataWarns() throws {
        let file = try readAssets(#"{"externalId": "r-1", "data": ""}"#, file: "a.jsonl")
        #expect(file.warnings.map(\.description) == [#"a.jsonl:1:31: warning: "data" is empty (at $.data)"#])
    }

    @Test("repeated externalIds are read with a warning")
    func repeatedExternalIdsWarn() throws {
        let file = try readAssets("""
            {"externalId": "b", "data": "1"}
            {"externalId": "a", "data": "2"}
            {"externalId": "b", "data": "3"}
            {"externalId": "a", "data": "4"}
            """, file: "a.jsonl")
        #expect(file.warnings.map(\.description) == ["a.jsonl: warning: 2 record(s) repeat an earlier record's externalId and will not be added: b, a"])
    }

    @Test("a bad JSON line is reported with its own line number")
    func badJSONLine() {
        #expect(assetsError("""
            {"externalId": "r-1", "data": "x"}
            {"externalId": "r-2", "data": "y"}
            {"externalId": "r-3" "data": "z"}
            """, file: "reviews.jsonl") == """
            reviews.jsonl:3:22: error: unexpected '"'; expected ',' or '}' (is a comma missing?)
                fix the JSON on this line; each line is one record
            """)
    }

    @Test("every bad line is reported, not just the first")
    func everyBadLineReported() {
        #expect(assetsError("{\n{\"data\": \"ok\"}\n[1,]\n", file: "a.jsonl") == """
            a.jsonl:1:2: error: unexpected end of file inside an object; expected a key
                fix the JSON on this line; each line is one record
            a.jsonl:3:4: error: trailing comma before ']'
                fix the JSON on this line; each line is one record
            """)
    }

    @Test("a CSV file with more than twenty bad rows lists twenty and counts the rest")
    func csvErrorLimit() {
        let text = "text,n\n" + String(repeating: "a,b,c\n", count: 25)
        let lines = (2...21).map { "a.csv:\($0):1: error: the row has 3 fields but the header has 2" }
        let error = assetsError(text, file: "a.csv") ?? ""
        #expect(error.split(separator: "\n").filter { !$0.hasPrefix("    ") } == (lines + ["a.csv: error: … and 5 more errors"]).map { Substring($0) })
    }

    @Test("after twenty errors the rest are counted")
    func errorLimit() {
        let text = String(repeating: "{\"externalId\": \"x\"}\n", count: 23)
        let lines = (1...20).map { "a.jsonl:\($0):1: error: the record has no \"data\"" }
        let error = assetsError(text, file: "a.jsonl") ?? ""
        #expect(error.split(separator: "\n").filter { !$0.hasPrefix("    ") } == (lines + ["a.jsonl: error: … and 3 more errors"]).map { Substring($0) })
    }

    @Test("a record without data is refused with a hint")
    func recordWithoutData() {
        #expect(assetsError("""
            {"externalId": "r-1", "data": "x"}

            {"externalId": "r-9", "metadata": {}}
            """, file: "a.jsonl") == """
            a.jsonl:3:1: error: the record has no "data"
                an asset is {"externalId": "…", "data": "text or URL", "metadata": {}}; \
            pre-labels for a task need "externalId" and "classifications"
            """)
    }

    @Test("a priority out of range is refused at its value")
    func badPriority() {
        #expect(assetsError(#"{"externalId": "r-1", "data": "x", "priority": 5000}"#, file: "a.jsonl")
            == #"a.jsonl:1:48: error: "priority" must be a whole number from -1000 to 1000 (at $.priority)"#)
    }

    @Test("a priority that is not a whole number is refused")
    func fractionalPriority() {
        #expect(assetsError("[{\"data\": \"x\"},\n {\"data\": \"y\", \"priority\": \"high\"}]", file: "a.json")
            == #"a.json:2:28: error: "priority" must be a whole number from -1000 to 1000 (at $[1].priority)"#)
    }

    @Test("an externalId that is not a string is refused")
    func badExternalId() {
        #expect(assetsError(#"[{"externalId": [], "data": "x"}]"#, file: "a.json")
            == #"a.json:1:17: error: "externalId" must be a non-empty string (at $[0].externalId)"#)
    }

    @Test("a JSON file that is not an array or object is refused")
    func scalarFile() {
        #expect(assetsError("42", file: "a.json") == "a.json:1:1: error: expected a JSON array of records, found a number")
    }

    @Test("a file without records is refused")
    func noRecords() {
        #expect(assetsError("\n\n", file: "a.jsonl") == "a.jsonl: error: the file holds no records")
    }
}
