/// One record of a JSON source, with where it sits, so a reader can say where a problem is.
struct LocatedRecord {
    var value: JSONValue
    /// Its path in the document (`$[3]`), or the root for a line of JSON Lines.
    var path: JSONPath
    /// 1-based: the item's position in the document, or the line number.
    var number: Int
    var locate: (JSONPath) -> SourceLocation?
}

extension AssetSource {
    /// The records of a JSON source: the items of `items` (default: the document's array, or the
    /// document itself) or each line of JSON Lines. A line that does not parse is an error for
    /// that line; the lines after it are still read.
    func records(_ items: [JSONValue]? = nil, at base: JSONPath = .root) -> (records: [LocatedRecord], errors: [Diagnostic]) {
        var out: [LocatedRecord] = []
        var errors: [Diagnostic] = []
        switch layout {
        case .document(let json):
            let list = items ?? json.arrayValue ?? [json]
            let isArray = items != nil || json.arrayValue != nil
            let bytes = self.bytes
            for (i, item) in list.enumerated() {
                out.append(LocatedRecord(value: item, path: isArray ? base / i : base, number: i + 1) { path in
                    JSONParser.location(of: path, in: bytes)
                })
            }
        case .lines:
            Self.eachLine(bytes) { line, number in
                do throws(JSONSyntaxError) {
                    let value = try JSONParser.parse(line)
                    out.append(LocatedRecord(value: value, path: .root, number: number) { path in
                        JSONParser.location(of: path, in: line).map { SourceLocation(line: number, column: $0.column) }
                    })
                } catch {
                    var d = Diagnostic(error, file: file, lineOffset: number - 1)
                    d.hint = "fix the JSON on this line; each line is one record"
                    errors.append(d)
                }
                return true
            }
        case .csv:
            break
        }
        return (out, errors)
    }
}

/// Collects a reader's problems: errors up to `AssetReader.errorLimit` and a count of the rest,
/// warnings all, and whether any error means nothing may be written.
struct ProblemList {
    let file: String
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    var errorCount = 0

    init(file: String) { self.file = file }

    mutating func add(_ d: Diagnostic) {
        if d.severity == .warning {
            warnings.append(d)
            return
        }
        errorCount += 1
        if errorCount <= AssetReader.errorLimit { errors.append(d) }
    }

    mutating func error(_ message: String, _ record: LocatedRecord, at path: JSONPath? = nil, hint: String? = nil) {
        let at = path ?? record.path
        add(Diagnostic(.error, message, file: file, location: record.locate(at), path: at.components.isEmpty ? nil : at, hint: hint))
    }

    mutating func warning(_ message: String, _ record: LocatedRecord, at path: JSONPath? = nil, hint: String? = nil) {
        let at = path ?? record.path
        add(Diagnostic(.warning, message, file: file, location: record.locate(at), path: at.components.isEmpty ? nil : at, hint: hint))
    }

    /// Throws the errors, if any.
    func check() throws(DiagnosticsError) {
        guard errorCount > 0 else { return }
        var all = errors
        if errorCount > AssetReader.errorLimit {
            all.append(Diagnostic(.error, "… and \(errorCount - AssetReader.errorLimit) more errors", file: file))
        }
        throw DiagnosticsError(all)
    }
}
