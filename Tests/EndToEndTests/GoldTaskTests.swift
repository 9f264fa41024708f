import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// Gold tasks end to end: added from a file, met in the queue like any task, scored in
    /// `stats --json`, and flagged to the reviewer of a labeler who failed one.
    @Suite struct GoldTasks {
        @Test func anAnnotatorMeetsAGoldTaskAndTheReviewerSeesTheFailedBenchmark() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try SmallOntology.write(in: scratch)
            let dir = try Termlabel.makeProject(in: scratch, named: "gold", ontology: ontology,
                                                records: [["externalId": "w-1", "data": "First review."], ["externalId": "w-2", "data": "Second review."]],
                                                options: ["--review", "--benchmark-rate", "50"])
            let goldFile = scratch.path + "/gold.jsonl"
            try #"{"externalId": "g-1", "data": "A calm, even review.", "classifications": [{"schemaId": "q-sentiment", "answer": "Neutral"}]}"#
                .appending("\n").write(toFile: goldFile, atomically: true, encoding: .utf8)
            let added = try Termlabel.run(["add", dir, "--benchmark", goldFile], in: scratch.path)
            #expect(added.stdout == "Added 1 gold task.\n")

            // At 50 %, lena's second task is the gold one ((0 + 1) × 100 ≤ 50 × (1 + 1)); she
            // answers Positive where the gold says Neutral.
            let binary = try Termlabel.binary()
            let tmux = try TmuxSession(width: 100, height: 30, command: [binary, "label", dir, "--user", "lena"], in: scratch.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "w-1 · new")
            try tmux.sendKeys("1", "s")
            try tmux.waitFor(text: "g-1 · new")
            try tmux.waitFor(text: "A calm, even review.")
            try tmux.sendKeys("1", "s")
            try tmux.waitFor(text: "w-2 · new")
            try tmux.sendKeys("1", "s")
            try tmux.waitFor(text: "The queue is empty")
            try tmux.quit()

            let stats = try JSONParser.parse(try Termlabel.run(["stats", dir, "--json"], in: scratch.path).stdout)
            let lena = try #require(stats["annotators"]?.arrayValue?.first { $0["user"] == "lena" })
            #expect(lena["labeled"] == 2)
            #expect(lena["quality"] == [
                "benchmarkScore": 0, "benchmarkTasks": 1, "benchmarkFailed": 1, "agreement": .null, "consensusTasks": 0,
                "issuesReceived": 0, "issuesReceivedResolved": 0, "issuesResolved": 0,
            ])
            #expect(stats["tasks"] == 2)

            try tmux.respawn(command: [binary, "review", dir, "--user", "max"])
            let screen = try tmux.waitFor(text: "⚑ Failed benchmark: lena failed 1 of 1 gold task")
            #expect(screen.contains { $0.contains("w-1") })
            try tmux.quit()

            // The gold task is not exported as work; asked for, it comes with its score.
            #expect(try Termlabel.export(dir, in: scratch, options: ["--stage", "Review"]).map { $0["externalId"] } == ["w-1", "w-2"])
            #expect(try Termlabel.export(dir, in: scratch, options: ["--stage", "Label"]).map { $0["externalId"] } == [])
            let withGold = try Termlabel.export(dir, in: scratch, options: ["--stage", "Review", "--benchmarks"])
            #expect(withGold.map { $0["externalId"] } == ["w-1", "w-2", "g-1"])
            #expect(withGold.map { $0["isBenchmark"] } == [nil, nil, true])
            let answer = try #require(withGold.last?["benchmark"]?.arrayValue?.first)
            #expect(answer["annotator"] == "lena")
            #expect(answer["score"] == 0)
            #expect(answer["passed"] == false)
        }
    }
}
