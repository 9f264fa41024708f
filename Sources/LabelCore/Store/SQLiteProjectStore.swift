import Foundation
import GRDB
import OrderedCollections
import Synchronization

/// The project store in `DIR/project.sqlite`. Several processes may open one project at once:
/// WAL lets readers run beside the writer, a busy timeout makes writers wait their turn, every
/// write is one short IMMEDIATE transaction, and `synchronous = FULL` makes a commit durable
/// before the call returns.
public final class SQLiteProjectStore: ProjectStore, Sendable {
    public static let fileName = "project.sqlite"
    /// A pool (WAL: readers beside the writer) for a project in use; a queue while `create`
    /// builds one no other process can see yet.
    let pool: any DatabaseWriter
    public let directory: String
    /// The log's checkpoints, once `checkpointInBackground` moved them off the commits.
    private let checkpointer = Mutex<WALCheckpointer?>(nil)
    /// While `create` builds the project: a descriptor of the database file, through which a
    /// streamed add flushes what SQLite has written so far, on a thread of its own (the flush
    /// at the end then waits for little). Kept open until SQLite has closed the file: closing a
    /// descriptor of it would drop the locks SQLite holds.
    private let buildingFile = Mutex<Int32>(-1)
    /// Whether a flush of the project being built is under way (`flushBuilding`).
    private let buildingFlushes = Atomic<Bool>(false)

    /// Opens an existing project.
    public init(directory: String) throws {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notAProject(directory) }
        self.directory = directory
        pool = try Self.openPool(path)
        try Self.migrator.migrate(pool)
    }

    /// Makes a new project with its settings, and whatever `build` adds to it, all or nothing:
    /// it is built in a temporary directory beside the target and moved into place only when
    /// complete, so a full disk or a kill leaves no half-made project (a leftover temporary
    /// directory of a process that is gone is removed by the next `create` in the same place).
    public static func create(
        directory: String, settings: ProjectSettings, access: ProjectAccess = .owner,
        build: (SQLiteProjectStore) throws -> Void = { _ in }
    ) throws -> SQLiteProjectStore {
        let fm = FileManager.default
        if fm.fileExists(atPath: (directory as NSString).appendingPathComponent(fileName)) { throw StoreError.alreadyAProject(directory) }
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: directory, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue { throw StoreError.cannotCreate(directory, "it is a file, not a directory") }
        _ = try access.groupId(for: directory)
        // A new directory is built beside its place and renamed; in an existing one, the database
        // file is built aside and renamed in (a rename is atomic either way).
        let parent = exists ? directory : URL(fileURLWithPath: directory).standardizedFileURL.deletingLastPathComponent().path
        do {
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreate(directory, "cannot make \(parent): \(error.localizedDescription)")
        }
        removeStaleBuilds(in: parent)
        // The process id (for cleaning up after a killed process) and a random part (one process
        // may make several projects at once).
        let staging = (parent as NSString).appendingPathComponent("\(stagingPrefix)\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        guard mkdir(staging, 0o700) == 0 else {
            throw StoreError.cannotCreate(directory, "cannot write in \(parent): \(String(cString: strerror(errno)))")
        }
        do {
            try access.apply(to: staging, isDirectory: true)
            let path = (staging as NSString).appendingPathComponent(fileName)
            let store = try SQLiteProjectStore(building: staging)
            try store.pool.write { db in try Self.write(settings, db) }
            try access.apply(to: path, isDirectory: false)
            try build(store)
            try store.finishBuilding()
            if exists {
                // Journal files first, if any: the project exists once project.sqlite is in place.
                for suffix in ["-wal", "-shm", ""] where fm.fileExists(atPath: path + suffix) {
                    let target = (directory as NSString).appendingPathComponent(fileName + suffix)
                    guard suffix.isEmpty || !fm.fileExists(atPath: target), rename(path + suffix, target) == 0 else {
                        throw StoreError.cannotCreate(directory, "cannot move the new database into place: \(String(cString: strerror(errno)))")
                    }
                }
                rmdir(staging)
            } else {
                guard rename(staging, directory) == 0 else {
                    if errno == ENOTEMPTY || errno == EEXIST { throw StoreError.alreadyAProject(directory) }
                    throw StoreError.cannotCreate(directory, "cannot move the new project into place: \(String(cString: strerror(errno)))")
                }
            }
            syncDirectory(parent)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        return try SQLiteProjectStore(directory: directory)
    }

    static let stagingPrefix = ".termlabel-init."

    /// Opens the database of a project `create` is building in its temporary directory, where no
    /// other process looks: without the write-ahead log (so each page is written once, not in the
    /// log and then again in the file), its rollback journal in memory and no flushes. A kill
    /// or a crash meanwhile leaves only the temporary directory; `finishBuilding` makes the file
    /// what an open project's is and flushes it before `create` moves it into place.
    private init(building directory: String) throws {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        self.directory = directory
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = MEMORY")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        pool = try DatabaseQueue(path: path, configuration: config)
        try Self.migrator.migrate(pool)
        buildingFile.withLock { $0 = open(path, O_RDONLY | O_CLOEXEC) }
    }

    deinit { closeBuildingFile() }

    /// Flushes what SQLite has written of a project being built, on a thread of its own (the
    /// caller does not wait, and one flush at most is under way), so that the flush at the end
    /// finds little left to write. (Waiting for it cost the reading thread 0.1 s a time, 3.7 s
    /// at a million tasks.) Any thread; nothing for a project that is not being built.
    func flushBuilding() {
        guard buildingFlushes.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        DispatchQueue.global(qos: .utility).async { [self] in
            buildingFile.withLock { fd in if fd >= 0 { fdatasync(fd) } }
            buildingFlushes.store(false, ordering: .releasing)
        }
    }

    private func closeBuildingFile() {
        buildingFile.withLock { fd in
            if fd >= 0 { close(fd) }
            fd = -1
        }
    }

    /// The built project's database in WAL mode, as every open project's is, closed and flushed
    /// to the disk.
    private func finishBuilding() throws {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        let path = pool.path
        try pool.close()
        closeBuildingFile()
        for file in [path, (path as NSString).deletingLastPathComponent] {
            let fd = open(file, O_RDONLY)
            guard fd >= 0 else { throw StoreError.cannotCreate(directory, "cannot open \(file): \(String(cString: strerror(errno)))") }
            defer { close(fd) }
            guard fsync(fd) == 0 else { throw StoreError.cannotCreate(directory, "cannot flush \(file): \(String(cString: strerror(errno)))") }
        }
    }

    /// Removes the temporary directories of `create` calls whose process is gone.
    static func removeStaleBuilds(in parent: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names where name.hasPrefix(stagingPrefix) {
            guard let pid = name.dropFirst(stagingPrefix.count).split(separator: ".").first.flatMap({ Int32($0) }), pid != getpid() else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(name))
            }
        }
    }

    /// Makes a rename in `directory` durable.
    static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Moves the write-ahead log's checkpoints off the commits onto a thread of their own
    /// (`WALCheckpointer`), for a process that writes one small transaction at a time and waits
    /// for each (the labeling screen). Durability is unchanged: a commit is flushed in the log.
    public func checkpointInBackground() throws {
        try checkpointer.withLock { checkpointer in
            guard checkpointer == nil else { return }
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
            checkpointer = WALCheckpointer(path: pool.path)
        }
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
        // Destructive commands write down who ran them and everything they removed.
        migrator.registerMigration("v5: audit") { db in
            try db.execute(sql: """
                CREATE TABLE audit (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL,
                    externalId TEXT NOT NULL, detail TEXT NOT NULL)
                """)
        }
        // A task read from another tool's format keeps its record for exporting back there; some
        // of those tasks may only be looked at (canceled in Scale), and some come with an instruction.
        migrator.registerMigration("v6: source record") { db in
            try db.execute(sql: """
                ALTER TABLE task ADD COLUMN sourceFormat TEXT;
                ALTER TABLE task ADD COLUMN source TEXT;
                ALTER TABLE task ADD COLUMN readOnlyReason TEXT;
                ALTER TABLE task ADD COLUMN instruction TEXT;
                """)
        }
        // The queue's rows counted by blocks of ids, so a row's position in the list and the row
        // at a position are found by summing a few thousand counts and counting inside one block,
        // never by counting every row before it (see `SQLiteProjectStore+QueuePages`).
        migrator.registerMigration("v7: queue blocks") { db in
            try db.execute(sql: """
                CREATE INDEX task_status_order ON task(status, priority DESC, id);
                CREATE TABLE queue_block (
                    rank INTEGER NOT NULL, block INTEGER NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,
                    PRIMARY KEY (rank, block, status)
                ) WITHOUT ROWID;
                INSERT INTO queue_block(rank, block, status, n)
                    SELECT -priority, id >> \(queueBlockBits), status, COUNT(*) FROM task GROUP BY 1, 2, 3;
                CREATE TRIGGER queue_block_insert AFTER INSERT ON task BEGIN
                    INSERT INTO queue_block(rank, block, status, n) VALUES (-NEW.priority, NEW.id >> \(queueBlockBits), NEW.status, 1)
                    ON CONFLICT(rank, block, status) DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER queue_block_delete AFTER DELETE ON task BEGIN
                    UPDATE queue_block SET n = n - 1
                    WHERE rank = -OLD.priority AND block = OLD.id >> \(queueBlockBits) AND status = OLD.status;
                END;
                CREATE TRIGGER queue_block_update AFTER UPDATE OF status, priority ON task
                WHEN OLD.status IS NOT NEW.status OR OLD.priority IS NOT NEW.priority BEGIN
                    UPDATE queue_block SET n = n - 1
                    WHERE rank = -OLD.priority AND block = OLD.id >> \(queueBlockBits) AND status = OLD.status;
                    INSERT INTO queue_block(rank, block, status, n) VALUES (-NEW.priority, NEW.id >> \(queueBlockBits), NEW.status, 1)
                    ON CONFLICT(rank, block, status) DO UPDATE SET n = n + 1;
                END;
                """)
        }
        // Issues a reviewer or labeler opens on a task (with the error code as it was then), and
        // tasks on hold with the status they return to when forwarded.
        migrator.registerMigration("v10: issues and hold") { db in
            try db.execute(sql: """
                CREATE TABLE issue (
                    id INTEGER PRIMARY KEY,
                    task INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
                    schemaId TEXT, content TEXT NOT NULL, errorCode TEXT,
                    createdBy TEXT NOT NULL, createdAt INTEGER NOT NULL, stage TEXT NOT NULL,
                    resolvedBy TEXT, resolvedAt INTEGER, resolution TEXT
                );
                CREATE INDEX issue_task ON issue(task, id);
                CREATE INDEX issue_open ON issue(id) WHERE resolvedAt IS NULL;
                CREATE TABLE task_hold (
                    task INTEGER PRIMARY KEY REFERENCES task(id) ON DELETE CASCADE,
                    reason TEXT NOT NULL, user TEXT NOT NULL, at INTEGER NOT NULL, previousStatus TEXT NOT NULL
                );
                """)
        }
        // Consensus: each annotator's hold, draft and answer of a Label task in a round
        // (`consensus_answer`, one row per task and user; `skipped` rows keep the user away), and
        // the score when the round closes (`consensus_score`).
        migrator.registerMigration("v8: consensus") { db in
            try db.execute(sql: """
                CREATE TABLE consensus_answer (
                    task INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
                    user TEXT NOT NULL,
                    heldSince INTEGER NOT NULL,
                    activeAt INTEGER,
                    skipped INTEGER NOT NULL DEFAULT 0,
                    classifications TEXT,
                    active INTEGER NOT NULL DEFAULT 0,
                    idle INTEGER NOT NULL DEFAULT 0,
                    savedAt INTEGER,
                    submittedAt INTEGER,
                    PRIMARY KEY (task, user)
                ) WITHOUT ROWID;
                CREATE INDEX consensus_answer_open ON consensus_answer(user, submittedAt, task);
                CREATE TABLE consensus_score (
                    task INTEGER PRIMARY KEY REFERENCES task(id) ON DELETE CASCADE,
                    score TEXT NOT NULL,
                    scoredAt INTEGER NOT NULL
                );
                """)
        }
        // Gold tasks: a task's known answers in `benchmark` (NULL for work); each annotator's hold,
        // draft and scored answer of a gold task in `benchmark_answer`, apart from everyone else's.
        // `history_user` counts an annotator's Label submits when the queue weighs the rate.
        migrator.registerMigration("v9: benchmarks") { db in
            try db.execute(sql: """
                ALTER TABLE task ADD COLUMN benchmark TEXT;
                CREATE INDEX task_benchmark ON task(priority DESC, id) WHERE benchmark IS NOT NULL;
                CREATE TABLE benchmark_answer (
                    task INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
                    user TEXT NOT NULL,
                    heldSince INTEGER NOT NULL,
                    skipped INTEGER NOT NULL DEFAULT 0,
                    classifications TEXT,
                    active INTEGER NOT NULL DEFAULT 0,
                    idle INTEGER NOT NULL DEFAULT 0,
                    savedAt INTEGER,
                    submittedAt INTEGER,
                    score TEXT,
                    PRIMARY KEY (user, task)
                );
                CREATE INDEX history_user ON history(user, stage);
                """)
        }
        return migrator
    }

    /// Ids per queue block: 2^11 = 2,048.
    static let queueBlockBits = 11

    // MARK: Settings

    static func write(_ s: ProjectSettings, _ db: Database) throws {
        for (key, value) in settingRows(s) {
            try db.execute(sql: "INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    /// The settings as the `setting` table's rows (the PostgreSQL store keeps the same ones).
    static func settingRows(_ s: ProjectSettings) -> [(String, String)] {
        let emails = JSONValue.object(JSONObject(uniqueKeysWithValues: s.emails.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
        let seen = JSONValue.object(JSONObject(uniqueKeysWithValues: s.instructionsSeen.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
        let values: [(String, String)] = [
            ("name", s.name), ("ontology", s.ontologyJSON), ("review", s.hasReview ? "1" : "0"),
            ("idleTimeoutMs", String(s.idleTimeoutMilliseconds)), ("claimLeaseMs", String(s.claimLeaseMilliseconds)), ("createdAt", String(s.createdAt.millisecondsSince1970)),
            ("emails", emails.description), ("autoAdvance", s.autoAdvance ? "1" : "0"),
            ("image", s.imageProtocol),
            ("instructions", s.instructions ?? ""), ("instructionsSeen", seen.description),
            ("errorCodes", ErrorCode.json(s.errorCodes)),
            ("consensus", String(s.consensus)), ("consensusThreshold", s.consensusThreshold.map(String.init) ?? ""),
            ("benchmarkRate", String(s.benchmarkRate)),
        ]
        return values
    }

    static func readSettings(_ db: Database) throws -> ProjectSettings {
        var map: [String: String] = [:]
        for row in try Row.fetchAll(db, cached: "SELECT key, value FROM setting") { map[row["key"]] = row["value"] }
        return try settings(from: map)
    }

    /// The settings from the `setting` table's rows.
    static func settings(from map: [String: String]) throws -> ProjectSettings {
        guard let name = map["name"], let ontology = map["ontology"] else { throw StoreError.damaged("the project settings are missing") }
        var emails: [String: String] = [:]
        if let text = map["emails"], let object = (try? JSONParser.parse(text))?.objectValue {
            for (k, v) in object { emails[k] = v.stringValue }
        }
        var settings = ProjectSettings(
            name: name, ontologyJSON: ontology, hasReview: map["review"] == "1",
            idleTimeoutMilliseconds: Int64(map["idleTimeoutMs"] ?? "") ?? 300_000,
            claimLeaseMilliseconds: Int64(map["claimLeaseMs"] ?? "") ?? ProjectSettings.defaultClaimLease,
            createdAt: Timestamp(millisecondsSince1970: Int64(map["createdAt"] ?? "") ?? 0), emails: emails)
        settings.autoAdvance = map["autoAdvance"] == "1"
        settings.imageProtocol = map["image"] ?? "auto"
        settings.instructions = map["instructions"].flatMap { $0.isEmpty ? nil : $0 }
        settings.benchmarkRate = Int(map["benchmarkRate"] ?? "") ?? 0
        if let text = map["instructionsSeen"], let object = (try? JSONParser.parse(text))?.objectValue {
            for (k, v) in object { settings.instructionsSeen[k] = v.stringValue }
        }
        settings.errorCodes = map["errorCodes"].flatMap(ErrorCode.stored) ?? []
        settings.consensus = max(1, Int(map["consensus"] ?? "") ?? 1)
        settings.consensusThreshold = Int(map["consensusThreshold"] ?? "")
        return settings
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
        var adding = try pool.read { db in try TaskInsertion(db, at: time) }
        // Short transactions, so annotators working in the project are never held up for long.
        for chunk in stride(from: 0, to: tasks.count, by: 2000).map({ tasks[$0..<min($0 + 2000, tasks.count)] }) {
            try pool.write { db in try adding.insert(chunk, db) }
        }
        return adding.result
    }

    /// Adds the tasks `produce` hands over, batch by batch, in one transaction: memory stays flat
    /// whatever their number, and if `produce` throws (the file has an error) nothing is added.
    /// `produce` runs on a thread of its own (`HandOff`), while the calling one waits.
    public func add(streaming produce: (_ add: ([IncomingTask]) throws -> Void) throws -> Void, at time: Timestamp) throws -> AddResult {
        try pool.write { db in
            var adding = try TaskInsertion(db, at: time)
            // Into an empty project, the list's indexes are built once at the end (a sort) rather
            // than kept up to date row by row, and the counts its triggers keep are counted once;
            // an 8 MB page cache keeps the unique indexes' pages at hand.
            let empty = adding.lastRowIdBefore == 0
            let rebuilt = empty ? try Self.dropListIndexes(db) + Self.dropCountTriggers(db) : []
            try db.execute(sql: "PRAGMA cache_size = -8192")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            // The file is read on a thread of its own while this one writes the batch before.
            // Each batch's texts are made by whichever has time: the writer when it waits for
            // the batch (reading is the busy part: an Ango export whose values are parsed), else
            // the reader (writing is the busy part: JSON Lines, or an Ango export whose texts
            // are copied as they came).
            // Two batches may wait, so that neither thread stops for the other's moment of slowness.
            try HandOff.run(depth: 2, produce: { (out: HandOff.Outbox<StreamedBatch>) in
                var sent = 0
                try produce { batch in
                    try out.send(out.consumerIsWaiting ? .read(batch) : .prepared(TaskInsertion.prepare(batch, at: time)))
                    sent += 1
                    if sent % 32 == 0 { self.flushBuilding() }
                }
            }, consume: { batch in
                switch batch {
                case .read(let tasks): try adding.insert(tasks, db)
                case .prepared(let prepared): try adding.insert(prepared, db)
                }
            })
            // The reading thread is done: SQLite's sorter may sort on the second core meanwhile,
            // in runs of 6 MB (the page cache's size here) so that memory stays flat.
            try db.execute(sql: "PRAGMA threads = 2; PRAGMA cache_size = -6144")
            defer { try? db.execute(sql: "PRAGMA threads = 0") }
            for sql in rebuilt { try db.execute(sql: sql) }
            if empty { try Self.countTasks(db) }
            return adding.result
        }
    }

    /// A batch a streamed add hands from its reading thread to its writing one.
    enum StreamedBatch: Sendable {
        case read([IncomingTask])
        case prepared(TaskInsertion.Prepared)
    }

    /// The triggers that count each added task (`task_count`, `queue_block`): dropped, with the
    /// SQL that makes them again, while tasks are added to an empty project (`countTasks` counts
    /// them at the end).
    static func dropCountTriggers(_ db: Database) throws -> [String] {
        let triggers = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'trigger' AND tbl_name = 'task' AND name IN ('task_count_insert', 'queue_block_insert')
            """)
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(trigger["name"] as String)") }
        return triggers.map { $0["sql"] }
    }

    /// Counts every task into the tables the insert triggers keep (rows left by deleted tasks
    /// hold 0), from the list's indexes (`task_status`, `task_status_order`) once they are built.
    static func countTasks(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO task_count(stage, status, n) SELECT stage, status, COUNT(*) FROM task WHERE true GROUP BY status, stage
            ON CONFLICT(stage, status) DO UPDATE SET n = n + excluded.n;
            INSERT INTO queue_block(rank, block, status, n)
                SELECT -priority, id >> \(queueBlockBits), status, COUNT(*) FROM task WHERE true GROUP BY 1, 2, 3
            ON CONFLICT(rank, block, status) DO UPDATE SET n = n + excluded.n;
            """)
    }

    /// Drops the task table's indexes that no constraint needs; returns the SQL that makes them
    /// again. Kept: `task_benchmark`, which holds gold tasks only (an added task is none), and
    /// the history table's (`history_task` grows at its end, and building `history_user` again
    /// would read every history row).
    static func dropListIndexes(_ db: Database) throws -> [String] {
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND tbl_name = 'task' AND name <> 'task_benchmark' AND sql IS NOT NULL
            """)
        for index in indexes { try db.execute(sql: "DROP INDEX \(index["name"] as String)") }
        return indexes.map { $0["sql"] }
    }

    /// Where an added task stands: in Label, new (or skipped where its source skipped it); in
    /// Review, waiting for a reviewer; in Complete, accepted if its history ends in a review.
    /// The labeler is who completed its last Label stage, so a reviewer never gets their own.
    static func placement(of task: NewTask) -> (stage: Stage, status: TaskStatus, labeler: String?) {
        placement(stage: task.stage, skipped: task.skippedBy != nil, labeler: task.history.last { $0.stage == Stage.label.name }?.completedBy,
                  lastReview: task.history.last?.reviewStatus)
    }

    /// Where a task stands from its stage, whether it was skipped, who labeled it last (its
    /// history's last Label entry) and the review its last history entry records.
    static func placement(stage: Stage, skipped: Bool, labeler: String?, lastReview: ReviewStatus?) -> (stage: Stage, status: TaskStatus, labeler: String?) {
        switch stage {
        case .start, .label: return (.label, skipped ? .skipped : .new, labeler)
        case .review: return (.review, .submitted, labeler)
        case .complete: return (.complete, lastReview == .accepted || lastReview == .fixed ? .accepted : .submitted, labeler)
        }
    }

    public func attach(_ preLabels: [PreLabels]) throws -> Int { try attach(preLabels, by: "unknown") }

    /// Attaches pre-labels to unstarted tasks; pre-labels they replace are recorded, with `user`.
    public func attach(_ preLabels: [PreLabels], by user: String) throws -> Int {
        try pool.write { db in
            var matched = 0
            for p in preLabels {
                try Self.recordReplacedPreLabels(db, p, by: user)
                try db.execute(
                    sql: "UPDATE task SET annotations = ? WHERE externalId = ? AND status = 'new'",
                    arguments: [Self.encode(p.annotations), p.externalId])
                matched += db.changesCount
            }
            return matched
        }
    }

    /// A new taskId shaped as Ango's (MongoDB ObjectIds): 24 hexadecimal digits, the seconds
    /// since 1970, 40 bits drawn at random once per process, then a counter. Ids made one after
    /// another ascend, so the tasks of a large add go to the end of the taskId index: random ids
    /// put each task on a random page of an index larger than the page cache (at a million tasks,
    /// a page read and a page spilled per task).
    static func newTaskId() -> String {
        let seconds = UInt64(UInt32(truncatingIfNeeded: time(nil)))
        let count = UInt64(taskIdCounter.add(1, ordering: .relaxed).newValue & 0xFF_FFFF)
        let high = seconds << 32 | taskIdProcessPart >> 8
        let low = (taskIdProcessPart & 0xFF) << 24 | count
        return String(unsafeUninitializedCapacity: 24) { buffer in
            let digits = Array("0123456789abcdef".utf8)
            for i in 0..<16 { buffer[i] = digits[Int((high >> (60 - 4 * UInt64(i))) & 0xF)] }
            for i in 0..<8 { buffer[16 + i] = digits[Int((low >> (28 - 4 * UInt64(i))) & 0xF)] }
            return 24
        }
    }

    /// The random part of this process's taskIds (40 bits) and the counter after it (24 bits used).
    static let taskIdProcessPart = UInt64.random(in: 0..<(1 << 40))
    static let taskIdCounter = Atomic<UInt32>(UInt32.random(in: 0..<(1 << 24)))

    /// The first characters of the asset, on one line, for the queue pane: up to 160 Unicode
    /// scalars, whole characters (grapheme clusters) only, each run of whitespace one space.
    static func preview(of asset: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(640)
        appendPreview(of: asset, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `preview(of: asset)` appended to UTF-8 bytes.
    static func appendPreview(of asset: JSONValue, to out: inout [UInt8]) {
        appendPreview(ofText: asset.stringValue ?? asset.description, to: &out)
    }

    /// The preview of an asset's text (a string asset's string, else its compact JSON).
    static func appendPreview(ofText text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        let begin = out.count
        var scalars = 0
        var lastWasSpace = false
        // The bytes of each character are copied as they are; a character is not made, nor a
        // String grown, per character (that was a fifth of init's time). An ASCII byte followed by
        // another (or by the end) is a character of its own unless it is CR (CR LF is one), so
        // only the characters around other bytes are found by grapheme breaking.
        let end = text.endIndex
        var index = text.startIndex
        while index != end, scalars < 160 {
            let first = utf8[index]
            let afterFirst = utf8.index(after: index)
            let isSpace: Bool
            let oneByte = first < 0x80 && first != 0x0D && (afterFirst == end || utf8[afterFirst] < 0x80)
            let next = oneByte ? afterFirst : text.index(after: index)
            if first < 0x80, next == afterFirst {
                // U+0009–U+000D and U+0020: the ASCII characters that are whitespace.
                isSpace = first == 0x20 || (0x09...0x0D).contains(first)
                if first == 0 {
                    // SQLite would end the stored text at a NUL: keep its visible picture instead.
                    out.append(contentsOf: [0xE2, 0x90, 0x80])
                    scalars += 1
                    lastWasSpace = false
                    index = next
                    continue
                }
                if !isSpace {
                    out.append(first)
                    scalars += 1
                    lastWasSpace = false
                    index = next
                    continue
                }
            } else {
                // A character is whitespace when its first scalar is ("\r\n" is one character).
                isSpace = Self.isWhiteSpace(text.unicodeScalars[index])
            }
            if isSpace {
                if !lastWasSpace, out.count > begin { out.append(0x20); scalars += 1 }
                lastWasSpace = true
            } else {
                for byte in utf8[index..<next] {
                    out.append(byte)
                    if byte & 0xC0 != 0x80 { scalars += 1 }
                }
                lastWasSpace = false
            }
            index = next
        }
    }

    /// Unicode's White_Space property (unchanged since Unicode 6.3), without the property lookup.
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    static func encode(_ a: Annotations) -> String { encoded(a).description }

    /// Answers as stored: `{"tools", "classifications", "relations"}`.
    static func encoded(_ a: Annotations) -> JSONValue {
        .object(["tools": .array(a.tools), "classifications": .array(a.classifications), "relations": .array(a.relations)])
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
