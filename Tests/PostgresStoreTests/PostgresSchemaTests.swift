import Foundation
import Testing

import LabelCore
@testable import PostgresStore

/// PostgreSQL: the project's tables
enum PostgresSchemaTests {
    /// a project made by an older termlabel is brought up to date when it opens, its counts filled in
    static func olderSchemaMigrated() throws {
        let url = try #require(TestDatabase.url)
        let schema = TestDatabase.newSchema()
        defer { try? PostgresProjectStore.drop(url: url, schema: schema) }
        let old = try PostgresProjectStore.create(url: url, schema: schema, settings: TestDatabase.settings, version: 1)
        // Version 1 has no kept counts: the tasks are added straight into the table.
        _ = try old.link.withSession { session in
            for name in ["a", "b", "c"] {
                try session.execute("""
                    INSERT INTO task(taskid, externalid, asset, preview, metadata, batches, extra, stage, status, annotations, createdat)
                    VALUES ($1, $1, '"x"', 'x', '{}', '[]', '{}', 'Label', 'new', '{}', 0)
                    """, [.text(name)])
            }
        }
        old.close()
        let store = try PostgresProjectStore(url: url, schema: schema)
        defer { store.close() }
        #expect(try store.link.withSession { try $0.int("SELECT version FROM termlabel_schema") } == Int64(ProjectSchema.currentVersion))
        #expect(try store.progress() == ProjectProgress(total: 3, byStage: [.label: 3], byStatus: [.new: 3]))
        #expect(try store.integrityCheck() == "ok")
    }

    /// a project made by a newer termlabel is refused, saying which versions
    static func newerSchemaRefused() throws {
        try TestDatabase.withProject { store in
            _ = try store.link.withSession { try $0.execute("UPDATE termlabel_schema SET version = 99") }
            let known = ProjectSchema.currentVersion
            #expect(throws: DatabaseError.newerSchema(schema: store.schema, version: 99, known: known)) {
                try PostgresProjectStore(url: store.url, schema: store.schema)
            }
            #expect(DatabaseError.newerSchema(schema: "reviews", version: 99, known: 2).description
                == "the project in schema reviews was made by a newer termlabel (its tables are version 99; this termlabel knows up to 2); install the newer termlabel to open it")
        }
    }

    /// a schema that holds no project says how to make one
    static func noProject() throws {
        let url = try #require(TestDatabase.url)
        #expect(throws: DatabaseError.noProject(url: url.description, schema: "nothing_here")) {
            try PostgresProjectStore(url: url, schema: "nothing_here")
        }
    }

    /// two projects in one database are apart: each its own schema
    static func projectsApart() throws {
        try TestDatabase.withProject { first in
            try TestDatabase.withProject { second in
                _ = try first.add(tasks(["a", "b"]), at: .now())
                _ = try second.add(tasks(["c"]), at: .now())
                #expect(try first.count(.all) == 2)
                #expect(try second.count(.all) == 1)
                #expect(try second.task(externalId: "a") == nil)
            }
        }
    }

    /// making a project where one is refuses, and leaves it as it was
    static func createTwice() throws {
        try TestDatabase.withProject { store in
            _ = try store.add(tasks(["a"]), at: .now())
            #expect(throws: StoreError.cannotCreate("schema \(store.schema) of \(store.url)", "it exists already (a project of that name is there); choose another with --name")) {
                try PostgresProjectStore.create(url: store.url, schema: store.schema, settings: TestDatabase.settings)
            }
            #expect(try store.count(.all) == 1)
        }
    }
}
