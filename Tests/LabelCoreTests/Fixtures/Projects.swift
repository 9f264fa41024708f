import Foundation

@testable import LabelCore

/// When the tasks of a test project are added.
let addedAt = at("2024-05-01T09:00:00.000Z")

/// A new project in `directory/project`.
func makeProject(
    in directory: String, ontology: String = Ontologies.oneRadio, review: Bool = false, emails: [String: String] = [:]
) throws -> SQLiteProjectStore {
    try SQLiteProjectStore.create(
        directory: (directory as NSString).appendingPathComponent("project"),
        settings: ProjectSettings(
            name: "reviews", ontologyJSON: ontology, hasReview: review, createdAt: at("2024-05-01T08:00:00.000Z"), emails: emails))
}

/// Plain text tasks named by their externalIds, with optional priorities (`"b:5"`).
func tasks(_ names: String...) -> [NewTask] {
    names.map { name in
        let parts = name.split(separator: ":")
        return NewTask(externalId: String(parts[0]), asset: .string("text of \(parts[0])"), priority: parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
    }
}

extension [NewTask] {
    /// The tasks as a streamed add is handed them.
    var incoming: [IncomingTask] { map(IncomingTask.init) }
}

extension ProjectStore {
    /// The store's row id of a task, by externalId.
    func id(_ externalId: String) throws -> Int64 {
        guard let task = try task(externalId: externalId) else { throw StoreError.noSuchTask(externalId) }
        return task.id
    }

    /// Submits the task in `stage` as `user` with one radio answer.
    @discardableResult
    func submit(
        _ externalId: String, in stage: Stage, by user: String, answer: String = "Positive", active: Int64 = 1000, idle: Int64 = 0,
        at time: Timestamp = at("2024-05-01T10:00:00.000Z"), review: ReviewStatus? = nil, comment: String? = nil
    ) throws -> Stage {
        try submit(Submission(
            taskId: id(externalId), stage: stage, user: user,
            classifications: [["schemaId": "q-sent", "tool": "radio", "title": "Sentiment", "answer": .string(answer), "classifications": []]],
            time: TimeSpent(active: active, idle: idle), at: time, reviewStatus: review, comment: comment))
    }
}
