import ArgumentParser
import DemoProject
import Foundation
import LabelCore
import PostgresStore
import Synchronization
import TerminalUI

/// `termlabel benchmark-store`: the store alone under load (no screen), so a team can size its
/// PostgreSQL server; and a project of --scale tasks on PostgreSQL beside SQLite.
struct StoreBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark-store",
        abstract: "Load-test the project store: simulated annotators claiming and submitting as fast as they can.",
        discussion: """
            For each count in --annotators, makes a project of --tasks tasks and runs that many \
            annotators, each a thread with its own connection, claiming the next task and submitting \
            it as fast as they can for --seconds: claims per second, claim and claim+submit latency \
            (p50, p99), and tasks served to two annotators (must be 0), checked against the project's \
            history afterwards. Without --postgres, on SQLite in a temporary directory.

            With --scale N, also makes a project of N tasks in each store (`termlabel init` as a \
            process) and measures what an annotator feels: open to first frame, claim+submit with \
            four annotators at once, and `termlabel export` as a process (time and peak memory).

            The server needs max_connections above the largest annotator count.
            """,
        shouldDisplay: false)

    @Option(help: ArgumentHelp("The PostgreSQL database to test (a schema is made and dropped per run).", valueName: "url"))
    var postgres: String?

    @Option(help: ArgumentHelp("Annotator counts, comma-separated.", valueName: "list"))
    var annotators = "1,8,64,256"

    @Option(help: ArgumentHelp("Seconds per annotator count.", valueName: "seconds"))
    var seconds = 10.0

    @Option(help: ArgumentHelp("Tasks in each load-test project.", valueName: "n"))
    var tasks = 50_000

    @Option(help: ArgumentHelp("Also compare a project of this many tasks on PostgreSQL and SQLite (0: no).", valueName: "n"))
    var scale = 0

    func run() throws {
        try Console.run {
            let counts = annotators.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !counts.isEmpty, counts.allSatisfy({ (1...2000).contains($0) }) else {
                throw ValidationError("--annotators takes counts from 1 to 2000, comma-separated, such as 1,8,64,256")
            }
            let url = try postgres.map { try DatabaseURL(parsing: $0) }
            let backend = url.map { "PostgreSQL at \($0)" } ?? "SQLite"
            print("termlabel benchmark-store (\(BenchmarkCommand.buildKind) build): \(backend), \(tasks) tasks per run, \(seconds) s per run")
            print("| annotators | claims/s | claim p50 | claim p99 | claim+submit p50 | claim+submit p99 | served twice |")
            print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
            for n in counts {
                let result = try StoreLoad.run(annotators: n, seconds: seconds, tasks: tasks, postgres: url)
                print(result.row)
            }
            if scale > 0 { try StoreScale.run(tasks: scale, postgres: url) }
        }
    }
}

/// One load-test run: a new project, `annotators` threads for `seconds`, figures.
enum StoreLoad {
    struct Result {
        var annotators: Int
        var claims: Int
        var seconds: Double
        var claim: [Double]
        var cycle: [Double]
        var servedTwice: Int
        var drained: Bool

        var row: String {
            func ms(_ values: [Double], _ q: Double) -> String { String(format: "%.2f ms", Latency.percentile(values, q)) }
            return "| \(annotators) | \(Int((Double(claims) / seconds).rounded()))\(drained ? " (drained)" : "") | \(ms(claim, 0.5)) | \(ms(claim, 0.99)) | \(ms(cycle, 0.5)) | \(ms(cycle, 0.99)) | \(servedTwice) |"
        }
    }

    static func run(annotators: Int, seconds: Double, tasks: Int, postgres: DatabaseURL?) throws -> Result {
        try ScratchProject.with(tasks: tasks, postgres: postgres) { try measure(annotators: annotators, seconds: seconds, on: $0) }
    }

    /// `annotators` threads, each with its own store, claiming and submitting for `seconds`.
    static func measure(annotators: Int, seconds: Double, on project: ScratchProject) throws -> Result {
        do {
            let stores = try (0..<annotators).map { _ in try project.open() }
            let served = Mutex<[Int64]>([])
            let latencies = Mutex<(claim: [Double], cycle: [Double])>(([], []))
            let failures = Mutex<[String]>([])
            let drained = Atomic<Bool>(false)
            let start = DispatchSemaphore(value: 0)
            let done = DispatchGroup()
            let deadline = Mutex<ContinuousClock.Instant>(.now)
            for (index, store) in stores.enumerated() {
                done.enter()
                let thread = Thread {
                    defer { done.leave() }
                    start.wait()
                    let user = "annotator\(index)"
                    var mine: [Int64] = []
                    var claimTimes: [Double] = []
                    var cycleTimes: [Double] = []
                    let end = deadline.withLock { $0 }
                    do {
                        while ContinuousClock.now < end {
                            let t0 = ContinuousClock.now
                            guard let task = try store.claimNext(stage: .label, user: user) else {
                                drained.store(true, ordering: .relaxed)
                                break
                            }
                            let t1 = ContinuousClock.now
                            _ = try store.submit(Submission(
                                taskId: task.id, stage: .label, user: user,
                                classifications: [["schemaId": "q", "tool": "radio", "title": "Q", "answer": "A", "classifications": []]],
                                time: TimeSpent(active: 1000, idle: 0), at: .now()))
                            let t2 = ContinuousClock.now
                            mine.append(task.id)
                            claimTimes.append(Latency.milliseconds(t1 - t0))
                            cycleTimes.append(Latency.milliseconds(t2 - t0))
                        }
                    } catch {
                        failures.withLock { $0.append("\(user): \(error)") }
                    }
                    served.withLock { $0 += mine }
                    latencies.withLock { $0.claim += claimTimes; $0.cycle += cycleTimes }
                }
                thread.stackSize = 1 << 20
                thread.start()
            }
            let began = ContinuousClock.now
            deadline.withLock { $0 = began + .milliseconds(Int64(seconds * 1000)) }
            for _ in stores { start.signal() }
            done.wait()
            let elapsed = Latency.milliseconds(ContinuousClock.now - began) / 1000
            if let first = failures.withLock({ $0.first }) { throw Diagnostic(.error, "an annotator failed: \(first)") }
            let ids = served.withLock { $0 }
            // Twice by the threads' own account, and by the project's: a Label entry per task at most.
            let twice = ids.count - Set(ids).count
            let recorded = try project.labelEntries()
            let all = latencies.withLock { $0 }
            return Result(annotators: annotators, claims: ids.count, seconds: min(elapsed, seconds), claim: all.claim, cycle: all.cycle,
                          servedTwice: max(twice, recorded.count - Set(recorded).count), drained: drained.load(ordering: .relaxed))
        }
    }
}

/// Percentiles of latencies in milliseconds.
enum Latency {
    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    static func percentile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))]
    }
}
