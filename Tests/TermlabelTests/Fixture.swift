import Foundation
import LabelCore
@testable import termlabel

/// A project in a temporary directory, with a small ontology that uses every question type.
final class Fixture {
    let directory: String
    let store: SQLiteProjectStore
    let clock = ManualClock(1_000)

    static let ontology = """
        {"tools": [], "relations": [], "classifications": [
          {"tool": "radio", "title": "Sentiment", "schemaId": "s", "required": true, "shortcutKey": "a",
           "options": [{"value": "Positive", "schemaId": "s1"}, {"value": "Negative", "schemaId": "s2"}],
           "classifications": [
             {"tool": "checkbox", "title": "Why", "schemaId": "why", "parentOptionId": "s2",
              "options": [{"value": "Price", "schemaId": "w1"}, {"value": "Quality", "schemaId": "w2"}]}]},
          {"tool": "single-dropdown", "title": "Language", "schemaId": "lang", "shortcutKey": "b",
           "options": [{"value": "English", "schemaId": "l1"}, {"value": "French", "schemaId": "l2"}, {"value": "Japanese", "schemaId": "l3"}]},
          {"tool": "tree-dropdown", "title": "Category", "schemaId": "cat",
           "treeOptions": [{"title": "Home", "key": "h", "children": [{"title": "Kitchen", "key": "k", "children": [{"title": "Blenders", "key": "b"}]}]}]},
          {"tool": "text", "title": "Order", "schemaId": "order", "regex": "^[0-9]+$"},
          {"tool": "rank", "title": "Aspects", "schemaId": "rank",
           "options": [{"value": "Price", "schemaId": "r1"}, {"value": "Delivery", "schemaId": "r2"}]}
        ]}
        """

    init(review: Bool = false, tasks: [NewTask]? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("termlabel-\(UUID().uuidString)").path
        store = try SQLiteProjectStore.create(directory: directory, settings: ProjectSettings(
            name: "fixture", ontologyJSON: Self.ontology, hasReview: review, idleTimeoutMilliseconds: 300_000,
            createdAt: Timestamp(millisecondsSince1970: 0)))
        _ = try store.add(tasks ?? [
            NewTask(externalId: "t-1", asset: "The blender is loud but strong.", metadata: ["stars": 3]),
            NewTask(externalId: "t-2", asset: "日本語のレビュー：とても良い。"),
            NewTask(externalId: "t-3", asset: "Third."),
        ], at: Timestamp(millisecondsSince1970: 0))
    }

    init(ontology: String, tasks: [NewTask]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("termlabel-\(UUID().uuidString)").path
        store = try SQLiteProjectStore.create(directory: directory, settings: ProjectSettings(
            name: "fixture", ontologyJSON: ontology, hasReview: false, idleTimeoutMilliseconds: 300_000,
            createdAt: Timestamp(millisecondsSince1970: 0)))
        _ = try store.add(tasks, at: Timestamp(millisecondsSince1970: 0))
    }

    func session(_ stage: Stage = .label, user: String = "ann", keymap: Keymap = .standard, autoAdvance: Bool? = nil) throws -> LabelController {
        try LabelController(store: store, stage: stage, user: user, clock: clock, keymap: keymap, autoAdvance: autoAdvance)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}
