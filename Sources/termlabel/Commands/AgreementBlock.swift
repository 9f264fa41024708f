import Foundation
import LabelCore

/// The consensus part of `stats` and the `%` screen: each annotator's agreement with the others
/// (`ConsensusAgreement`), kept apart from the labeler table so the quality figures can join it.
enum AgreementBlock {
    static let explanation =
        "Agreement: per consensus task, the share of the other annotators who gave the same answer, averaged over the top-level questions; then averaged over the annotator's consensus tasks."

    /// Text lines after the labeler table; none when the project has no consensus scores.
    static func lines(_ agreements: [ConsensusAgreement], settings: ProjectSettings) -> [String] {
        guard !agreements.isEmpty else { return [] }
        let rows = [["annotator", "consensus tasks", "agreement"]] + agreements.map {
            [settings.exportName(of: $0.user), "\($0.tasks)", String(format: "%.1f%%", $0.percent)]
        }
        let widths = (0..<3).map { i in rows.map { $0[i].count }.max() ?? 0 }
        let table = rows.map { row in
            row.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ")
        }
        return ["", explanation] + table
    }

    /// `stats --json`'s `"agreement"`: one object per annotator.
    static func json(_ agreements: [ConsensusAgreement], settings: ProjectSettings) -> JSONValue {
        .array(agreements.map {
            [
                "annotator": .string($0.user), "email": .string(settings.exportName(of: $0.user)), "consensusTasks": .int($0.tasks),
                "agreement": .number(String(format: "%.4f", $0.percent)),
            ]
        })
    }
}
