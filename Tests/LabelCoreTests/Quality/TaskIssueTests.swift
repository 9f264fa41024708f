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

@Suite("Issues: the tally per annotator")
struct IssueTallyTests {
    func issue(_ id: Int64, task: Int64, by: String, resolvedBy: String? = nil) -> TaskIssue {
        TaskIssue(id: id, taskId: task, externalId: "t\(task)", schemaId: nil, content: "x", errorCode: nil, createdBy: by,
                  createdAt: Timestamp(millisecondsSince1970: 0), stage: .review,
                  resolution: resolvedBy.map { TaskIssue.Resolution(by: $0, at: Timestamp(millisecondsSince1970: 1), comment: "") })
    }

    @Test("issues are received by the task's labeler (not their own notes) and counted for who resolved them")
    func tally() {
        // Task 1 labeled by ann: two issues by rob (one resolved by ann), one note of ann's own.
        // Task 2 labeled by bob: one issue by rob, resolved by rob himself. Task 3 has no labeler.
        let issues = [issue(1, task: 1, by: "rob", resolvedBy: "ann"), issue(2, task: 1, by: "rob"), issue(3, task: 1, by: "ann"),
                      issue(4, task: 2, by: "rob", resolvedBy: "rob"), issue(5, task: 3, by: "rob", resolvedBy: "cid")]
        let labelers: [Int64: String] = [1: "ann", 2: "bob"]
        #expect(IssueTally.tally(issues, labelerOf: { labelers[$0] }) == [
            "ann": IssueTally(received: 2, receivedResolved: 1, resolved: 1),
            "bob": IssueTally(received: 1, receivedResolved: 1, resolved: 0),
            "rob": IssueTally(received: 0, receivedResolved: 0, resolved: 1),
            "cid": IssueTally(received: 0, receivedResolved: 0, resolved: 1),
        ])
    }
}
