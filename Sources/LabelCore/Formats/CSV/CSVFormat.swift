/// CSV (or TSV) with a header: one task per row, the text column (`text`, `data` or `asset`, or
/// `--text-column`) as the asset, an `externalId` column (or `--id-column`) as its name, every
/// other column as metadata.
public struct CSVFormat: AssetFormat {
    public let name = "csv"
    public let title = "CSV with a text column"
    public init() {}

    public func detect(_ source: AssetSource) -> Detection? {
        source.csvHeader == nil ? nil : .possible("CSV with a header")
    }

    public func read(_ source: AssetSource) throws(DiagnosticsError) -> AssetFile {
        let delimiter: UInt8 = if case .csv(let d) = source.layout { d } else { UInt8(ascii: ",") }
        var file = try CSVAssets.read(source.bytes, file: source.file, textColumn: source.options.textColumn,
                                      idColumn: source.options.idColumn, delimiter: delimiter)
        file.format = name
        return file
    }
}
