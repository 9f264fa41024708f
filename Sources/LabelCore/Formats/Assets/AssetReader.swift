import Foundation
import OrderedCollections

/// Reads tasks from an assets file: JSON Lines or a JSON array of `{"externalId", "data",
/// "metadata"}` records, Ango export assets (`{"asset", "externalId", "task"}`: the task's answers
/// become pre-labels and its stage history is kept), Ango import records (`{"externalId",
/// "objects"/"classifications"/"relations"}`: pre-labels for tasks already present, or for
/// tasks of the same file), and CSV with a chosen text column.
public enum AssetReader {
    /// At most this many errors are listed; the count of the rest is given.
    public static let errorLimit = 20

    /// `ontology`, when known, is what Scale responses and ClearML frame labels pre-label; without
    /// it those files bring questions of their own (`AssetFile.derivedOntology`).
    public static func read(path: String, textColumn: String? = nil, idColumn: String? = nil, ontology: Ontology? = nil) throws(DiagnosticsError) -> AssetFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw DiagnosticsError(Diagnostic(.error, exists ? "cannot read the file (permission?)" : "no such file", file: path))
        }
        return try read(Array(data), file: path, textColumn: textColumn, idColumn: idColumn, ontology: ontology)
    }

    public static func read(
        _ bytes: [UInt8], file: String, textColumn: String? = nil, idColumn: String? = nil, ontology: Ontology? = nil
    ) throws(DiagnosticsError) -> AssetFile {
        let lower = file.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || textColumn != nil {
            return try CSVAssets.read(bytes, file: file, textColumn: textColumn, idColumn: idColumn,
                                      delimiter: lower.hasSuffix(".tsv") ? UInt8(ascii: "\t") : UInt8(ascii: ","))
        }
        var builder = Builder(file: file)
        let firstByte = bytes.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }).first
        let looksLikeArray = firstByte == UInt8(ascii: "[")
        if looksLikeArray || lower.hasSuffix(".json") && !lower.hasSuffix(".jsonl") {
            let json: JSONValue
            do { json = try JSONParser.parse(bytes) } catch { throw DiagnosticsError(Diagnostic(error, file: file)) }
            if let other = try otherFormat(json, bytes, file: file, ontology: ontology) { return other }
            let items: [JSONValue]
            if let array = json.arrayValue {
                items = array
            } else if json.objectValue != nil {
                items = [json]
            } else {
                throw DiagnosticsError(Diagnostic(.error, "expected a JSON array of records, found \(json.kindName)", file: file, location: SourceLocation(line: 1, column: 1)))
            }
            // Places are found afterwards, for all problems in one pass over the file.
            for (i, item) in items.enumerated() {
                builder.record(item, path: JSONPath.root / i, fallbackNumber: i + 1) { _ in nil }
            }
            do {
                var result = try builder.finish(.jsonArray)
                result.warnings = Diagnostic.located(result.warnings, in: file, bytes: bytes)
                return result
            } catch {
                throw DiagnosticsError(Diagnostic.located(error.diagnostics, in: file, bytes: bytes))
            }
        }
        let firstRecords = firstLines(bytes, count: 20).compactMap { try? JSONParser.parse($0) }
        if let first = firstRecords.first {
            let kinds = firstRecords.filter { ScaleTaskReader.isTask($0) || ClearMLFrameReader.isFrame($0) }
            if let other = try otherFormat(kinds.first ?? first, bytes, file: file, ontology: ontology) { return other }
        } else if let diagnostic = ClearMLText.diagnose(bytes, file: file) {
            throw DiagnosticsError(diagnostic)
        }
        // JSON Lines: one record per line; a bad line is reported with its own line number.
        AssetSource.eachLine(bytes) { line, number in
            do throws(JSONSyntaxError) {
                let value = try JSONParser.parse(line)
                builder.record(value, path: .root, fallbackNumber: number) { path in
                    JSONParser.location(of: path, in: line).map { SourceLocation(line: number, column: $0.column) }
                }
            } catch {
                var diagnostic = Diagnostic(error, file: file, lineOffset: number - 1)
                // Unlike a JSON document's, the lines after a bad one are read: each is its own record.
                diagnostic.hint = "fix the JSON on this line; each line is one record"
                builder.add(diagnostic)
            }
            return true
        }
        return try builder.finish(.jsonLines)
    }

    /// Scale tasks and ClearML frames, recognised by their shape, are read by their own readers.
    static func otherFormat(_ json: JSONValue, _ bytes: [UInt8], file: String, ontology: Ontology?) throws(DiagnosticsError) -> AssetFile? {
        if ScaleTaskReader.detect(json) { return try ScaleTaskReader.read(bytes, file: file, ontology: ontology) }
        if ClearMLFrameReader.detect(json) { return try ClearMLFrameReader.read(bytes, file: file, ontology: ontology) }
        return nil
    }

    /// The first lines that are not blank.
    static func firstLines(_ bytes: [UInt8], count: Int) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        while start < bytes.count, lines.count < count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[start..<end]
            if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { lines.append(Array(line)) }
            start = end + 1
        }
        return lines
    }

    struct Builder {
        let file: String
        var tasks: [NewTask] = []
        var preLabels: [PreLabels] = []
        var diagnostics: [Diagnostic] = []
        var counts: [String: Int] = [:]
        var errorCount = 0
        var warningCount = 0

        /// The file's name without its extension: a record without an externalId gets one from it.
        /// Worked out once (every record of a streamed file asks for it).
        let baseName: String

        init(file: String) {
            self.file = file
            baseName = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        }

        /// The externalId of the record at `number` (its line or item) when it has none (`name-3`).
        func fallbackId(_ number: Int) -> String { "\(baseName)-\(number)" }

        /// Counts an Ango export's asset, parsed (`record`) or read as stored (`StoredAngoAsset`).
        mutating func countAngoExportAsset() {
            counts["Ango export assets", default: 0] += 1
        }

        mutating func add(_ d: Diagnostic) {
            if d.severity == .error { errorCount += 1 } else { warningCount += 1 }
            if (d.severity == .error ? errorCount : warningCount) <= AssetReader.errorLimit { diagnostics.append(d) }
        }

        /// Whether a problem of this severity is still listed (past the limit, only counted).
        func keeps(_ severity: Diagnostic.Severity) -> Bool {
            (severity == .error ? errorCount : warningCount) < AssetReader.errorLimit
        }

        /// `fallbackNumber`: the record's place (line or item), its externalId when it has none (`name-3`).
        mutating func record(_ value: JSONValue, path: JSONPath, fallbackNumber: Int, locate: (JSONPath) -> SourceLocation?) {
            func problem(_ message: String, _ at: JSONPath, hint: String? = nil, severity: Diagnostic.Severity = .error) {
                add(Diagnostic(severity, message, file: file, location: keeps(severity) ? locate(at) : nil, path: at, hint: hint))
            }
            guard let object = value.objectValue else {
                problem("a record must be an object, found \(value.kindName)", path)
                return
            }
            let externalId: String
            if let id = object["externalId"], !id.isNull {
                switch id {
                case .string(let s) where !s.isEmpty: externalId = s
                case .number(let n): externalId = n
                default:
                    problem("\"externalId\" must be a non-empty string", path / "externalId")
                    return
                }
            } else {
                externalId = fallbackId(fallbackNumber)
            }
            if let task = object["task"] {
                guard let taskObject = task.objectValue else {
                    problem("\"task\" must be an object (an Ango export's task)", path / "task")
                    return
                }
                guard let asset = object["asset"] ?? object["data"] else {
                    problem("an Ango export asset needs \"asset\"", path)
                    return
                }
                var extra = object
                for key in ["asset", "data", "externalId", "metadata", "batches", "task"] { extra.removeValue(forKey: key) }
                var history: [StageHistoryEntry] = []
                if let entries = taskObject["stageHistory"] {
                    guard let list = entries.arrayValue else {
                        problem("\"stageHistory\" must be an array", path / "task" / "stageHistory")
                        return
                    }
                    for (i, entry) in list.enumerated() {
                        guard let e = entry.objectValue else {
                            problem("a stage history entry must be an object", path / "task" / "stageHistory" / i)
                            return
                        }
                        history.append(StageHistoryEntry(ango: e))
                    }
                }
                countAngoExportAsset()
                tasks.append(NewTask(
                    externalId: externalId, asset: asset, metadata: object["metadata"] ?? [:],
                    batches: object["batches"]?.arrayValue ?? [], annotations: Annotations(from: taskObject), history: history,
                    extra: extra, taskId: taskObject["taskId"]?.stringValue,
                    updatedAt: taskObject["updatedAt"]?.stringValue.flatMap { Timestamp(iso8601: $0) },
                    updatedBy: taskObject["updatedBy"]?.stringValue,
                    stage: AngoStage.stage(name: taskObject["stage"]?.stringValue, id: taskObject["stageId"]?.stringValue)))
                return
            }
            let annotations = Annotations(from: (object["preLabels"]?.objectValue).map { $0 } ?? object)
            for key in ["classifications", "objects", "tools", "relations"] {
                if let v = object[key], v.arrayValue == nil, !v.isNull { problem("\"\(key)\" must be an array", path / key) }
            }
            guard let data = object["data"] ?? object["asset"] else {
                if object["externalId"] != nil, object["classifications"] != nil || object["objects"] != nil || object["relations"] != nil {
                    counts["Ango import records", default: 0] += 1
                    preLabels.append(PreLabels(externalId: externalId, annotations: annotations))
                } else {
                    problem("the record has no \"data\"", path,
                            hint: "an asset is {\"externalId\": \"…\", \"data\": \"text or URL\", \"metadata\": {}}; pre-labels for a task need \"externalId\" and \"classifications\"")
                }
                return
            }
            if data.isNull || data.stringValue == "" { problem("\"data\" is empty", path / "data", severity: .warning) }
            var priority = 0
            if let p = object["priority"], !p.isNull {
                if let n = p.intValue, (-1000...1000).contains(n) { priority = n } else {
                    problem("\"priority\" must be a whole number from -1000 to 1000", path / "priority")
                    return
                }
            }
            if let m = object["metadata"], m.objectValue == nil, !m.isNull {
                problem("\"metadata\" should be an object; it is kept as it is", path / "metadata", severity: .warning)
            }
            var extra = object
            for key in ["data", "asset", "externalId", "metadata", "batches", "priority", "classifications", "objects", "tools",
                        "relations", "preLabels"] {
                extra.removeValue(forKey: key)
            }
            counts["assets", default: 0] += 1
            tasks.append(NewTask(
                externalId: externalId, asset: data, metadata: object["metadata"] ?? [:],
                batches: object["batches"]?.arrayValue ?? [], priority: priority, annotations: annotations, extra: extra))
        }

        /// `streamed`: how many tasks were handed over before (`AssetStream`); repeats among them
        /// are not warned of here, the project names them as it skips them.
        mutating func finish(_ kind: AssetFile.Kind, streamed: Int = 0) throws(DiagnosticsError) -> AssetFile {
            if warningCount > AssetReader.errorLimit {
                diagnostics.append(Diagnostic(.warning, "… and \(warningCount - AssetReader.errorLimit) more warnings", file: file))
            }
            if streamed == 0 { diagnostics += AssetRepeats.warnings(tasks, file: file) }
            if errorCount > 0 {
                var all = diagnostics.filter { $0.severity == .error }
                if errorCount > AssetReader.errorLimit {
                    all.append(Diagnostic(.error, "… and \(errorCount - AssetReader.errorLimit) more errors", file: file))
                }
                throw DiagnosticsError(all)
            }
            if tasks.isEmpty, preLabels.isEmpty, streamed == 0 {
                throw DiagnosticsError(Diagnostic(.error, "the file holds no records", file: file))
            }
            return AssetFile(kind: kind, tasks: tasks, preLabels: preLabels, warnings: diagnostics, counts: counts)
        }
    }
}
