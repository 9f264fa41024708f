import Foundation
import LabelCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension EndToEnd {
    /// A team on several machines: the project in PostgreSQL, annotators as separate processes,
    /// some of them on other "hosts" (network namespaces), and a server that goes away.
    /// One test with a case each, so that without TERMLABEL_TEST_DATABASE_URL it says so in one line.
    @Suite struct PostgresTeam {
        enum Case: String, CaseIterable, Sendable, CustomTestStringConvertible {
            case fourAnnotators = "four annotators on three hosts drain 200 tasks, each labeled once"
            case serverKilled = "the server killed mid-labeling comes back, and nothing confirmed is lost"
            case migrateRoundTrip = "a SQLite project in every stage migrated to PostgreSQL, labeled there and migrated back, its export unchanged"
            var testDescription: String { rawValue }
        }

        @Test("PostgreSQL: a team", .enabled(if: PostgresCluster.wanted, """
            TERMLABEL_TEST_DATABASE_URL is not set: the PostgreSQL end-to-end tests are skipped (.ci/run starts a server and sets it)
            """), arguments: Case.allCases)
        func team(_ which: Case) throws {
            switch which {
            case .fourAnnotators: try fourAnnotatorsOnThreeHostsDrainTwoHundredTasksEachLabeledOnce()
            case .serverKilled: try theServerKilledMidLabelingComesBackAndNothingConfirmedIsLost()
            case .migrateRoundTrip: try aSQLiteProjectMigratedToPostgresLabeledThereAndBack()
            }
        }

        static let queueEmpty = "The queue is empty: every task is taken or done."

        /// A project of `count` tasks (`team-001`…) in the cluster, in schema `team`.
        static func makeProject(_ cluster: PostgresCluster, in scratch: TemporaryDirectory, count: Int) throws -> (dir: String, ids: [String]) {
            let ontology = try SmallOntology.write(in: scratch)
            let ids = (1...count).map { String(format: "team-%03d", $0) }
            let dir = try Termlabel.makeProject(
                in: scratch, named: "team", ontology: ontology,
                records: ids.map { ["externalId": .string($0), "data": .string("Text of \($0).")] },
                options: ["--database", cluster.projectURL(), "--schema", "team"], environment: ["PGPASSWORD": PostgresCluster.password])
            return (dir, ids)
        }

        func fourAnnotatorsOnThreeHostsDrainTwoHundredTasksEachLabeledOnce() throws {
            let scratch = try TemporaryDirectory()
            chmod(scratch.path, 0o755)
            // Two "hosts" in network namespaces, if this machine lets the test make them.
            let hosts: NetworkHosts?
            switch NetworkHosts.make(count: 2) {
            case .success(let made): hosts = made
            case .failure(let why):
                hosts = nil
                print("Network namespaces cannot be made here (\(why.description)): all four annotators run on loopback.")
            }
            defer { hosts?.remove() }
            let cluster = try PostgresCluster(listen: hosts?.hosts.map(\.serverAddress) ?? [], clients: hosts == nil ? nil : "10.231.0.0/16")
            let (dir, ids) = try Self.makeProject(cluster, in: scratch, count: 200)
            let binary = try Termlabel.binary()

            // Each annotator on another host has its own copy of the directory, naming the server
            // by the address that host reaches it at.
            let users = ["w1", "w2", "w3", "w4"]
            var commands: [[String]] = []
            for (i, user) in users.enumerated() {
                if let hosts, i >= 2 {
                    let host = hosts.hosts[i - 2]
                    let copy = scratch.path + "/team-" + user
                    try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: false)
                    try "url = \(cluster.projectURL(host: host.serverAddress))\nschema = team\n"
                        .write(toFile: copy + "/project.postgres", atomically: true, encoding: .utf8)
                    commands.append(["ip", "netns", "exec", host.namespace, binary, "label", copy, "--user", user])
                } else {
                    commands.append([binary, "label", dir, "--user", user])
                }
            }
            let team = try TeamRun(names: users, commands: commands, environment: ["PGPASSWORD": PostgresCluster.password], in: scratch)
            defer { team.kill() }
            let sessions = team.sessions
            let clock = Stopwatch()
            let submitted = try team.drain(within: 240_000, until: Self.queueEmpty, openTask: Self.openTask) { _, _ in ["1", "s"] }
            let elapsed = clock.now()
            for session in sessions { try session.sendKeys("q") }
            for (i, session) in sessions.enumerated() {
                let status = try session.waitForExit()
                #expect(status == 0, "\(users[i]) exited \(status)")
            }

            // The export: every task once, in Complete, labeled by the one it was shown to.
            let export = try Termlabel.export(dir, in: scratch, environment: ["PGPASSWORD": PostgresCluster.password])
            #expect(export.compactMap { $0["externalId"]?.stringValue }.sorted() == ids)
            var byUser: [String: [String]] = [:]
            for asset in export {
                let id = asset["externalId"]?.stringValue ?? "?"
                let task = try #require(asset["task"], "\(id) has no task")
                #expect(task["stage"] == "Complete", "\(id)")
                let history = try #require(task["stageHistory"]?.arrayValue, "\(id) has no stageHistory")
                #expect(history.map { $0["stage"] } == ["Start", "Label"], "\(id)")
                byUser[history.last?["completedBy"]?.stringValue ?? "?", default: []].append(id)
            }
            for (i, user) in users.enumerated() { #expect((byUser[user] ?? []).sorted() == submitted[i].sorted(), "\(user)") }
            let where_ = hosts == nil ? "all on loopback" : "w3 and w4 in network namespaces"
            print("Four annotators (\(where_)), 200 tasks on PostgreSQL in \(elapsed) ms: "
                  + users.map { "\($0): \(byUser[$0]?.count ?? 0)" }.joined(separator: ", "))
            if hosts != nil {
                // The two on other hosts did label, across their links.
                #expect(!(byUser["w3"] ?? []).isEmpty && !(byUser["w4"] ?? []).isEmpty)
            }
            #expect(try cluster.query("SELECT COUNT(*), COUNT(DISTINCT task) FROM team.history WHERE stage = 'Label'") == "200|200")
        }

        func theServerKilledMidLabelingComesBackAndNothingConfirmedIsLost() throws {
            let scratch = try TemporaryDirectory()
            chmod(scratch.path, 0o755)
            let cluster = try PostgresCluster()
            let (dir, _) = try Self.makeProject(cluster, in: scratch, count: 30)
            let session = try TmuxSession(width: 100, height: 30, environment: ["PGPASSWORD": PostgresCluster.password],
                                          command: [try Termlabel.binary(), "label", dir, "--user", "ann"], in: scratch.path)
            defer { session.kill() }

            // Three submits the screen confirms, then a draft on the fourth task.
            var confirmed: [String] = []
            for _ in 0..<3 {
                let screen = try session.waitFor("a task to open") { Self.openTask($0) != nil && !confirmed.contains(Self.openTask($0)!) }
                let id = try #require(Self.openTask(screen))
                try session.sendKeys("1", "s")
                try session.waitFor(text: "\(id) submitted → Complete.")
                confirmed.append(id)
            }
            let draftTask = try #require(Self.openTask(try session.screen()))
            try session.sendKeys("1")
            try session.waitFor("the draft saved") { _ in (try? cluster.query("SELECT COUNT(*) FROM team.draft")) == "1" }

            // The server dies. The next change cannot be saved: the screen says so and keeps it.
            try cluster.kill()
            try session.sendKeys("2")
            let lost = try session.waitFor(text: "Not saved: reconnecting…")
            #expect(lost.contains { $0.contains("● 2 Neutral") || $0.contains("(•) 2 Neutral") || $0.contains("Neutral") })
            #expect(FileManager.default.fileExists(atPath: dir + "/journal/ann.json"))
            // A submit while it is away is not called done.
            try session.sendKeys("s")
            try session.waitFor(text: "Not saved: reconnecting…")
            #expect(try !session.screen().contains { $0.contains("\(draftTask) submitted") })

            // The server comes back: the draft is saved without a restart of termlabel.
            try cluster.restart()
            do {
                try session.waitFor(text: "Saved: the connection is back", timeout: 30)
            } catch {
                print("The screen after the server came back:\n" + TmuxSession.framed((try? session.screen()) ?? []))
                throw error
            }
            #expect(try cluster.query("SELECT classifications LIKE '%Neutral%' FROM team.draft") == "t")
            #expect(!FileManager.default.fileExists(atPath: dir + "/journal/ann.json"))
            try session.sendKeys("s")
            try session.waitFor(text: "\(draftTask) submitted → Complete.")
            confirmed.append(draftTask)
            try session.sendKeys("q")
            #expect(try session.waitForExit() == 0)

            // Every submit the screen confirmed is in the database, the answer kept through the outage.
            let stored = try cluster.query("""
                SELECT string_agg(t.externalid, ',' ORDER BY t.externalid) FROM team.task t
                JOIN team.history h ON h.task = t.id AND h.stage = 'Label'
                """)
            #expect(stored == confirmed.sorted().joined(separator: ","))
            #expect(try cluster.query("""
                SELECT h.entry LIKE '%Neutral%' FROM team.history h JOIN team.task t ON t.id = h.task
                WHERE h.stage = 'Label' AND t.externalid = '\(draftTask)'
                """) == "t")
        }

        /// The externalId in the asset box's title (`┌ team-007 · new ─…`), if a task is open.
        static func openTask(_ screen: [String]) -> String? {
            guard let top = screen.first, let range = top.range(of: #"┌ team-[0-9]+ · "#, options: .regularExpression) else { return nil }
            return String(top[range].dropFirst(2).dropLast(3))
        }
    }
}
