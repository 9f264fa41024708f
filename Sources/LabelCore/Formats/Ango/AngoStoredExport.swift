import Foundation

/// The Ango export from a SQLite or PostgreSQL project without parsing what it stores: the asset, metadata,
/// batches, answers and stage history entries are kept as the JSON text `JSONWriter` wrote, in
/// the export's own shape, so they are copied into the output as they are. Only what is not in
/// that shape is decoded and written again: a task with a draft (its answers are the draft's),
/// keys of an imported asset termlabel does not use, and an imported history entry whose idle
/// time must be left out. The output equals `AngoExport.writeDecoded`'s byte for byte (tested).
enum AngoStoredExport {
    static func write<Out: ThrowingTextOutput>(_ store: any StoredTaskReading, settings: ProjectSettings, options: AngoExport.Options,
                                              to out: inout Out) throws -> Int {
        var count = 0
        let annex = try TaskAnnex(store)
        if !options.ndjson { out.write("[") }
        try store.forEachStoredTask(in: options.stage) { task in
            if !options.ndjson { out.write(count == 0 ? "\n" : ",\n") }
            try asset(task, store: store, settings: settings, options: options, annex: annex, to: &out)
            if options.ndjson { out.write("\n") }
            count += 1
            try out.check()
        }
        if !options.ndjson { out.write(count == 0 ? "]\n" : "\n]\n") }
        return count
    }

    static let importedMark = #""_imported":true}"#

    static func asset<Out: TextOutputStream>(_ task: StoredTask, store: any StoredTaskReading, settings: ProjectSettings,
                                             options: AngoExport.Options, annex: TaskAnnex, to out: inout Out) throws {
        let extra = task.extra == "{}" ? [:] : SQLiteProjectStore.json(task.extra)?.objectValue
        guard task.draft == nil, !annex.has(task.id), !task.scored, let extra, extra["task"] == nil,
              task.annotations.hasPrefix(#"{"tools":"#), task.annotations.hasSuffix("}") else {
            return try decoded(task, store: store, settings: settings, options: options, annex: annex, to: &out)
        }
        let writer = JSONWriter()
        out.write(#"{"asset":"#)
        out.write(task.asset)
        out.write(#","externalId":"#)
        JSONWriter.writeQuoted(task.externalId, to: &out)
        out.write(#","metadata":"#)
        out.write(task.metadata)
        out.write(#","batches":"#)
        out.write(task.batches)
        for (key, value) in extra where !["asset", "externalId", "metadata", "batches"].contains(key) {
            out.write(",")
            JSONWriter.writeQuoted(key, to: &out)
            out.write(":")
            writer.write(value, to: &out)
        }
        out.write(#","task":{"taskId":"#)
        JSONWriter.writeQuoted(task.taskId, to: &out)
        out.write(#","stage":"#)
        JSONWriter.writeQuoted(task.stage.name, to: &out)
        out.write(#","stageId":"#)
        JSONWriter.writeQuoted(task.stage.id, to: &out)
        if let at = task.updatedAt {
            out.write(#","updatedAt":"#)
            JSONWriter.writeQuoted(at.iso8601, to: &out)
        }
        if let by = task.updatedBy {
            out.write(#","updatedBy":"#)
            JSONWriter.writeQuoted(settings.exportName(of: by), to: &out)
        }
        var duration: Int64 = 0
        var idle: Int64 = 0
        for entry in task.history where entry.stage != Stage.start.name {
            duration += entry.duration
            idle += entry.idle
        }
        out.write(#","totalDuration":"#)
        out.write(String(duration))
        if options.includeIdle {
            out.write(#","idleDuration":"#)
            out.write(String(idle))
        }
        // `"tools":[…],"classifications":[…],"relations":[…]`, as the task object has them.
        out.write(",")
        out.write(String(task.annotations.utf8.dropFirst().dropLast())!)
        if let comment = task.reviewComment {
            out.write(#","reviewComment":"#)
            JSONWriter.writeQuoted(comment, to: &out)
        }
        if options.includeHistory {
            out.write(#","stageHistory":["#)
            for (i, entry) in task.history.enumerated() {
                if i > 0 { out.write(",") }
                historyEntry(entry.json, includeIdle: options.includeIdle, writer: writer, to: &out)
            }
            out.write("]")
        }
        out.write("}}")
    }

    /// A stored entry as exported: as stored with idle time; without it, its `idleDuration`
    /// (right after `duration` in an entry termlabel wrote) cut out.
    static func historyEntry<Out: TextOutputStream>(_ json: String, includeIdle: Bool, writer: JSONWriter, to out: inout Out) {
        if json.hasSuffix(importedMark) {
            let mark = "," + importedMark
            // As it came (without idle time, it came without: most Ango exports have none).
            if json.hasSuffix(mark), includeIdle || idleDuration(in: json, key: #""idleDuration":"#) == nil {
                out.write(String(json.utf8.dropLast(mark.utf8.count))!)
                out.write("}")
            } else if let object = SQLiteProjectStore.json(json)?.objectValue {
                writer.write(StageHistoryEntry(stored: object).json(includeIdle: includeIdle), to: &out)
            }
            return
        }
        guard !includeIdle, let cut = idleDuration(in: json) else { return out.write(json) }
        let utf8 = Array(json.utf8)
        out.write(String(decoding: utf8[..<cut.lowerBound], as: UTF8.self))
        out.write(String(decoding: utf8[cut.upperBound...], as: UTF8.self))
    }

    /// Where `,"idleDuration":N` sits in a stored entry, as UTF-8 offsets: its first occurrence
    /// (keys and strings before it are the stage, its id and the duration, and a quote inside a
    /// string is escaped).
    static func idleDuration(in json: String, key: StaticString = #","idleDuration":"#) -> Range<Int>? {
        var json = json
        let length = key.utf8CodeUnitCount
        return json.withUTF8 { bytes -> Range<Int>? in
            guard let base = bytes.baseAddress, bytes.count > length else { return nil }
            let first = key.utf8Start[0]
            let second = key.utf8Start[1]
            var start = 0
            while start <= bytes.count - length {
                if bytes[start] == first, bytes[start + 1] == second, memcmp(base + start, key.utf8Start, length) == 0 {
                    var end = start + length
                    while end < bytes.count, bytes[end] == UInt8(ascii: "-") || (0x30...0x39).contains(bytes[end]) { end += 1 }
                    return start..<end
                }
                start += 1
            }
            return nil
        }
    }

    /// A task that cannot be spliced, read and written the ordinary way.
    static func decoded<Out: TextOutputStream>(_ stored: StoredTask, store: any StoredTaskReading, settings: ProjectSettings,
                                               options: AngoExport.Options, annex: TaskAnnex, to out: inout Out) throws {
        guard let task = try store.task(id: stored.id) else { return }
        let record = TaskRecord(task: task, history: try store.history(taskId: stored.id), draft: try store.draft(taskId: stored.id, stage: task.stage),
                                consensus: try store.consensus(taskId: stored.id))
        JSONWriter().write(AngoExport.asset(annex.complete(record), settings: settings, options: options), to: &out)
    }
}
