import Foundation

/// A line on standard error that says how a long import or export is going (count, rate, time
/// left), redrawn in place with a carriage return and cleared at the end. Silent when standard
/// error is not a terminal (a script or a log reads nothing of it) or with `--quiet`.
struct ProgressLine {
    let noun: String
    let enabled: Bool
    private let start = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var width = 0

    /// Redrawn at most this often.
    static let interval = Duration.milliseconds(250)
    /// Nothing shows for work that ends sooner.
    static let delay = Duration.seconds(1)

    init(noun: String, quiet: Bool) {
        self.noun = noun
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// `done` of `total` units of work (bytes of a file, tasks of a project), `count` things so far.
    mutating func update(count: Int, done: Int, total: Int) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - start >= Self.delay, lastDrawn.map({ now - $0 >= Self.interval }) ?? true else { return }
        lastDrawn = now
        let seconds = Self.seconds(now - start)
        var text = "\(count) \(noun)"
        if seconds > 0 { text += String(format: " · %.0f/s", Double(count) / seconds) }
        if total > 0, done > 0, done < total {
            let left = seconds * Double(total - done) / Double(done)
            text += String(format: " · %d%% · %@ left", done * 100 / total, Self.duration(left))
        }
        draw(text)
    }

    /// Clears the line.
    mutating func finish() {
        guard enabled, width > 0 else { return }
        write("\r" + String(repeating: " ", count: width) + "\r")
        width = 0
    }

    private mutating func draw(_ text: String) {
        let padded = text.count < width ? text + String(repeating: " ", count: width - text.count) : text
        width = max(width, text.count)
        write("\r" + padded)
    }

    private func write(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60) min \(s % 60) s" : "\(s) s"
    }
}

/// A progress line that an export's writer, which may be told from a `@Sendable` closure, updates.
final class ProgressBox: @unchecked Sendable {
    // Only ever used from the thread running the command.
    private var line: ProgressLine
    init(_ line: ProgressLine) { self.line = line }
    func update(count: Int, done: Int, total: Int) { line.update(count: count, done: done, total: total) }
    func finish() { line.finish() }
}
