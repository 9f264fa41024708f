import ArgumentParser
import Foundation
import LabelCore
import TerminalUI

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or change a project's settings: idle timeout, claim lease, auto-advance, images, instructions, error codes, gold-task rate, user e-mails.",
        discussion: """
            Users are named by their login and host (`alice@labelbox1`). Map them to the e-mail \
            addresses Ango uses with --email, so exports say `alice@example.com` in updatedBy, \
            completedBy and answer metadata. A mapping for a bare login applies on every host.
            """)

    @OptionGroup var project: ProjectOption

    @Option(help: ArgumentHelp("Seconds without input before time counts as idle.", valueName: "seconds"))
    var idleTimeout: Double?

    @Option(help: ArgumentHelp(
        "Minutes without activity after which a task an annotator holds is served to others (their draft goes with it).",
        valueName: "minutes"))
    var claimLease: Double?

    @Option(help: ArgumentHelp(
        "on: `termlabel label` submits as soon as a form whose only required question is single-choice is answered (u on the next task takes it back); off: only s submits.",
        valueName: "on|off"))
    var autoAdvance: Switch?

    @Option(help: ArgumentHelp(
        "How `termlabel label` and `review` draw pictures here unless their --image says otherwise: auto, kitty, iterm, sixel, symbols or none.",
        valueName: "protocol"))
    var image: ImageProtocol?

    @Option(help: ArgumentHelp(
        "Set the instructions annotators read (Markdown): each sees them once when they next open the project, and on I.",
        valueName: "file"), completion: .file())
    var instructions: String?

    @Flag(help: "Remove the project's instructions.")
    var clearInstructions = false

    @Option(help: ArgumentHelp(
        "Set the error codes an issue may report: a JSON array of {\"category\", \"name\", \"key\"} (an empty array removes them). Issues already opened keep the code they were given.",
        valueName: "file"), completion: .file())
    var errorCodes: String?

    @OptionGroup var consensus: ConsensusOptions

    @Option(help: ArgumentHelp(
        "Percent of each annotator's tasks that are gold tasks (added with `add --benchmark`), 0 to 100; 0 serves none.",
        valueName: "percent"))
    var benchmarkRate: Int?

    enum Switch: String, ExpressibleByArgument, CaseIterable {
        case on, off
    }

    @Option(name: .customLong("email"), parsing: .singleValue,
            help: ArgumentHelp("Map a user to an e-mail, as user=email (repeatable; an empty e-mail removes the mapping).", valueName: "user=email"))
    var emails: [String] = []

    func run() throws {
        try Console.run {
            let store = try project.open()
            var pairs: [(String, String)] = []
            for item in emails {
                guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                    throw Diagnostic(.error, "--email takes user=email, got \"\(item)\"")
                }
                pairs.append((String(item[..<eq]), String(item[item.index(after: eq)...])))
            }
            let timeout = try idleTimeout.map(OptionRange.idleTimeoutMilliseconds)
            if let claimLease, !(claimLease >= 1 && claimLease <= 10_080) {
                throw Diagnostic(.error, "--claim-lease takes minutes from 1 to 10080 (a week), got \(claimLease)")
            }
            if instructions != nil, clearInstructions {
                throw Diagnostic(.error, "--instructions and --clear-instructions cannot go together")
            }
            let newInstructions = try instructions.map(InstructionsFile.read)
            let codes = try errorCodes.map(ErrorCodesFile.read)
            let rate = try benchmarkRate.map(OptionRange.benchmarkRate)
            let (consensusCount, consensusThreshold) = try consensus.checked()
            if timeout != nil || claimLease != nil || !pairs.isEmpty || autoAdvance != nil || image != nil || newInstructions != nil
                || clearInstructions || codes != nil || consensus.given || rate != nil {
                let picture = image?.rawValue
                let clear = clearInstructions
                let advance = autoAdvance.map { $0 == .on }
                let lease = claimLease.map { Int64(($0 * 60_000).rounded()) }
                let changes = pairs
                try store.updateSettings { s in
                    if let timeout { s.idleTimeoutMilliseconds = timeout }
                    if let lease { s.claimLeaseMilliseconds = lease }
                    if let advance { s.autoAdvance = advance }
                    if let picture { s.imageProtocol = picture }
                    for (user, email) in changes { s.emails[user] = email.isEmpty ? nil : email }
                    if let newInstructions { s.instructions = newInstructions }
                    if clear { s.instructions = nil }
                    if let codes { s.errorCodes = codes }
                    if let consensusCount { s.consensus = consensusCount }
                    if let consensusThreshold { s.consensusThreshold = consensusThreshold }
                    if let rate { s.benchmarkRate = rate }
                }
            }
            let s = try store.settings()
            Console.out("""
                project:      \(s.name)
                workflow:     \(s.workflow.stages.map(\.name).joined(separator: " → "))
                idle timeout: \(TimeText.seconds(s.idleTimeoutMilliseconds))
                claim lease:  \(TimeText.seconds(s.claimLeaseMilliseconds)) without activity
                auto-advance: \(s.autoAdvance ? "on" : "off")
                consensus:    \(ConsensusOptions.summary(s))
                images:       \(s.imageProtocol)
                instructions: \(InstructionsFile.summary(s))
                error codes:  \(ErrorCodesFile.summary(s))
                gold tasks:   \(s.benchmarkRate)% of each annotator's tasks
                created:      \(s.createdAt.iso8601)
                e-mails:      \(s.emails.isEmpty ? "none" : s.emails.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: "\n              "))
                """)
        }
    }
}
