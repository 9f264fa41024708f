import Foundation
import OrderedCollections

/// Writes Ango's export: a JSON array of assets, each with its `task` (or NDJSON, one asset a
/// line). Streams task by task, so memory does not grow with the project, into a temporary file
/// that is renamed into place only when complete.
public enum AngoExport {
    public struct Options: Equatable, Sendable {
        /// The stage whose tasks are exported; Ango's default is Complete.
        public var stage: Stage
        public var ndjson: Bool
        /// Adds `idleDuration` (ms) to the task and each stage history entry.
        public var includeIdle: Bool
        public var includeHistory: Bool
        public init(stage: Stage = .complete, ndjson: Bool = false, includeIdle: Bool = false, includeHistory: Bool = true) {
            self.stage = stage
            self.ndjson = ndjson
            self.includeIdle = includeIdle
            self.includeHistory = includeHistory
        }
    }

    /// Exports to `path` atomically (or to standard output when `path` is nil); returns the count.
    @discardableResult
    public static func export(_ store: any ProjectStore, options: Options, to path: String?) throws -> Int {
        let settings = try store.settings()
        guard let path else {
            var out = FileOutput(handle: FileHandle.standardOutput)
            let n = try write(store, settings: settings, options: options, to: &out)
            try out.flush()
            return n
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        PartialFile.removeStale(for: path)
        let temporary = PartialFile.path(for: path)
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw Diagnostic(.error, "cannot write in \(directory)", file: path, hint: "check that the directory exists and is writable")
        }
        do {
            var out = FileOutput(handle: handle)
            let n = try write(store, settings: settings, options: options, to: &out)
            try out.flush()
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, path) == 0 else {
                throw Diagnostic(.error, "cannot move the export into place: \(String(cString: strerror(errno)))", file: path)
            }
            return n
        } catch {
            try? handle.close()
            unlink(temporary)
            throw error
        }
    }

    static func write<Out: ThrowingTextOutput>(_ store: any ProjectStore, settings: ProjectSettings, options: Options, to out: inout Out) throws -> Int {
        var count = 0
        let writer = JSONWriter()
        if !options.ndjson { out.write("[") }
        try store.forEachTask(in: options.stage) { record in
            if !options.ndjson { out.write(count == 0 ? "\n" : ",\n") }
            writer.write(asset(record, settings: settings, options: options), to: &out)
            if options.ndjson { out.write("\n") }
            count += 1
            try out.check()
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
        t["tools"] = .array(task.annotations.tools)
        // A task still being answered in the exported stage is written as it stands: its draft.
        t["classifications"] = .array(record.draft?.classifications ?? task.annotations.classifications)
        t["relations"] = .array(task.annotations.relations)
        if let comment = task.reviewComment { t["reviewComment"] = .string(comment) }
        if options.includeHistory {
            t["stageHistory"] = .array(record.history.map { $0.json(includeIdle: options.includeIdle) })
        }
        asset["task"] = .object(t)
        return .object(asset)
    }
}

/// A text output that can fail (a full disk): errors surface at `check()` and `flush()`.
protocol ThrowingTextOutput: TextOutputStream {
    mutating func check() throws
}

/// Buffers text and writes it to a file in 64 KiB pieces.
struct FileOutput: ThrowingTextOutput {
    let handle: FileHandle
    var buffer: [UInt8] = []
    var failure: Error?

    init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 17)
    }

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= 1 << 16 { try? flush() }
    }

    mutating func flush() throws {
        if let failure { throw failure }
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            failure = Diagnostic(.error, "writing the export failed: \(error.localizedDescription)", hint: "is the disk full?")
            throw failure!
        }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func check() throws {
        if let failure { throw failure }
    }
}
