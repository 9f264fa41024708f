import Foundation

/// Reads a JSON Lines or JSON array assets file (termlabel's records, or an Ango export's
/// assets) record by record and hands its tasks over in batches, so reading a file of a million costs
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

    /// Whether the file at `path` is read as a stream: JSON Lines or a JSON array whose first
    /// records are termlabel's records or an Ango export's assets (or `--format` names one).
    public static func streams(path: String, options: ReadOptions) -> Bool {
        guard let source = head(path: path, options: options) else { return false }
        // The legacy Ango export (assets with a "tasks" list) has its own reader.
        if source.sample.contains(where: { $0["tasks"]?.arrayValue != nil && $0["task"] == nil }) { return false }
        if let name = options.format { return formats.contains(name.lowercased()) }
        guard let found = FormatRegistry.detect(source) else { return false }
        return formats.contains(found.format.name)
    }

    /// Whether the file is one JSON array (else JSON Lines), as `AssetSource` decides.
    static func isArray(_ bytes: [UInt8], path: String) -> Bool {
        let lower = path.lowercased()
        if [".jsonl", ".ndjson"].contains(where: lower.hasSuffix) { return false }
        return bytes.first { !JSONArrayItems.isSpace($0) && ![0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "[")
    }

    /// What a detector sees of the file, from its first 256 KB: its first lines, or the first
    /// items of its array as an array. Nil for other files (CSV, one JSON object, a wrapped list).
    static func head(path: String, options: ReadOptions) -> AssetSource? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let size = 1 << 18
        guard var bytes = try? handle.read(upToCount: size).map(Array.init) else { return nil }
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || options.textColumn != nil { return nil }
        if isArray(bytes, path: path) {
            var items = JSONArrayItems(file: path)
            var sample: [[UInt8]] = []
            _ = try? bytes.withUnsafeBufferPointer { buffer in
                try items.feed(buffer) { item, _, _ in
                    sample.append(item)
                    return sample.count < AssetSource.sampleSize
                }
            }
            guard !sample.isEmpty else { return nil }
            let array = [UInt8(ascii: "[")] + Array(sample.joined(separator: [UInt8(ascii: ",")])) + [UInt8(ascii: "]")]
            return try? AssetSource(bytes: array, file: path, options: options)
        }
        if bytes.count == size, let lastLine = bytes.lastIndex(of: 0x0A) { bytes.removeSubrange((lastLine + 1)...) }
        guard let source = try? AssetSource(bytes: bytes, file: path, options: options), source.layout == .lines else { return nil }
        return source
    }

    /// Whether the file is an Ango export (`--format`, or what its first records look like):
    /// only its assets are tried as stored (`StoredAngoAsset`), so other records are not read twice.
    static func isAngoExport(path: String, options: ReadOptions) -> Bool {
        if let name = options.format { return name.lowercased() == "ango-export" }
        return head(path: path, options: options).flatMap { FormatRegistry.detect($0) }?.format.name == "ango-export"
    }

    /// A line without the white space JSON allows around a value.
    static func trimmed(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = line.count
        while start < end, JSONArrayItems.isSpace(line[start]) { start += 1 }
        while end > start, JSONArrayItems.isSpace(line[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: line[start..<end])
    }

    /// Reads the file, handing its tasks to `deliver` in batches of `batchSize`; returns what
    /// the file holds besides (pre-labels for other tasks, warnings, counts), with no tasks.
    public static func read(
        path: String, options: ReadOptions, batchSize: Int = 1_000, progress: ((Progress) -> Void)? = nil,
        _ deliver: ([IncomingTask]) throws -> Void
    ) throws -> AssetFile {
        var builder = AssetReader.Builder(file: path)
        let total = FileLines(path: path).size
        var records = 0
        var delivered = 0
        var batch: [IncomingTask] = []
        batch.reserveCapacity(batchSize)
        func handOver(_ bytesRead: Int) throws {
            if builder.errorCount == 0, !batch.isEmpty { try deliver(batch) }
            delivered += batch.count
            batch.removeAll(keepingCapacity: true)
            progress?(Progress(records: records, bytesRead: bytesRead, totalBytes: total))
        }
        let angoExport = isAngoExport(path: path, options: options)
        func take(_ asset: StoredAngoAsset?) -> Bool {
            guard let asset else { return false }
            builder.countAngoExportAsset()
            batch.append(.stored(asset))
            return true
        }
        /// An Ango export's asset in the form it is stored in (or in that form but for white
        /// space between its tokens) is taken as it is; any other record is parsed (and checked,
        /// and its errors placed).
        func stored(_ bytes: UnsafeBufferPointer<UInt8>, number: Int) -> Bool {
            guard angoExport else { return false }
            return take(StoredAngoAsset.read(bytes, fallbackId: builder.fallbackId(number))
                ?? CompactJSON.minified(bytes).flatMap { $0.withUnsafeBufferPointer { StoredAngoAsset.read($0, fallbackId: builder.fallbackId(number)) } })
        }
        /// An Ango export's asset spelled otherwise (`\/`, `\u00e9`), once parsed: written as the
        /// writer writes it and taken as stored from that, rather than read field by field.
        func stored(_ value: JSONValue, number: Int) -> Bool {
            guard angoExport, value.objectValue?["task"] != nil else { return false }
            var compact: [UInt8] = []
            JSONWriter.appendCompact(value, to: &compact)
            return take(compact.withUnsafeBufferPointer { StoredAngoAsset.read($0, fallbackId: builder.fallbackId(number)) })
        }
        func taken() {
            for task in builder.tasks { batch.append(.decoded(task)) }
            builder.tasks.removeAll(keepingCapacity: true)
        }
        var head: [UInt8] = []
        if let handle = FileHandle(forReadingAtPath: path) {
            head = (try? handle.read(upToCount: 4096)).map { Array($0) } ?? []
            try? handle.close()
        }
        let array = isArray(head, path: path)
        if array {
            try JSONArrayItems.forEach(path: path) { item, index, start, bytesRead in
                records += 1
                if item.withUnsafeBufferPointer({ stored($0, number: index + 1) }) {
                    if batch.count >= batchSize { try handOver(bytesRead) }
                    return true
                }
                let value: JSONValue
                do throws(JSONSyntaxError) {
                    value = try JSONParser.parse(item)
                } catch {
                    var diagnostic = Diagnostic(error, file: path)
                    diagnostic.location = JSONArrayItems.place(error.location, itemStart: start)
                    diagnostic.path = error.path.map { JSONPath([.index(index)] + $0.components) }
                    throw DiagnosticsError(diagnostic)
                }
                if !stored(value, number: index + 1) {
                    builder.record(value, path: JSONPath.root / index, fallbackNumber: index + 1) { path in
                        JSONParser.location(of: JSONPath(Array(path.components.dropFirst())), in: item).map {
                            JSONArrayItems.place($0, itemStart: start)
                        }
                    }
                }
                taken()
                if batch.count >= batchSize { try handOver(bytesRead) }
                return true
            }
        } else {
            try FileLines(path: path).forEach { line, number, bytesRead in
                records += 1
                if stored(trimmed(line), number: number) {
                    if batch.count >= batchSize { try handOver(bytesRead) }
                    return true
                }
                do throws(JSONSyntaxError) {
                    let value = try JSONParser.parse(line)
                    if !stored(value, number: number) {
                        builder.record(value, path: .root, fallbackNumber: number) { path in
                            JSONParser.location(of: path, in: Array(line)).map { SourceLocation(line: number, column: $0.column) }
                        }
                    }
                } catch {
                    var diagnostic = Diagnostic(error, file: path, lineOffset: number - 1)
                    diagnostic.hint = "fix the JSON on this line; each line is one record"
                    builder.add(diagnostic)
                }
                taken()
                if batch.count >= batchSize { try handOver(bytesRead) }
                return true
            }
        }
        try handOver(total)
        var file = try builder.finish(array ? .jsonArray : .jsonLines, streamed: delivered)
        file.format = options.format?.lowercased() ?? (builder.counts["Ango export assets"] != nil ? "ango-export" : "assets")
        return file
    }
}
