/// ClearML frames (a JSON array, JSON Lines, one frame, or the `frames` of a get_snippet or
/// get_next response), as the format registry sees them; `ClearMLFrameReader` reads them.
public struct ClearMLFormat: AssetFormat {
    public let name = "clearml"
    public let title = "ClearML frames"
    public init() {}

    public func detect(_ source: AssetSource) -> Detection? {
        if let document = source.document, ClearMLFrameReader.detect(document) { return .certain("ClearML frames") }
        if source.sample.contains(where: ClearMLFrameReader.isFrame) { return .certain("ClearML frames") }
        return nil
    }

    public func read(_ source: AssetSource) throws(DiagnosticsError) -> AssetFile {
        var file = try ClearMLFrameReader.read(source.bytes, file: source.file, ontology: source.options.ontology)
        file.format = name
        return file
    }
}
