import Foundation
import Testing

@testable import LabelCore

/// Checks whose time grew with the square of the input, each now linear: measured as the ratio of
/// 4n to n (see `LinearTime`), and with output capped at 20 problems of each kind and a count.
@Suite("Checks take time in proportion to the input", .serialized)
struct LinearChecksTests {
    /// A valid JSON array whose every record warns ("data" is empty).
    static func warningRecords(_ n: Int) -> [UInt8] {
        Array(("[" + (0..<n).map { #"{"externalId": "r-\#($0)", "data": ""}"# }.joined(separator: ",\n") + "]").utf8)
    }

    /// A radio question with n options, every one of the same value.
    static func duplicateOptions(_ n: Int) -> [UInt8] {
        let options = (0..<n).map { #"{"value": "same", "schemaId": "o\#($0)"}"# }.joined(separator: ",\n")
        return Array(#"{"classifications": [{"tool": "radio", "title": "Q", "schemaId": "q", "options": [\#(options)]}]}"#.utf8)
    }

    /// A tree question of n nodes with n / 20 nested questions, each conditioned on a node.
    static func treeWithNestedQuestions(_ n: Int) -> [UInt8] {
        let nodes = (0..<n).map { #"{"title": "n\#($0)", "key": "k\#($0)"}"# }.joined(separator: ",")
        let children = (0..<(n / 20)).map { #"{"tool": "text", "title": "c\#($0)", "schemaId": "c\#($0)", "parentOptionId": "k\#($0 * 20)"}"# }
            .joined(separator: ",")
        return Array(#"{"classifications": [{"tool": "tree-dropdown", "title": "T", "schemaId": "t", "treeOptions": [\#(nodes)], "classifications": [\#(children)]}]}"#.utf8)
    }

    @Test("a JSON array whose every record warns: linear, 20 warnings listed and the rest counted")
    func everyRecordWarns() throws {
        let file = try AssetReader.read(Self.warningRecords(1_000), file: "a.json")
        #expect(file.warnings.count == 21)
        #expect(file.warnings.first?.description == #"a.json:1:32: warning: "data" is empty (at $[0].data)"#)
        #expect(file.warnings.last?.description == "a.json: warning: … and 980 more warnings")
        let ratio = LinearTime.ratio(n: 1_000, input: Self.warningRecords) { bytes in _ = try? AssetReader.read(bytes, file: "a.json") }
        #expect(ratio < LinearTime.bound, "4n took \(ratio) times as long as n")
    }

    @Test("an ontology with thousands of duplicate option values: linear, 20 errors listed and the rest counted")
    func duplicateOptionValues() throws {
        let error = try #require(throws: DiagnosticsError.self) { try OntologyReader.read(Self.duplicateOptions(1_000), file: "o.json") }
        #expect(error.diagnostics.count == 21)
        #expect(error.diagnostics.first?.description == """
            o.json:2:11: error: two options have the value "same" (at $.classifications[0].options[1].value)
                option values must differ within a question
            """)
        #expect(error.diagnostics.last?.description == "o.json: error: … and 979 more errors")
        let ratio = LinearTime.ratio(n: 600, input: Self.duplicateOptions) { bytes in _ = try? OntologyReader.read(bytes, file: "o.json") }
        #expect(ratio < LinearTime.bound, "4n took \(ratio) times as long as n")
    }

    @Test("nested questions of a large tree do not flatten the tree again each")
    func nestedQuestionsOfATree() throws {
        let result = try OntologyReader.read(Self.treeWithNestedQuestions(2_000), file: "t.json")
        #expect(result.ontology.allQuestions.count == 101)
        let ratio = LinearTime.ratio(n: 2_000, input: Self.treeWithNestedQuestions) { bytes in _ = try? OntologyReader.read(bytes, file: "t.json") }
        #expect(ratio < LinearTime.bound, "4n took \(ratio) times as long as n")
    }

    @Test("records that each have an error: linear past the cap of 20")
    func everyRecordFails() throws {
        func records(_ n: Int) -> [UInt8] { Array(("[" + (0..<n).map { _ in #"{"data": "x", "priority": "high"}"# }.joined(separator: ",\n") + "]").utf8) }
        let error = try #require(throws: DiagnosticsError.self) { try AssetReader.read(records(100), file: "r.json") }
        #expect(error.diagnostics.count == 21)
        #expect(error.diagnostics.last?.description == "r.json: error: … and 80 more errors")
        let ratio = LinearTime.ratio(n: 2_500, input: records) { bytes in _ = try? AssetReader.read(bytes, file: "r.json") }
        #expect(ratio < LinearTime.bound, "4n took \(ratio) times as long as n")
    }

    @Test("locating many paths reads the document once")
    func locatingManyPaths() {
        func document(_ n: Int) -> [UInt8] { Array(("[" + (0..<n).map { "{\"a\": \($0)}" }.joined(separator: ",\n") + "]").utf8) }
        let places = JSONParser.locations(of: [JSONPath.root / 0 / "a", JSONPath.root / 2 / "a", JSONPath.root / 9 / "b"], in: document(3))
        #expect(places == [JSONPath.root / 0 / "a": SourceLocation(line: 1, column: 8), JSONPath.root / 2 / "a": SourceLocation(line: 3, column: 7)])
        let ratio = LinearTime.ratio(n: 2_000, input: document) { bytes in
            _ = JSONParser.locations(of: (0..<(bytes.count / 10)).map { JSONPath.root / $0 / "a" }, in: bytes)
        }
        #expect(ratio < LinearTime.bound, "4n took \(ratio) times as long as n")
    }
}
