import Foundation
import LabelCore

/// The consensus part of `stats --json`: each annotator's agreement with the others
/// (`ConsensusAgreement`), as its own list; the quality block (`AnnotatorQuality`) shows the same figure.
enum AgreementBlock {
    static let explanation =
        "Agreement: per consensus task, the share of the other annotators who gave the same answer, averaged over the top-level questions; then averaged over the annotator's consensus tasks."

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
