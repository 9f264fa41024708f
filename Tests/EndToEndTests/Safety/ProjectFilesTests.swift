import Foundation
import LabelCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension EndToEnd {
    /// Who may read a project, and that a project or an export appears whole or not at all.
    @Suite("Project files: private by default, whole or absent")
    struct ProjectFilesTests {
        static func mode(_ path: String) -> String {
            var info = stat()
            guard stat(path, &info) == 0 else { return "missing" }
            return String(info.st_mode & 0o7777, radix: 8)
        }

        static func group(_ path: String) -> gid_t {
            var info = stat()
            _ = stat(path, &info)
            return info.st_gid
        }

        /// A JSON Lines file of `count` records, written by the test.
        static func records(_ count: Int, in scratch: TemporaryDirectory) throws -> String {
            let path = scratch.path + "/records-\(count).jsonl"
            let text = (0..<count).map { #"{"externalId": "r-\#($0)", "data": "Review \#($0): the battery lasts all day."}"# }.joined(separator: "\n")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        @Test("a new project is private to its owner: directory 700, database 600")
        func privateByDefault() throws {
            let scratch = try TemporaryDirectory()
            let dir = try Termlabel.makeProject(in: scratch, ontology: try Termlabel.writeOntology(in: scratch), records: [["externalId": "a", "data": "x"]])
            #expect(Self.mode(dir) == "700")
            #expect(Self.mode(dir + "/project.sqlite") == "600")
            #expect(Termlabel.listing(dir) == ["project.sqlite"])
        }

        @Test("--group makes it shared with the group: setgid directory 2770, database 660, both of that group")
        func sharedWithAGroup() throws {
            let scratch = try TemporaryDirectory()
            let gid = getegid()
            let name = try #require(getgrgid(gid).map { String(cString: $0.pointee.gr_name) })
            let dir = try Termlabel.makeProject(in: scratch, ontology: try Termlabel.writeOntology(in: scratch),
                                                records: [["externalId": "a", "data": "x"]], options: ["--group", name])
            #expect(Self.mode(dir) == "2770")
            #expect(Self.mode(dir + "/project.sqlite") == "660")
            #expect(Self.group(dir) == gid)
            #expect(Self.group(dir + "/project.sqlite") == gid)
        }

        @Test("--group with no such group is an error, and nothing is made")
        func noSuchGroup() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try Termlabel.writeOntology(in: scratch)
            let before = Termlabel.listing(scratch.path)
            let result = try Termlabel.attempt(["init", "p", "--ontology", ontology, "--group", "no-such-group-here"], in: scratch.path)
            #expect(result.status == 1)
            #expect(result.stderr == "termlabel: cannot make the project at p: there is no group named no-such-group-here (see `getent group`); nothing was made\n")
            #expect(Termlabel.listing(scratch.path) == before)
        }

        /// A full disk, as a file size limit: SQLite's writes fail half way through adding the tasks.
        @Test("init on a full disk leaves nothing behind, and the next init works")
        func fullDisk() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try Termlabel.writeOntology(in: scratch)
            let assets = try Self.records(5_000, in: scratch)
            let before = Termlabel.listing(scratch.path)
            // ulimit -f counts 512-byte blocks: 400 KB, room for the empty project but not the tasks.
            let failed = try Termlabel.attempt(["init", "p", "--ontology", ontology, "--assets", assets], in: scratch.path,
                                               after: "trap '' XFSZ; ulimit -f 800")
            #expect(failed.status == 1)
            #expect(failed.stdout == "")
            #expect(failed.stderr.hasPrefix("termlabel: "), "\(failed.stderr)")
            #expect(Termlabel.listing(scratch.path) == before, "a half-made project was left")
            let made = try Termlabel.run(["init", "p", "--ontology", ontology, "--assets", assets], in: scratch.path)
            #expect(made.stdout.hasSuffix("Added 5000 tasks.\nNext: termlabel label p\n"), "\(made.stdout)")
        }

        @Test("init killed at any moment leaves a whole project or none, and the next init cleans up")
        func killed() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try Termlabel.writeOntology(in: scratch)
            let assets = try Self.records(5_000, in: scratch)
            for delay in [30, 400] {
                let name = "p\(delay)"
                let result = try Termlabel.attempt(["init", name, "--ontology", ontology, "--assets", assets], in: scratch.path,
                                                   after: "(sleep \(Double(delay) / 1000); kill -9 $$) & ")
                let made = FileManager.default.fileExists(atPath: scratch.path + "/\(name)")
                if made {
                    // Finished before the kill: the project is whole.
                    #expect(try SQLiteProjectStore(directory: scratch.path + "/\(name)").count(.all) == 5_000, "status \(result.status)")
                } else {
                    #expect(result.status == 137)
                }
            }
            // What a kill during the build leaves, for certain: the build directory of a process that is gone.
            let gone = try Spawn.run(["/bin/sh", "-c", "echo $$"], in: scratch.path)
            let pid = try #require(Int32(gone.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            try FileManager.default.createDirectory(atPath: scratch.path + "/.termlabel-init.\(pid).7", withIntermediateDirectories: false)
            try Data().write(to: URL(fileURLWithPath: scratch.path + "/.termlabel-init.\(pid).7/project.sqlite"))
            let next = try Termlabel.run(["init", "after", "--ontology", ontology], in: scratch.path)
            #expect(next.status == 0)
            #expect(Termlabel.listing(scratch.path).filter { $0.hasPrefix(".termlabel-init.") } == [], "stale build directories were kept")
        }

        @Test("a failed export removes its partial file; a stale one of a dead process is removed by the next export")
        func exportPartials() throws {
            let scratch = try TemporaryDirectory()
            let ontology = try Termlabel.writeOntology(in: scratch)
            let dir = try Termlabel.makeProject(in: scratch, ontology: ontology, records: (0..<3_000).map {
                ["externalId": .string("r-\($0)"), "data": .string(String(repeating: "long text ", count: 20))]
            })
            let out = scratch.path + "/out"
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let failed = try Termlabel.attempt(["export", dir, "--stage", "Label", "-o", out + "/e.json"], in: scratch.path,
                                               after: "trap '' XFSZ; ulimit -f 200")
            #expect(failed.status == 1)
            #expect(failed.stderr.contains("writing the export failed"), "\(failed.stderr)")
            #expect(Termlabel.listing(out) == [])

            // Interrupted (SIGTERM, SIGINT, a hang-up) half way: the partial file goes with it.
            for signal in ["TERM", "INT", "HUP"] {
                let stopped = try Termlabel.attempt(["export", dir, "--stage", "Label", "-o", out + "/e.json"], in: scratch.path,
                                                    after: "(sleep 0.15; kill -\(signal) $$) &")
                let listing = Termlabel.listing(out)
                #expect(listing == [] || listing == ["e.json"] && stopped.status == 0, "SIGTERM left \(listing), status \(stopped.status)")
                try? FileManager.default.removeItem(atPath: out + "/e.json")
            }

            // A process that has ended, so its pid names no running process.
            let gone = try Spawn.run(["/bin/sh", "-c", "echo $$"], in: scratch.path)
            let pid = try #require(Int32(gone.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            try Data("[".utf8).write(to: URL(fileURLWithPath: out + "/.e.json.\(pid).partial"))
            try Termlabel.run(["export", dir, "--stage", "Label", "-o", out + "/e.json"], in: scratch.path)
            #expect(Termlabel.listing(out) == ["e.json"])
        }
    }
}
