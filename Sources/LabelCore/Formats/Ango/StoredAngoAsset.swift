import Foundation

/// An asset of an Ango export whose JSON is already in the form termlabel stores (compact, as
/// `JSONWriter` writes it), read from its bytes without building its values: the texts its task
/// stores (the asset, metadata, answers, each history entry) are copied as they came, and only
/// the few fields the store needs as values (ids, stage, times, users) are decoded.
///
/// `read` says nil for any asset it cannot take this way (white space between tokens, which
/// `AssetStream` then takes out with `CompactJSON.minified` and tries again; an escape the writer
/// would write differently; a repeated key; an error of any kind), and `AssetStream` parses that
/// one instead; both ways give a task the same rows, byte for byte (`StoredAngoAssetTests`).
public struct StoredAngoAsset: Sendable {
    /// The asset's JSON, whole; the ranges below are places in it.
    let bytes: [UInt8]
    public let externalId: String
    /// The stage it enters (its export's stage, until `StagePlacement` moves it).
    public var stage: Stage
    let taskId: String?
    let updatedAt: Timestamp?
    let updatedBy: String?
    let asset: Range<Int>
    /// Nil: none (stored as `{}`).
    let metadata: Range<Int>?
    /// A non-empty array; nil: stored as `[]`.
    let batches: Range<Int>?
    /// Members kept for export (`"key":value`), in their order.
    let extra: [Range<Int>]
    /// The answers' arrays (nil: none, stored as `[]`).
    let tools: Range<Int>?
    let classifications: Range<Int>?
    let relations: Range<Int>?
    let history: [Entry]

    /// A stage-history entry: its JSON, and what the history row holds apart from it.
    struct Entry: Sendable {
        var json: Range<Int>
        var stage: String
        var completedBy: String?
        var duration: Int64
        var idle: Int64
        var reviewStatus: ReviewStatus?
        var completedAt: Timestamp?
    }

    /// Whether the task starts without answers (it shares the batch's "no answers" text).
    var hasNoAnswers: Bool {
        func isEmpty(_ array: Range<Int>?) -> Bool { array.map { $0.count == 2 } ?? true }
        return isEmpty(tools) && isEmpty(classifications) && isEmpty(relations)
    }

    /// The answers the task starts with, decoded (for its Start entry when it brings no history).
    func decodedAnswers() -> Annotations {
        bytes.withUnsafeBufferPointer { item in
            func array(_ range: Range<Int>?) -> [JSONValue] {
                range.flatMap { (try? JSONParser.parse(UnsafeBufferPointer(rebasing: item[$0])))?.arrayValue } ?? []
            }
            return Annotations(classifications: array(classifications), tools: array(tools), relations: array(relations))
        }
    }

    /// The preview the list shows: of the asset's string, or of its JSON when it is not one.
    func appendPreview(to out: inout [UInt8]) {
        let text = bytes.withUnsafeBufferPointer { item in Self.string(item, asset) ?? String(decoding: item[asset], as: UTF8.self) }
        SQLiteProjectStore.appendPreview(ofText: text, to: &out)
    }

    /// The task as `AssetReader` reads it from the same JSON, with every value decoded (for a
    /// store that writes values, and to check the two readings agree).
    public func decoded() -> NewTask {
        var builder = AssetReader.Builder(file: "")
        let value = (try? JSONParser.parse(bytes)) ?? .null
        builder.record(value, path: .root, fallbackNumber: 0) { _ in nil }
        guard var task = builder.tasks.first else { preconditionFailure("an asset read as stored is one the reader takes") }
        // Only the externalId an asset without one is given depends on the file and the place.
        task.externalId = externalId
        task.stage = stage
        return task
    }

    /// The asset in `item` (an Ango export's asset, `{"asset", "externalId", "task"}`), or nil when
    /// it is not in stored form or not such an asset; `fallbackId` is the externalId of an
    /// asset without one.
    public static func read(_ item: UnsafeBufferPointer<UInt8>, fallbackId: @autoclosure () -> String) -> StoredAngoAsset? {
        var scan = CompactJSON(item)
        var externalId: String?
        var asset: Range<Int>?
        var data: Range<Int>?
        var metadata: Range<Int>?
        var batches: Range<Int>?
        var extra: [Range<Int>] = []
        var task: TaskFields?
        let read = scan.object { scan, key in
            let start = scan.index
            if scan.key(key, is: "task") {
                task = TaskFields.read(&scan)
                return task != nil
            }
            guard scan.skipValue() else { return false }
            let value = start..<scan.index
            if scan.key(key, is: "externalId") {
                switch item[start] {
                case UInt8(ascii: "\""):
                    guard let id = string(item, value), !id.isEmpty else { return false }
                    externalId = id
                case UInt8(ascii: "n"): break
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): externalId = String(decoding: item[value], as: UTF8.self)
                default: return false
                }
            } else if scan.key(key, is: "asset") {
                asset = value
            } else if scan.key(key, is: "data") {
                data = value
            } else if scan.key(key, is: "metadata") {
                metadata = value
            } else if scan.key(key, is: "batches") {
                batches = value
            } else {
                extra.append(key.lowerBound - 1..<value.upperBound)
            }
            return true
        }
        guard read, scan.index == item.count, let task, let assetValue = asset ?? data else { return nil }
        return StoredAngoAsset(
            bytes: Array(item), externalId: externalId ?? fallbackId(),
            stage: AngoStage.stage(name: task.stage, id: task.stageId), taskId: task.taskId, updatedAt: task.updatedAt,
            updatedBy: task.updatedBy, asset: assetValue, metadata: metadata,
            batches: batches.flatMap { item[$0.lowerBound] == UInt8(ascii: "[") && $0.count > 2 ? $0 : nil }, extra: extra,
            tools: task.tools ?? task.objects, classifications: task.classifications, relations: task.relations,
            history: task.history)
    }

    /// What the asset's `task` object gives.
    private struct TaskFields {
        var taskId: String?
        var stage: String?
        var stageId: String?
        var updatedAt: Timestamp?
        var updatedBy: String?
        var tools: Range<Int>?
        var objects: Range<Int>?
        var classifications: Range<Int>?
        var relations: Range<Int>?
        var history: [Entry] = []

        static func read(_ scan: inout CompactJSON) -> TaskFields? {
            let item = scan.bytes
            var fields = TaskFields()
            let read = scan.object { scan, key in
                let start = scan.index
                if scan.key(key, is: "stageHistory") {
                    guard let entries = readHistory(&scan) else { return false }
                    fields.history = entries
                    return true
                }
                guard scan.skipValue() else { return false }
                let value = start..<scan.index
                let isArray = item[start] == UInt8(ascii: "[")
                if scan.key(key, is: "taskId") {
                    fields.taskId = string(item, value)
                } else if scan.key(key, is: "stage") {
                    fields.stage = string(item, value)
                } else if scan.key(key, is: "stageId") {
                    fields.stageId = string(item, value)
                } else if scan.key(key, is: "updatedAt") {
                    fields.updatedAt = string(item, value).flatMap { Timestamp(iso8601: $0) }
                } else if scan.key(key, is: "updatedBy") {
                    fields.updatedBy = string(item, value)
                } else if scan.key(key, is: "tools") {
                    fields.tools = isArray ? value : nil
                } else if scan.key(key, is: "objects") {
                    fields.objects = isArray ? value : nil
                } else if scan.key(key, is: "classifications") {
                    fields.classifications = isArray ? value : nil
                } else if scan.key(key, is: "relations") {
                    fields.relations = isArray ? value : nil
                }
                return true
            }
            return read ? fields : nil
        }

        /// The `stageHistory` array: each entry an object without termlabel's `_imported` mark.
        static func readHistory(_ scan: inout CompactJSON) -> [Entry]? {
            let item = scan.bytes
            var entries: [Entry] = []
            let read = scan.array { scan in
                let start = scan.index
                var entry = Entry(json: start..<start, stage: "", completedBy: nil, duration: 0, idle: 0, reviewStatus: nil, completedAt: nil)
                let read = scan.object { scan, key in
                    // termlabel's own mark: the parsed reading writes it where it stands.
                    guard !scan.key(key, is: "_imported") else { return false }
                    let valueStart = scan.index
                    guard scan.skipValue() else { return false }
                    let value = valueStart..<scan.index
                    if scan.key(key, is: "stage") {
                        entry.stage = string(item, value) ?? ""
                    } else if scan.key(key, is: "duration") {
                        entry.duration = integer(item, value).map(Int64.init) ?? 0
                    } else if scan.key(key, is: "idleDuration") {
                        entry.idle = integer(item, value).map(Int64.init) ?? 0
                    } else if scan.key(key, is: "completedAt") {
                        entry.completedAt = string(item, value).flatMap { Timestamp(iso8601: $0) }
                    } else if scan.key(key, is: "completedBy") {
                        entry.completedBy = string(item, value)
                    } else if scan.key(key, is: "reviewStatus") {
                        entry.reviewStatus = string(item, value).flatMap(ReviewStatus.init(rawValue:))
                    }
                    return true
                }
                guard read else { return false }
                entry.json = start..<scan.index
                entries.append(entry)
                return true
            }
            return read ? entries : nil
        }
    }

    /// The string at `value`, decoded; nil when the value is not a string.
    static func string(_ item: UnsafeBufferPointer<UInt8>, _ value: Range<Int>) -> String? {
        guard item[value.lowerBound] == UInt8(ascii: "\"") else { return nil }
        let inner = UnsafeBufferPointer(rebasing: item[value.lowerBound + 1..<value.upperBound - 1])
        // Checked as UTF-8 by the scan; one with escapes is decoded by the parser.
        if !inner.contains(UInt8(ascii: "\\")) { return String(decoding: inner, as: UTF8.self) }
        return (try? JSONParser.parse(UnsafeBufferPointer(rebasing: item[value])))?.stringValue
    }

    /// The whole number at `value`, as `JSONValue.intValue` reads it; nil when it is not one.
    static func integer(_ item: UnsafeBufferPointer<UInt8>, _ value: Range<Int>) -> Int? {
        let first = item[value.lowerBound]
        guard first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return nil }
        return JSONValue.number(String(decoding: item[value], as: UTF8.self)).intValue
    }
}
