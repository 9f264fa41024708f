import Testing

@testable import LabelCore

@Suite("Issues: mentions and error codes")
struct TaskIssueTests {
    @Test("mentions are @names, each once, without trailing dots; an e-mail in the text is not one")
    func mentions() {
        #expect(TaskIssue.mentions(in: "@ann see this. cc @bob.smith, @ann and @carol@example.org. Mail x@y.org.") ==
                ["ann", "bob.smith", "carol@example.org"])
        #expect(TaskIssue.mentions(in: "no one @ here") == [])
    }

    @Test("error codes are read with their place for each problem")
    func errorCodes() throws {
        let good = Array(#"[{"category": "Text", "name": "Wrong class", "key": "WRONG"}, {"name": "Missed", "key": "MISS"}]"#.utf8)
        #expect(try ErrorCode.list(from: good, file: "codes.json") ==
                [ErrorCode(category: "Text", name: "Wrong class", key: "WRONG"), ErrorCode(category: "", name: "Missed", key: "MISS")])
        let bad = Array("[\n {\"name\": \"A\", \"key\": \"K\"},\n {\"name\": \"B\", \"key\": \"K\"},\n {\"key\": \"two words\", \"name\": \"C\"},\n 3\n]".utf8)
        do {
            _ = try ErrorCode.list(from: bad, file: "codes.json")
            Issue.record("bad error codes were accepted")
        } catch let error as DiagnosticsError {
            #expect(error.diagnostics.map(\.description) == [
                "codes.json:3:23: error: the key \"K\" is used twice (first at [0]) (at $[1].key)\n    give each error code its own key",
                "codes.json:4:10: error: the key \"two words\" has a space in it (at $[2].key)\n    a key is one word, as `termlabel issues --code KEY` takes it",
                "codes.json:5:2: error: an error code must be an object with \"name\" and \"key\" (at $[3])",
            ])
        }
    }
}
