import Foundation
import LabelCore

/// A project's instructions read from a Markdown file (`init --instructions`, `config --instructions`).
enum InstructionsFile {
    /// More than this is not instructions anyone reads before labeling.
    static let maximumBytes = 1_000_000

    static func read(_ path: String) throws -> String {
        let bytes = try ProjectFiles.read(path)
        guard bytes.count <= maximumBytes else {
            throw Diagnostic(.error, "the instructions are \(bytes.count) bytes; at most \(maximumBytes) are kept", file: path,
                             hint: "shorten them, or link to the long version from them")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Diagnostic(.error, "the instructions are not UTF-8 text", file: path, hint: "save the file as UTF-8 Markdown")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw Diagnostic(.error, "the instructions file is empty", file: path,
                             hint: "write the instructions in Markdown; `termlabel config DIR --clear-instructions` removes them")
        }
        return trimmed
    }

    /// One line for `config`: how long they are and who has read them.
    static func summary(_ settings: ProjectSettings) -> String {
        guard let text = settings.instructions else { return "none (termlabel config DIR --instructions FILE)" }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let digest = InstructionsDigest.of(text)
        let readers = settings.instructionsSeen.filter { $0.value == digest }.keys.sorted()
        return "\(lines) line\(lines == 1 ? "" : "s") of Markdown; read by \(readers.isEmpty ? "nobody yet" : readers.joined(separator: ", "))"
    }
}
