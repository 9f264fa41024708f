import Testing

@testable import LabelCore

@Suite("JSON syntax errors")
struct JSONSyntaxErrorTests {
    /// The error a document gives, as `line:column: message`; nil when it parses.
    func error(_ text: String) -> String? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("a missing comma between members is reported at the next key")
    func missingCommaInObject() {
        #expect(error("""
            {
              "a": 1
              "b": 2
            }
            """) == #"3:3: unexpected '"'; expected ',' or '}' (is a comma missing?)"#)
    }

    @Test("a missing comma between array items is reported at the next item")
    func missingCommaInArray() {
        #expect(error("[1, 2 3]") == "1:7: unexpected '3'; expected ',' or ']' (is a comma missing?)")
    }

    @Test("a trailing comma in an array is reported at the closing bracket")
    func trailingCommaInArray() {
        #expect(error("[1, 2,]") == "1:7: trailing comma before ']'")
    }

    @Test("a trailing comma in an object is reported at the closing brace")
    func trailingCommaInObject() {
        #expect(error("{\n  \"a\": 1,\n}") == "3:1: trailing comma before '}'")
    }

    @Test("an unterminated string is reported at its opening quote")
    func unterminatedString() {
        #expect(error(#"{"a": "abc"#) == #"1:7: unterminated string (no closing '"')"#)
    }

    @Test("an unterminated string with escapes is reported at its opening quote")
    func unterminatedStringWithEscape() {
        #expect(error(#"["a\n\"#) == #"1:2: unterminated string (no closing '"')"#)
    }

    @Test("a line break inside a string is reported where it is")
    func lineBreakInString() {
        #expect(error("[\"abc\ndef\"]") == #"1:6: a line break inside a string (is a closing '"' missing?)"#)
    }

    @Test("a raw tab inside a string is refused")
    func rawControlCharacterInString() {
        #expect(error("[\"a\tb\"]") == "1:4: a raw control character (0x9) inside a string; write it as an escape")
    }

    @Test("a misspelt literal is reported at its first letter")
    func badLiteral() {
        #expect(error("[true, tru]") == "1:8: unexpected text; expected true or another value")
        #expect(error("{\"a\": nul}") == "1:7: unexpected text; expected null or another value")
        #expect(error("[False]") == "1:2: unexpected 'F'; expected a value")
    }

    @Test("an empty file says it is empty")
    func emptyFile() {
        #expect(error("") == "1:1: the file is empty; expected a JSON value")
    }

    @Test("a file of only whitespace says it is empty, at its end")
    func whitespaceOnlyFile() {
        #expect(error("  \n  ") == "2:3: the file is empty; expected a JSON value")
    }

    @Test("text after the document is refused")
    func textAfterDocument() {
        #expect(error("{} x") == "1:4: unexpected 'x' after the end of the JSON value")
    }

    @Test("single quotes are refused with a hint")
    func singleQuotes() {
        #expect(error("['a']") == #"1:2: strings must use double quotes ("), not single quotes"#)
    }

    @Test("a leading zero is refused at the number's start")
    func leadingZero() {
        #expect(error("[1, 012]") == "1:5: numbers may not have leading zeros")
    }

    @Test("numbers without digits after '-', '.' or the exponent are refused")
    func incompleteNumbers() {
        #expect(error("[-]") == "1:3: a number needs digits after '-'")
        #expect(error("[1.]") == "1:4: a number needs digits after '.'")
        #expect(error("[1e+]") == "1:5: a number needs digits in its exponent")
    }

    @Test("an unknown escape is reported at its backslash")
    func unknownEscape() {
        #expect(error(#"["a\x"]"#) == #"1:4: unknown escape '\x' in a string"#)
    }

    @Test("a high surrogate without its low surrogate is refused")
    func loneHighSurrogate() {
        #expect(error(#"["\ud83d"]"#) == #"1:9: a \u escape for a high surrogate must be followed by a low surrogate"#)
    }

    @Test("a lone low surrogate is refused")
    func loneLowSurrogate() {
        #expect(error(#"["\ude00"]"#) == #"1:9: a lone low surrogate in a \u escape"#)
    }

    @Test("a \\u escape with too few hexadecimal digits is refused")
    func shortUnicodeEscape() {
        #expect(error(#"["\u12x4"]"#) == #"1:7: a \u escape needs four hexadecimal digits"#)
    }

    @Test("a string that is not valid UTF-8 is reported at its opening quote")
    func invalidUTF8() {
        do {
            _ = try JSONParser.parse([0x5B, 0x22, 0xFF, 0x22, 0x5D])
            Issue.record("invalid UTF-8 parsed")
        } catch {
            #expect(error.description == "1:2: the string is not valid UTF-8")
        }
    }

    @Test("columns count characters, not bytes")
    func columnsCountCharacters() {
        #expect(error(#"{"é": "日本" x}"#) == "1:12: unexpected 'x'; expected ',' or '}' (is a comma missing?)")
    }

    @Test("an object that ends early asks for the rest")
    func endOfFileInObject() {
        #expect(error(#"{"a": 1"#) == "1:8: unexpected end of file inside an object; expected ',' or '}'")
        #expect(error(#"{"a": "#) == "1:7: unexpected end of file; expected a value")
        #expect(error(#"{"a" 1}"#) == #"1:6: expected ':' after the key "a""#)
    }

    @Test("nesting at the limit parses")
    func nestingAtLimitParses() throws {
        let depth = JSONParser.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONParser.parse(text)
        var levels = 0
        while let inner = value.arrayValue {
            levels += 1
            guard let first = inner.first else { break }
            value = first
        }
        #expect(levels == depth)
    }

    @Test("nesting one level beyond the limit is refused where it starts")
    func nestingBeyondLimitRefused() {
        let depth = JSONParser.maximumDepth + 1
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(error(text) == "1:513: nesting deeper than 512 levels")
    }

    @Test("hostile nesting a hundred thousand deep is refused without a crash")
    func hostileNestingRefused() {
        #expect(error(String(repeating: "[{\"a\":", count: 50_000)) == "1:1537: nesting deeper than 512 levels")
    }
}
