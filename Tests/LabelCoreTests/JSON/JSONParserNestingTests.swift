import Testing

@testable import LabelCore

/// Nesting of every kind comes out as written, and a repeated key is found in objects small and
/// large, wherever it is.
@Suite("JSON parser: nested containers and repeated keys")
struct JSONParserNestingTests {
    @Test("arrays and objects nested in each other, empty and not, come out as written")
    func nesting() throws {
        let text = #"[1,{"a":[2,{"b":[],"c":{}},3],"d":{"e":[{"f":4},[5,[6]]]}},[],{},[{"g":[7]},8],"x"]"#
        let value = try JSONParser.parse(text)
        #expect(JSONWriter().string(value) == text)
        #expect(value == .array([
            1, ["a": [2, ["b": [], "c": [:]], 3], "d": ["e": [["f": 4], [5, [6]]]]], [], [:], [["g": [7]], 8], "x",
        ]))
    }

    @Test("objects of few and many members keep them in order", arguments: [5, 11, 12, 13, 40])
    func manyMembers(count: Int) throws {
        let text = "{" + (0..<count).map { #""k\#($0)":[\#($0),{"n":\#($0)}]"# }.joined(separator: ",") + "}"
        let value = try JSONParser.parse(text)
        #expect(JSONWriter().string(value) == text)
        #expect(value.objectValue?.keys.count == count)
    }

    @Test("a repeated key is found wherever it is in an object of any size", arguments: [2, 11, 12, 13, 30])
    func repeatedKey(count: Int) throws {
        for repeatAt in [1, count - 1, count] where repeatAt >= 1 {
            var keys = (0..<count).map { "k\($0)" }
            keys.insert("k0", at: repeatAt)
            let text = "{" + keys.map { #""\#($0)":[{"inner":1}]"# }.joined(separator: ",") + "}"
            let error = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
            #expect(error?.message == #"the key "k0" appears twice in this object; JSON readers disagree on which value counts"#)
            #expect(error?.path == JSONPath([.key("k0")]))
        }
    }

    @Test("the same key in sibling and nested objects is not a repeat")
    func sameKeyElsewhere() throws {
        let text = #"{"a":{"a":{"a":1}},"b":[{"a":2},{"a":3}],"c":{"b":{"a":4}}}"#
        #expect(JSONWriter().string(try JSONParser.parse(text)) == text)
    }
}
