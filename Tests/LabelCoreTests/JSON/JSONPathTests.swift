import Testing

@testable import LabelCore

@Suite("JSON paths and locations")
struct JSONPathTests {
    static let document = """
        {
          "classifications": [
            {"schemaId": "a"},
            {"options": [{"value": "x"}, {"value": "y"}]}
          ]
        }
        """

    @Test("location(of:in:) finds a value nested in objects and arrays")
    func locationOfNestedValue() {
        let path = JSONPath.root / "classifications" / 1 / "options" / 1 / "value"
        #expect(JSONParser.location(of: path, in: Array(Self.document.utf8)) == SourceLocation(line: 4, column: 44))
    }

    @Test("location(of:in:) finds an object by its index")
    func locationOfArrayItem() {
        let path = JSONPath.root / "classifications" / 0
        #expect(JSONParser.location(of: path, in: Array(Self.document.utf8)) == SourceLocation(line: 3, column: 5))
    }

    @Test("location(of:in:) of the root is the document's first character")
    func locationOfRoot() {
        #expect(JSONParser.location(of: .root, in: Array("  \n [1]".utf8)) == SourceLocation(line: 2, column: 2))
    }

    @Test("location(of:in:) is nil for a path the document does not have")
    func locationOfMissingPath() {
        let path = JSONPath.root / "classifications" / 2
        #expect(JSONParser.location(of: path, in: Array(Self.document.utf8)) == nil)
    }

    @Test("location(of:in:) still finds a value before a syntax error")
    func locationBeforeSyntaxError() {
        let text = "{\"a\": [1, 2], \"b\": }"
        #expect(JSONParser.location(of: JSONPath.root / "a" / 1, in: Array(text.utf8)) == SourceLocation(line: 1, column: 11))
    }

    @Test("a path reads as $ with dotted keys and bracketed indexes")
    func pathDescription() {
        let path = JSONPath.root / "classifications" / 2 / "options" / 0 / "value"
        #expect(path.description == "$.classifications[2].options[0].value")
    }

    @Test("keys that are not plain names are quoted in brackets")
    func pathDescriptionQuotesKeys() {
        let path = JSONPath.root / "bounding-box" / "a b" / ""
        #expect(path.description == #"$["bounding-box"]["a b"][""]"#)
    }

    @Test("the root path reads as $")
    func rootPathDescription() {
        #expect(JSONPath.root.description == "$")
    }
}
