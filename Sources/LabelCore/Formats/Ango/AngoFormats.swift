/// Ango Hub's own shapes, as assets files: its export (current and legacy), its import
/// (pre-label) files and its API's task responses; and the shapes recognised only to say what
/// they are (an ontology, one task object without its asset).

/// termlabel's own records `{"externalId", "data", "metadata"}` (Ango's asset upload shape).
public struct PlainAssetsFormat: AssetFormat {
    public let name = "assets"
    public let title = "JSON records of {\"externalId\", \"data\", \"metadata\"}"
    public init() {}

    public func detect(_ source: AssetSource) -> Detection? {
        guard source.csvHeader == nil else { return nil }
        if source.sample.contains(where: { $0["externalId"] != nil && ($0["data"] ?? $0["asset"]) != nil }) {
            return .likely("records with \"externalId\" and \"data\"")
        }
        if source.sample.contains(where: { $0["data"] != nil || $0["asset"] != nil }) { return .possible("records with \"data\"") }
        return nil
    }

    public func read(_ source: AssetSource) throws(DiagnosticsError) -> AssetFile {
        var file = try AssetReader.read(source.bytes, file: source.file, textColumn: nil, idColumn: nil)
        file.format = name
        return file
    }
}

/// An Ango export: a list (or NDJSON) of assets, each with its `task` (kept in the stage it was
/// exported from, with its history), or the legacy format's `tasks` list.
public struct AngoExportFormat: AssetFormat {
    public let name = "ango-export"
    public let title = "an Ango export"
    public init() {}

    public func detect(_ source: AssetSource) -> Detection? {
        if source.sample.contains(where: { $0["task"]?["taskId"] != nil || $0["task"]?["stageHistory"] != nil }) {
            return .certain("assets with a \"task\"")
        }
        if source.sample.contains(where: { $0["tasks"]?.arrayValue != nil && ($0["asset"] ?? $0["externalId"]) != nil }) {
            return .certain("assets with a \"tasks\" list (the legacy export)")
        }
        if source.sample.contains(where: { $0["task"]?.objectValue != nil }) { return .likely("assets with a \"task\"") }
        return nil
    }

    public func read(_ source: AssetSource) throws(DiagnosticsError) -> AssetFile {
        if source.sample.contains(where: { $0["tasks"]?.arrayValue != nil && $0["task"] == nil }) {
            return try AngoLegacyExport.read(source, format: name)
        }
        var file = try AssetReader.read(source.bytes, file: source.file, textColumn: nil, idColumn: nil)
        file.format = name
        return file
    }
}

/// An Ango import file: records naming a task (`externalId`, or `data` for a new asset) with
/// `objects`, `classifications` and `relations` to pre-label it with.
public struct AngoImportFormat: AssetFormat {
    public let name = "ango-import"
    public let title = "an Ango import (pre-label) file"
    public init() {}

    public func detect(_ source: AssetSource) -> Detection? {
        let hit = source.sample.first { record in
            record["task"] == nil && record["tasks"] == nil && record["annotations"] == nil
                && (record["externalId"] != nil || record["data"]?.stringValue != nil || record["asset"]?.stringValue != nil)
                && (record["objects"]?.arrayValue != nil || record["classifications"]?.arrayValue != nil)
        }
        guard let hit else { return nil }
        return .certain("records with \"\(hit["objects"] != nil ? "objects" : "classifications")\"")
    }

    public func read(_ source: AssetSource) throws(DiagnosticsError) -> AssetFile {
        var file = try AssetReader.read(source.bytes, file: source.file, textColumn: nil, idColumn: nil)
        file.format = name
        return file
    }
}

/// An Ango ontology given where assets were expected.
public struct AngoOntologyFormat: AssetFormat {
    public let name = "ango-ontology"
    public let title = "an Ango ontology (category schema)"
    public let reads = false
    public let hint: String? = "give it to init with --ontology; `termlabel validate` checks it"
    public init() {}

    public func detect(_ source: AssetSource) -> Detection? {
        guard let json = source.document, json.objectValue != nil else { return nil }
        if json["data"]?["project"]?["categorySchema"] != nil { return .certain("a get-project response with \"categorySchema\"") }
        if json["categorySchema"] != nil { return .certain("\"categorySchema\"") }
        if json["classifications"]?.arrayValue != nil, json["data"] == nil, json["asset"] == nil, json["externalId"] == nil, json["taskId"] == nil {
            return .certain("\"tools\", \"classifications\" and \"relations\" at the top")
        }
        return nil
    }
}

/// One task object of an Ango export, without the asset it belongs to.
public struct AngoTaskObjectFormat: AssetFormat {
    public let name = "ango-task"
    public let title = "one task object of an Ango export, without its asset"
    public let reads = false
    public let hint: String? = "an Ango export is a list of assets, each {\"asset\", \"externalId\", \"metadata\", \"task\": {…}}; export the project from Ango Hub as a whole"
    public init() {}

    public func detect(_ source: AssetSource) -> Detection? {
        guard let json = source.document, json.objectValue != nil, json["asset"] == nil, json["data"] == nil else { return nil }
        if json["taskId"] != nil, json["stageHistory"] != nil || json["stage"] != nil { return .certain("\"taskId\", \"stage\" and \"stageHistory\" but no \"asset\"") }
        return nil
    }
}
