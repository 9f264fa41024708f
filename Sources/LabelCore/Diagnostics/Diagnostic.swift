/// A problem found in a file, said so a person can act on it: what is wrong, where
/// (`file:line:column` and the JSON path), and, when we know, what to do about it.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var message: String
    public var file: String?
    public var location: SourceLocation?
    public var path: JSONPath?
    public var hint: String?

    public init(
        _ severity: Severity = .error, _ message: String, file: String? = nil, location: SourceLocation? = nil,
        path: JSONPath? = nil, hint: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.file = file
        self.location = location
        self.path = path
        self.hint = hint
    }

    public static func error(_ message: String, at path: JSONPath? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, path: path, hint: hint)
    }

    public static func warning(_ message: String, at path: JSONPath? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, path: path, hint: hint)
    }

    /// `reviews.json:12:7: error: message (at $.classifications[0].options[1])` and the hint below.
    public var description: String {
        var place = file ?? ""
        if let location { place += place.isEmpty ? "\(location)" : ":\(location)" }
        var text = place.isEmpty ? "\(severity.rawValue): \(message)" : "\(place): \(severity.rawValue): \(message)"
        if let path, !path.components.isEmpty { text += " (at \(path))" }
        if let hint { text += "\n    \(hint)" }
        return text
    }

    /// Adds the file name and, found again from the path, the line and column.
    public func located(in file: String, bytes: [UInt8]?) -> Diagnostic {
        var copy = self
        copy.file = copy.file ?? file
        if copy.location == nil, let path, let bytes { copy.location = JSONParser.location(of: path, in: bytes) }
        return copy
    }

    /// Adds the file name and the line:column of each diagnostic's path, reading `bytes` once.
    public static func located(_ diagnostics: [Diagnostic], in file: String, bytes: [UInt8]?) -> [Diagnostic] {
        let wanted = diagnostics.compactMap { $0.location == nil ? $0.path : nil }
        let places = bytes.map { JSONParser.locations(of: Set(wanted), in: $0) } ?? [:]
        return diagnostics.map { d in
            var copy = d
            copy.file = copy.file ?? file
            if copy.location == nil, let path = copy.path { copy.location = places[path] }
            return copy
        }
    }

    /// A JSON syntax error as a diagnostic.
    public init(_ error: JSONSyntaxError, file: String?, lineOffset: Int = 0) {
        self.init(
            .error, error.message, file: file,
            location: SourceLocation(line: error.location.line + lineOffset, column: error.location.column),
            path: error.path,
            hint: error.isDuplicateKey
                ? "keep one of the two; the rest of the file was not read"
                : "fix the JSON syntax at this place; the rest of the file was not read")
    }
}

/// One or more problems that stop an operation. Its description lists them all, errors first.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
