import LabelCore

/// A project's tables in its own PostgreSQL schema, and the versions they went through. Columns
/// are the SQLite store's (so a project copies column for column), lower case, with `user`
/// written `username` (`user` is a word PostgreSQL keeps for itself). `termlabel_schema` holds
/// the version: an older one is brought up to date when the project opens, a newer one refused.
enum ProjectSchema {
    /// Each step brings the tables from the version before it to its own; the index + 1 is the version.
    static let migrations: [(name: String, statements: [String])] = [
        ("tables", [
            """
            CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)
            """,
            """
            CREATE TABLE task (
                id BIGSERIAL PRIMARY KEY,
                taskid TEXT NOT NULL UNIQUE,
                externalid TEXT NOT NULL UNIQUE,
                asset TEXT NOT NULL,
                preview TEXT NOT NULL,
                metadata TEXT NOT NULL,
                batches TEXT NOT NULL,
                extra TEXT NOT NULL,
                priority BIGINT NOT NULL DEFAULT 0,
                stage TEXT NOT NULL,
                status TEXT NOT NULL,
                assignee TEXT,
                labeler TEXT,
                annotations TEXT NOT NULL,
                reviewcomment TEXT,
                updatedat BIGINT,
                updatedby TEXT,
                active BIGINT NOT NULL DEFAULT 0,
                idle BIGINT NOT NULL DEFAULT 0,
                createdat BIGINT NOT NULL,
                heldsince BIGINT,
                activeat BIGINT,
                sourceformat TEXT,
                source TEXT,
                readonlyreason TEXT,
                instruction TEXT
            )
            """,
            """
            CREATE INDEX task_queue ON task(stage, priority DESC, id)
            """,
            """
            CREATE INDEX task_status ON task(status, stage)
            """,
            """
            CREATE INDEX task_held ON task(assignee, stage, priority DESC, id)
            """,
            """
            CREATE INDEX task_order ON task(priority DESC, id)
            """,
            """
            CREATE INDEX task_labeler ON task(labeler)
            """,
            """
            CREATE TABLE draft (
                task BIGINT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
                stage TEXT NOT NULL,
                username TEXT NOT NULL,
                classifications TEXT NOT NULL,
                active BIGINT NOT NULL,
                idle BIGINT NOT NULL,
                savedat BIGINT NOT NULL,
                PRIMARY KEY (task, stage)
            )
            """,
            """
            CREATE TABLE history (
                id BIGSERIAL PRIMARY KEY,
                task BIGINT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
                stage TEXT NOT NULL,
                username TEXT,
                labeler TEXT,
                active BIGINT NOT NULL,
                idle BIGINT NOT NULL,
                reviewstatus TEXT,
                completedat BIGINT,
                imported BIGINT NOT NULL DEFAULT 0,
                entry TEXT NOT NULL
            )
            """,
            """
            CREATE INDEX history_task ON history(task, id)
            """,
            """
            CREATE TABLE event (
                id BIGSERIAL PRIMARY KEY,
                task BIGINT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
                username TEXT NOT NULL,
                kind TEXT NOT NULL,
                at BIGINT NOT NULL
            )
            """,
            """
            CREATE INDEX event_task ON event(task)
            """,
            """
            CREATE TABLE audit (
                id BIGSERIAL PRIMARY KEY,
                at BIGINT NOT NULL,
                username TEXT NOT NULL,
                action TEXT NOT NULL,
                externalid TEXT NOT NULL,
                detail TEXT NOT NULL
            )
            """,
        ]),
        // How many tasks stand in each stage and status, kept by a trigger in the transaction of
        // every change: progress and the queue's counts read a handful of rows at any size.
        ("task counts", [
            """
            CREATE TABLE task_count (stage TEXT NOT NULL, status TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (stage, status))
            """,
            """
            INSERT INTO task_count(stage, status, n) SELECT stage, status, COUNT(*) FROM task GROUP BY stage, status
            """,
            """
            CREATE FUNCTION task_count_change() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    UPDATE task_count SET n = n - 1 WHERE stage = OLD.stage AND status = OLD.status;
                END IF;
                IF TG_OP <> 'DELETE' THEN
                    INSERT INTO task_count(stage, status, n) VALUES (NEW.stage, NEW.status, 1)
                    ON CONFLICT (stage, status) DO UPDATE SET n = task_count.n + 1;
                END IF;
                RETURN NULL;
            END $$
            """,
            """
            CREATE TRIGGER task_count_insert_delete AFTER INSERT OR DELETE ON task FOR EACH ROW EXECUTE FUNCTION task_count_change()
            """,
            """
            CREATE TRIGGER task_count_update AFTER UPDATE OF stage, status ON task FOR EACH ROW
                WHEN (OLD.stage IS DISTINCT FROM NEW.stage OR OLD.status IS DISTINCT FROM NEW.status)
                EXECUTE FUNCTION task_count_change()
            """,
        ]),
        // Issues a reviewer or labeler opens on a task (with the error code as it was then), and
        // tasks on hold with the status they return to when forwarded.
        ("issues and hold", [
            """
            CREATE TABLE issue (
                id BIGSERIAL PRIMARY KEY,
                task BIGINT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
                schemaid TEXT, content TEXT NOT NULL, errorcode TEXT,
                createdby TEXT NOT NULL, createdat BIGINT NOT NULL, stage TEXT NOT NULL,
                resolvedby TEXT, resolvedat BIGINT, resolution TEXT
            )
            """,
            "CREATE INDEX issue_task ON issue(task, id)",
            "CREATE INDEX issue_open ON issue(id) WHERE resolvedat IS NULL",
            """
            CREATE TABLE task_hold (
                task BIGINT PRIMARY KEY REFERENCES task(id) ON DELETE CASCADE,
                reason TEXT NOT NULL, username TEXT NOT NULL, at BIGINT NOT NULL, previousstatus TEXT NOT NULL
            )
            """,
        ]),
        // Consensus: each annotator's hold, draft and answer of a Label task in a round, and the
        // round's score (as SQLite's "v8: consensus").
        ("v8: consensus", [
            """
            CREATE TABLE consensus_answer (
                task BIGINT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
                username TEXT NOT NULL,
                heldsince BIGINT NOT NULL,
                activeat BIGINT,
                skipped BIGINT NOT NULL DEFAULT 0,
                classifications TEXT,
                active BIGINT NOT NULL DEFAULT 0,
                idle BIGINT NOT NULL DEFAULT 0,
                savedat BIGINT,
                submittedat BIGINT,
                PRIMARY KEY (task, username)
            )
            """,
            """
            CREATE INDEX consensus_answer_open ON consensus_answer(username, submittedat, task)
            """,
            """
            CREATE TABLE consensus_score (
                task BIGINT PRIMARY KEY REFERENCES task(id) ON DELETE CASCADE,
                score TEXT NOT NULL,
                scoredat BIGINT NOT NULL
            )
            """,
        ]),
        // Tasks added or removed are counted once per statement, not once per row: adding a
        // million tasks in one transaction updated the same count row a million times, each
        // update walking the row's versions the transaction had made before it.
        ("task counts by statement", [
            """
            DROP TRIGGER task_count_insert_delete ON task
            """,
            """
            CREATE FUNCTION task_count_added() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
            BEGIN
                INSERT INTO task_count(stage, status, n) SELECT stage, status, COUNT(*) FROM added GROUP BY stage, status
                ON CONFLICT (stage, status) DO UPDATE SET n = task_count.n + EXCLUDED.n;
                RETURN NULL;
            END $$
            """,
            """
            CREATE FUNCTION task_count_removed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
            BEGIN
                UPDATE task_count c SET n = c.n - r.n FROM (SELECT stage, status, COUNT(*) AS n FROM removed GROUP BY stage, status) r
                WHERE c.stage = r.stage AND c.status = r.status;
                RETURN NULL;
            END $$
            """,
            """
            CREATE TRIGGER task_count_insert AFTER INSERT ON task REFERENCING NEW TABLE AS added
                FOR EACH STATEMENT EXECUTE FUNCTION task_count_added()
            """,
            """
            CREATE TRIGGER task_count_delete AFTER DELETE ON task REFERENCING OLD TABLE AS removed
                FOR EACH STATEMENT EXECUTE FUNCTION task_count_removed()
            """,
        ]),
        // Each connection keeps its changes to the counts in rows of its own (one of 32 shards,
        // by server process): every submit moved the same two count rows, so each waited for the
        // one before it to commit, and submits took turns however many annotators there were.
        // Readers add the shards up.
        ("task counts in shards", [
            """
            ALTER TABLE task_count ADD COLUMN shard INTEGER NOT NULL DEFAULT 0
            """,
            """
            ALTER TABLE task_count DROP CONSTRAINT task_count_pkey
            """,
            """
            ALTER TABLE task_count ADD PRIMARY KEY (stage, status, shard)
            """,
            """
            CREATE OR REPLACE FUNCTION task_count_change() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
            BEGIN
                INSERT INTO task_count(stage, status, shard, n) VALUES (OLD.stage, OLD.status, pg_backend_pid() % 32, -1)
                ON CONFLICT (stage, status, shard) DO UPDATE SET n = task_count.n - 1;
                INSERT INTO task_count(stage, status, shard, n) VALUES (NEW.stage, NEW.status, pg_backend_pid() % 32, 1)
                ON CONFLICT (stage, status, shard) DO UPDATE SET n = task_count.n + 1;
                RETURN NULL;
            END $$
            """,
            """
            CREATE OR REPLACE FUNCTION task_count_added() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
            BEGIN
                INSERT INTO task_count(stage, status, shard, n)
                SELECT stage, status, pg_backend_pid() % 32, COUNT(*) FROM added GROUP BY stage, status
                ON CONFLICT (stage, status, shard) DO UPDATE SET n = task_count.n + EXCLUDED.n;
                RETURN NULL;
            END $$
            """,
            """
            CREATE OR REPLACE FUNCTION task_count_removed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
            BEGIN
                INSERT INTO task_count(stage, status, shard, n)
                SELECT stage, status, pg_backend_pid() % 32, -COUNT(*) FROM removed GROUP BY stage, status
                ON CONFLICT (stage, status, shard) DO UPDATE SET n = task_count.n + EXCLUDED.n;
                RETURN NULL;
            END $$
            """,
        ]),
        // Gold tasks: a task's known answers in `benchmark` (NULL for work); each annotator's hold,
        // draft and scored answer of a gold task in `benchmark_answer`, apart from everyone else's.
        // `history_user` counts an annotator's Label submits when the queue weighs the rate.
        ("v9: benchmarks", [
            """
            ALTER TABLE task ADD COLUMN benchmark TEXT
            """,
            """
            CREATE INDEX task_benchmark ON task(priority DESC, id) WHERE benchmark IS NOT NULL
            """,
            """
            CREATE TABLE benchmark_answer (
                task BIGINT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
                username TEXT NOT NULL,
                heldsince BIGINT NOT NULL,
                skipped BIGINT NOT NULL DEFAULT 0,
                classifications TEXT,
                active BIGINT NOT NULL DEFAULT 0,
                idle BIGINT NOT NULL DEFAULT 0,
                savedat BIGINT,
                submittedat BIGINT,
                score TEXT,
                PRIMARY KEY (username, task)
            )
            """,
            """
            CREATE INDEX history_user ON history(username, stage)
            """,
        ]),
    ]

    static var currentVersion: Int { migrations.count }

    /// Makes the schema and its tables up to `version`, in the session's transaction.
    static func create(_ schema: String, in session: DatabaseSession, upTo version: Int = currentVersion) throws {
        try session.execute("CREATE SCHEMA \(DatabaseLink.quoted(schema))")
        try session.execute("SET LOCAL search_path TO \(DatabaseLink.quoted(schema))")
        try session.execute("CREATE TABLE termlabel_schema (version INTEGER NOT NULL)")
        try session.execute("INSERT INTO termlabel_schema(version) VALUES (0)")
        try migrate(session, from: 0, to: version)
    }

    /// The version of the project's tables; nil when the schema holds no project.
    static func version(_ session: DatabaseSession, schema: String) throws -> Int? {
        guard try session.int("SELECT COUNT(*) FROM pg_tables WHERE schemaname = $1 AND tablename = 'termlabel_schema'", [.text(schema)]) == 1
        else { return nil }
        return try session.int("SELECT version FROM termlabel_schema").map(Int.init)
    }

    /// Brings an older project's tables up to date (one transaction, one process at a time);
    /// refuses a newer one.
    static func open(_ link: DatabaseLink, schema: String) throws {
        let version = try link.withSession { try Self.version($0, schema: schema) }
        guard let version else { throw DatabaseError.noProject(url: link.url.description, schema: schema) }
        if version > currentVersion { throw DatabaseError.newerSchema(schema: schema, version: version, known: currentVersion) }
        guard version < currentVersion else { return }
        try link.transaction { session in
            try session.execute("LOCK TABLE termlabel_schema IN EXCLUSIVE MODE")
            let now = try session.int("SELECT version FROM termlabel_schema").map(Int.init) ?? 0
            if now > currentVersion { throw DatabaseError.newerSchema(schema: schema, version: now, known: currentVersion) }
            try migrate(session, from: now, to: currentVersion)
        }
    }

    private static func migrate(_ session: DatabaseSession, from: Int, to: Int) throws {
        guard from < to else { return }
        for step in migrations[from..<to] { for statement in step.statements { try session.execute(statement) } }
        try session.execute("UPDATE termlabel_schema SET version = $1", [.int(to)])
    }

    /// A schema name from a project name: lower-case letters, digits and `_`, starting with a
    /// letter, at most 48 characters (`termlabel_` first when it would start otherwise).
    static func name(for project: String) -> String {
        var out = ""
        for scalar in project.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { out.unicodeScalars.append(scalar) }
            else if !out.hasSuffix("_") { out.append("_") }
        }
        while out.hasSuffix("_") { out.removeLast() }
        if out.isEmpty || !(out.first!.isLetter) || out.hasPrefix("pg_") { out = "termlabel_" + out }
        return String(out.prefix(48))
    }
}
