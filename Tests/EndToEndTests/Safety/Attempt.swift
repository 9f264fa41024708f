import Foundation
import LabelCore

extension Termlabel {
    /// Runs a command that may fail; the test looks at its status and output.
    static func attempt(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> SpawnResult {
        try Spawn.run([try binary()] + arguments, environment: environment, in: directory)
    }

    /// Runs a command through `sh` with `setup` first (a `ulimit`, a `trap`).
    static func attempt(_ arguments: [String], in directory: String, after setup: String) throws -> SpawnResult {
        try Spawn.run(["/bin/sh", "-c", setup + "\nexec \"$@\"", "sh", try binary()] + arguments, in: directory)
    }

    /// The names in a directory, hidden ones included, sorted.
    static func listing(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    /// The ontology every safety test uses: one radio question.
    static func writeOntology(in scratch: TemporaryDirectory) throws -> String {
        try SmallOntology.write(in: scratch)
    }
}
