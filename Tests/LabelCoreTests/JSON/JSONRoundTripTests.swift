import Testing

@testable import LabelCore

@Suite("JSON round trip")
struct JSONRoundTripTests {
    @Test("a compact document is written back byte for byte, key order and number literals kept")
    func compactDocumentRoundTrips() throws {
        let text = #"{"z":1,"a":[301.6699801192843,1e-7,-0,0.5E+10,-12,1.50],"m":{"b":true,"a":null,"c":false},"e":{},"l":[]}"#
        #expect(JSONWriter().string(try JSONParser.parse(text)) == text)
    }

    @Test("number literals are kept as written, not re-rounded")
    func numberLiteralsKept() throws {
        let value = try JSONParser.parse("[301.6699801192843, 1e-7, 1E+2, -0.0, 10]")
        #expect(value == .array([.number("301.6699801192843"), .number("1e-7"), .number("1E+2"), .number("-0.0"), .number("10")]))
    }

    @Test("object keys keep the order they were read in")
    func keyOrderKept() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": 2, "c": 3}"#)
        #expect(value.objectValue.map { Array($0.keys) } == ["b", "a", "c"])
    }

    @Test("an object with the same keys in another order is a different value")
    func keyOrderMatters() throws {
        #expect(try JSONParser.parse(#"{"a":1,"b":2}"#) != JSONParser.parse(#"{"b":2,"a":1}"#))
    }

    @Test("unicode escapes decode, surrogate pairs included")
    func unicodeEscapesDecode() throws {
        let value = try JSONParser.parse(#"["caf\u00e9", "\ud83d\ude00", "\u65e5\u672c", "\"\\\/\b\f\n\r\t"]"#)
        #expect(value == .array(["café", "😀", "日本", "\"\\/\u{8}\u{C}\n\r\t"]))
    }

    @Test("non-ASCII text is written as it is, not escaped")
    func nonASCIIWrittenRaw() throws {
        let text = #"{"text":"Привет, 世界 😀 é"}"#
        #expect(JSONWriter().string(try JSONParser.parse(text)) == text)
    }

    @Test("control characters are written as escapes")
    func controlCharactersEscaped() {
        let value = JSONValue.string("a\u{0}b\u{1}c\u{1F}d\u{7F}e\nf\tg\r\u{8}\u{C}\u{2028}\u{2029}\"\\")
        #expect(JSONWriter().string(value) == #""a\u0000b\u0001c\u001fd\u007fe\nf\tg\r\b\f\u2028\u2029\"\\""#)
    }

    @Test("escaped control characters survive a round trip")
    func escapedControlCharactersRoundTrip() throws {
        let text = #"["\u0000\u0001\u001f\u007f\n\t"]"#
        #expect(JSONWriter().string(try JSONParser.parse(text)) == text)
    }

    @Test("a UTF-8 byte order mark before the document is ignored")
    func byteOrderMarkIgnored() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([1]))
    }

    @Test("pretty output indents by two spaces and keeps empty containers on one line")
    func prettyOutput() throws {
        let value = try JSONParser.parse(#"{"a":[1,{"b":[]}],"c":{},"d":"x"}"#)
        #expect(JSONWriter(pretty: true).string(value) == """
            {
              "a": [
                1,
                {
                  "b": []
                }
              ],
              "c": {},
              "d": "x"
            }
            """)
    }

    @Test("Ango's sample task parses and is written back with the same values")
    func angoSampleRoundTrips() throws {
        let value = try JSONParser.parse(AngoSample.task)
        let again = try JSONParser.parse(JSONWriter(pretty: true).string(value))
        #expect(again == value)
        #expect(value["tools"]?.arrayValue?.first?["bounding-box"]?["x"] == .number("301.6699801192843"))
    }

    @Test("intValue reads whole numbers written with an exponent and refuses fractions")
    func intValueOfLiterals() {
        #expect(JSONValue.number("1e3").intValue == 1000)
        #expect(JSONValue.number("-12").intValue == -12)
        #expect(JSONValue.number("1.5").intValue == nil)
        #expect(JSONValue.string("12").intValue == nil)
    }
}
