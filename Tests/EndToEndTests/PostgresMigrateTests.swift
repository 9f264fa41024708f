import Foundation
import LabelCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension EndToEnd.PostgresTeam {
    /// A SQLite project with tasks in every stage and status, a draft, history, instructions and a
    /// keymap, moved into PostgreSQL with `termlabel migrate`, labeled there by the real binary,
    /// and moved back out with `--to sqlite:PATH`: nothing lost or changed on either way.
    func aSQLiteProjectMigratedToPostgresLabeledThereAndBack() throws {
        let scratch = try TemporaryDirectory()
        chmod(scratch.path, 0o755)
        let cluster = try PostgresCluster()
        let password = ["PGPASSWORD": PostgresCluster.password]
        let instructions = scratch.path + "/instructions.md"
        try "# Read me\n\nChoose a sentiment.\n".write(toFile: instructions, atomically: true, encoding: .utf8)
        let ids = (1...8).map { "mig-\($0)" }
        let dir = try Termlabel.makeProject(
            in: scratch, named: "mig", ontology: try SmallOntology.write(in: scratch),
            records: ids.map { ["externalId": .string($0), "data": .string("Text of \($0).")] },
            options: ["--review", "--instructions", instructions])
        let keymap = "[normal]\nskip = [\"x\"]\n"
        try keymap.write(toFile: dir + "/keys.toml", atomically: true, encoding: .utf8)
        let binary = try Termlabel.binary()

        // On SQLite: lena submits three, skips one and leaves a draft; max accepts one and rejects one.
        let tmux = try TmuxSession(width: 100, height: 30, command: [binary, "label", dir, "--user", "lena"], in: scratch.path)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Instructions · mig")
        try tmux.sendKeys("Escape")
        for (id, key) in [("mig-1", "1"), ("mig-2", "1"), ("mig-3", "2")] {
            try tmux.waitFor(text: "\(id) · new")
            try tmux.sendKeys(key, "s")
        }
        try tmux.waitFor(text: "mig-4 · new")
        try tmux.sendKeys("x")
        try tmux.waitFor(text: "mig-5 · new")
        try tmux.sendKeys("1")
        try tmux.waitFor(text: "mig-5 · draft")
        try tmux.quit()
        try tmux.respawn(command: [binary, "review", dir, "--user", "max"])
        try tmux.waitFor(text: "Instructions · mig")
        try tmux.sendKeys("Escape")
        try tmux.waitFor(text: "┌ mig-1 · ")
        try tmux.sendKeys("s")
        try tmux.waitFor(text: "┌ mig-2 · ")
        try tmux.sendKeys("r")
        try tmux.waitFor(text: "Reject — comment for the labeler:")
        try tmux.sendText("Not positive.")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "┌ mig-3 · ")
        try tmux.quit()
        let beforeMigrating = try Self.exportEveryStage(dir, in: scratch)

        // Into PostgreSQL: every table's rows checked, the export the same as from SQLite.
        let moved = try Termlabel.run(["migrate", dir, "--to", cluster.projectURL()], environment: password, in: scratch.path).stdout
        // A draft in each stage: lena's on mig-5, and max's on mig-3, open when he quit.
        #expect(moved == """
            Copied mig into schema mig of \(cluster.projectURL()): 15 setting rows, 8 task rows, 13 history rows, 2 draft rows, \
            10 event rows, 0 audit rows, 0 issue rows, 0 task_hold rows, 0 consensus_answer rows, 0 consensus_score rows, 0 benchmark_answer rows; every table checked.
            \(dir) now names the database; the SQLite file is kept as \(dir)/project.sqlite.migrated.
            Next: termlabel label \(dir)

            """)
        #expect(try String(contentsOfFile: dir + "/project.postgres", encoding: .utf8) == """
            # termlabel project in PostgreSQL. No password here: PGPASSWORD or ~/.pgpass gives it.
            url = \(cluster.projectURL())
            schema = mig

            """)
        #expect(FileManager.default.fileExists(atPath: dir + "/project.sqlite.migrated"))
        #expect(try Self.exportEveryStage(dir, in: scratch, environment: password) == beforeMigrating)
        #expect(try cluster.query("SELECT string_agg(stage || ' ' || status || ' ' || n, ', ' ORDER BY stage, status) FROM mig.task_count WHERE n > 0")
            == "Complete accepted 1, Label draft 1, Label new 3, Label rejected 1, Label skipped 1, Review submitted 1")

        // Labeled there by the real binary: the instructions already read, lena's own tasks first
        // (the rejected one, then the draft with its answer), then a new one.
        try tmux.respawn(environment: password, command: [binary, "label", dir, "--user", "lena"])
        var screen = try tmux.waitFor(text: "┌ mig-2 · rejected")
        #expect(!screen.contains { $0.contains("Instructions · mig") })
        try tmux.sendKeys("2", "s")
        screen = try tmux.waitFor(text: "┌ mig-5 · draft")
        #expect(ScreenText.form(screen).prefix(2) == ["▸ Sentiment * [a]", "  › (•) 1 Positive"], "\(ScreenText.form(screen))")
        try tmux.sendKeys("s")
        try tmux.waitFor(text: "┌ mig-6 · new")
        try tmux.sendKeys("1", "s")
        try tmux.waitFor(text: "mig-6 submitted → Review.")
        try tmux.quit()
        let onPostgres = try Self.exportEveryStage(dir, in: scratch, environment: password)

        // And back, as an offline SQLite copy: the same export, the keymap with it.
        let copy = scratch.path + "/mig-offline"
        let back = try Termlabel.run(["migrate", dir, "--to", "sqlite:" + copy], environment: password, in: scratch.path).stdout
        #expect(back == """
            Copied mig into a new SQLite project in \(copy): 15 setting rows, 8 task rows, 16 history rows, 1 draft rows, \
            15 event rows, 0 audit rows, 0 issue rows, 0 task_hold rows, 0 consensus_answer rows, 0 consensus_score rows, 0 benchmark_answer rows; every table checked.

            """)
        let offline = try Self.exportEveryStage(copy, in: scratch)
        #expect(offline == onPostgres)
        #expect(try String(contentsOfFile: copy + "/keys.toml", encoding: .utf8) == keymap)
        var stages: [String: [String]] = [:]
        for asset in offline { stages[asset["task"]?["stage"]?.stringValue ?? "?", default: []].append(asset["externalId"]?.stringValue ?? "?") }
        #expect(stages.mapValues { $0.sorted() } == ["Complete": ["mig-1"], "Review": ["mig-2", "mig-3", "mig-5", "mig-6"], "Label": ["mig-4", "mig-7", "mig-8"]])
        let history = try #require(try ExportReading.asset("mig-2", in: offline)["task"]?["stageHistory"]?.arrayValue)
        #expect(history.map { $0["stage"] } == ["Start", "Label", "Review", "Label"])
        #expect(history.map { $0["completedBy"] } == [nil, "lena", "max", "lena"])
        let config = try Termlabel.run(["config", copy], in: scratch.path).stdout.components(separatedBy: "\n")
        #expect(config.contains("instructions: 3 lines of Markdown; read by lena, max"), "\(config)")
    }

    /// The Ango export of every stage (Label, Review, Complete), with idle time.
    static func exportEveryStage(_ dir: String, in scratch: TemporaryDirectory, environment: [String: String] = [:]) throws -> [JSONValue] {
        try ["Label", "Review", "Complete"].flatMap { stage in
            try Termlabel.export(dir, in: scratch, options: ["--include-idle", "--stage", stage], environment: environment)
        }
    }
}
