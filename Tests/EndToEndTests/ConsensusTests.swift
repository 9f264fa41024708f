import Foundation
import LabelCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension EndToEnd {
    /// Consensus 3 on 30 tasks, three annotators at once, then a reviewer resolving a disagreement.
    @Suite struct Consensus {
        static let users = ["ann", "ben", "cat"]
        static let taskCount = 30
        static let queueEmpty = "The queue is empty: every task is taken or done."

        /// What each annotator answers, by task number: on even tasks one of the three says Neutral
        /// (a disagreement), on odd ones all say Positive.
        static func option(user: Int, task: Int) -> String { task % 2 == 0 && task % 3 == user ? "2" : "1" }

        @Test func threeAnnotatorsAnswerEachTaskAndAReviewerPicksAnAnswer() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try SmallOntology.write(in: scratch)
            let externalIds = (1...Self.taskCount).map { String(format: "cons-%02d", $0) }
            let dir = try Termlabel.makeProject(
                in: scratch, named: "cons", ontology: ontology,
                records: externalIds.map { ["externalId": .string($0), "data": .string("Text of \($0).")] },
                options: ["--review", "--consensus", "3", "--consensus-threshold", "100"])
            let binary = try Termlabel.binary()

            // Three processes, released at one moment (each pane waits at a barrier).
            let team = try TeamRun(names: Self.users, commands: Self.users.map { [binary, "label", dir, "--user", $0] }, in: scratch)
            defer { team.kill() }
            let sessions = team.sessions
            let clock = Stopwatch()
            let answered = try team.drain(within: 120_000, until: Self.queueEmpty, openTask: Self.openTask) { i, id in
                Int(id.dropFirst(5)).map { [Self.option(user: i, task: $0), "s"] }
            }
            print("Consensus 3: three annotators answered \(Self.taskCount) tasks in \(clock.now()) ms")
            for session in sessions { try session.sendKeys("q") }
            for (i, session) in sessions.enumerated() {
                #expect(try session.waitForExit() == 0, "\(Self.users[i])")
                // Each annotator was served every task once (three tasks' worth of annotators for three people).
                #expect(answered[i].sorted() == externalIds, "\(Self.users[i])")
            }

            // The export: each task answered by exactly three different people, with the scores
            // this test computes from the exported answers.
            // (Complete by default; the disagreements wait in Review.)
            let before = try Termlabel.export(dir, in: scratch) + Termlabel.export(dir, in: scratch, options: ["--stage", "Review"])
            #expect(before.count == Self.taskCount)
            var disagreed: [(id: String, answers: [(user: String, value: String)])] = []
            for asset in before {
                let id = try #require(asset["externalId"]?.stringValue)
                let task = try #require(asset["task"])
                // In the order the review shows them: by submit time, then by name (two submits may
                // share a millisecond, and then the history's order is the commits').
                let labels = (task["stageHistory"]?.arrayValue ?? []).filter { $0["stage"] == "Label" }.sorted {
                    ($0["completedAt"]?.stringValue ?? "", $0["completedBy"]?.stringValue ?? "")
                        < ($1["completedAt"]?.stringValue ?? "", $1["completedBy"]?.stringValue ?? "")
                }
                let answers = try labels.map { entry in
                    (user: try #require(entry["completedBy"]?.stringValue), value: Self.sentiment(entry["classifications"]))
                }
                #expect(Set(answers.map(\.user)) == Set(Self.users), "\(id): \(answers.map(\.user))")
                #expect(answers.count == 3, "\(id)")
                let number = try #require(Int(id.dropFirst(5)))
                for a in answers {
                    let user = try #require(Self.users.firstIndex(of: a.user))
                    #expect(a.value == (Self.option(user: user, task: number) == "1" ? "Positive" : "Neutral"), "\(id) \(a.user)")
                }
                let (average, detailed) = Self.score(answers.map(\.value))
                #expect(task["consensusAverage"] == .int(average), "\(id)")
                #expect(task["consensusDetailed"] == .array([
                    ["score": .string(String(detailed[0])), "schemaId": "q-sentiment", "title": "Sentiment"],
                    ["score": .string(String(detailed[1])), "schemaId": "q-notes", "title": "Notes"],
                ]), "\(id)")
                // A full agreement reaches the threshold (100) and goes straight to Complete.
                #expect(task["stage"] == (average == 100 ? "Complete" : "Review"), "\(id)")
                if average < 100 { disagreed.append((id, answers)) }
            }
            #expect(disagreed.count == 15)

            // The reviewer gets the first disagreement, opened on the three answers side by side.
            let first = try #require(disagreed.first)
            let tmux = try TmuxSession(width: 100, height: 30, command: [binary, "review", dir, "--user", "rita"], in: scratch.path)
            defer { tmux.kill() }
            let screen = try tmux.waitFor(text: "\(first.id) · 3 answers · consensus")
            let columns = first.answers.map(\.value)
            func row(_ cells: [String]) -> String { cells.map { $0.padding(toLength: 26, withPad: " ", startingAt: 0) }.joined() }
            let header = "            " + row(first.answers.enumerated().map { "\($0.offset + 1) \($0.element.user)" })
            let sentimentRow = "≠ Sentiment " + row(columns)
            let notesRow = "  Notes     " + row(["—", "—", "—"])
            let body = screen.map { line -> String in
                guard line.count > 4 else { return "" }
                return String(line.dropFirst(4).dropLast(4)).replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
            }
            #expect(body.contains(header.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)), "\(TmuxSession.framed(screen))")
            #expect(body.contains(sentimentRow.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)), "\(TmuxSession.framed(screen))")
            #expect(body.contains(notesRow.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)), "\(TmuxSession.framed(screen))")

            // It picks the annotator who said Neutral (the minority): the final answer is theirs, Fixed.
            let pick = try #require(first.answers.firstIndex { $0.value == "Neutral" })
            try tmux.sendKeys(String(pick + 1))
            try tmux.waitFor(text: "The final answer is \(first.answers[pick].user)'s (annotator \(pick + 1)); submit to keep it.")
            try tmux.sendKeys("s")
            // The next disagreement opens, on its answers.
            try tmux.waitFor(text: "\(disagreed[1].id) · 3 answers · consensus")
            try tmux.sendKeys("Escape")
            try tmux.waitFor(absenceOf: "≠ Sentiment")
            try tmux.quit()

            let after = try Termlabel.export(dir, in: scratch)
            let task = try #require(try ExportReading.asset(first.id, in: after)["task"])
            #expect(task["stage"] == "Complete")
            #expect(ExportReading.stable(task["classifications"]?.arrayValue ?? [])
                == [ExportReading.answer("q-sentiment", "radio", "Sentiment", "Neutral")])
            let history = try #require(task["stageHistory"]?.arrayValue)
            #expect(history.map { $0["stage"] } == ["Start", "Label", "Label", "Label", "Review"])
            #expect(history.last?["completedBy"] == "rita")
            #expect(history.last?["reviewStatus"] == "Fixed")
            #expect(task["consensusAverage"] == .int(Self.score(first.answers.map(\.value)).average))

            // stats: each annotator's agreement, from the same answers.
            let stats = try JSONParser.parse(Array(try Termlabel.run(["stats", dir, "--json"], in: scratch.path).stdout.utf8))
            let agreement = try #require(stats["agreement"]?.arrayValue)
            #expect(agreement.map { $0["annotator"] } == Self.users.map { .string($0) })
            for entry in agreement {
                let user = try #require(entry["annotator"]?.stringValue)
                #expect(entry["consensusTasks"] == .int(Self.taskCount))
                #expect(entry["agreement"] == .number(String(format: "%.4f", Self.agreement(of: user, in: before))), "\(user)")
            }
        }

        /// The Sentiment answer of an exported Label entry ("" when unanswered).
        static func sentiment(_ classifications: JSONValue?) -> String {
            (classifications?.arrayValue ?? []).first { $0["schemaId"] == "q-sentiment" }?["answer"]?.stringValue ?? ""
        }

        /// Ango's formula on this ontology, worked independently of termlabel's code: the radio's
        /// answers given, the text (never typed) the same empty answer for all, so its y is 1.
        static func score(_ values: [String]) -> (average: Int, detailed: [Int]) {
            let n = Double(values.count)
            let xs = values.indices.map { i in Double(values.indices.filter { $0 != i && values[$0] == values[i] }.count) / (n - 1) }
            let y = xs.reduce(0, +) / n
            let average = (y + 1) / 2 * 100
            return (Int((average + 0.5).rounded(.down)), [Int((y * 100 + 0.5).rounded(.down)), 100])
        }

        /// An annotator's mean agreement over the tasks: per task, (their x on Sentiment + 1) / 2.
        static func agreement(of user: String, in export: [JSONValue]) -> Double {
            var sum = 0.0
            for asset in export {
                let labels = (asset["task"]?["stageHistory"]?.arrayValue ?? []).filter { $0["stage"] == "Label" }
                let values = labels.map { sentiment($0["classifications"]) }
                guard let i = labels.firstIndex(where: { $0["completedBy"]?.stringValue == user }) else { continue }
                let x = Double(values.indices.filter { $0 != i && values[$0] == values[i] }.count) / Double(values.count - 1)
                sum += (x + 1) / 2
            }
            return sum / Double(export.count) * 100
        }

        /// The externalId in the asset box's title (`┌ cons-07 · new ─…`), if a task is open.
        static func openTask(_ screen: [String]) -> String? {
            guard let top = screen.first, let range = top.range(of: #"┌ cons-[0-9]+ · "#, options: .regularExpression) else { return nil }
            return String(top[range].dropFirst(2).dropLast(3))
        }
    }
}
