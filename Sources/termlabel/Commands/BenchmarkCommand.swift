import ArgumentParser
import CNCursesW
import DemoProject
import Foundation
import LabelCore
import TerminalUI

/// `termlabel benchmark`: measures what users feel, and prints the figures. Build in release
/// mode first: `swift run -c release termlabel benchmark`.
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Measure project set-up, export and the screen, and print the figures.",
        discussion: """
            Makes projects of --tasks/10 and --tasks tasks from generated JSON Lines in a temporary \
            directory, times `termlabel init` and `termlabel export` on each as separate processes \
            (wall time and peak memory), then draws the labeling screen at 200x60 on that project: \
            time per redraw, and bytes sent through ncurses to a pseudo-terminal per key.
            """,
        shouldDisplay: false)

    @Option(help: "Tasks in the larger project.")
    var tasks = 100_000

    @Option(help: "Key presses to time on the screen.")
    var keys = 2_000

    @Option(help: ArgumentHelp(
        "Project sizes to measure instead (10k,100k,1m): init, first frame, submit and export figures for each, beside the sqlite3 floor.",
        valueName: "sizes"))
    var sizes: String?

    @Option(help: "Submits to time per size with --sizes.")
    var submits = 200

    func validate() throws {
        try OptionRange.check(tasks, 10...10_000_000, option: "--tasks")
        try OptionRange.check(keys, 1...1_000_000, option: "--keys")
        try OptionRange.check(submits, 1...100_000, option: "--submits")
        if let sizes { _ = try SizeBenchmark.parse(sizes) }
    }

    func run() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("termlabel-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        if let sizes { return try SizeBenchmark(work: work, submits: submits).run(sizes: SizeBenchmark.parse(sizes)) }
        guard let ontology = DemoProject.ontology?.path else { throw Diagnostic(.error, "the demo ontology is missing from this build") }
        print("termlabel benchmark (\(Self.buildKind) build)")
        var largest = ""
        for n in [tasks / 10, tasks] {
            let assets = (work as NSString).appendingPathComponent("assets-\(n).jsonl")
            try Self.writeAssets(count: n, to: assets)
            let dir = (work as NSString).appendingPathComponent("p\(n)")
            let made = try ChildRun.termlabel(["init", dir, "--ontology", ontology, "--assets", assets])
            let exported = try ChildRun.termlabel(["export", dir, "--stage", "Label", "-o", (work as NSString).appendingPathComponent("e\(n).json")])
            print(String(format: "  %7d tasks: init %.2f s (peak %.0f MB) · export %.2f s (peak %.0f MB)",
                         n, made.seconds, made.peakMB, exported.seconds, exported.peakMB))
            largest = dir
        }
        try screen(project: largest)
    }

    static var buildKind: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }

    static func writeAssets(count: Int, to path: String) throws {
        var text = ""
        text.reserveCapacity(count * 160)
        for i in 0..<count {
            text += #"{"externalId":"r-\#(i)","data":"Review \#(i): the battery lasts all day, 価格は高い but worth it. Delivery took \#(i % 9) days.","metadata":{"stars":\#(i % 5 + 1)}}"#
            text += "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The labeling screen on the large project: redraw time, and bytes through ncurses per key.
    func screen(project: String) throws {
        let store = try SQLiteProjectStore(directory: project)
        let session = try LabelController(store: store, stage: .label, user: "bench", clock: ManualClock(0))
        var frame = Screen(width: 200, height: 60)
        LabelApp.draw(session, on: &frame)

        // Redraw time: a key moving the queue selection, then the frame drawn (as the screen's
        // loop draws it: only the panes that changed) and diffed.
        session.pane = .queue
        let panes = PaneMemo()
        LabelApp.draw(session, on: &frame, memo: panes)
        var previous = frame
        var changed = 0
        let start = ContinuousClock.now
        for i in 0..<keys {
            try session.handle(i % 200 < 100 ? .down : .up)
            LabelApp.draw(session, on: &frame, memo: panes)
            changed += ScreenDiff.cellCount(ScreenDiff.changes(from: previous, to: frame))
            previous = frame
        }
        let perKey = (ContinuousClock.now - start) / keys
        print(String(format: "  200x60 redraw after a key (queue of %d tasks): %.3f ms, %d cells changed on average",
                     try store.count(.all), Double(perKey.components.attoseconds) / 1e15 + Double(perKey.components.seconds) * 1000,
                     changed / keys))

        // Bytes: the real ncurses renderer on a pseudo-terminal of 200x60.
        var main: Int32 = -1, secondary: Int32 = -1
        guard cn_openpty(&main, &secondary) == 0 else { throw Diagnostic(.error, "no pseudo-terminal available") }
        defer { close(main); close(secondary) }
        _ = cn_set_window_size(secondary, 60, 200)
        _ = fcntl(main, F_SETFL, fcntl(main, F_GETFL) | O_NONBLOCK)
        let terminal = try CursesTerminal(terminalType: "xterm-256color", input: secondary, output: secondary, tickMilliseconds: 1)
        defer { terminal.close() }
        func drain() -> Int {
            var total = 0
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(main, &buffer, buffer.count)
                if n <= 0 { return total }
                total += n
            }
        }
        func draw() -> Int {
            LabelApp.draw(session, on: &frame, memo: panes)
            terminal.render(frame, cursor: nil)
            return drain()
        }
        let first = draw()
        var rows: [Int] = []
        for _ in 0..<50 {
            try session.handle(.down)
            rows.append(draw())
        }
        session.pane = .form
        var form: [Int] = []
        for _ in 0..<3 {
            try session.handle(.down)
            form.append(draw())
        }
        print("  bytes to the terminal: first frame \(first); queue selection one row: \(rows.min()!)–\(rows.max()!) (median \(rows.sorted()[rows.count / 2])); form cursor one row: \(form.min()!)–\(form.max()!)")
    }
}
