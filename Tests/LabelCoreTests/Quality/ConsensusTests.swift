import LabelCore
import Testing

/// Ango's consensus formula on examples worked out by hand (in the comments) before the code ran.
/// x = same answers / (annotators − 1) per annotator; y = Σx / annotators per question; the score
/// is Σy / questions × 100. Only top-level questions count.
@Suite("Consensus")
struct ConsensusTests {
    static let ontology = try! OntologyReader.read(Array("""
        {"tools": [], "relations": [], "classifications": [
          {"tool": "radio", "title": "Colour", "schemaId": "colour",
           "options": [{"value": "Red", "schemaId": "r"}, {"value": "Blue", "schemaId": "b"}],
           "classifications": [
             {"tool": "checkbox", "title": "Shade", "schemaId": "shade", "parentOptionId": "r",
              "options": [{"value": "Dark", "schemaId": "d"}, {"value": "Light", "schemaId": "l"}]}]},
          {"tool": "checkbox", "title": "Tags", "schemaId": "tags",
           "options": [{"value": "x", "schemaId": "x"}, {"value": "y", "schemaId": "y"}]},
          {"tool": "text", "title": "Note", "schemaId": "note"}
        ]}
        """.utf8), file: "o.json").ontology

    func colour(_ value: String, shade: [String]? = nil) -> JSONValue {
        var object: JSONObject = ["schemaId": "colour", "title": "Colour", "answer": .string(value)]
        if let shade {
            object["classifications"] = [.object(["schemaId": "shade", "title": "Shade", "answer": .array(shade.map(JSONValue.string))])]
        }
        return .object(object)
    }
    func tags(_ values: [String]) -> JSONValue { .object(["schemaId": "tags", "title": "Tags", "answer": .array(values.map(JSONValue.string))]) }
    func note(_ text: String) -> JSONValue { .object(["schemaId": "note", "title": "Note", "answer": .string(text)]) }

    @Test("three annotators, a split radio, the same checkbox set in another order, a text with spaces")
    func threeAnnotators() throws {
        // Colour: Red, Red, Blue → x = 1/2, 1/2, 0 → y = 1/3.
        // Tags: {x,y}, {y,x}, {x,y} → the same set each time → x = 1, 1, 1 → y = 1.
        // Note: "ok ", "ok", unanswered → x = 1/2, 1/2, 0 → y = 1/3.
        // Score: (1/3 + 1 + 1/3) / 3 = 5/9 = 55.56 → consensusAverage 56.
        let score = try #require(Consensus.score([
            [colour("Red"), tags(["x", "y"]), note("ok ")],
            [colour("Red"), tags(["y", "x"]), note("ok")],
            [colour("Blue"), tags(["x", "y"])],
        ], ontology: Self.ontology))
        #expect(score.questions.map(\.schemaId) == ["colour", "tags", "note"])
        #expect(score.questions.map(\.agreement) == [1.0 / 3, 1, 1.0 / 3])
        #expect(abs(score.average - 500.0 / 9) < 1e-9)
        #expect(score.averagePercent == 56)
        #expect(score.detailedJSON == .array([
            .object(["score": "33", "schemaId": "colour", "title": "Colour"]),
            .object(["score": "100", "schemaId": "tags", "title": "Tags"]),
            .object(["score": "33", "schemaId": "note", "title": "Note"]),
        ]))
    }

    @Test("four annotators in a tie, and a question nobody answered (they agree)")
    func tie() throws {
        // Colour: Red, Red, Blue, Blue → each agrees with one of three others → x = 1/3 each → y = 1/3.
        // Tags: nobody answered → all the same (empty) → x = 1 each → y = 1.
        // Note: a, a, a, b → x = 2/3, 2/3, 2/3, 0 → y = 2/4 = 1/2.
        // Score: (1/3 + 1 + 1/2) / 3 = 11/18 = 61.11 → 61.
        let score = try #require(Consensus.score([
            [colour("Red"), note("a")], [colour("Red"), note("a")], [colour("Blue"), note("a")], [colour("Blue"), note("b")],
        ], ontology: Self.ontology))
        #expect(score.questions.map(\.agreement) == [1.0 / 3, 1, 0.5])
        #expect(abs(score.average - 1100.0 / 18) < 1e-9)
        #expect(score.averagePercent == 61)
    }

    @Test("nested questions do not count; one empty checkbox disagrees with a chosen one")
    func nestedDoNotCount() throws {
        // Colour: Red, Red → x = 1, 1 → y = 1 (their nested Shade answers differ: not counted).
        // Tags: {x}, {} → x = 0, 0 → y = 0.
        // Note: neither answered → y = 1.
        // Score: (1 + 0 + 1) / 3 = 2/3 = 66.67 → 67.
        let score = try #require(Consensus.score([
            [colour("Red", shade: ["Dark"]), tags(["x"])],
            [colour("Red", shade: ["Light"]), tags([])],
        ], ontology: Self.ontology))
        #expect(score.questions.map(\.agreement) == [1, 0, 1])
        #expect(score.averagePercent == 67)
    }

    @Test("a rank agrees only in the same order")
    func rankOrder() throws {
        let ontology = try OntologyReader.read(Array("""
            {"tools": [], "relations": [], "classifications": [{"tool": "rank", "title": "Order", "schemaId": "o",
              "options": [{"value": "A", "schemaId": "a"}, {"value": "B", "schemaId": "b"}]}]}
            """.utf8), file: "o.json").ontology
        func rank(_ order: [String]) -> [JSONValue] { [.object(["schemaId": "o", "title": "Order", "answer": .array(order.map(JSONValue.string))])] }
        // A>B, A>B, B>A → x = 1/2, 1/2, 0 → y = 1/3 → 33.33 → 33.
        let score = try #require(Consensus.score([rank(["A", "B"]), rank(["A", "B"]), rank(["B", "A"])], ontology: ontology))
        #expect(score.averagePercent == 33)
    }

    @Test("one annotator has no consensus")
    func oneAnnotator() {
        #expect(Consensus.score([[colour("Red")]], ontology: Self.ontology) == nil)
        #expect(Consensus.score([], ontology: Self.ontology) == nil)
    }
}
