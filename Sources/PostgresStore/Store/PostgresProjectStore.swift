import Foundation
import LabelCore

/// The project store in a PostgreSQL database, for teams on several machines: one schema per
/// project, every write one short transaction committed before the call returns, claims made with
/// `FOR UPDATE SKIP LOCKED` so two annotators never get one task, however their calls are timed.
/// Calls are synchronous, as `ProjectStore`'s are: each waits for the server on the caller's thread.
public final class PostgresProjectStore: ProjectStore, Sendable {
    /// Where the database is (its password is never shown).
    public let url: DatabaseURL
    /// The project's schema in that database.
    public let schema: String
    let link: DatabaseLink

    /// Opens the project in `schema`; brings older tables up to date and refuses newer ones.
    public init(url: DatabaseURL, schema: String) throws {
        self.url = url
        self.schema = schema
        link = DatabaseLink(url: url, schema: schema)
        try ProjectSchema.open(link, schema: schema)
    }

    /// Makes a project in a new schema with its settings, and whatever `build` adds to it. The
    /// tables and settings are one transaction; if `build` fails the schema is dropped again.
    public static func create(
        url: DatabaseURL, schema: String, settings: ProjectSettings, build: (PostgresProjectStore) throws -> Void = { _ in }
    ) throws -> PostgresProjectStore {
        try create(url: url, schema: schema, settings: settings, version: ProjectSchema.currentVersion, build: build)
    }

    static func create(
        url: DatabaseURL, schema: String, settings: ProjectSettings, version: Int, build: (PostgresProjectStore) throws -> Void = { _ in }
    ) throws -> PostgresProjectStore {
        let admin = DatabaseLink(url: url, schema: nil)
        defer { admin.close() }
        try admin.transaction { session in
            if try session.int("SELECT COUNT(*) FROM pg_namespace WHERE nspname = $1", [.text(schema)]) == 1 {
                throw StoreError.cannotCreate("schema \(schema) of \(url)", "it exists already (a project of that name is there); choose another with --name")
            }
            try ProjectSchema.create(schema, in: session, upTo: version)
            try write(settings, session)
        }
        do {
            let store = try PostgresProjectStore(url: url, schema: schema, migrating: version == ProjectSchema.currentVersion)
            try build(store)
            return store
        } catch {
            _ = try? admin.withSession { try $0.execute("DROP SCHEMA IF EXISTS \(DatabaseLink.quoted(schema)) CASCADE") }
            throw error
        }
    }

    /// Opens without bringing the tables up to date (for tests of older tables).
    init(url: DatabaseURL, schema: String, migrating: Bool) throws {
        self.url = url
        self.schema = schema
        link = DatabaseLink(url: url, schema: schema)
        if migrating { try ProjectSchema.open(link, schema: schema) }
    }

    /// Removes the project and everything in it.
    public static func drop(url: DatabaseURL, schema: String) throws {
        let admin = DatabaseLink(url: url, schema: nil)
        defer { admin.close() }
        _ = try admin.withSession { try $0.execute("DROP SCHEMA IF EXISTS \(DatabaseLink.quoted(schema)) CASCADE") }
    }

    /// Closes the connection now (it is also closed when the store goes).
    public func close() { link.close() }

    /// A schema name for a project name: what `init --database` uses.
    public static func schemaName(for project: String) -> String { ProjectSchema.name(for: project) }

    // MARK: Settings

    static func write(_ s: ProjectSettings, _ session: DatabaseSession) throws {
        for (key, value) in StoreCodec.settingRows(s) {
            try session.execute("""
                INSERT INTO setting(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                """, [.text(key), .text(value)])
        }
    }

    static func readSettings(_ session: DatabaseSession) throws -> ProjectSettings {
        var map: [String: String] = [:]
        for row in try session.query("SELECT key, value FROM setting") { map[try row.text(0, "key")] = try row.text(1, "value") }
        return try StoreCodec.settings(from: map)
    }

    public func settings() throws -> ProjectSettings { try link.withSession(Self.readSettings) }

    public func updateSettings(_ change: @Sendable (inout ProjectSettings) -> Void) throws {
        try link.transaction { session in
            try session.execute("LOCK TABLE setting IN SHARE ROW EXCLUSIVE MODE")
            var s = try Self.readSettings(session)
            change(&s)
            try Self.write(s, session)
        }
    }

    // MARK: Adding tasks

    public func add(_ tasks: [NewTask], at time: Timestamp) throws -> AddResult {
        var added = 0
        var skipped: [SkippedTask] = []
        var addedExternalIds: Set<String> = []
        var addedTaskIds: [String: String] = [:]
        // Short transactions of many rows each, so annotators working in the project are never held up for long.
        for start in stride(from: 0, to: tasks.count, by: 1000) {
            let chunk = Array(tasks[start..<min(start + 1000, tasks.count)])
            let withIds = chunk.map { (task: $0, taskId: $0.taskId ?? StoreCodec.newTaskId()) }
            // A transaction run again (a deadlock) starts from what the chunks before it left.
            let (chunkAdded, chunkSkipped, externalIds, taskIds) = try link.transaction { session in
                var added = 0
                var skipped: [SkippedTask] = []
                var addedExternalIds = addedExternalIds
                var addedTaskIds = addedTaskIds
                // What was there before, to say why a record is left out as adding one by one would.
                let before = try Self.existing(withIds, session)
                let inserted = try Self.insert(withIds, at: time, session)
                var histories: [(Int64, StageHistoryEntry)] = []
                var skips: [(Int64, String, Timestamp)] = []
                for (task, taskId) in withIds {
                    guard let rowId = inserted[Self.key(task.externalId, taskId)], !addedExternalIds.contains(task.externalId) else {
                        skipped.append(Self.whySkipped(task, taskId: taskId, before: before, addedExternalIds, addedTaskIds))
                        continue
                    }
                    added += 1
                    addedExternalIds.insert(task.externalId)
                    if task.taskId != nil { addedTaskIds[taskId] = task.externalId }
                    // A task made here leaves Start at once, as in Ango; one from an Ango export
                    // brings the history it had, kept as it came.
                    let entries = task.history.isEmpty
                        ? [StageHistoryEntry(stage: "Start", stageId: "Start", duration: 0, completedAt: time, completedBy: nil,
                                             annotations: task.annotations)]
                        : task.history
                    histories += entries.map { (rowId, $0) }
                    if let user = task.skippedBy { skips.append((rowId, user, task.updatedAt ?? time)) }
                }
                try Self.insertHistory(histories, session)
                for (id, user, at) in skips { try Self.event(session, id, user, "skip", at: at) }
                return (added, skipped, addedExternalIds, addedTaskIds)
            }
            added += chunkAdded
            skipped += chunkSkipped
            addedExternalIds = externalIds
            addedTaskIds = taskIds
        }
        if added > 0 { try link.withSession(Self.analyzeTasks) }
        return AddResult(added: added, skippedExisting: skipped.count, skipped: skipped)
    }

    /// Gives the planner the tasks' statistics now, not when autovacuum next comes by: without
    /// them it read every task in Label and sorted them to claim one (20 ms a claim at 20,000
    /// tasks, and more with every task). Only the owner may: anyone else is skipped with a notice.
    static func analyzeTasks(_ session: DatabaseSession) throws {
        try session.execute("ANALYZE task, history")
    }

    /// A row inserted, by its externalId and taskId together (a record may repeat either).
    static func key(_ externalId: String, _ taskId: String) -> String { externalId + "\u{1}" + taskId }

    /// Inserts the tasks in one statement; returns the row id of each (externalId, taskId) inserted.
    static func insert(_ tasks: [(task: NewTask, taskId: String)], at time: Timestamp, _ session: DatabaseSession) throws -> [String: Int64] {
        guard !tasks.isEmpty else { return [:] }
        let columns = 20
        var values: [SQLValue] = []
        values.reserveCapacity(tasks.count * columns)
        var rows: [String] = []
        for (index, (task, taskId)) in tasks.enumerated() {
            let placed = StoreCodec.placement(of: task)
            values += [
                .text(taskId), .text(task.externalId), .text(task.asset.description), .text(StoreCodec.preview(of: task.asset)),
                .text(task.metadata.description), .text(JSONValue.array(task.batches).description), .text(JSONValue.object(task.extra).description),
                .int(task.priority), .text(placed.stage.rawValue), .text(placed.status.rawValue), .text(task.skippedBy), .text(placed.labeler),
                .text(StoreCodec.encode(task.annotations)), .int(time.millisecondsSince1970), .int(task.updatedAt?.millisecondsSince1970),
                .text(task.updatedBy), .text(task.source?.format.rawValue), .text(task.source?.record.description), .text(task.readOnlyReason),
                .text(task.instruction),
            ]
            let base = index * columns
            rows.append("(" + (1...columns).map { "$\(base + $0)" }.joined(separator: ",") + ")")
        }
        // Rows keep their order (ids follow the file); a repeat of an earlier row or of a task
        // already there is left out and named by `whySkipped`.
        var ids: [String: Int64] = [:]
        for row in try session.query("""
            INSERT INTO task(taskid, externalid, asset, preview, metadata, batches, extra, priority, stage, status, assignee, labeler,
                annotations, createdat, updatedat, updatedby, sourceformat, source, readonlyreason, instruction)
            VALUES \(rows.joined(separator: ","))
            ON CONFLICT DO NOTHING RETURNING id, externalid, taskid
            """, values) {
            ids[key(try row.text(1, "externalid"), try row.text(2, "taskid"))] = try row.int(0, "id")
        }
        return ids
    }

    static func insertHistory(_ entries: [(Int64, StageHistoryEntry)], _ session: DatabaseSession) throws {
        for start in stride(from: 0, to: entries.count, by: 2000) {
            let chunk = entries[start..<min(start + 2000, entries.count)]
            var values: [SQLValue] = []
            var rows: [String] = []
            for (index, (task, entry)) in chunk.enumerated() {
                values += [
                    .int(task), .text(entry.stage), .text(entry.completedBy), .int(entry.duration), .int(entry.idleDuration ?? 0),
                    .text(entry.reviewStatus?.rawValue), .int(entry.completedAt?.millisecondsSince1970), .text(StoreCodec.storedEntry(entry)),
                ]
                let b = index * 8
                rows.append("($\(b + 1)::bigint, $\(b + 2), $\(b + 3), NULL, $\(b + 4)::bigint, $\(b + 5)::bigint, $\(b + 6), $\(b + 7)::bigint, 1, $\(b + 8))")
            }
            try session.execute("""
                INSERT INTO history(task, stage, username, labeler, active, idle, reviewstatus, completedat, imported, entry)
                VALUES \(rows.joined(separator: ","))
                """, values)
        }
    }

    /// The externalIds, and the taskIds (with their tasks' externalIds), of `tasks` already in the project.
    static func existing(_ tasks: [(task: NewTask, taskId: String)], _ session: DatabaseSession)
        throws -> (externalIds: Set<String>, taskIds: [String: String]) {
        let externalIds = Set(try session.query("SELECT externalid FROM task WHERE externalid = ANY($1)",
                                                [.texts(tasks.map(\.task.externalId))]).map { try $0.text(0, "externalid") })
        var taskIds: [String: String] = [:]
        for row in try session.query("SELECT taskid, externalid FROM task WHERE taskid = ANY($1)", [.texts(tasks.map(\.taskId))]) {
            taskIds[try row.text(0, "taskid")] = try row.text(1, "externalid")
        }
        return (externalIds, taskIds)
    }

    /// Why a record was left out: its externalId or its taskId is taken, by a task of the project
    /// or by an earlier record of the same call.
    static func whySkipped(_ task: NewTask, taskId: String, before: (externalIds: Set<String>, taskIds: [String: String]),
                           _ addedExternalIds: Set<String>, _ addedTaskIds: [String: String]) -> SkippedTask {
        if addedExternalIds.contains(task.externalId) { return SkippedTask(externalId: task.externalId, reason: .externalIdRepeated) }
        if before.externalIds.contains(task.externalId) { return SkippedTask(externalId: task.externalId, reason: .externalIdInProject) }
        if let holder = before.taskIds[taskId] {
            return SkippedTask(externalId: task.externalId, reason: .taskIdInProject(taskId: taskId, externalId: holder))
        }
        return SkippedTask(externalId: task.externalId, reason: .taskIdRepeated(taskId: taskId, externalId: addedTaskIds[taskId] ?? ""))
    }

    public func attach(_ preLabels: [PreLabels]) throws -> Int { try attach(preLabels, by: "unknown") }

    /// Attaches pre-labels to unstarted tasks; pre-labels they replace are recorded, with `user`.
    public func attach(_ preLabels: [PreLabels], by user: String) throws -> Int {
        try link.transaction { session in
            var matched = 0
            for p in preLabels {
                try Self.recordReplacedPreLabels(session, p, by: user)
                matched += try session.execute("UPDATE task SET annotations = $1 WHERE externalid = $2 AND status = 'new'",
                                               [.text(StoreCodec.encode(p.annotations)), .text(p.externalId)])
            }
            return matched
        }
    }
}
