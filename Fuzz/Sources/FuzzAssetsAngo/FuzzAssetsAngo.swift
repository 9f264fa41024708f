import FuzzAssets
import FuzzSupport
import LabelCore

/// Ango export assets (`{"asset", "externalId", "task": {…, "stageHistory": […]}}`) through the
/// asset reader. Beyond the checks of every reader: each export record becomes one task with the
/// task's answers as pre-labels, its taskId, and its whole stage history; and every time read
/// from it is written back as ISO 8601 that reads to the same moment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAssetsAngo(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    checkStored(bytes)
    guard let read = checkAssets(bytes, file: "export.json"), let json = try? JSONParser.parse(bytes) else { return 0 }
    let records = json.arrayValue ?? [json]
    // A file that reads has no errors, so each record gave a task, or pre-labels when it has no data.
    var tasks = read.tasks.makeIterator()
    for record in records {
        guard let object = record.objectValue else { check(false, "a record that is no object was read"); return 0 }
        if let task = object["task"]?.objectValue {
            guard let read = tasks.next() else { check(false, "an export record gave no task"); return 0 }
            check(read.annotations == Annotations(from: task), "the task's answers are not its pre-labels")
            check(read.taskId == task["taskId"]?.stringValue, "taskId \(String(describing: read.taskId)) is not the export's")
            let history = task["stageHistory"]?.arrayValue ?? []
            check(read.history.count == history.count, "\(history.count) stage history entries became \(read.history.count)")
            for entry in read.history {
                if let time = entry.completedAt { checkTime(time) }
            }
            if let time = read.updatedAt { checkTime(time) }
        } else if object["data"] != nil || object["asset"] != nil {
            guard tasks.next() != nil else { check(false, "an asset record gave no task"); return 0 }
        }
    }
    check(tasks.next() == nil, "more tasks than records")
    return 0
}

/// A time read from an export, as termlabel writes it, reads back to the same moment.
func checkTime(_ time: Timestamp) {
    let written = time.iso8601
    check(Timestamp(iso8601: written) == time, "\(time.millisecondsSince1970) ms is written \(written), which reads back otherwise")
}

/// An asset read as stored (`StoredAngoAsset`, the fast path of a streamed Ango export) is one
/// the parser reads, whose text is exactly what the writer writes for it, and which the reader
/// takes as a task (`decoded` traps otherwise); its stage is that task's.
func checkStored(_ bytes: [UInt8]) {
    guard let stored = bytes.withUnsafeBufferPointer({ StoredAngoAsset.read($0, fallbackId: "export-1") }) else { return }
    guard let value = try? JSONParser.parse(bytes) else {
        check(false, "an asset read as stored is refused by the parser")
        return
    }
    var written: [UInt8] = []
    JSONWriter.appendCompact(value, to: &written)
    check(written == bytes, "an asset read as stored is not as the writer writes it")
    check(stored.decoded().stage == stored.stage, "an asset read as stored enters another stage than the reader's task")
}
