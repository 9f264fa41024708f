import Foundation
import LabelCore

/// Answers the project's database could not take (the connection to a PostgreSQL server was lost):
/// kept in a small file of this machine until the server is back. One file per user and project
/// directory (`DIR/journal/USER.json`, else the temporary directory), holding the latest unsaved
/// draft; removed once the draft is saved. Opening the project again saves what it holds first.
struct DraftJournal {
    let path: String

    init(projectDirectory: String?, user: String) {
        let safe = String(user.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" }.prefix(80))
        let base = projectDirectory.map { ($0 as NSString).appendingPathComponent("journal") }
            ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("termlabel-journal")
        path = (base as NSString).appendingPathComponent("\(safe).json")
    }

    /// Writes the draft (replacing the one there), durably; false when it cannot be written.
    @discardableResult
    func write(_ draft: Draft) -> Bool {
        let record: JSONValue = [
            "taskId": .number(String(draft.taskId)), "stage": .string(draft.stage.rawValue), "user": .string(draft.user),
            "classifications": .array(draft.classifications), "activeMs": .number(String(draft.time.active)),
            "idleMs": .number(String(draft.time.idle)), "savedAt": .number(String(draft.savedAt.millisecondsSince1970)),
            "activeAt": .number(String((draft.activeAt ?? draft.savedAt).millisecondsSince1970)),
        ]
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data((JSONWriter().string(record) + "\n").utf8).write(to: URL(fileURLWithPath: path), options: [.atomic])
        } catch {
            return false
        }
        let fd = open(path, O_RDONLY)
        if fd >= 0 { fsync(fd); close(fd) }
        return true
    }

    /// The draft kept, if any (a file that does not read as one is left for a person to look at).
    func read() -> Draft? {
        guard let data = FileManager.default.contents(atPath: path), let object = (try? JSONParser.parse(String(decoding: data, as: UTF8.self)))?.objectValue,
              let taskId = object["taskId"]?.intValue.map({ Int64($0) }), let stage = object["stage"]?.stringValue.flatMap(Stage.init(rawValue:)),
              let user = object["user"]?.stringValue, let classifications = object["classifications"]?.arrayValue else { return nil }
        func ms(_ key: String) -> Int64 { object[key]?.intValue.map { Int64($0) } ?? 0 }
        return Draft(taskId: taskId, stage: stage, user: user, classifications: classifications,
                     time: TimeSpent(active: ms("activeMs"), idle: ms("idleMs")),
                     savedAt: Timestamp(millisecondsSince1970: ms("savedAt")), activeAt: Timestamp(millisecondsSince1970: ms("activeAt")))
    }

    func clear() {
        unlink(path)
    }
}
