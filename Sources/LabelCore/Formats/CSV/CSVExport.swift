/// `export --format csv`: one row per task, one column per question (nested questions as
/// `Parent/Child`), then the annotator, the reviewer and the durations. A question answered
/// with several values (checkbox, multi-dropdown, tree, rank) has them joined by `; ` in their
/// order; an unanswered question is an empty cell; an asset that is not text is its JSON.
/// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF ends rows.
public enum CSVExport {
    public static let separator = "; "

    static func write<Out: ThrowingTextOutput>(_ store: any ProjectStore, options: ExportOptions, to out: inout Out) throws -> Int {
        let settings = try store.settings()
        let ontology = try settings.ontology()
        let columns = FlatTask.columns(ontology)
        var header = FlatTask.leading + columns.map(\.title) + FlatTask.trailing
        if options.includeIdle { header.append(FlatTask.idle) }
        out.write(header.map(field).joined(separator: ",") + "\r\n")
        var count = 0
        try store.forEachTask(in: options.stage) { record in
            guard record.task.benchmark == nil else { return }
            let flat = FlatTask(record, columns: columns, ontology: ontology, settings: settings, includeIdle: options.includeIdle)
            var line = ""
            for (i, value) in flat.fields.values.enumerated() {
                if i > 0 { line += "," }
                line += field(text(value))
            }
            out.write(line + "\r\n")
            count += 1
            try out.check()
        }
        return count
    }

    /// A value as a cell's text.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .string(let s): s
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        case .array(let items) where items.allSatisfy({ $0.stringValue != nil }): items.compactMap(\.stringValue).joined(separator: separator)
        default: value.description
        }
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
