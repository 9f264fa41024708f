import Foundation
import LabelCore
import PostgresStore

/// Where a project directory keeps its data: `project.sqlite` in it, or a PostgreSQL database
/// named by its `project.postgres`.
enum ProjectLocation {
    static func open(_ directory: String) throws -> any ProjectStore {
        if FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(SQLiteProjectStore.fileName)) {
            return try SQLiteProjectStore(directory: directory)
        }
        if DatabaseProjectFile.exists(in: directory) {
            let file = try DatabaseProjectFile.read(directory: directory)
            return try PostgresProjectStore(url: file.url, schema: file.schema)
        }
        throw StoreError.notAProject(directory)
    }
}
