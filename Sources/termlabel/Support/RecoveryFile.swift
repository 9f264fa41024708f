import Foundation
import LabelCore

/// Where answers go when the project cannot take them (the task was taken away, the disk is full,
/// the database is locked): a small JSON file, an Ango import record that `termlabel add DIR
/// --assets FILE` can attach again as pre-labels. Tried in the project's `recovery/` folder, then
/// the temporary directory; nil when neither can be written.
struct RecoveryFile {
    let directories: [String]

    init(projectDirectory: String?) {
        var dirs: [String] = []
        if let projectDirectory { dirs.append((projectDirectory as NSString).appendingPathComponent("recovery")) }
        dirs.append(NSTemporaryDirectory())
        directories = dirs
    }

    /// The record written: the task's externalId and answers, and why they are here.
    static func record(task: LabelTask, stage: Stage, user: String, classifications: [JSONValue], time: TimeSpent,
                       reason: String, at: Timestamp) -> JSONValue {
        .array([.object([
            "externalId": .string(task.externalId),
            "classifications": .array(classifications),
            "recovery": .object([
                "reason": .string(reason), "taskId": .string(task.taskId), "stage": .string(stage.name),
                "user": .string(user), "savedAt": .string(at.iso8601),
                "activeMs": .number(String(time.active)), "idleMs": .number(String(time.idle)),
            ]),
        ])])
    }

    /// Writes `record` and returns its path, or nil if no directory took it.
    func write(_ record: JSONValue, externalId: String, at: Timestamp) -> String? {
        let safe = String(externalId.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }.prefix(60))
        let name = "termlabel-\(safe)-\(at.millisecondsSince1970).json"
        let data = Data((JSONWriter(pretty: true).string(record) + "\n").utf8)
        for dir in directories {
            let path = (dir as NSString).appendingPathComponent(name)
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
                try data.write(to: URL(fileURLWithPath: path), options: [.atomic])
                return path
            } catch {
                continue
            }
        }
        return nil
    }
}
