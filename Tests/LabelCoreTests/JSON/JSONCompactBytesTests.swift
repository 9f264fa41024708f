import Foundation
import Testing

@testable import LabelCore

/// Compact JSON is made as UTF-8 bytes (`appendCompact`), pretty JSON through a text stream
/// (`write`): the two must give the same text for every value.
@Suite("JSON writer: compact bytes and the text stream agree")
struct JSONCompactBytesTests {
    static func streamed(_ value: JSONValue) -> String {
        var out = ""
        JSONWriter().write(value, to: &out)
        return out
    }

    @Test("values with every kind, empty containers, escapes and numbers as they came")
    func crafted() throws {
        let values: [JSONValue] = [
            .null, true, false, .number("301.6699801192843"), .number("-0"), .number("1e-7"), "", "plain",
            "quote \" backslash \\ newline \n tab \t nul \u{0} del \u{7F} c1 \u{85} ls \u{2028} bidi \u{202E} 価格 👍",
            [], [:], [[], [:], [[:]]], ["a": [1, "b", nil], "": "", "ключ \"q\"": ["x": false]],
            try JSONParser.parse(#"{"asset":"a","task":{"stageHistory":[{"stage":"Start","duration":0,"tools":[],"classifications":[]}]}}"#),
        ]
        for value in values {
            #expect(JSONWriter().string(value) == Self.streamed(value))
            #expect(value.description == Self.streamed(value))
        }
        #expect(JSONWriter().string(["a": [1, ""], "b": "x\ny"]) == #"{"a":[1,""],"b":"x\ny"}"#)
    }

    @Test("every real JSON file and JSON Lines record", .enabled(if: RealFixtures.available))
    func realFiles() throws {
        var checked = 0
        let folders = (try FileManager.default.contentsOfDirectory(atPath: RealFixtures.root)).sorted()
        for folder in folders {
            for name in RealFixtures.files(folder) where name.hasSuffix(".json") || name.hasSuffix(".jsonl") {
                let bytes = try RealFixtures.bytes(folder, name)
                let documents = name.hasSuffix(".jsonl")
                    ? AssetReader.firstLines(bytes, count: 200)
                    : [bytes]
                for document in documents {
                    guard let value = try? JSONParser.parse(document) else { continue }
                    #expect(JSONWriter().string(value) == Self.streamed(value), "\(folder)/\(name)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }
}
