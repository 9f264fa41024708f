import Foundation
import OrderedCollections

/// Writes Ango's export: a JSON array of assets, each with its `task` (or NDJSON, one asset a
/// line). Streams task by task, so memory does not grow with the project, into a temporary file
/// that is renamed into place only when complete.
public enum AngoExport {
    /// What every export format is told (stage, NDJSON, idle time, history).
    public typealias Options = ExportOptions

    /// Exports to `path` atomically (or to standard output when `path` is nil); returns the count.
    @discardableResult
    public static func export(_ store: any ProjectStore, options: Options, to path: String?) throws -> Int {
        let settings = try store.settings()
        return try ExportFile.write(to: path) { out in try write(store, settings: settings, options: options, to: &out) }
    }

    static func write<Out: ThrowingTextOutput>(_ store: any ProjectStore, settings: ProjectSettings, options: Options, to out: inout Out) throws -> Int {
        // From SQLite and PostgreSQL, the stored JSON texts are spliced in where they are in the
        // export's shape (gold tasks, with --benchmarks, are written decoded).
        if !options.benchmarks, AngoStoredExport.splices(store) {
            return try AngoStoredExport.write(store, settings: settings, options: options, to: &out)
        }
        return try writeDecoded(store, settings: settings, options: options, to: &out)
    }

    /// Every task read, decoded and written again: for any store, and what the spliced export of
    /// SQLite and PostgreSQL must equal byte for byte.
    static func writeDecoded<Out: ThrowingTextOutput>(_ store: any ProjectStore, settings: ProjectSettings, options: Options, to out: inout Out) throws -> Int {
        var count = 0
        let writer = JSONWriter()
        let annex = try TaskAnnex(store)
        if !options.ndjson { out.write("[") }
        func put(_ value: JSONValue) throws {
            if !options.ndjson { out.write(count == 0 ? "\n" : ",\n") }
            writer.write(value, to: &out)
            if options.ndjson { out.write("\n") }
            count += 1
            try out.check()
        }
        try store.forEachTask(in: options.stage) { record in
            guard record.task.benchmark == nil else { return }
            try put(asset(annex.complete(record), settings: settings, options: options))
        }
        if options.benchmarks {
            let results = Dictionary(grouping: try store.benchmarkResults(), by: \.taskId)
            try store.forEachTask(in: .label) { record in
                guard let gold = record.task.benchmark else { return }
                try put(benchmarkAsset(record, gold: gold, results: results[record.task.id] ?? [], settings: settings, options: options))
            }
        }
        if !options.ndjson { out.write(count == 0 ? "]\n" : "\n]\n") }
        return count
    }

    /// One exported asset. Keys in Ango's order; keys of imported assets that termlabel does not
    /// use come back after `batches`.
    public static func asset(_ record: TaskRecord, settings: ProjectSettings, options: Options) -> JSONValue {
        let task = record.task
        var asset: JSONObject = ["asset": task.asset, "externalId": .string(task.externalId), "metadata": task.metadata,
                                 "batches": .array(task.batches)]
        for (key, value) in task.extra where asset[key] == nil { asset[key] = value }
        var t: JSONObject = ["taskId": .string(task.taskId), "stage": .string(task.stage.name), "stageId": .string(task.stage.id)]
        if let at = record.draft?.savedAt ?? task.updatedAt { t["updatedAt"] = .string(at.iso8601) }
        if let by = record.draft?.user ?? task.updatedBy { t["updatedBy"] = .string(settings.exportName(of: by)) }
        let stages = record.history.filter { $0.stage != Stage.start.name }
        t["totalDuration"] = .int(stages.reduce(0) { $0 + $1.duration })
        if options.includeIdle { t["idleDuration"] = .int(stages.reduce(0) { $0 + ($1.idleDuration ?? 0) }) }
        if let consensus = record.consensus {
            t["consensusAverage"] = .int(consensus.score.averagePercent)
            t["consensusDetailed"] = consensus.score.detailedJSON
        }
        t["tools"] = .array(task.annotations.tools)
        // A task still being answered in the exported stage is written as it stands: its draft.
        t["classifications"] = .array(record.draft?.classifications ?? task.annotations.classifications)
        t["relations"] = .array(task.annotations.relations)
        if let comment = task.reviewComment { t["reviewComment"] = .string(comment) }
        // termlabel's own fields (docs/formats.md): the task's issues and its hold.
        if !record.issues.isEmpty { t["issues"] = .array(record.issues.map { $0.json(settings: settings) }) }
        if let hold = record.hold { t["hold"] = hold.json(settings: settings) }
        if options.includeHistory {
            t["stageHistory"] = .array(record.history.map { $0.json(includeIdle: options.includeIdle) })
        }
        asset["task"] = .object(t)
        return .object(asset)
    }

    /// A gold task as exported with `--benchmarks`: `"isBenchmark": true`, the task's
    /// classifications are its known answers, and `"benchmark"` lists each annotator's scored
    /// answer (see docs/formats.md).
    static func benchmarkAsset(
        _ record: TaskRecord, gold: [JSONValue], results: [BenchmarkResult], settings: ProjectSettings, options: Options
    ) -> JSONValue {
        var record = record
        record.draft = nil
        record.task.annotations.classifications = gold
        var asset = asset(record, settings: settings, options: options).objectValue ?? [:]
        asset["isBenchmark"] = true
        asset["benchmark"] = .array(results.map { r in
            [
                "annotator": .string(settings.exportName(of: r.user)), "completedAt": .string(r.submittedAt.iso8601),
                "duration": .int(r.time.active), "score": r.score.json["score"] ?? .null, "passed": .bool(!r.failed),
                "scoreDetailed": r.score.json["questions"] ?? [], "classifications": .array(r.classifications),
            ]
        })
        return .object(asset)
    }
}
