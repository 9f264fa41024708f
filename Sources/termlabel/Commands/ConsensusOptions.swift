import ArgumentParser
import LabelCore

/// `--consensus N` and `--consensus-threshold PERCENT`, for `init` and `config`.
struct ConsensusOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "How many different annotators answer each task: 2 or more asks for a consensus (scored as Ango does); 1 turns it off.",
        valueName: "N"))
    var consensus: Int?

    @Option(help: ArgumentHelp(
        "With a consensus: a task whose score (0–100) reaches this goes straight to Complete, a lower one to Review; off: every task goes to Review.",
        valueName: "percent|off"))
    var consensusThreshold: String?

    var given: Bool { consensus != nil || consensusThreshold != nil }

    /// What the options set, checked: (N, threshold), a threshold of .some(nil) removing it.
    func checked() throws -> (count: Int?, threshold: Int??) {
        if let consensus, !(1...50).contains(consensus) {
            throw Diagnostic(.error, "--consensus takes a number of annotators from 1 (off) to 50, got \(consensus)")
        }
        guard let text = consensusThreshold else { return (consensus, nil) }
        if text.lowercased() == "off" { return (consensus, .some(nil)) }
        guard let value = Int(text.hasSuffix("%") ? String(text.dropLast()) : text), (0...100).contains(value) else {
            throw Diagnostic(.error, "--consensus-threshold takes a score from 0 to 100, or off; got \"\(text)\"")
        }
        return (consensus, .some(value))
    }

    func apply(to settings: inout ProjectSettings) throws {
        let (count, threshold) = try checked()
        if let count { settings.consensus = count }
        if let threshold { settings.consensusThreshold = threshold }
    }

    /// The setting in words, for `config` and `init`.
    static func summary(_ s: ProjectSettings) -> String {
        guard s.consensus > 1 else { return "off (one annotator a task)" }
        let threshold = s.consensusThreshold.map { "a score of \($0) or more goes straight to Complete" } ?? "no threshold"
        return "\(s.consensus) annotators a task, \(threshold)"
    }
}
