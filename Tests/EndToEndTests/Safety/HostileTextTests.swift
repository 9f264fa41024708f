import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// Text from files and users that would act on a terminal if printed raw: an OSC that retitles
    /// the window, a colour change, U+009B (the one-byte CSI of C1) and U+202E (right-to-left
    /// override). Every command that prints such a field must show it, never send it.
    @Suite("Hostile text never reaches the terminal raw")
    struct HostileTextTests {
        static let hostile = "\u{1B}]0;pwned\u{7}\u{1B}[31m\u{9B}2J\u{202E}evil"

        /// The bytes a terminal would act on, found in `output`: ESC, C1 controls (as UTF-8) and the
        /// bidi controls.
        static func raw(in output: String) -> [String] {
            var found: [String] = []
            for scalar in output.unicodeScalars {
                let v = scalar.value
                if v == 0x1B || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                    || v == 0x200E || v == 0x200F || v == 0x061C || (v < 0x20 && v != 0x0A) || v == 0x7F {
                    found.append(String(format: "U+%04X", v))
                }
            }
            return found
        }

        /// Runs termlabel; checks stdout and stderr hold nothing raw; returns the result.
        @discardableResult
        static func run(_ arguments: [String], in scratch: TemporaryDirectory, status: Int32? = 0,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SpawnResult {
            let result = try Spawn.run([try Termlabel.binary()] + arguments, in: scratch.path)
            let shown = arguments.map { Self.raw(in: $0).isEmpty ? $0 : "<hostile>" }.joined(separator: " ")
            #expect(raw(in: result.stdout) == [], "stdout of termlabel \(shown):\n\(result.stdout)", sourceLocation: sourceLocation)
            #expect(raw(in: result.stderr) == [], "stderr of termlabel \(shown):\n\(result.stderr)", sourceLocation: sourceLocation)
            if let status {
                #expect(result.status == status, "termlabel \(shown): \(result.stderr)", sourceLocation: sourceLocation)
            }
            return result
        }

        /// An ontology whose titles, option values and tree titles are hostile.
        static var ontology: JSONValue {
            [
                "tools": [], "relations": [],
                "classifications": [
                    ["tool": "radio", "title": .string(hostile), "schemaId": "q1", "required": true,
                     "options": [["value": .string(hostile), "schemaId": "o1"], ["value": "Calm", "schemaId": "o2"]],
                     "classifications": [["tool": "text", "title": .string(hostile + "child"), "schemaId": "q1c", "parentOptionId": "o1"]]],
                    ["tool": "tree-dropdown", "title": "Tree", "schemaId": "q2",
                     "treeOptions": [["title": .string(hostile), "key": "t1", "children": [["title": "leaf", "key": "t2"]]]]],
                    ["tool": "text", "title": "Note", "schemaId": "q3", "regex": .string("^" + NSRegularExpression.escapedPattern(for: hostile) + "$")],
                ],
            ]
        }

        static func records(_ count: Int, prefix: String = "") -> String {
            (0..<count).map { i in
                JSONWriter().string([
                    "externalId": .string(prefix + hostile + "-\(i)"), "data": .string(hostile + " text \(i)"),
                    "metadata": .object([hostile: .string(hostile)]),
                ])
            }.joined(separator: "\n") + "\n"
        }

        @Test("validate, init, add, export, stats, who, config and requeue show hostile fields visibly")
        func everyCommand() throws {
            let scratch = try TemporaryDirectory()
            let ontologyFile = scratch.path + "/ontology-\(Self.hostile).json"
            try JSONWriter(pretty: true).string(Self.ontology).write(toFile: ontologyFile, atomically: true, encoding: .utf8)
            let assets = scratch.path + "/assets-\(Self.hostile).jsonl"
            try Self.records(3).write(toFile: assets, atomically: true, encoding: .utf8)
            let more = scratch.path + "/more.jsonl"
            // One record new, one repeated (its externalId named in the message), one repeated in the file.
            try (Self.records(4) + Self.records(1, prefix: "x")).write(toFile: more, atomically: true, encoding: .utf8)

            let summary = try Self.run(["validate", ontologyFile], in: scratch)
            #expect(summary.stdout.contains("␛]0;pwned␇␛[31m\u{FFFD}2J\u{FFFD}evil"), "\(summary.stdout)")
            try Self.run(["validate", assets], in: scratch)

            let dir = scratch.path + "/project-\(Self.hostile)"
            try Self.run(["init", dir, "--ontology", ontologyFile, "--assets", assets, "--name", Self.hostile], in: scratch)
            try Self.run(["add", dir, "--assets", more], in: scratch)
            try Self.run(["init", dir, "--ontology", ontologyFile], in: scratch, status: 1)

            // Work by a user with a hostile name, straight through the store.
            let store = try SQLiteProjectStore(directory: dir)
            let task = try #require(try store.claimNext(stage: .label, user: Self.hostile))
            _ = try store.submit(Submission(
                taskId: task.id, stage: .label, user: Self.hostile,
                classifications: [["schemaId": "q1", "title": .string(Self.hostile), "tool": "radio", "answer": .string(Self.hostile)]],
                time: TimeSpent(active: 1_000, idle: 0), at: .now()))

            // A task held by the hostile user: `who` names the holder.
            _ = try #require(try store.claimNext(stage: .label, user: Self.hostile))
            let held = try Self.run(["who", dir], in: scratch)
            #expect(held.stdout.contains("␛]0;pwned␇"), "\(held.stdout)")

            let table = try Self.run(["stats", dir], in: scratch)
            #expect(table.stdout.contains("␛]0;pwned␇"), "\(table.stdout)")
            let json = try Self.run(["stats", dir, "--json"], in: scratch)
            let annotators = try JSONParser.parse(json.stdout)["annotators"]?.arrayValue ?? []
            #expect(annotators.first?["user"]?.stringValue == Self.hostile, "the JSON keeps the name exactly: \(json.stdout)")

            let exported = try Self.run(["export", dir, "--stage", "Complete"], in: scratch)
            let assetsOut = try JSONParser.parse(exported.stdout).arrayValue ?? []
            #expect(assetsOut.first?["task"]?["updatedBy"]?.stringValue == Self.hostile)
            #expect(assetsOut.first?["metadata"]?[Self.hostile]?.stringValue == Self.hostile)
            try Self.run(["export", dir, "--stage", "Label", "--ndjson"], in: scratch)
            try Self.run(["export", dir, "-o", scratch.path + "/out-\(Self.hostile).json"], in: scratch)

            try Self.run(["config", dir, "--email", "\(Self.hostile)=\(Self.hostile)@example.com"], in: scratch)
            try Self.run(["config", dir, "--email", Self.hostile], in: scratch, status: 1)
            try Self.run(["stats", dir], in: scratch)
            try Self.run(["requeue", dir, "--from-user", Self.hostile, "--to", "Label", "--force"], in: scratch)
            try Self.run(["requeue", dir, "--external-id", Self.hostile], in: scratch, status: 1)
            try Self.run(["export", dir, "--stage", Self.hostile], in: scratch, status: 64)
            try Self.run([Self.hostile, "x"], in: scratch, status: 64)
            try Self.run(["label", scratch.path + "/" + Self.hostile], in: scratch, status: 1)
        }

        @Test("errors about a hostile ontology and hostile assets show the values visibly")
        func errorMessages() throws {
            let scratch = try TemporaryDirectory()
            let bad: JSONValue = [
                "classifications": [
                    ["tool": .string(Self.hostile), "title": "t", "schemaId": "a"],
                    ["tool": "radio", "title": .string(Self.hostile), "schemaId": .string(Self.hostile), "shortcutKey": .string(Self.hostile),
                     "options": [["value": .string(Self.hostile), "schemaId": "x"], ["value": .string(Self.hostile), "schemaId": "x"]],
                     "classifications": [["tool": "text", "title": "c", "schemaId": "c", "parentOptionId": .string(Self.hostile)]]],
                    ["tool": "text", "title": "r", "schemaId": "r", "regex": .string("(" + Self.hostile)],
                ],
            ]
            let file = scratch.path + "/bad.json"
            try JSONWriter(pretty: true).string(bad).write(toFile: file, atomically: true, encoding: .utf8)
            let result = try Self.run(["validate", file], in: scratch, status: 1)
            #expect(result.stderr.contains("unknown tool type \"␛]0;pwned␇"), "\(result.stderr)")

            let records = scratch.path + "/records.json"
            let array: JSONValue = .array([
                ["externalId": .string(Self.hostile), "data": 1, "priority": .string(Self.hostile)],
                ["externalId": .string(Self.hostile), "data": "x"],
                .string(Self.hostile),
            ])
            try JSONWriter().string(array).write(toFile: records, atomically: true, encoding: .utf8)
            try Self.run(["validate", records], in: scratch, status: 1)
            try Self.run(["init", scratch.path + "/p", "--ontology", file, "--assets", records], in: scratch, status: 1)
            // A file named with the hostile text: the path is echoed in the error.
            try Self.run(["validate", scratch.path + "/" + Self.hostile + ".json"], in: scratch, status: 1)
            try "{\"a\": \"\(Self.hostile)".write(toFile: scratch.path + "/cut-\(Self.hostile).json", atomically: true, encoding: .utf8)
            try Self.run(["validate", scratch.path + "/cut-\(Self.hostile).json"], in: scratch, status: 1)
        }
    }
}
