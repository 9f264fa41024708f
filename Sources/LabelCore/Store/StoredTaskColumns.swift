/// The parts of a stored task the Ango export copies, as UTF-8 bytes: a `StoredTask`'s strings,
/// or the row a SQLite statement stands on (no `String` made of it).
protocol StoredTaskColumns {
    var id: Int64 { get }
    var stage: Stage { get }
    var updatedAt: Timestamp? { get }
    /// A draft in its stage or a consensus score: the task is written decoded.
    var hasDraftOrScore: Bool { get }
    /// A text column's bytes (nil for NULL), valid during `body`.
    func withBytes<R>(_ column: StoredColumn, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R
    /// Calls `body` with each of the task's history entries in order; once a task.
    mutating func forEachHistoryEntry(_ body: (StoredHistoryEntryBytes) throws -> Void) throws
}

enum StoredColumn {
    case taskId, externalId, asset, metadata, batches, extra, updatedBy, annotations, reviewComment
}

/// A stored history entry: its JSON as stored and its stage's name, as bytes valid during the call.
struct StoredHistoryEntryBytes {
    var json: UnsafeRawBufferPointer
    var stage: UnsafeRawBufferPointer
    var duration: Int64
    var idle: Int64
}

extension StoredTask: StoredTaskColumns {
    var hasDraftOrScore: Bool { draft != nil || scored }

    func withBytes<R>(_ column: StoredColumn, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        let text: String? = switch column {
        case .taskId: taskId
        case .externalId: externalId
        case .asset: asset
        case .metadata: metadata
        case .batches: batches
        case .extra: extra
        case .updatedBy: updatedBy
        case .annotations: annotations
        case .reviewComment: reviewComment
        }
        guard var text else { return try body(nil) }
        return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }

    func forEachHistoryEntry(_ body: (StoredHistoryEntryBytes) throws -> Void) throws {
        for entry in history {
            var json = entry.json
            var stage = entry.stage
            try json.withUTF8 { json in
                try stage.withUTF8 { stage in
                    try body(StoredHistoryEntryBytes(json: UnsafeRawBufferPointer(json), stage: UnsafeRawBufferPointer(stage),
                                                     duration: entry.duration, idle: entry.idle))
                }
            }
        }
    }
}
