import Foundation
import GRDB
import OrderedCollections

/// The project store in `DIR/project.sqlite`. Several processes may open one project at once:
/// WAL lets readers run beside the writer, a busy timeout makes writers wait their turn, every
/// write is one short IMMEDIATE transaction, and `synchronous = FULL` makes a commit durable
/// before the call returns.
public final class SQLiteProjectStore: ProjectStore, Sendable {
    public static let fileName = "project.sqlite"
    let pool: DatabasePool
    public let directory: String

    /// Opens an existing project.
    public init(directory: String) throws {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notAProject(directory) }
        self.directory = directory
        pool = try Self.openPool(path)
        try Self.migrator.migrate(pool)
    }

    /// Makes a new project directory with its settings.
    public static func create(directory: String, settings: ProjectSettings) throws -> SQLiteProjectStore {
        let path = (directory as NSString).appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: path) { throw StoreError.alreadyAProject(directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let pool = try openPool(path)
        try migrator.migrate(pool)
        try pool.write { db in try Self.write(settings, db) }
        return try SQLiteProjectStore(directory: directory)
    }

    static func openPool(_ path: String) throws -> DatabasePool {
        var config = Configuration()
        config.busyMode = .timeout(60)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        return try DatabasePool(path: path, configuration: config)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE task (
                    id INTEGER PRIMARY KEY,
                    taskId TEXT NOT NULL UNIQUE,
                    externalId TEXT NOT NULL UNIQUE,
                    asset TEXT NOT NULL,
                    preview TEXT NOT NULL,
                    metadata TEXT NOT NULL,
                    batches TEXT NOT NULL,
                    extra TEXT NOT NULL,
                    priority INTEGER NOT NULL DEFAULT 0,
                    stage TEXT NOT NULL,
                    status TEXT NOT NULL,
                    assignee TEXT,
                    labeler TEXT,
                    annotations TEXT NOT NULL,
                    reviewComment TEXT,
                    updatedAt INTEGER,
                    updatedBy TEXT,
                    active INTEGER NOT NULL DEFAULT 0,
                    idle INTEGER NOT NULL DEFAULT 0,
                    createdAt INTEGER NOT NULL
                );
                CREATE INDEX task_queue ON task(stage, priority DESC, id);
                CREATE INDEX task_status ON task(status, stage);
                CREATE INDEX task_assignee ON task(assignee, stage);
                CREATE TABLE draft (
                    task INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
                    stage TEXT NOT NULL,
                    user TEXT NOT NULL,
                    classifications TEXT NOT NULL,
                    active INTEGER NOT NULL,
                    idle INTEGER NOT NULL,
                    savedAt INTEGER NOT NULL,
                    PRIMARY KEY (task, stage)
                );
                CREATE TABLE history (
                    id INTEGER PRIMARY KEY,
                    task INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
                    stage TEXT NOT NULL,
                    user TEXT,
                    labeler TEXT,
                    active INTEGER NOT NULL,
                    idle INTEGER NOT NULL,
                    reviewStatus TEXT,
                    completedAt INTEGER,
                    imported INTEGER NOT NULL DEFAULT 0,
                    entry TEXT NOT NULL
                );
                CREATE INDEX history_task ON history(task, id);
                CREATE TABLE event (
                    id INTEGER PRIMARY KEY,
                    task INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
                    user TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    at INTEGER NOT NULL
                );
                """)
        }
        // The list shows tasks in the order the queue serves them: higher priority first.
        migrator.registerMigration("v2: queue order") { db in
            try db.execute(sql: "CREATE INDEX task_order ON task(priority DESC, id)")
        }
        // Holds with a lease: `activeAt` is the holder's last activity; past the lease the task is
        // served to others. `task_held` serves "this user's open tasks" in queue order directly.
        migrator.registerMigration("v3: claim leases") { db in
            try db.execute(sql: """
                ALTER TABLE task ADD COLUMN heldSince INTEGER;
                ALTER TABLE task ADD COLUMN activeAt INTEGER;
                DROP INDEX task_assignee;
                CREATE INDEX task_held ON task(assignee, stage, priority DESC, id);
                UPDATE task SET
                    heldSince = COALESCE((SELECT MAX(d.savedAt) FROM draft d WHERE d.task = task.id), updatedAt, createdAt),
                    activeAt = COALESCE((SELECT MAX(d.savedAt) FROM draft d WHERE d.task = task.id), updatedAt, createdAt)
                WHERE assignee IS NOT NULL AND status NOT IN ('skipped', 'rejected');
                """)
        }
        // How many tasks stand in each stage and status, kept by triggers in the transaction of
        // every change: progress and the queue's counts read a handful of rows at any size.
        migrator.registerMigration("v4: task counts") { db in
            try db.execute(sql: """
                CREATE TABLE task_count (
                    stage TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (stage, status)
                ) WITHOUT ROWID;
                INSERT INTO task_count(stage, status, n) SELECT stage, status, COUNT(*) FROM task GROUP BY stage, status;
                CREATE TRIGGER task_count_insert AFTER INSERT ON task BEGIN
                    INSERT INTO task_count(stage, status, n) VALUES (NEW.stage, NEW.status, 1)
                    ON CONFLICT(stage, status) DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER task_count_delete AFTER DELETE ON task BEGIN
                    UPDATE task_count SET n = n - 1 WHERE stage = OLD.stage AND status = OLD.status;
                END;
                CREATE TRIGGER task_count_update AFTER UPDATE OF stage, status ON task
                WHEN OLD.stage IS NOT NEW.stage OR OLD.status IS NOT NEW.status BEGIN
                    UPDATE task_count SET n = n - 1 WHERE stage = OLD.stage AND status = OLD.status;
                    INSERT INTO task_count(stage, status, n) VALUES (NEW.stage, NEW.status, 1)
                    ON CONFLICT(stage, status) DO UPDATE SET n = n + 1;
                END;
                """)
        }
        return migrator
    }

    // MARK: Settings

    static func write(_ s: ProjectSettings, _ db: Database) throws {
        let emails = JSONValue.object(JSONObject(uniqueKeysWithValues: s.emails.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
        let values: [(String, String)] = [
            ("name", s.name), ("ontology", s.ontologyJSON), ("review", s.hasReview ? "1" : "0"),
            ("idleTimeoutMs", String(s.idleTimeoutMilliseconds)), ("claimLeaseMs", String(s.claimLeaseMilliseconds)), ("createdAt", String(s.createdAt.millisecondsSince1970)),
            ("emails", emails.description),
        ]
        for (key, value) in values {
            try db.execute(sql: "INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    static func readSettings(_ db: Database) throws -> ProjectSettings {
        var map: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") { map[row["key"]] = row["value"] }
        guard let name = map["name"], let ontology = map["ontology"] else { throw StoreError.damaged("the project settings are missing") }
        var emails: [String: String] = [:]
        if let text = map["emails"], let object = (try? JSONParser.parse(text))?.objectValue {
            for (k, v) in object { emails[k] = v.stringValue }
        }
        return ProjectSettings(
            name: name, ontologyJSON: ontology, hasReview: map["review"] == "1",
            idleTimeoutMilliseconds: Int64(map["idleTimeoutMs"] ?? "") ?? 300_000,
            claimLeaseMilliseconds: Int64(map["claimLeaseMs"] ?? "") ?? ProjectSettings.defaultClaimLease,
            createdAt: Timestamp(millisecondsSince1970: Int64(map["createdAt"] ?? "") ?? 0), emails: emails)
    }

    public func settings() throws -> ProjectSettings { try pool.read(Self.readSettings) }

    public func updateSettings(_ change: @Sendable (inout ProjectSettings) -> Void) throws {
        try pool.write { db in
            var s = try Self.readSettings(db)
            change(&s)
            try Self.write(s, db)
        }
    }

    // MARK: Adding tasks

    public func add(_ tasks: [NewTask], at time: Timestamp) throws -> AddResult {
        var added = 0
        var skipped = 0
        // Short transactions, so annotators working in the project are never held up for long.
        for chunk in stride(from: 0, to: tasks.count, by: 2000).map({ tasks[$0..<min($0 + 2000, tasks.count)] }) {
            try pool.write { db in
                let insert = try db.makeStatement(sql: """
                    INSERT OR IGNORE INTO task(taskId, externalId, asset, preview, metadata, batches, extra, priority,
                        stage, status, assignee, labeler, annotations, createdAt, updatedAt, updatedBy)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let history = try db.makeStatement(sql: """
                    INSERT INTO history(task, stage, user, labeler, active, idle, reviewStatus, completedAt, imported, entry)
                    VALUES (?, ?, ?, NULL, ?, ?, ?, ?, 1, ?)
                    """)
                for task in chunk {
                    let placed = Self.placement(of: task)
                    try insert.execute(arguments: [
                        task.taskId ?? Self.newTaskId(), task.externalId, task.asset.description, Self.preview(of: task.asset),
                        task.metadata.description, JSONValue.array(task.batches).description,
                        JSONValue.object(task.extra).description, task.priority,
                        placed.stage.rawValue, placed.status.rawValue, task.skippedBy, placed.labeler,
                        Self.encode(task.annotations), time.millisecondsSince1970,
                        task.updatedAt?.millisecondsSince1970, task.updatedBy,
                    ])
                    if db.changesCount == 0 {
                        skipped += 1
                        continue
                    }
                    added += 1
                    let rowId = db.lastInsertedRowID
                    // A task made here leaves Start at once, as in Ango; one from an Ango export
                    // brings the history it had, kept as it came.
                    let entries = task.history.isEmpty
                        ? [StageHistoryEntry(stage: "Start", stageId: "Start", duration: 0, completedAt: time, completedBy: nil,
                                             annotations: task.annotations)]
                        : task.history
                    for entry in entries {
                        var stored = entry.json(includeIdle: true).objectValue ?? [:]
                        if entry.original != nil { stored["_imported"] = true }
                        try history.execute(arguments: [
                            rowId, entry.stage, entry.completedBy, entry.duration, entry.idleDuration ?? 0,
                            entry.reviewStatus?.rawValue, entry.completedAt?.millisecondsSince1970,
                            JSONValue.object(stored).description,
                        ])
                    }
                    if let user = task.skippedBy { try Self.event(db, rowId, user, "skip", at: task.updatedAt ?? time) }
                }
            }
        }
        return AddResult(added: added, skippedExisting: skipped)
    }

    /// Where an added task stands: in Label, new (or skipped where its source skipped it); in
    /// Review, waiting for a reviewer; in Complete, accepted if its history ends in a review.
    /// The labeler is who completed its last Label stage, so a reviewer never gets their own.
    static func placement(of task: NewTask) -> (stage: Stage, status: TaskStatus, labeler: String?) {
        let labeler = task.history.last { $0.stage == Stage.label.name }?.completedBy
        switch task.stage {
        case .start, .label: return (.label, task.skippedBy != nil ? .skipped : .new, labeler)
        case .review: return (.review, .submitted, labeler)
        case .complete:
            let reviewed = task.history.last.map { $0.reviewStatus == .accepted || $0.reviewStatus == .fixed } ?? false
            return (.complete, reviewed ? .accepted : .submitted, labeler)
        }
    }

    public func attach(_ preLabels: [PreLabels]) throws -> Int {
        try pool.write { db in
            var matched = 0
            for p in preLabels {
                try db.execute(
                    sql: "UPDATE task SET annotations = ? WHERE externalId = ? AND status = 'new'",
                    arguments: [Self.encode(p.annotations), p.externalId])
                matched += db.changesCount
            }
            return matched
        }
    }

    static func newTaskId() -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<3).map { _ in
            let s = String(rng.next() as UInt32, radix: 16)
            return String(repeating: "0", count: 8 - s.count) + s
        }.joined()
    }

    /// The first characters of the asset, on one line, for the queue pane.
    static func preview(of asset: JSONValue) -> String {
        let text = asset.stringValue ?? asset.description
        var out = ""
        // Counted as it grows: recounting `out` for every character made this quadratic.
        var scalars = 0
        var lastWasSpace = false
        for ch in text {
            if scalars >= 160 { break }
            if ch == "\u{0}" {
                // SQLite would end the stored text at a NUL: keep its visible picture instead.
                out.append("\u{2400}")
                scalars += 1
                lastWasSpace = false
            } else if ch.isWhitespace || ch.isNewline {
                if !lastWasSpace, !out.isEmpty { out.append(" "); scalars += 1 }
                lastWasSpace = true
            } else {
                out.append(ch)
                scalars += ch.unicodeScalars.count
                lastWasSpace = false
            }
        }
        return out
    }

    static func encode(_ a: Annotations) -> String {
        JSONValue.object([
            "tools": .array(a.tools), "classifications": .array(a.classifications), "relations": .array(a.relations),
        ]).description
    }

    static func decodeAnnotations(_ text: String?) -> Annotations {
        guard let text, let object = (try? JSONParser.parse(text))?.objectValue else { return .empty }
        return Annotations(from: object)
    }

    static func json(_ text: String?) -> JSONValue? {
        guard let text else { return nil }
        return try? JSONParser.parse(text)
    }
}
