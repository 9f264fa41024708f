import Foundation
import OrderedCollections

/// doccano's text classification data, as it exports and imports it: JSON Lines or a JSON array
/// of `{"id"?, "text", "label": ["positive"]}` (`labels` on import, with `meta`), and CSV with
/// `text` and `label` columns (one label per row's cell; other columns are metadata).
///
/// A record or row without text is reported and left out, never made into an empty task.
/// Sequence-labeling data (`label` as `[start, end, "TAG"]` spans, or `entities`) is reported:
/// termlabel does not answer spans.
public struct DoccanoFormat: AssetFormat {
    public let name = "doccano"
    public let title = "a doccano export"
    public init() {}

    public func detect(_ source: AssetSource) -> Detection? {
        if let header = source.csvHeader {
            if header.contains("text"), let label = header.first(where: { $0 == "label" || $0 == "labels" }) {
                return .likely("CSV with \"text\" and \"\(label)\" columns")
            }
            return nil
        }
        for record in source.sample where record["answer"] == nil && record["data"] == nil {
            if let key = ["label", "labels"].first(where: { record[$0]?.arrayValue != nil }) {
                return .certain("records with \"text\" and a \"\(key)\" list")
            }
            if record["text"]?.stringValue != nil, record["entities"]?.arrayValue != nil {
                return .certain("records with \"text\" and \"entities\"")
            }
        }
        return nil
    }

    public func read(_ source: AssetSource) throws(DiagnosticsError) -> AssetFile {
        var out = ForeignAssets(file: source.file)
        var emptyText: [String] = []
        var spans = 0
        if case .csv(let delimiter) = source.layout {
            let table: CSVReader.Table
            do { table = try CSVReader.read(source.bytes, delimiter: delimiter) } catch {
                throw DiagnosticsError(Diagnostic(.error, error.message, file: source.file, location: error.location))
            }
            let header = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
            let textName = source.options.textColumn ?? "text"
            guard let textIndex = header.firstIndex(of: textName) else {
                throw DiagnosticsError(Diagnostic(.error, "no column named \"\(textName)\"", file: source.file, location: SourceLocation(line: 1, column: 1)))
            }
            let labelIndex = header.firstIndex(of: "label") ?? header.firstIndex(of: "labels")
            let idIndex = header.firstIndex(of: source.options.idColumn ?? "id")
            for record in table.records {
                guard record.fields.count == header.count else {
                    out.problems.add(Diagnostic(
                        .error, "the row has \(record.fields.count) fields but the header has \(header.count)", file: source.file,
                        location: SourceLocation(line: record.line, column: 1), hint: "quote fields that contain the delimiter"))
                    continue
                }
                let text = record.fields[textIndex]
                if text.isEmpty {
                    emptyText.append("line \(record.line)")
                    continue
                }
                var metadata = JSONObject()
                for (i, name) in header.enumerated() where i != textIndex && i != labelIndex && i != idIndex {
                    metadata[name] = .string(record.fields[i])
                }
                let label = labelIndex.map { record.fields[$0] } ?? ""
                let id = idIndex.map { record.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? "\(source.baseName)-\(record.line)"
                out.count("doccano records")
                out.append(NewTask(externalId: id, asset: .string(text), metadata: .object(metadata)),
                           label.isEmpty ? [] : [.choices(question: nil, values: [label])])
            }
        } else {
            let (records, errors) = source.records()
            for e in errors { out.problems.add(e) }
            for record in records {
                guard let object = record.value.objectValue else {
                    out.problems.error("a record must be an object, found \(record.value.kindName)", record)
                    continue
                }
                guard let text = object["text"]?.stringValue, !text.isEmpty else {
                    emptyText.append("line \(record.locate(record.path)?.line ?? record.number)")
                    continue
                }
                var values: [String] = []
                let label = object["label"] ?? object["labels"]
                if let s = label?.stringValue {
                    values = [s]
                } else {
                    for item in label?.arrayValue ?? [] {
                        if let s = item.stringValue { values.append(s) } else { spans += 1 }
                    }
                }
                if let entities = object["entities"]?.arrayValue, !entities.isEmpty { spans += entities.count }
                var metadata = object["meta"]?.objectValue ?? [:]
                for (k, v) in object where !["id", "text", "label", "labels", "meta"].contains(k) && metadata[k] == nil { metadata[k] = v }
                let id = object["id"].flatMap(LabelStudioFormat.idText) ?? "\(source.baseName)-\(record.number)"
                out.count("doccano records")
                out.append(NewTask(externalId: id, asset: .string(text), metadata: .object(metadata)),
                           values.isEmpty ? [] : [.choices(question: nil, values: values)])
            }
        }
        if !emptyText.isEmpty {
            let list = emptyText.prefix(10).joined(separator: ", ") + (emptyText.count > 10 ? ", …" : "")
            out.problems.add(Diagnostic(
                .warning, "\(emptyText.count) record\(emptyText.count == 1 ? " has" : "s have") no text and \(emptyText.count == 1 ? "is" : "are") left out: \(list)",
                file: source.file, hint: "give each record the text to label"))
        }
        if spans > 0 {
            out.problems.add(Diagnostic(
                .warning, "\(spans) span label\(spans == 1 ? "" : "s") (sequence labeling) left out: termlabel answers classification questions, not spans",
                file: source.file))
        }
        return try out.finish(source, format: name)
    }
}
