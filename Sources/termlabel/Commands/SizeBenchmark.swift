import Foundation
import LabelCore
import TerminalUI

/// `termlabel benchmark --sizes 10k,100k,1m`: for each project size, what a user waits for —
/// init from JSON Lines and from an Ango export with answers, the first frame for a user with
/// and without a task, submit to the next task's frame, export — beside the `sqlite3` shell
/// loading or dumping the same rows (the floor), as a ratio.
struct SizeBenchmark {
    let work: String
    let submits: Int

    /// "10k,100k,1m" → [10_000, 100_000, 1_000_000].
    static func parse(_ text: String) throws -> [Int] {
        try text.split(separator: ",").map { part in
            let lower = part.trimmingCharacters(in: .whitespaces).lowercased()
            let (digits, factor) = lower.hasSuffix("m") ? (lower.dropLast(), 1_000_000) : lower.hasSuffix("k") ? (lower.dropLast(), 1_000) : (Substring(lower), 1)
            guard let n = Int(digits), n > 0, n * factor <= 10_000_000 else {
                throw Diagnostic(.error, "--sizes takes sizes such as 10k,100k,1m (at most 10m), not \"\(part)\"")
            }
            return n * factor
        }
    }

    struct Run {
        var seconds: Double
        var peakMB: Double
    }

    func run(sizes: [Int]) throws {
        let ontology = (work as NSString).appendingPathComponent("ontology.json")
        try BenchmarkInputs.ontology.write(toFile: ontology, atomically: true, encoding: .utf8)
        print("termlabel benchmark --sizes (\(BenchmarkCommand.buildKind) build; medians where repeated; the machine may be noisy)")
        for n in sizes {
            let records = path("records-\(n).jsonl")
            let ango = path("ango-\(n).json")
            try BenchmarkInputs.writeRecords(count: n, to: records)
            try BenchmarkInputs.writeAngoExport(count: n, to: ango)
            let plain = path("plain-\(n)")
            let imported = path("ango-\(n)")
            let initPlain = try ChildRun.termlabel(["init", plain, "--ontology", ontology, "--assets", records, "--quiet"])
            let initAngo = try ChildRun.termlabel(["init", imported, "--ontology", ontology, "--assets", ango, "--quiet"])
            let floorPlain = try floorLoad(plain, name: "plain-\(n)")
            let floorAngo = try floorLoad(imported, name: "ango-\(n)")
            let exportFile = path("export-\(n).json")
            let export = try ChildRun.termlabel(["export", imported, "-o", exportFile])
            let exportMB = Double((try? FileManager.default.attributesOfItem(atPath: exportFile)[.size] as? Int) ?? 0) / 1e6
            let floorExport = try floorDump(imported)
            try? FileManager.default.removeItem(atPath: exportFile)
            try? FileManager.default.removeItem(atPath: ango)

            let screen = try screenFigures(project: plain, tasks: n)
            print(String(format: "  %@ tasks", Self.size(n)))
            print(String(format: "    init from JSON Lines         %8.2f s  peak %6.0f MB   sqlite3 floor %6.2f s  (%.1fx)",
                         initPlain.seconds, initPlain.peakMB, floorPlain.seconds, initPlain.seconds / floorPlain.seconds))
            print(String(format: "    init from an Ango export     %8.2f s  peak %6.0f MB   sqlite3 floor %6.2f s  (%.1fx)",
                         initAngo.seconds, initAngo.peakMB, floorAngo.seconds, initAngo.seconds / floorAngo.seconds))
            print(String(format: "    export with answers (%4.0f MB) %7.2f s  peak %6.0f MB   sqlite3 floor %6.2f s  (%.1fx)",
                         exportMB, export.seconds, export.peakMB, floorExport.seconds, export.seconds / floorExport.seconds))
            print(String(format: "    first frame, user without a task  %7.2f ms   with a task %7.2f ms",
                         screen.openWithout, screen.openWith))
            print(String(format: "    submit → next frame over %d submits: p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  (CPU p50 %.2f ms  p99 %.2f ms)",
                         submits, screen.p50, screen.p95, screen.p99, screen.cpu50, screen.cpu99))
            print(String(format: "      of which the submit key (store, list counted) p50 %.2f ms  CPU p50 %.2f ms;  the frame (list rows read, drawn) p50 %.2f ms  CPU p50 %.2f ms",
                         screen.key50, screen.keyCPU50, screen.frame50, screen.frameCPU50))
            let floor = try CommitFloor.measure(path: path("commit-floor.sqlite"), count: submits)
            print(String(format: "      the disk's floor: a one-row durable commit (WAL, synchronous=FULL) p50 %.2f ms  p95 %.2f ms  p99 %.2f ms",
                         Self.percentile(floor, 0.5), Self.percentile(floor, 0.95), Self.percentile(floor, 0.99)))
            try? FileManager.default.removeItem(atPath: imported)
            try? FileManager.default.removeItem(atPath: plain)
            try? FileManager.default.removeItem(atPath: records)
        }
    }

    func path(_ name: String) -> String { (work as NSString).appendingPathComponent(name) }

    static func size(_ n: Int) -> String {
        n % 1_000_000 == 0 ? "\(n / 1_000_000)m" : n % 1_000 == 0 ? "\(n / 1_000)k" : "\(n)"
    }

    /// The floor of init: the `sqlite3` shell loading the project's own rows (its `.dump`: the same
    /// schema, indexes, triggers and JSON texts) into a new database, in one transaction.
    func floorLoad(_ project: String, name: String) throws -> Run {
        let dump = path("\(name).sql")
        _ = try Self.spawn(["/usr/bin/env", "sqlite3", (project as NSString).appendingPathComponent(SQLiteProjectStore.fileName), ".dump"], stdout: dump)
        let target = path("\(name)-floor.sqlite")
        let run = try Self.spawn(["/usr/bin/env", "sqlite3", "-cmd", "PRAGMA journal_mode=WAL", "-cmd", "PRAGMA synchronous=FULL", target],
                                 stdin: dump, stdout: "/dev/null")
        for file in [dump, target, target + "-wal", target + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
        return run
    }

    /// The floor of export: the `sqlite3` shell writing the exported tasks' rows and their
    /// history (the JSON texts an export is made of) to a file.
    func floorDump(_ project: String) throws -> Run {
        let out = path("floor-dump.txt")
        let run = try Self.spawn(["/usr/bin/env", "sqlite3", "-readonly", (project as NSString).appendingPathComponent(SQLiteProjectStore.fileName),
                                  "SELECT asset, externalId, metadata, batches, taskId, annotations FROM task WHERE stage = 'Complete'; SELECT entry FROM history;"],
                                 stdout: out)
        try? FileManager.default.removeItem(atPath: out)
        return run
    }

    /// Runs a program with its standard input and output redirected; wall time and its own peak
    /// memory (`ChildRun`: not wait4's, which starts from this process's high-water mark).
    static func spawn(_ argv: [String], stdin: String? = nil, stdout: String) throws -> Run {
        let run = try ChildRun.run(argv, stdin: stdin, stdout: stdout)
        return Run(seconds: run.seconds, peakMB: run.peakMB)
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    struct Screen {
        var openWithout: Double
        var openWith: Double
        var p50: Double
        var p95: Double
        var p99: Double
        /// CPU time of this thread (the machine's load does not count; the waits for the disk do not either).
        var cpu50: Double
        var cpu99: Double
        /// The submit key handled (the store's work, the list counted again), then the frame
        /// (the list's rows read, the frame drawn): medians of wall and CPU time.
        var key50: Double
        var keyCPU50: Double
        var frame50: Double
        var frameCPU50: Double
    }

    /// The value below which `p` of the sorted `values` lie.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        values[min(values.count - 1, max(0, Int((Double(values.count) * p).rounded(.up)) - 1))]
    }

    static func threadCPUMilliseconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
    }

    /// In this process, on the project from JSON Lines with its first half already labeled (so
    /// the next free task is deep in the list): the first frame (the project opened, the session
    /// made, the frame drawn) for users without a task and again once they hold one; then submit
    /// to the next task's frame.
    func screenFigures(project: String, tasks: Int) throws -> Screen {
        _ = try Self.spawn(["/usr/bin/env", "sqlite3", (project as NSString).appendingPathComponent(SQLiteProjectStore.fileName),
                            "UPDATE task SET stage = 'Complete', status = 'submitted' WHERE id <= \(tasks / 2)"], stdout: "/dev/null")
        let store = try SQLiteProjectStore(directory: project)
        func firstFrame(_ user: String) throws -> Double {
            let start = ContinuousClock.now
            let store = try SQLiteProjectStore(directory: project)
            let session = try LabelController(store: store, stage: .label, user: user, clock: ManualClock(0))
            var frame = TerminalUI.Screen(width: 200, height: 60)
            _ = LabelApp.draw(session, on: &frame)
            return Self.milliseconds(ContinuousClock.now - start)
        }
        let users = (1...7).map { "new-\($0)" }
        let without = try users.map(firstFrame).sorted()
        let with = try users.map(firstFrame).sorted()

        // As the labeling screen does: checkpoints off the commits.
        try store.checkpointInBackground()
        let session = try LabelController(store: store, stage: .label, user: "bench", clock: ManualClock(0))
        var frame = TerminalUI.Screen(width: 200, height: 60)
        // As the screen's loop draws: panes whose inputs did not change are not drawn again.
        let panes = PaneMemo()
        _ = LabelApp.draw(session, on: &frame, memo: panes)
        var times: [Double] = [], cpu: [Double] = []
        var keyTimes: [Double] = [], keyCPU: [Double] = [], frameTimes: [Double] = [], frameCPU: [Double] = []
        for i in 0..<(submits + 10) {
            try session.handle(.character("1"))
            _ = LabelApp.draw(session, on: &frame, memo: panes)
            let start = ContinuousClock.now
            let startCPU = Self.threadCPUMilliseconds()
            try session.handle(.character("s"))
            let handled = ContinuousClock.now
            let handledCPU = Self.threadCPUMilliseconds()
            _ = LabelApp.draw(session, on: &frame, memo: panes)
            if i >= 10 {
                let end = ContinuousClock.now, endCPU = Self.threadCPUMilliseconds()
                times.append(Self.milliseconds(end - start))
                cpu.append(endCPU - startCPU)
                keyTimes.append(Self.milliseconds(handled - start))
                keyCPU.append(handledCPU - startCPU)
                frameTimes.append(Self.milliseconds(end - handled))
                frameCPU.append(endCPU - handledCPU)
            }
        }
        let median = { (values: [Double]) in Self.percentile(values.sorted(), 0.5) }
        times.sort()
        cpu.sort()
        return Screen(openWithout: without[without.count / 2], openWith: with[with.count / 2],
                      p50: Self.percentile(times, 0.5), p95: Self.percentile(times, 0.95), p99: Self.percentile(times, 0.99),
                      cpu50: Self.percentile(cpu, 0.5), cpu99: Self.percentile(cpu, 0.99),
                      key50: median(keyTimes), keyCPU50: median(keyCPU), frame50: median(frameTimes), frameCPU50: median(frameCPU))
    }
}
