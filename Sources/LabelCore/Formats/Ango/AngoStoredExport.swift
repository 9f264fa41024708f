import Foundation

/// The Ango export from a SQLite or PostgreSQL project without parsing what it stores: the asset, metadata,
/// batches, answers and stage history entries are kept as the JSON text `JSONWriter` wrote, in
/// the export's own shape, so their bytes are copied into the output as they are (from SQLite,
/// straight from the row SQLite holds, with no `String` made per column or per task). Only what
/// is not in that shape is decoded and written again: a task with a draft (its answers are the
/// draft's), a consensus score, issues or a hold, keys of an imported asset termlabel does not
/// use, and an imported history entry whose idle time must be left out. The output equals
/// `AngoExport.writeDecoded`'s byte for byte (tested).
enum AngoStoredExport {
    /// Whether `store` hands its tasks over as stored.
    static func splices(_ store: any ProjectStore) -> Bool { store is SQLiteProjectStore || store is any StoredTaskReading }

    static func write<Out: ThrowingTextOutput>(_ store: any ProjectStore, settings: ProjectSettings, options: AngoExport.Options,
                                              to out: inout Out) throws -> Int {
        var count = 0
        let annex = try TaskAnnex(store)
        var history = ByteOutput()
        /// What comes before each asset.
        func separator() -> StaticString { options.ndjson ? "" : count == 0 ? "\n" : ",\n" }
        func end() throws {
            if options.ndjson { out.write(literal: "\n") }
            count += 1
            try out.check()
        }
        func spliced(_ task: inout some StoredTaskColumns) throws -> Bool {
            guard try splice(&task, settings: settings, options: options, annex: annex, history: &history, after: separator(), to: &out) else {
                return false
            }
            try end()
            return true
        }
        func decoded(_ id: Int64) throws {
            guard let value = try decodedAsset(id, store: store, settings: settings, options: options, annex: annex) else { return }
            out.write(literal: separator())
            JSONWriter().write(value, to: &out)
            try end()
        }
        if !options.ndjson { out.write(literal: "[") }
        if let sqlite = store as? SQLiteProjectStore {
            try sqlite.forEachStoredTaskRow(in: options.stage, spliced, otherwise: decoded)
        } else if let stored = store as? any StoredTaskReading {
            try stored.forEachStoredTask(in: options.stage) { task in
                var task = task
                if try !spliced(&task) { try decoded(task.id) }
            }
        }
        if !options.ndjson { out.write(literal: count == 0 ? "]\n" : "\n]\n") }
        return count
    }

    static let importedMark: StaticString = #","_imported":true}"#

    /// Writes the task as stored (after `separator`) and returns true; false, having written
    /// nothing, for a task that is not in the export's shape.
    static func splice<Task: StoredTaskColumns, Out: ThrowingTextOutput>(
        _ task: inout Task, settings: ProjectSettings, options: AngoExport.Options, annex: TaskAnnex, history: inout ByteOutput,
        after separator: StaticString, to out: inout Out
    ) throws -> Bool {
        guard !task.hasDraftOrScore, !annex.has(task.id) else { return false }
        // Keys of an imported asset termlabel does not use: decoded (rare), and none may be `task`.
        let extra = task.withBytes(.extra) { bytes -> JSONObject? in
            guard let bytes, !equal(bytes, "{}") else { return [:] }
            return SQLiteProjectStore.json(String(decoding: bytes, as: UTF8.self))?.objectValue
        }
        guard let extra, extra["task"] == nil,
              task.withBytes(.annotations, { $0.map { starts($0, with: #"{"tools":"#) && $0.last == UInt8(ascii: "}") } ?? false })
        else { return false }

        // The history first: the durations it adds up come before it.
        var duration: Int64 = 0
        var idle: Int64 = 0
        var entries = 0
        history.clear()
        try task.forEachHistoryEntry { entry in
            if !equal(entry.stage, "Start") {
                duration += entry.duration
                idle += entry.idle
            }
            guard options.includeHistory else { return }
            if entries > 0 { history.write(literal: ",") }
            historyEntry(entry.json, includeIdle: options.includeIdle, to: &history)
            entries += 1
        }

        out.write(literal: separator)
        out.write(literal: #"{"asset":"#)
        task.withBytes(.asset) { out.write(utf8: $0 ?? UnsafeRawBufferPointer(start: nil, count: 0)) }
        out.write(literal: #","externalId":"#)
        task.withBytes(.externalId) { out.writeQuoted(utf8: $0 ?? UnsafeRawBufferPointer(start: nil, count: 0)) }
        out.write(literal: #","metadata":"#)
        task.withBytes(.metadata) { out.write(utf8: $0 ?? UnsafeRawBufferPointer(start: nil, count: 0)) }
        out.write(literal: #","batches":"#)
        task.withBytes(.batches) { out.write(utf8: $0 ?? UnsafeRawBufferPointer(start: nil, count: 0)) }
        if !extra.isEmpty {
            let writer = JSONWriter()
            for (key, value) in extra where !["asset", "externalId", "metadata", "batches"].contains(key) {
                out.write(literal: ",")
                JSONWriter.writeQuoted(key, to: &out)
                out.write(literal: ":")
                writer.write(value, to: &out)
            }
        }
        out.write(literal: #","task":{"taskId":"#)
        task.withBytes(.taskId) { out.writeQuoted(utf8: $0 ?? UnsafeRawBufferPointer(start: nil, count: 0)) }
        // A stage's name and its id are its raw value.
        let stage: StaticString = switch task.stage {
        case .start: #""Start""#
        case .label: #""Label""#
        case .review: #""Review""#
        case .complete: #""Complete""#
        }
        out.write(literal: #","stage":"#)
        out.write(literal: stage)
        out.write(literal: #","stageId":"#)
        out.write(literal: stage)
        if let at = task.updatedAt {
            out.write(literal: #","updatedAt":"#)
            out.writeQuoted(iso8601: at)
        }
        task.withBytes(.updatedBy) { by in
            guard let by else { return }
            out.write(literal: #","updatedBy":"#)
            // Users are written as their e-mails where the project knows them.
            if settings.emails.isEmpty {
                out.writeQuoted(utf8: by)
            } else {
                JSONWriter.writeQuoted(settings.exportName(of: String(decoding: by, as: UTF8.self)), to: &out)
            }
        }
        out.write(literal: #","totalDuration":"#)
        out.write(decimal: duration)
        if options.includeIdle {
            out.write(literal: #","idleDuration":"#)
            out.write(decimal: idle)
        }
        // `"tools":[…],"classifications":[…],"relations":[…]`, as the task object has them.
        out.write(literal: ",")
        task.withBytes(.annotations) { bytes in
            guard let bytes else { return }
            out.write(utf8: UnsafeRawBufferPointer(rebasing: bytes.dropFirst().dropLast()))
        }
        task.withBytes(.reviewComment) { comment in
            guard let comment else { return }
            out.write(literal: #","reviewComment":"#)
            out.writeQuoted(utf8: comment)
        }
        if options.includeHistory {
            out.write(literal: #","stageHistory":["#)
            out.write(history)
            out.write(literal: "]")
        }
        out.write(literal: "}}")
        return true
    }

    /// A stored entry as exported: as stored with idle time; without it, its `idleDuration`
    /// (right after `duration` in an entry termlabel wrote) cut out. An imported entry is written
    /// as it came, without the import mark (and decoded when its idle time must go).
    static func historyEntry<Out: ThrowingTextOutput>(_ json: UnsafeRawBufferPointer, includeIdle: Bool, to out: inout Out) {
        let mark = UnsafeRawBufferPointer(start: importedMark.utf8Start, count: importedMark.utf8CodeUnitCount)
        if ends(json, with: UnsafeRawBufferPointer(rebasing: mark.dropFirst())) {
            // As it came (without idle time, it came without: most Ango exports have none).
            if ends(json, with: mark), includeIdle || find(#""idleDuration":"#, in: json) == nil {
                out.write(utf8: UnsafeRawBufferPointer(rebasing: json.dropLast(mark.count)))
                out.write(literal: "}")
            } else if let object = SQLiteProjectStore.json(String(decoding: json, as: UTF8.self))?.objectValue {
                JSONWriter().write(StageHistoryEntry(stored: object).json(includeIdle: includeIdle), to: &out)
            }
            return
        }
        guard !includeIdle, let cut = idleDuration(in: json) else { return out.write(utf8: json) }
        out.write(utf8: UnsafeRawBufferPointer(rebasing: json[..<cut.lowerBound]))
        out.write(utf8: UnsafeRawBufferPointer(rebasing: json[cut.upperBound...]))
    }

    /// Where `,"idleDuration":N` sits in a stored entry, as offsets: its first occurrence (keys
    /// and strings before it are the stage, its id and the duration, and a quote inside a string
    /// is escaped).
    static func idleDuration(in json: UnsafeRawBufferPointer) -> Range<Int>? {
        let key: StaticString = #","idleDuration":"#
        guard let start = find(key, in: json) else { return nil }
        var end = start + key.utf8CodeUnitCount
        while end < json.count, json[end] == UInt8(ascii: "-") || (0x30...0x39).contains(json[end]) { end += 1 }
        return start..<end
    }

    /// The offset of the first occurrence of `key` in `bytes`: `memchr` finds each place of the
    /// key's first capital letter (rare in JSON's punctuation and keys), where the key is compared.
    static func find(_ key: StaticString, in bytes: UnsafeRawBufferPointer) -> Int? {
        let length = key.utf8CodeUnitCount
        guard let base = bytes.baseAddress, bytes.count >= length else { return nil }
        let keyBytes = UnsafeBufferPointer(start: key.utf8Start, count: length)
        let anchor = keyBytes.firstIndex { (0x41...0x5A).contains($0) } ?? 0
        var from = anchor
        while from < bytes.count, let hit = memchr(base + from, Int32(keyBytes[anchor]), bytes.count - from) {
            let at = base.distance(to: UnsafeRawPointer(hit))
            let start = at - anchor
            if start + length <= bytes.count, memcmp(base + start, key.utf8Start, length) == 0 { return start }
            from = at + 1
        }
        return nil
    }

    static func equal(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        bytes.count == text.utf8CodeUnitCount && starts(bytes, with: text)
    }

    static func starts(_ bytes: UnsafeRawBufferPointer, with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count, let base = bytes.baseAddress else { return count == 0 }
        return memcmp(base, prefix.utf8Start, count) == 0
    }

    static func ends(_ bytes: UnsafeRawBufferPointer, with suffix: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= suffix.count, let base = bytes.baseAddress, let suffixBase = suffix.baseAddress else { return suffix.isEmpty }
        return memcmp(base + (bytes.count - suffix.count), suffixBase, suffix.count) == 0
    }

    /// A task that cannot be spliced, read and made the ordinary way (nil when it is gone).
    static func decodedAsset(_ id: Int64, store: any ProjectStore, settings: ProjectSettings, options: AngoExport.Options,
                             annex: TaskAnnex) throws -> JSONValue? {
        guard let task = try store.task(id: id) else { return nil }
        let record = TaskRecord(task: task, history: try store.history(taskId: id), draft: try store.draft(taskId: id, stage: task.stage),
                                consensus: try store.consensus(taskId: id))
        return AngoExport.asset(annex.complete(record), settings: settings, options: options)
    }
}
