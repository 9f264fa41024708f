import Foundation

/// An assets file opened for reading: its bytes, how it is laid out (one JSON document, JSON
/// Lines, or CSV), and the first records, which is all a detector looks at.
public struct AssetSource: Sendable {
    public enum Layout: Equatable, Sendable {
        /// One JSON document (an array of records, one record, or a wrapped response).
        case document(JSONValue)
        /// JSON Lines: one record per line.
        case lines
        case csv(delimiter: UInt8)
    }

    public let file: String
    public let bytes: [UInt8]
    public let layout: Layout
    public var options: ReadOptions
    /// Up to `sampleSize` records: a document's items (or the document itself when it is one
    /// object), or the first lines that parse.
    public let sample: [JSONValue]
    /// The CSV header's column names, trimmed.
    public let csvHeader: [String]?

    public static let sampleSize = 50

    /// The document, when the file is one.
    public var document: JSONValue? {
        if case .document(let json) = layout { return json }
        return nil
    }

    /// The file's name without its folder and extension, for naming unnamed records.
    public var baseName: String { ((file as NSString).lastPathComponent as NSString).deletingPathExtension }

    /// Opens the bytes of `file`. A JSON document that does not parse is an error here: nothing
    /// can be said about its format, and its syntax error is what the person needs.
    public init(bytes: [UInt8], file: String, options: ReadOptions = ReadOptions()) throws(DiagnosticsError) {
        self.file = file
        self.bytes = bytes
        self.options = options
        let lower = file.lowercased()
        let first = bytes.first { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }
        let isLines = [".jsonl", ".ndjson"].contains(where: lower.hasSuffix)
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv")
            || !isLines && options.textColumn != nil && first != UInt8(ascii: "[") && first != UInt8(ascii: "{") {
            let delimiter = lower.hasSuffix(".tsv") ? UInt8(ascii: "\t") : UInt8(ascii: ",")
            layout = .csv(delimiter: delimiter)
            sample = []
            csvHeader = Self.header(bytes, delimiter: delimiter)
        } else if !isLines && (first == UInt8(ascii: "[") || lower.hasSuffix(".json")) {
            let json: JSONValue
            do { json = try JSONParser.parse(bytes) } catch { throw DiagnosticsError(Diagnostic(error, file: file)) }
            layout = .document(json)
            sample = json.arrayValue.map { Array($0.prefix(Self.sampleSize)) } ?? [json]
            csvHeader = nil
        } else {
            layout = .lines
            var records: [JSONValue] = []
            Self.eachLine(bytes) { line, _ in
                if let value = try? JSONParser.parse(line) { records.append(value) }
                return records.count < Self.sampleSize
            }
            sample = records
            csvHeader = nil
        }
    }

    public init(path: String, options: ReadOptions = ReadOptions()) throws(DiagnosticsError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw DiagnosticsError(Diagnostic(.error, exists ? "cannot read the file (permission?)" : "no such file", file: path))
        }
        try self.init(bytes: Array(data), file: path, options: options)
    }

    static func header(_ bytes: [UInt8], delimiter: UInt8) -> [String]? {
        let end = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
        guard let table = try? CSVReader.read(Array(bytes[..<end]), delimiter: delimiter) else { return nil }
        return table.header.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Calls `body` with each non-blank line (without its line end) and its 1-based number, while
    /// `body` returns true.
    static func eachLine(_ bytes: [UInt8], _ body: ([UInt8], Int) -> Bool) {
        var lineNumber = 0
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            lineNumber += 1
            var line = Array(bytes[start..<end])
            if line.last == 0x0D { line.removeLast() }
            start = end == bytes.endIndex ? end : end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if !body(line, lineNumber) { return }
        }
    }
}
