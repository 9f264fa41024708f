import Foundation

/// Reads a JSON Lines assets file (termlabel's records, or an Ango export's assets as NDJSON)
/// record by record and hands its tasks over in batches, so reading a file of a million costs
/// the memory of one batch. Records are checked exactly as `AssetReader` checks them; once one
/// has an error no batch is handed over any more, the rest are still checked (for the errors'
/// list), and the errors are thrown at the end, naming file, line and column.
public enum AssetStream {
    /// How far a read has come: for a progress line.
    public struct Progress: Sendable {
        public var records: Int
        public var bytesRead: Int
        public var totalBytes: Int
    }

    /// The formats read this way; other files are read whole.
    static let formats: Set<String> = ["assets", "ango-export"]

    /// Whether the file at `path` is read as a stream: JSON Lines whose first records are
    /// termlabel's records or an Ango export's assets (or `--format` names one of those).
    public static func streams(path: String, options: ReadOptions) -> Bool {
        guard let source = head(path: path, options: options), source.layout == .lines else { return false }
        // The legacy Ango export (assets with a "tasks" list) has its own reader.
        if source.sample.contains(where: { $0["tasks"]?.arrayValue != nil && $0["task"] == nil }) { return false }
        if let name = options.format { return formats.contains(name.lowercased()) }
        guard let found = FormatRegistry.detect(source) else { return false }
        return formats.contains(found.format.name)
    }

    /// The file's first lines (up to 256 KB), as a detector sees a file.
    static func head(path: String, options: ReadOptions) -> AssetSource? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard var bytes = try? handle.read(upToCount: 1 << 18).map(Array.init) else { return nil }
        if bytes.count == 1 << 18, let lastLine = bytes.lastIndex(of: 0x0A) { bytes.removeSubrange((lastLine + 1)...) }
        return try? AssetSource(bytes: bytes, file: path, options: options)
    }

    /// Reads the file, handing its tasks to `deliver` in batches of `batchSize`; returns what
    /// the file holds besides (pre-labels for other tasks, warnings, counts), with no tasks.
    public static func read(
        path: String, options: ReadOptions, batchSize: Int = 5_000, progress: ((Progress) -> Void)? = nil,
        _ deliver: ([NewTask]) throws -> Void
    ) throws -> AssetFile {
        var builder = AssetReader.Builder(file: path)
        let lines = FileLines(path: path)
        let total = lines.size
        var records = 0
        var delivered = 0
        func handOver() throws {
            if builder.errorCount == 0, !builder.tasks.isEmpty { try deliver(builder.tasks) }
            delivered += builder.tasks.count
            builder.tasks.removeAll(keepingCapacity: true)
        }
        try lines.forEach { line, number, bytesRead in
            do throws(JSONSyntaxError) {
                let value = try JSONParser.parse(line)
                builder.record(value, path: .root, fallbackId: "\(builder.baseName)-\(number)") { path in
                    JSONParser.location(of: path, in: Array(line)).map { SourceLocation(line: number, column: $0.column) }
                }
            } catch {
                var diagnostic = Diagnostic(error, file: path, lineOffset: number - 1)
                diagnostic.hint = "fix the JSON on this line; each line is one record"
                builder.add(diagnostic)
            }
            records += 1
            if builder.tasks.count >= batchSize {
                try handOver()
                progress?(Progress(records: records, bytesRead: bytesRead, totalBytes: total))
            }
            return true
        }
        try handOver()
        progress?(Progress(records: records, bytesRead: total, totalBytes: total))
        var file = try builder.finish(.jsonLines, streamed: delivered)
        file.format = options.format?.lowercased() ?? (builder.counts["Ango export assets"] != nil ? "ango-export" : "assets")
        return file
    }
}
