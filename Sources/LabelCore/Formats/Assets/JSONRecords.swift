/// The records of a JSON file in another tool's format: a JSON array, one object, an API response
/// that holds the list under a key (Scale's `docs`, ClearML's `frames`), or JSON Lines. Each record
/// can say where a path inside it sits in the file, for diagnostics.
struct JSONRecords {
    struct Record {
        var value: JSONValue
        /// The record's path in its document (`$[3]`, `$.docs[0]`, `$` for a JSON Lines record).
        var path: JSONPath
        /// 1-based: the item's place in the array, or the line number in JSON Lines.
        var number: Int
        /// For JSON Lines: the byte range of the record's line.
        var line: Range<Int>?
    }

    let bytes: [UInt8]
    let file: String
    var records: [Record] = []
    var kind: AssetFile.Kind
    /// JSON syntax errors of JSON Lines records (a whole document with bad syntax throws).
    var syntaxErrors: [Diagnostic] = []

    /// Where a path inside a record sits in the file.
    func location(of path: JSONPath, in record: Record) -> SourceLocation? {
        guard let range = record.line else { return JSONParser.location(of: path, in: bytes) }
        return JSONParser.location(of: path, in: Array(bytes[range])).map { SourceLocation(line: record.number, column: $0.column) }
    }

    /// A diagnostic about a path inside a record, placed in the file.
    func diagnostic(_ severity: Diagnostic.Severity, _ message: String, at path: JSONPath, in record: Record, hint: String? = nil) -> Diagnostic {
        Diagnostic(severity, message, file: file, location: location(of: path, in: record), path: path, hint: hint)
    }

    /// Reads a whole document (array, object, or an object with its list under one of `listKeys`,
    /// looked up as a path such as `["data", "frames"]`), else JSON Lines.
    init(_ bytes: [UInt8], file: String, listKeys: [[String]]) throws(DiagnosticsError) {
        self.bytes = bytes
        self.file = file
        kind = .jsonArray
        if let document = Self.document(bytes) {
            if let items = document.arrayValue {
                records = items.enumerated().map { Record(value: $1, path: JSONPath.root / $0, number: $0 + 1) }
                return
            }
            for keys in listKeys {
                var value: JSONValue? = document
                var path = JSONPath.root
                for key in keys {
                    value = value?[key]
                    path = path / key
                }
                if let items = value?.arrayValue {
                    records = items.enumerated().map { Record(value: $1, path: path / $0, number: $0 + 1) }
                    return
                }
            }
            records = [Record(value: document, path: .root, number: 1)]
            return
        }
        kind = .jsonLines
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            lineNumber += 1
            var stop = end
            if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
            let range = start..<stop
            start = end + 1
            if bytes[range].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            do {
                let value = try JSONParser.parse(Array(bytes[range]))
                records.append(Record(value: value, path: .root, number: lineNumber, line: range))
            } catch {
                var diagnostic = Diagnostic(error, file: file, lineOffset: lineNumber - 1)
                diagnostic.hint = "fix the JSON on this line; each line is one record"
                syntaxErrors.append(diagnostic)
            }
        }
    }

    /// The file as one JSON document, when it is one (a JSON Lines file of one line is one too).
    static func document(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONParser.parse(bytes)
    }
}
