import Foundation
import LabelCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension EndToEnd {
    /// Several labelers on one project at once: each task is served to exactly one of them.
    @Suite struct ConcurrentLabeling {
        static let users = ["w1", "w2", "w3", "w4"]
        static let taskCount = 40
        static let queueEmpty = "The queue is empty: every task is taken or done."

        @Test func fourLabelersEmptyTheQueueTogetherAndEachTaskIsLabeledOnce() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try SmallOntology.write(in: scratch)
            let externalIds = (1...Self.taskCount).map { String(format: "conc-%02d", $0) }
            let dir = try Termlabel.makeProject(in: scratch, named: "conc", ontology: ontology,
                                                records: externalIds.map { ["externalId": .string($0), "data": .string("Text of \($0).")] })
            let binary = try Termlabel.binary()

            // One private tmux server per labeler, the four processes started at the same moment;
            // then `1 s` to each pane as it shows a task it has not been sent keys for.
            let team = try TeamRun(names: Self.users, commands: Self.users.map { [binary, "label", dir, "--user", $0] }, in: scratch)
            defer { team.kill() }
            let sessions = team.sessions
            let clock = Stopwatch()
            let submitted = try team.drain(within: 60_000, until: Self.queueEmpty, openTask: Self.openTask) { _, _ in ["1", "s"] }
            let elapsed = clock.now()

            for (i, session) in sessions.enumerated() {
                let screen = try session.screen()
                #expect(screen[28] == Self.queueEmpty, "\(Self.users[i]): \(screen[28])")
                #expect(screen[29].hasPrefix("termlabel │ conc │ Label │ \(Self.users[i])"), "\(screen[29])")
            }
            for session in sessions { try session.sendKeys("q") }
            for (i, session) in sessions.enumerated() {
                let status = try session.waitForExit()
                #expect(status == 0, "\(Self.users[i]) exited \(status)")
            }

            // The export: every task once, in Complete, labeled by one of the four.
            let export = try Termlabel.export(dir, in: scratch)
            #expect(export.count == Self.taskCount)
            #expect(export.compactMap { $0["externalId"]?.stringValue }.sorted() == externalIds)
            var byUser: [String: [String]] = [:]
            for asset in export {
                let id = asset["externalId"]?.stringValue ?? "?"
                let task = try #require(asset["task"], "\(id) has no task")
                #expect(task["stage"] == "Complete", "\(id)")
                let history = try #require(task["stageHistory"]?.arrayValue, "\(id) has no stageHistory")
                #expect(history.map { $0["stage"] } == ["Start", "Label"], "\(id)")
                let labeler = try #require(history.last?["completedBy"]?.stringValue, "\(id): no completedBy")
                #expect(Self.users.contains(labeler), "\(id) completed by \(labeler)")
                byUser[labeler, default: []].append(id)
                #expect(ExportReading.stable(task["classifications"]?.arrayValue ?? [])
                    == [ExportReading.answer("q-sentiment", "radio", "Sentiment", "Positive")], "\(id)")
            }
            let distribution = Self.users.map { "\($0): \(byUser[$0]?.count ?? 0)" }.joined(separator: ", ")
            print("Four labelers, \(Self.taskCount) tasks in \(elapsed) ms: \(distribution)")
            #expect(Self.users.map { byUser[$0]?.count ?? 0 }.reduce(0, +) == Self.taskCount)
            // What each pane was sent keys for is what the export says that user labeled.
            for (i, user) in Self.users.enumerated() {
                #expect((byUser[user] ?? []).sorted() == submitted[i].sorted(), "\(user)")
            }

            // The database agrees: one Label entry per task, and the file is sound.
            #expect(try ProjectDatabase.query(dir, "select count(*) from history where stage='Label'") == "\(Self.taskCount)")
            #expect(try ProjectDatabase.query(dir, "select count(distinct task) from history where stage='Label'") == "\(Self.taskCount)")
            #expect(try ProjectDatabase.query(dir, "PRAGMA integrity_check") == "ok")
        }

        /// The externalId in the asset box's title (`┌ conc-07 · new ─…`), if a task is open.
        static func openTask(_ screen: [String]) -> String? {
            guard let top = screen.first, let range = top.range(of: #"┌ conc-[0-9]+ · "#, options: .regularExpression) else { return nil }
            return String(top[range].dropFirst(2).dropLast(3))
        }
    }
}
