import Foundation
import Testing

@testable import LabelCore

/// `CompactJSON` takes a text only where it is what `JSONWriter.appendCompact` writes for the
/// value the parser reads from it.
@Suite("Compact JSON as the writer writes it")
struct CompactJSONTests {
    /// Whether the scan takes `text` as one whole compact value.
    static func taken(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var scan = CompactJSON(buffer)
            return scan.skipValue() && scan.index == buffer.count
        }
    }

    /// What the parser and the writer make of `bytes`, or nil when the parser refuses it.
    static func rewritten(_ bytes: [UInt8]) -> [UInt8]? {
        guard let value = try? JSONParser.parse(bytes) else { return nil }
        var out: [UInt8] = []
        JSONWriter.appendCompact(value, to: &out)
        return out
    }

    @Test("texts the writer writes are taken", arguments: [
        "null", "true", "false", "0", "-0", "12", "-1.5e3", "1E+2", "0.25", #""""#, #""a\"b\\c\nd\re\tf\bg\fh""#,
        #""\u0000\u001f\u007f\u0085\u2028\u2029\u202a\u202e\u2066\u2069\u200e\u200f\u061c""#, #""é 価格 👩‍👩‍👧""#,
        "[]", "{}", "[[],{}]", #"{"a":[1,{"b":null}],"c":"d"}"#, #"{"a":1,"A":2,"ab":3,"ba":4}"#,
        #"{"aaaaaaaaaaaaaaaaX":1,"aaaaaaaaaaaaaaaaY":2}"#,
    ])
    func writerTexts(_ text: String) throws {
        let bytes = Array(text.utf8)
        #expect(Self.rewritten(bytes) == bytes)
        #expect(Self.taken(bytes))
    }

    @Test("texts the writer would write otherwise, or the parser refuses, are not taken", arguments: [
        " 1", "1 ", "[1, 2]", #"{"a": 1}"#, #""\/""#, #""\u00e9""#, #""\u001F""#, #""\u000a""#, #""\u0022""#, #""\ud83d\ude00""#,
        "\"\u{7F}\"", "\"\u{85}\"", "\"\u{2028}\"", "\"\u{61C}\"", #"{"a":1,"a":2}"#, #"{"é":1}"#, #"{"a\"":1}"#,
        "01", "-", "1.", ".5", "1e", "+1", "tru", "nul", "[1,]", "[,1]", #"{"a":1,}"#, #"{,"a":1}"#, #"{"a"}"#, "[1 2]",
        "\"\n\"", "\"", "[", "{", "", "NaN",
    ])
    func refused(_ text: String) {
        #expect(!Self.taken(Array(text.utf8)))
    }

    @Test("an object of more keys than the scan compares is left to the parser")
    func manyKeys() {
        let text = "{" + (0...CompactJSON.maximumKeys).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        #expect(Self.rewritten(Array(text.utf8)) == Array(text.utf8))
        #expect(!Self.taken(Array(text.utf8)))
    }

    @Test("nesting deeper than the parser allows is not taken")
    func depth() {
        let deep = String(repeating: "[", count: JSONParser.maximumDepth + 1) + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        let allowed = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(!Self.taken(Array(deep.utf8)))
        #expect(Self.taken(Array(allowed.utf8)))
    }

    @Test("every text changed at random is taken only where the writer writes it back the same")
    func randomTexts() {
        let seeds = [#"{"a":[1,-2.5e3,true,false,null,"s\n\"é"],"b":{"c":{},"d":[]},"e":"価格"}"#, #"["\u0001",{"x":"y"},0,"👩‍👧"]"#]
        let alphabet = Array(#"{}[]",:\ 0123456789-+.eEtrufalsnbu/aé"#.utf8) + [0x00, 0x0A, 0x7F, 0x80, 0xC2, 0x85, 0xE2, 0xFF]
        var random = SplitMix64(seed: 7)
        var taken = 0
        for seed in seeds {
            for _ in 0..<4_000 {
                var bytes = Array(seed.utf8)
                for _ in 0..<Int.random(in: 1...2, using: &random) {
                    let at = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: bytes[at] = alphabet.randomElement(using: &random)!
                    case 1: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
                    default: bytes.remove(at: at)
                    }
                }
                guard Self.taken(bytes) else { continue }
                taken += 1
                #expect(Self.rewritten(bytes) == bytes, "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(taken > 400, "taken \(taken)")
    }
}

/// `CompactJSON.minified`: white space between tokens taken out, and nothing else.
@Suite("Compact JSON: white space between tokens")
struct CompactJSONMinifiedTests {
    static func minified(_ text: String) -> String? {
        Array(text.utf8).withUnsafeBufferPointer { CompactJSON.minified($0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("white space between tokens is taken out, and strings are kept as they are")
    func pretty() {
        #expect(Self.minified("{\n  \"a\" : [ 1 , true ],\r\n\t\"b c\": \"x \\\" y\" ,\"d\":{ } }\n")
                == #"{"a":[1,true],"b c":"x \" y","d":{}}"#)
    }

    @Test("text with no white space to take out gives nil (nothing to read again)")
    func nothingToTakeOut() {
        #expect(Self.minified(#"{"a":"b c"}"#) == nil)
    }

    @Test("white space inside a token or between two values is left for the parser to name", arguments: [
        "[tr ue]", "[1 2]", #"["a" "b"]"#, #"{"a":1 "b":2}"#, "[- 1]", "[1. 5]", #"{"a":"unterminated"#,
    ])
    func notBetweenTokens(_ text: String) {
        #expect(Self.minified(text) == nil)
    }

    @Test("a pretty-printed text, minified, is what the parser and the writer make of it")
    func agreesWithWriter() throws {
        let text = "{\n  \"asset\": \"é\\n\",\n  \"n\": [ -1.5e3, null, { \"k\": false } ]\n}"
        let minified = try #require(Self.minified(text))
        var written: [UInt8] = []
        JSONWriter.appendCompact(try JSONParser.parse(text), to: &written)
        #expect(Array(minified.utf8) == written)
    }
}
