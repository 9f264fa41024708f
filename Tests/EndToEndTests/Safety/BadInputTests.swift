import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// Files a user might give by mistake, or an attacker on purpose: each refused with the place and
    /// what to do, exit status 1, and nothing written (`init` leaves the directory as it was).
    /// How long the checks take, as a ratio to a linear baseline, is in LabelCoreTests' BadInputTimeTests.
    @Suite("Bad input: a clear message, exit 1, nothing written")
    struct BadInputTests {
        enum Role { case ontology, assets }

        /// Writes `bytes` as `name`, runs `init` with it, and checks the message, the status and
        /// that nothing was made.
        func refused(_ name: String, _ bytes: [UInt8], as role: Role, stderr expected: String,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let scratch = try TemporaryDirectory()
            let file = scratch.path + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            let ontology = role == .ontology ? name : try (Termlabel.writeOntology(in: scratch) as NSString).lastPathComponent
            var arguments = ["init", "p", "--ontology", ontology]
            if role == .assets { arguments += ["--assets", name] }
            let before = Termlabel.listing(scratch.path)
            let result = try Termlabel.attempt(arguments, in: scratch.path)
            #expect(result.status == 1, sourceLocation: sourceLocation)
            #expect(result.stdout == "", sourceLocation: sourceLocation)
            #expect(result.stderr == expected, sourceLocation: sourceLocation)
            #expect(Termlabel.listing(scratch.path) == before, "init wrote something", sourceLocation: sourceLocation)
            // validate says the same, and exits 1 too.
            let validated = try Termlabel.attempt(["validate", name], in: scratch.path)
            #expect(validated.status == 1, sourceLocation: sourceLocation)
            #expect(validated.stderr == expected, sourceLocation: sourceLocation)
        }

        @Test func truncatedOntology() throws {
            try refused("o.json", Array(#"{"classifications": [{"tool": "radio""#.utf8), as: .ontology, stderr: """
                o.json:1:38: error: unexpected end of file inside an object; expected ',' or '}'
                    fix the JSON syntax at this place; the rest of the file was not read

                """)
        }

        @Test func truncatedAssetLine() throws {
            try refused("a.jsonl", Array("{\"externalId\": \"a\", \"data\": \"x\"}\n{\"externalId\": \"b\", \"da".utf8), as: .assets, stderr: """
                a.jsonl:2:21: error: unterminated string (no closing '"')
                    fix the JSON on this line; each line is one record

                """)
        }

        @Test func wrongTypes() throws {
            try refused("o.json", Array(#"{"classifications": "radio"}"#.utf8), as: .ontology, stderr: """
                o.json:1:21: error: expected an array, found a string (at $.classifications)

                """)
            try refused("a.json", Array(#"[{"externalId": 5, "data": "x", "priority": 1e400}, {"externalId": {"a": 1}, "data": "x"}, 7]"#.utf8),
                        as: .assets, stderr: """
                a.json:1:45: error: "priority" must be a whole number from -1000 to 1000 (at $[0].priority)
                a.json:1:68: error: "externalId" must be a non-empty string (at $[1].externalId)
                a.json:1:92: error: a record must be an object, found a number (at $[2])

                """)
        }

        @Test("100,000-deep nesting is refused at depth 512")
        func deepNesting() throws {
            let depth = 100_000
            try refused("o.json", Array(repeating: UInt8(ascii: "["), count: depth) + Array(repeating: UInt8(ascii: "]"), count: depth),
                        as: .ontology, stderr: """
                o.json:1:513: error: nesting deeper than 512 levels
                    fix the JSON syntax at this place; the rest of the file was not read

                """)
        }

        @Test func invalidUTF8() throws {
            try refused("a.jsonl", Array(#"{"externalId": "a", "data": ""#.utf8) + [0xFF, 0xFE] + Array("\"}\n".utf8), as: .assets, stderr: """
                a.jsonl:1:29: error: the string is not valid UTF-8
                    fix the JSON on this line; each line is one record

                """)
        }

        @Test func rawNUL() throws {
            try refused("a.jsonl", Array(#"{"externalId": "a", "data": "nul "#.utf8) + [0] + Array("\"}\n".utf8), as: .assets, stderr: """
                a.jsonl:1:34: error: a raw control character (0x0) inside a string; write it as an escape
                    fix the JSON on this line; each line is one record

                """)
        }

        @Test("a UTF-16 file says so; a UTF-8 byte order mark is read")
        func byteOrderMarks() throws {
            try refused("o.json", [0xFF, 0xFE] + Array("{}".utf8).flatMap { [$0, 0] }, as: .ontology, stderr: """
                o.json:1:1: error: the file is UTF-16 or UTF-32 (it starts with such a byte order mark); save it as UTF-8
                    fix the JSON syntax at this place; the rest of the file was not read

                """)
            let scratch = try TemporaryDirectory()
            try Data([0xEF, 0xBB, 0xBF] + Array(#"{"externalId": "a", "data": "x"}"#.utf8)).write(to: URL(fileURLWithPath: scratch.path + "/a.jsonl"))
            #expect(try Termlabel.run(["validate", "a.jsonl"], in: scratch.path).stdout == """
                a.jsonl: JSON records of {"externalId", "data", "metadata"}, valid JSON Lines with 1 assets.
                  1 task, 0 with pre-labels; 0 pre-label records for tasks already in a project.
                  first: a: x

                """)
        }

        @Test("a key given twice is an error naming the place and the path, not the last one silently")
        func duplicateKeys() throws {
            try refused("a.json", Array(#"[{"externalId": "a", "data": "x", "metadata": {"k": 1, "k": 2}}]"#.utf8), as: .assets, stderr: """
                a.json:1:56: error: the key "k" appears twice in this object; JSON readers disagree on which value counts (at $[0].metadata.k)
                    keep one of the two; the rest of the file was not read

                """)
        }

        @Test("a nested question conditioned on its own child's option is refused")
        func cyclicCondition() throws {
            try refused("o.json", Array("""
                {"classifications": [{"tool": "radio", "title": "A", "schemaId": "a", "options": [{"value": "x", "schemaId": "o1"}],
                  "classifications": [{"tool": "radio", "title": "B", "schemaId": "b", "parentOptionId": "c1",
                                       "options": [{"value": "y", "schemaId": "c1"}]}]}]}
                """.utf8), as: .ontology, stderr: """
                o.json:2:90: error: parentOptionId "c1" is no option of the parent question "A" (at $.classifications[0].classifications[0].parentOptionId)
                    use the schemaId of one of its options: o1 (x)

                """)
        }

        @Test func emptyFile() throws {
            try refused("o.json", [], as: .ontology, stderr: """
                o.json:1:1: error: the file is empty; expected a JSON value
                    fix the JSON syntax at this place; the rest of the file was not read

                """)
        }

        @Test("a 1 MB regex that does not compile is named, not printed whole")
        func hugeRegex() throws {
            let pattern = "(" + String(repeating: "a", count: 1 << 20)
            let ontology: JSONValue = ["classifications": [["tool": "text", "title": "T", "schemaId": "t", "regex": .string(pattern)]]]
            try refused("o.json", Array(JSONWriter().string(ontology).utf8), as: .ontology, stderr: """
                o.json:1:71: error: the regex "(\(String(repeating: "a", count: 79))… (1048577 characters)" does not compile (at $.classifications[0].regex)
                    write it without surrounding slashes, in JavaScript regular expression syntax

                """)
        }

        @Test("three Ango export assets with one taskId: one added, the other two named with the real reason")
        func sharedTaskId() throws {
            let scratch = try TemporaryDirectory()
            let records: JSONValue = .array(["e1", "e2", "e3"].map { id in
                ["asset": "text", "externalId": .string(id), "task": ["taskId": "T1", "classifications": []]]
            })
            try JSONWriter().string(records).write(toFile: scratch.path + "/ango.json", atomically: true, encoding: .utf8)
            let ontology = (try Termlabel.writeOntology(in: scratch) as NSString).lastPathComponent
            let validated = try Termlabel.run(["validate", "ango.json"], in: scratch.path)
            #expect(validated.stdout == """
                ango.json: an Ango export, valid JSON array with 3 Ango export assets.
                  1 task (2 more records repeat an externalId or taskId), 0 with pre-labels; 0 pre-label records for tasks already in a project.
                  first: e1: text

                """)
            let made = try Termlabel.run(["init", "p", "--ontology", ontology, "--assets", "ango.json"], in: scratch.path)
            #expect(made.stdout == """
                Made project p in p: 2 questions, Label → Complete, idle after 300 s, private to you.
                Added 1 task; skipped 2 records:
                  e2: its taskId T1 was taken by e1, earlier in the file
                  e3: its taskId T1 was taken by e1, earlier in the file
                Next: termlabel label p

                """)
            let warning = """
                ango.json: warning: 2 record(s) have the taskId of an earlier record with another externalId and will not be added: \
                e2 (taskId T1, as e1), e3 (taskId T1, as e1)
                    each task needs its own taskId; remove "taskId" from these records to give them new ones

                """
            #expect(made.stderr == warning)
            let added = try Termlabel.run(["add", "p", "--assets", "ango.json"], in: scratch.path)
            #expect(added.stdout == """
                Added 0 tasks; skipped 3 records:
                  e1: a task with this externalId is already in the project
                  e2: its taskId T1 is already the project's task e1
                  e3: its taskId T1 is already the project's task e1

                """)
        }
    }
}
