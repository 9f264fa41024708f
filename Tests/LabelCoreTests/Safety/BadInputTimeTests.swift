import Foundation
import Testing

@testable import LabelCore

/// The bad-input suite's time bounds: each kind of bad or huge input read in time proportional
/// to its size (4n against n, see `LinearTime`). Messages, exit codes and "nothing written" are
/// checked on the real program in EndToEndTests' BadInputTests.
@Suite("Bad input is read in linear time", .serialized)
struct BadInputTimeTests {
    @Test("a long string in an asset")
    func longString() {
        let ratio = LinearTime.ratio(n: 1 << 18, input: { n in
            Array((#"{"externalId": "a", "data": ""# + String(repeating: "x", count: n) + "\"}\n").utf8)
        }) { bytes in _ = try? AssetReader.read(bytes, file: "a.jsonl") }
        #expect(ratio < LinearTime.bound, "4n took \(ratio) times as long as n")
    }

    @Test("deep nesting stops at the limit, whatever the depth")
    func deepNesting() throws {
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(repeating: UInt8(ascii: "["), count: 100_000)) }
        #expect(error == JSONSyntaxError(location: SourceLocation(line: 1, column: 513), message: "nesting deeper than 512 levels"))
        let ratio = LinearTime.ratio(n: 25_000, input: { Array(repeating: UInt8(ascii: "["), count: $0) }) { bytes in _ = try? JSONParser.parse(bytes) }
        #expect(ratio < LinearTime.bound, "4n took \(ratio) times as long as n")
    }

    @Test("a tree of many nodes, deep and wide")
    func largeTree() throws {
        // Chains of 50 levels side by side: n nodes in all.
        func tree(_ n: Int) -> [UInt8] {
            var chains: [String] = []
            for c in 0..<(n / 50) {
                var node = #"{"title": "leaf", "key": "c\#(c)-49"}"#
                for level in (0..<49).reversed() { node = #"{"title": "l\#(level)-\#(c)", "key": "c\#(c)-\#(level)", "children": [\#(node)]}"# }
                chains.append(node)
            }
            return Array(#"{"classifications": [{"tool": "tree-dropdown", "title": "T", "schemaId": "t", "treeOptions": [\#(chains.joined(separator: ","))]}]}"#.utf8)
        }
        let result = try OntologyReader.read(tree(1_000), file: "t.json")
        #expect(result.ontology.classifications.first?.choices.count == 1_000)
        let ratio = LinearTime.ratio(n: 2_000, input: tree) { bytes in _ = try? OntologyReader.read(bytes, file: "t.json") }
        #expect(ratio < LinearTime.bound, "4n took \(ratio) times as long as n")
    }

    @Test("a key repeated at the end of a large object is found, with its path, in linear time")
    func duplicateKeyAtTheEnd() throws {
        func object(_ n: Int) -> [UInt8] {
            Array(("{\"outer\": {" + (0..<n).map { "\"k\($0)\": \($0)" }.joined(separator: ",") + ", \"k0\": 1}}").utf8)
        }
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(object(3)) }
        #expect(error.path == JSONPath.root / "outer" / "k0")
        #expect(error.location == SourceLocation(line: 1, column: 37))
        let ratio = LinearTime.ratio(n: 2_000, input: object) { bytes in _ = try? JSONParser.parse(bytes) }
        #expect(ratio < LinearTime.bound, "4n took \(ratio) times as long as n")
    }

    @Test("invalid UTF-8 at the end of a long string")
    func invalidUTF8AtTheEnd() {
        let ratio = LinearTime.ratio(n: 1 << 20, input: { n in
            Array("[\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: n) + [0xC3] + Array("\"]".utf8)
        }) { bytes in _ = try? JSONParser.parse(bytes) }
        #expect(ratio < LinearTime.bound, "4n took \(ratio) times as long as n")
    }
}
