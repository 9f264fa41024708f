import ArgumentParser
import LabelCore

/// Checks for the numbers given on the command line. swift-argument-parser reads `inf`, `nan`
/// and `1e300` as valid doubles; converting those to a whole number of milliseconds would stop
/// the program, so every numeric option is checked here first and refused in words.
enum OptionRange {
    /// `--benchmark-rate`: a whole percent from 0 to 100, or an error that says so.
    static func benchmarkRate(_ percent: Int) throws -> Int {
        guard (0...100).contains(percent) else {
            throw Diagnostic(.error, "--benchmark-rate takes a whole percent from 0 to 100, got \(percent)",
                             hint: "for example --benchmark-rate 10: one task in ten is a gold task")
        }
        return percent
    }

    /// The idle timeout a project may have: from one second to one day.
    static let idleTimeoutSeconds: ClosedRange<Double> = 1...86_400

    /// `--idle-timeout` in milliseconds, or an error that says what is allowed.
    static func idleTimeoutMilliseconds(_ seconds: Double) throws -> Int64 {
        guard seconds.isFinite, idleTimeoutSeconds.contains(seconds) else {
            throw Diagnostic(.error, "--idle-timeout must be a number of seconds from 1 to 86400 (one day), got \(describe(seconds))",
                             hint: "for example --idle-timeout 300 (five minutes, as in Ango)")
        }
        return Int64((seconds * 1000).rounded())
    }

    /// A whole-number option, checked against its range (from a command's `validate()`).
    static func check(_ value: Int, _ range: ClosedRange<Int>, option: String) throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) must be from \(range.lowerBound) to \(range.upperBound), got \(value)")
        }
    }

    static func describe(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
