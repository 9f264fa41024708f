/// `export --format jsonl`: one flat JSON object per line and task, with the same fields as the
/// CSV export's columns, answers keeping their JSON shape (a string, or a list of strings) and
/// `null` for an unanswered question; the task's `metadata` follows the asset.
public enum JSONLExport {
    static func write<Out: ThrowingTextOutput>(_ store: any ProjectStore, options: ExportOptions, to out: inout Out) throws -> Int {
        let settings = try store.settings()
        let ontology = try settings.ontology()
        let columns = FlatTask.columns(ontology)
        let writer = JSONWriter()
        var count = 0
        try store.forEachTask(in: options.stage) { record in
            guard record.task.benchmark == nil else { return }
            let flat = FlatTask(record, columns: columns, ontology: ontology, settings: settings, includeIdle: options.includeIdle)
            var object = JSONObject()
            for (key, value) in flat.fields {
                object[key] = value
                if key == "asset" { object["metadata"] = record.task.metadata }
            }
            writer.write(.object(object), to: &out)
            out.write("\n")
            count += 1
            try out.check()
        }
        return count
    }
}
