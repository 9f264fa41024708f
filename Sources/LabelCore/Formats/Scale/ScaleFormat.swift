/// Scale task objects (a JSON array, JSON Lines, one task, or a task-list response), as the
/// format registry sees them; `ScaleTaskReader` reads them.
public struct ScaleFormat: AssetFormat {
    public let name = "scale"
    public let title = "Scale tasks"
    public init() {}

    public func detect(_ source: AssetSource) -> Detection? {
        if let document = source.document, ScaleTaskReader.detect(document) { return .certain("Scale task objects") }
        if source.sample.contains(where: ScaleTaskReader.isTask) { return .certain("Scale task objects") }
        return nil
    }

    public func read(_ source: AssetSource) throws(DiagnosticsError) -> AssetFile {
        var file = try ScaleTaskReader.read(source.bytes, file: source.file, ontology: source.options.ontology)
        file.format = name
        return file
    }
}
