import Foundation
import LabelCore
import Testing

extension EndToEnd {
    @Suite("Command line: unknown commands, numeric options, stages")
    struct CommandLineTests {
        @Test("a mistyped command is an unknown command, with the commands and a did-you-mean")
        func unknownCommand() throws {
            let scratch = try TemporaryDirectory()
            let result = try Termlabel.attempt(["lable", "x"], in: scratch.path)
            #expect(result.status == 64)
            #expect(result.stdout == "")
            #expect(result.stderr == """
                error: unknown command 'lable'; did you mean 'label'?
                    the commands are: label, review, init, add, validate, export, stats, who, issues, requeue, config, keys, migrate (termlabel help COMMAND for each)
                    a project directory given alone is opened for labeling, but there is no file or directory 'lable' here

                """)
            let far = try Termlabel.attempt(["frobnicate"], in: scratch.path)
            #expect(far.status == 64)
            #expect(far.stderr.hasPrefix("error: unknown command 'frobnicate'\n"), "\(far.stderr)")
        }

        @Test("--idle-timeout out of range is refused on init and config, and nothing is written", arguments: [
            "inf", "1e300", "9.3e15", "-5", "0", "nan", "86401", "0.5",
        ])
        func idleTimeoutRange(value: String) throws {
            let scratch = try TemporaryDirectory()
            let ontology = try Termlabel.writeOntology(in: scratch)
            let before = Termlabel.listing(scratch.path)
            let made = try Termlabel.attempt(["init", scratch.path + "/p", "--ontology", ontology, "--idle-timeout=\(value)"], in: scratch.path)
            let shown = value == "9.3e15" ? "9.3e+15" : value == "1e300" ? "1e+300" : value
            let expected = """
                error: --idle-timeout must be a number of seconds from 1 to 86400 (one day), got \(shown)
                    for example --idle-timeout 300 (five minutes, as in Ango)

                """
            #expect(made.status == 1)
            #expect(made.stderr == expected)
            #expect(Termlabel.listing(scratch.path) == before, "init wrote something")

            let dir = try Termlabel.makeProject(in: scratch, ontology: ontology, records: [["externalId": "a", "data": "x"]])
            let config = try Termlabel.attempt(["config", dir, "--idle-timeout=\(value)"], in: scratch.path)
            #expect(config.status == 1)
            #expect(config.stderr == expected)
            let settings = try SQLiteProjectStore(directory: dir).settings()
            #expect(settings.idleTimeoutMilliseconds == 300_000)
        }

        @Test("export --stage Review on a project without a Review stage is an error, and writes nothing")
        func exportMissingStage() throws {
            let scratch = try TemporaryDirectory()
            let dir = try Termlabel.makeProject(in: scratch, ontology: try Termlabel.writeOntology(in: scratch), records: [["externalId": "a", "data": "x"]])
            let before = Termlabel.listing(scratch.path)
            let result = try Termlabel.attempt(["export", dir, "--stage", "Review", "-o", scratch.path + "/out.json"], in: scratch.path)
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(result.stderr == """
                error: this project has no Review stage; its stages are Start → Label → Complete
                    export one of those stages with --stage; nothing was written

                """)
            #expect(Termlabel.listing(scratch.path) == before)
        }

        @Test("stats --since after all work says there was work, and when it ended")
        func statsSinceAfterAllWork() throws {
            let scratch = try TemporaryDirectory()
            let dir = try Termlabel.makeProject(in: scratch, ontology: try Termlabel.writeOntology(in: scratch), records: [["externalId": "a", "data": "x"]])
            let store = try SQLiteProjectStore(directory: dir)
            let task = try #require(try store.claimNext(stage: .label, user: "ann"))
            let at = try #require(Timestamp(iso8601: "2026-01-05T10:00:00.000Z"))
            _ = try store.submit(Submission(taskId: task.id, stage: .label, user: "ann", classifications: [], time: TimeSpent(active: 5, idle: 0), at: at))
            let result = try Termlabel.run(["stats", dir, "--since", "2026-02-01"], in: scratch.path)
            #expect(result.stdout == "No work recorded in project since 2026-02-01T00:00:00.000Z; 1 submission before then, the last at 2026-01-05T10:00:00.000Z.\n")
            let empty = try Termlabel.makeProject(in: scratch, named: "empty", ontology: try Termlabel.writeOntology(in: scratch), records: [["externalId": "a", "data": "x"]])
            #expect(try Termlabel.run(["stats", empty, "--since", "2026-02-01"], in: scratch.path).stdout == "No work recorded yet in empty.\n")
        }
    }

    @Suite("requeue: --force for submitted work, and a record of what it removed")
    struct RequeueSafetyTests {
        func labeledProject(_ scratch: TemporaryDirectory) throws -> String {
            let dir = try Termlabel.makeProject(in: scratch, ontology: try Termlabel.writeOntology(in: scratch),
                                                records: [["externalId": "a", "data": "x"], ["externalId": "b", "data": "y"]])
            let store = try SQLiteProjectStore(directory: dir)
            let task = try #require(try store.claimNext(stage: .label, user: "lena"))
            _ = try store.submit(Submission(
                taskId: task.id, stage: .label, user: "lena",
                classifications: [["schemaId": "q-sentiment", "title": "Sentiment", "tool": "radio", "answer": "Positive"]],
                time: TimeSpent(active: 5, idle: 0), at: .now()))
            return dir
        }

        @Test("removing submitted answers without --force is refused off a terminal, naming whose work, and changes nothing")
        func refusedWithoutForce() throws {
            let scratch = try TemporaryDirectory()
            let dir = try labeledProject(scratch)
            let before = try Termlabel.export(dir, in: scratch)
            let result = try Termlabel.attempt(["requeue", dir, "--external-id", "a", "--remove-answers", "--remove-history"], in: scratch.path)
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(result.stderr == """
                error: this requeue would remove:
                    the submitted answers of 1 task (a)
                    the stage history of 1 task (a)
                    work by lena
                nothing was requeued
                    add --force to requeue anyway (what is removed is recorded in the project)

                """)
            #expect(try Termlabel.export(dir, in: scratch) == before)
            #expect(try SQLiteProjectStore(directory: dir).auditLog() == [])
        }

        @Test("requeue without removing work needs no --force")
        func keepingWorkNeedsNoForce() throws {
            let scratch = try TemporaryDirectory()
            let dir = try labeledProject(scratch)
            let result = try Termlabel.run(["requeue", dir, "--external-id", "a", "--user", "max"], in: scratch.path)
            #expect(result.stdout == "Requeued 1 task to Label.\n")
        }

        @Test("on a terminal, requeue asks before removing submitted work: n keeps it, y goes on")
        func asksOnATerminal() throws {
            let scratch = try TemporaryDirectory()
            let dir = try labeledProject(scratch)
            let command = [try Termlabel.binary(), "requeue", dir, "--external-id", "a", "--remove-answers", "--user", "max"]
            let tmux = try TmuxSession(width: 100, height: 12, command: command, in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "Requeue anyway? [y/N]")
            try tmux.sendKeys("n", "Enter")
            #expect(try tmux.waitForExit() == 1)
            #expect(try SQLiteProjectStore(directory: dir).auditLog() == [])

            try tmux.respawn(command: command)
            let screen = try tmux.waitFor(text: "Requeue anyway? [y/N]")
            #expect(Array(screen.prefix(4)) == [
                "this requeue would remove:",
                "    the submitted answers of 1 task (a)",
                "    work by lena",
                "Requeue anyway? [y/N]",
            ])
            try tmux.sendKeys("y", "Enter")
            #expect(try tmux.waitForExit() == 0)
            #expect(try SQLiteProjectStore(directory: dir).auditLog().map { "\($0.user) \($0.action) \($0.externalId)" } == ["max requeue a"])
        }

        @Test("requeue --force records who ran it and everything it removed")
        func recordsWhoAndWhat() throws {
            let scratch = try TemporaryDirectory()
            let dir = try labeledProject(scratch)
            let result = try Termlabel.run(["requeue", dir, "--external-id", "a", "--remove-answers", "--remove-history", "--remove-assignee",
                                            "--force", "--user", "max"], in: scratch.path)
            #expect(result.stdout == "Requeued 1 task to Label.\n")
            let log = try SQLiteProjectStore(directory: dir).auditLog()
            #expect(log.map { "\($0.user) \($0.action) \($0.externalId)" } == ["max requeue a"])
            let removed = try #require(log.first?.detail["removed"])
            #expect(removed["answers"]?["classifications"]?.arrayValue?.first?["answer"] == "Positive")
            #expect(removed["stageHistory"]?.arrayValue?.compactMap { $0["stage"]?.stringValue } == ["Start", "Label"])
            #expect(removed["labeler"] == "lena")
            #expect(removed["assignee"] == nil, "a submitted task has no assignee left to remove")
            #expect(log.first?.detail["from"] == "Complete")
            #expect(log.first?.detail["to"] == "Label")
            // The event says who, not ''.
            #expect(try ProjectDatabase.query(dir, "SELECT user FROM event WHERE kind = 'requeue'") == "max")
        }
    }

    @Suite("add: pre-labels it replaces are recorded")
    struct ReplacedPreLabelsTests {
        @Test("an Ango import file that replaces a task's pre-labels records the old ones and who added the new")
        func replacedPreLabelsAreRecorded() throws {
            let scratch = try TemporaryDirectory()
            func answer(_ value: String) -> JSONValue {
                ["schemaId": "q-sentiment", "title": "Sentiment", "tool": "radio", "answer": .string(value)]
            }
            let dir = try Termlabel.makeProject(in: scratch, ontology: try Termlabel.writeOntology(in: scratch), records: [
                ["externalId": "a", "data": "x", "classifications": [answer("Positive")]],
            ])
            let imports = scratch.path + "/import.json"
            try JSONWriter().string([["externalId": "a", "classifications": [answer("Neutral")]]]).write(toFile: imports, atomically: true, encoding: .utf8)
            let added = try Termlabel.run(["add", dir, "--assets", imports, "--user", "max"], in: scratch.path)
            #expect(added.stdout == "Added 0 tasks.\nAttached pre-labels to 1 of 1 tasks named in the file.\n")
            let log = try SQLiteProjectStore(directory: dir).auditLog()
            #expect(log.map { "\($0.user) \($0.action) \($0.externalId)" } == ["max replace pre-labels a"])
            #expect(log.first?.detail["removed"]?["answers"]?["classifications"]?.arrayValue?.first?["answer"] == "Positive")
        }
    }
}
