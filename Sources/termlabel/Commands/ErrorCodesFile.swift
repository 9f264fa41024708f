import LabelCore

/// A project's error codes read from a JSON file (`init --error-codes`, `config --error-codes`).
enum ErrorCodesFile {
    static func read(_ path: String) throws -> [ErrorCode] {
        try ErrorCode.list(from: try ProjectFiles.read(path), file: path)
    }

    /// One line per code for `config`.
    static func summary(_ settings: ProjectSettings) -> String {
        guard !settings.errorCodes.isEmpty else { return "none (termlabel config DIR --error-codes FILE)" }
        return settings.errorCodes.map(\.label).joined(separator: "\n              ")
    }
}
