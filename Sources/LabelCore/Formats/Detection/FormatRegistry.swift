/// Every format termlabel recognises in an assets file, and the one place that picks which
/// reads a file. `init`, `add` and `validate` all read through here, so they agree on every file.
public enum FormatRegistry {
    /// In order of preference when two are equally sure. To add a format, write a type conforming
    /// to `AssetFormat` in its folder and add it here; `init`, `add` and `validate` then recognise
    /// it, and `--format` takes its name.
    public static let formats: [any AssetFormat] = [
        ScaleFormat(), ClearMLFormat(), AngoOntologyFormat(), AngoTaskObjectFormat(), AngoAPIFormat(), AngoExportFormat(), AngoImportFormat(),
        LabelStudioFormat(), ProdigyFormat(), DoccanoFormat(), COCOFormat(),
        CSVFormat(), PlainAssetsFormat(),
    ]

    /// The names `--format` takes: the formats termlabel reads.
    public static var names: [String] { formats.filter(\.reads).map(\.name) }

    public static func format(named name: String) -> (any AssetFormat)? {
        formats.first { $0.name == name.lowercased() }
    }

    /// The format surest of the source, with what it saw; nil when none recognises it.
    public static func detect(_ source: AssetSource) -> (format: any AssetFormat, detection: Detection)? {
        var best: (format: any AssetFormat, detection: Detection)?
        for format in formats {
            guard let detection = format.detect(source) else { continue }
            if detection.confidence > best?.detection.confidence ?? 0 { best = (format, detection) }
        }
        return best
    }

    /// Reads the source in the format `--format` named, else in the one detected. A format
    /// recognised but not read is an error that says what the file looks like.
    public static func read(_ source: AssetSource) throws(DiagnosticsError) -> AssetFile {
        let format: any AssetFormat
        var evidence: String?
        if let name = source.options.format {
            guard let named = Self.format(named: name) else {
                throw DiagnosticsError(Diagnostic(
                    .error, "termlabel knows no format \"\(name)\"", file: source.file,
                    hint: "the formats are: " + names.joined(separator: ", ")))
            }
            format = named
        } else if let found = detect(source) {
            format = found.format
            evidence = found.detection.evidence
        } else {
            format = source.csvHeader != nil ? CSVFormat() : PlainAssetsFormat()
        }
        guard format.reads else { throw DiagnosticsError(notRead(format, evidence: evidence, file: source.file)) }
        return try format.read(source)
    }

    /// Reads a file: detects (or takes) its format and reads it.
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws(DiagnosticsError) -> AssetFile {
        try read(AssetSource(path: path, options: options))
    }

    /// "this looks like a COCO dataset (…); termlabel reads …".
    static func notRead(_ format: any AssetFormat, evidence: String?, file: String) -> Diagnostic {
        let readable = formats.filter(\.reads).map(\.title).joined(separator: ", ")
        let seen = evidence.map { " (\($0))" } ?? ""
        return Diagnostic(
            .error, "this looks like \(format.title)\(seen); termlabel reads \(readable)", file: file,
            hint: format.hint ?? "if it is one of those, say which with --format NAME")
    }
}
