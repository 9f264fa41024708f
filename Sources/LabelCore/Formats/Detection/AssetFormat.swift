/// One format an assets file can be in: how to recognise it, and how to read it.
///
/// To add a format, write a type conforming to this protocol in its own folder under `Formats/`
/// and add an instance to `FormatRegistry.formats`. `detect` looks only at the shape of what is
/// in `AssetSource` (the parsed document, the first records, the CSV header) and says how sure it
/// is; the registry reads the file with the surest format, or with the one `--format` names.
public protocol AssetFormat: Sendable {
    /// The name `--format` takes: lowercase, with hyphens (`label-studio`).
    var name: String { get }
    /// What a person calls it, after "this looks like" (`a Label Studio export`).
    var title: String { get }
    /// Whether termlabel reads it as assets. A format that is recognised but not read (an
    /// ontology given as assets, another tool's object-detection data) gets a message instead.
    var reads: Bool { get }
    /// What to do instead, for a format that is recognised but not read.
    var hint: String? { get }
    /// How sure this format is that the source is in it, and what it saw; nil when it is not.
    func detect(_ source: AssetSource) -> Detection?
    /// Reads the whole source. Only called when `reads` is true.
    func read(_ source: AssetSource) throws(DiagnosticsError) -> AssetFile
}

extension AssetFormat {
    public var reads: Bool { true }
    public var hint: String? { nil }
    public func read(_ source: AssetSource) throws(DiagnosticsError) -> AssetFile {
        throw DiagnosticsError(Diagnostic(.error, "termlabel does not read \(title) as assets", file: source.file))
    }
}

/// What a detector saw: how sure it is (0–100) and the evidence, in words, for messages
/// (`tasks with "data" and "annotations"`).
public struct Detection: Equatable, Sendable {
    public var confidence: Int
    public var evidence: String

    public init(_ confidence: Int, _ evidence: String) {
        self.confidence = confidence
        self.evidence = evidence
    }

    /// The shape is the format's own (keys no other format has).
    public static func certain(_ evidence: String) -> Detection { Detection(90, evidence) }
    /// The shape fits, and fits this format best.
    public static func likely(_ evidence: String) -> Detection { Detection(60, evidence) }
    /// The shape fits, but so would others'.
    public static func possible(_ evidence: String) -> Detection { Detection(30, evidence) }
}
