import Foundation
import Testing

@testable import LabelCore

/// Ontologies used across the tests, as Ango Hub downloads them.
enum Ontologies {
    /// Every classification tool; a radio with a checkbox child (shown for "Negative") whose own
    /// children are a text shown for "Price" and a text always shown (three levels deep); a
    /// three-level tree; a text with a regex; a rank; and keys termlabel does not know.
    static let everyTool = """
        {
          "tools": [],
          "classifications": [
            {"tool": "radio", "title": "Sentiment", "required": true, "schemaId": "q-sent", "shortcutKey": "1",
             "color": "#112233", "exportName": "sentiment",
             "options": [{"value": "Positive", "schemaId": "o-pos"}, {"value": "Negative", "schemaId": "o-neg"}],
             "classifications": [
               {"tool": "checkbox", "title": "Why negative", "required": true, "schemaId": "q-why", "parentOptionId": "o-neg",
                "options": [{"value": "Price", "schemaId": "o-price"}, {"value": "Quality", "schemaId": "o-quality"},
                            {"value": "Delivery", "schemaId": "o-delivery"}],
                "classifications": [
                  {"tool": "text", "title": "Price detail", "required": true, "schemaId": "q-price", "parentOptionId": "o-price"},
                  {"tool": "text", "title": "Note", "required": false, "schemaId": "q-note"}
                ]}
             ]},
            {"tool": "single-dropdown", "title": "Language", "schemaId": "q-lang",
             "options": [{"value": "English", "schemaId": "o-en"}, {"value": "German", "schemaId": "o-de"},
                         {"value": "Japanese", "schemaId": "o-ja"}]},
            {"tool": "multi-dropdown", "title": "Topics", "schemaId": "q-topics",
             "options": [{"value": "Battery", "schemaId": "o-bat"}, {"value": "Screen", "schemaId": "o-scr"},
                         {"value": "Camera", "schemaId": "o-cam"}]},
            {"tool": "tree-dropdown", "title": "Kind", "schemaId": "q-kind", "options": [],
             "treeOptions": [
               {"title": "Animal", "key": "k-animal", "value": "k-animal", "children": [
                 {"title": "Mammal", "key": "k-mammal", "value": "k-mammal", "children": [
                   {"title": "Cat", "key": "k-cat", "value": "k-cat", "children": []},
                   {"title": "Dog", "key": "k-dog", "value": "k-dog", "children": []}]},
                 {"title": "Bird", "key": "k-bird", "value": "k-bird", "children": []}]},
               {"title": "Plant", "key": "k-plant", "value": "k-plant", "children": []}]},
            {"tool": "text", "title": "Code", "required": true, "schemaId": "q-code", "regex": "^[0-9]{3}$",
             "richText": false, "frameSpecific": false},
            {"tool": "rank", "title": "Order", "schemaId": "q-rank",
             "options": [{"value": "A", "schemaId": "o-a"}, {"value": "B", "schemaId": "o-b"}, {"value": "C", "schemaId": "o-c"}]}
          ],
          "relations": []
        }
        """

    static func read(_ text: String) throws -> Ontology {
        try OntologyReader.read(Array(text.utf8), file: "ontology.json").ontology
    }

    /// The classifications of Ango's sample task, with the sample's schemaIds: each answered "1"
    /// (the tree "1" then "1 / 2", the text "2").
    static let angoSample = """
        {"tools": [], "relations": [], "classifications": [
          {"tool": "radio", "title": "rdo", "schemaId": "6421df1fa34ac13204ea157",
           "options": [{"value": "1", "schemaId": "r1"}, {"value": "2", "schemaId": "r2"}]},
          {"tool": "checkbox", "title": "chk", "schemaId": "1ea7a275ce5c9cf30a6f148",
           "options": [{"value": "1", "schemaId": "c1"}, {"value": "2", "schemaId": "c2"}]},
          {"tool": "single-dropdown", "title": "sdr", "schemaId": "a2b4a50bb90eb6523b88376",
           "options": [{"value": "1", "schemaId": "s1"}, {"value": "2", "schemaId": "s2"}]},
          {"tool": "multi-dropdown", "title": "mdr", "schemaId": "11f6ed8e4ac4852d3422341",
           "options": [{"value": "1", "schemaId": "m1"}, {"value": "2", "schemaId": "m2"}]},
          {"tool": "tree-dropdown", "title": "tre", "schemaId": "c2b5eb27e55b186f84f3898",
           "treeOptions": [{"title": "1", "key": "t1", "value": "t1", "children": [
             {"title": "2", "key": "t2", "value": "t2", "children": []}]}]},
          {"tool": "text", "title": "txt", "schemaId": "6590a72d09f1760a4578032"}
        ]}
        """

    /// One required radio question: the smallest project.
    static let oneRadio = """
        {"tools": [], "relations": [], "classifications": [
          {"tool": "radio", "title": "Sentiment", "required": true, "schemaId": "q-sent",
           "options": [{"value": "Positive", "schemaId": "o-pos"}, {"value": "Negative", "schemaId": "o-neg"}]}
        ]}
        """
}

/// `2023-08-23T11:20:51.725Z` and friends, for stamps that read like Ango's sample.
func at(_ iso8601: String) -> Timestamp {
    guard let t = Timestamp(iso8601: iso8601) else { preconditionFailure("bad timestamp \(iso8601)") }
    return t
}

/// Parses JSON written in a test; a fixture that does not parse is a broken test.
func json(_ text: String) throws -> JSONValue {
    try JSONParser.parse(text)
}

/// A compact JSON string, for comparing whole documents in one expectation.
func compact(_ value: JSONValue) -> String {
    JSONWriter().string(value)
}

/// Runs `body` with a fresh temporary directory, removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let path = (FileManager.default.temporaryDirectory.path as NSString)
        .appendingPathComponent("termlabel-coretests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}
