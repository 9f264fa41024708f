import Testing

@testable import LabelCore

@Suite("Real files: doccano exports", .enabled(if: RealFixtures.available))
struct DoccanoFixtureTests {
    static let exported = [
        ("Terrible customer service.", "negative"), ("Really great transaction.", "positive"), ("Great price.", "positive"),
    ]
    static let question = builtOntology(builtQuestion("Label", "label", "radio", ["negative", "positive"]))

    @Test("doccano's export as JSON Lines, a JSON array and CSV gives the same texts and labels",
          arguments: [("jsonl", [1, 2, 3]), ("json", [1, 2, 3]), ("csv", [2, 3, 4])])
    func exportExample(_ ext: String, _ numbers: [Int]) throws {
        let file = try RealFixtures.read("doccano", "doccano_data_export_example.\(ext)")
        #expect(file.format == "doccano")
        #expect(file.tasks == zip(Self.exported, numbers).map { item, n in
            NewTask(externalId: "doccano_data_export_example-\(n)", asset: .string(item.0), metadata: [:],
                    annotations: Annotations(classifications: [answer("label", "radio", "Label", .string(item.1))]))
        })
        #expect(file.builtOntology == Self.question)
        #expect(file.counts == ["doccano records": 3])
        #expect(file.warnings == [])
    }

    @Test("doccano's import test lines: labels (plural), several and none, meta as metadata")
    func importLines() throws {
        let file = try RealFixtures.read("doccano", "doccano_data_import-tests_example.jsonl")
        let base = "doccano_data_import-tests_example"
        #expect(file.tasks == [
            NewTask(externalId: "\(base)-1", asset: "exampleA", metadata: ["wikiPageID": 1],
                    annotations: Annotations(classifications: [answer("label", "checkbox", "Label", ["positive"])])),
            NewTask(externalId: "\(base)-2", asset: "exampleB", metadata: ["wikiPageID": 2],
                    annotations: Annotations(classifications: [answer("label", "checkbox", "Label", ["positive", "negative"])])),
            NewTask(externalId: "\(base)-3", asset: "exampleC", metadata: ["wikiPageID": 3]),
        ])
        #expect(file.builtOntology == builtOntology(builtQuestion("Label", "label", "checkbox", ["positive", "negative"])))
    }

    @Test("doccano's import test array: the record without text is reported by its line and left out")
    func importArrayWithoutText() throws {
        let file = try RealFixtures.read("doccano", "doccano_data_import-tests_example.json")
        #expect(file.tasks.map(\.asset) == ["exampleA", "exampleB", "exampleC"])
        #expect(RealFixtures.warnings(file) == [
            "…/doccano/doccano_data_import-tests_example.json: warning: 1 record has no text and is left out: line 5\n    give each record the text to label",
        ])
    }

    @Test("doccano's import test CSV: empty text rows are reported by line, an empty label is no pre-label")
    func importCSVWithEmptyCells() throws {
        let file = try RealFixtures.read("doccano", "doccano_data_import-tests_example.csv")
        #expect(file.tasks == [
            NewTask(externalId: "doccano_data_import-tests_example-2", asset: "exampleA", metadata: [:],
                    annotations: Annotations(classifications: [answer("label", "radio", "Label", "positive")])),
            NewTask(externalId: "doccano_data_import-tests_example-3", asset: "exampleB", metadata: [:]),
        ])
        #expect(RealFixtures.warnings(file) == [
            "…/doccano/doccano_data_import-tests_example.csv: warning: 2 records have no text and are left out: line 4, line 5\n    give each record the text to label",
        ])
    }

    @Test("doccano CSV with columns out of order: the text column is found by name, other columns are metadata")
    func outOfOrderColumns() throws {
        let file = try RealFixtures.read("doccano", "doccano_data_import-tests_example_out_of_order_columns.csv")
        let base = "doccano_data_import-tests_example_out_of_order_columns"
        #expect(file.tasks == [
            NewTask(externalId: "\(base)-2", asset: "exampleA", metadata: ["foo": "foo1"],
                    annotations: Annotations(classifications: [answer("label", "radio", "Label", "positive")])),
            NewTask(externalId: "\(base)-3", asset: "exampleB", metadata: ["foo": "foo2"]),
        ])
        #expect(RealFixtures.warnings(file) == [
            "…/doccano/\(base).csv: warning: 1 record has no text and is left out: line 4\n    give each record the text to label",
        ])
    }
}

@Suite("doccano: sequence labeling")
struct DoccanoShapeTests {
    @Test("span labels are reported, the text imported without them")
    func spansReported() throws {
        let file = try readFormat(#"{"text": "EU rejects German call", "label": [[0, 2, "ORG"], [11, 17, "MISC"]]}"#, file: "ner.jsonl")
        #expect(file.tasks.map(\.asset) == ["EU rejects German call"])
        #expect(file.tasks[0].annotations == .empty)
        #expect(file.warnings.map(\.description) == [
            "ner.jsonl: warning: 2 span labels (sequence labeling) left out: termlabel answers classification questions, not spans",
        ])
    }
}
