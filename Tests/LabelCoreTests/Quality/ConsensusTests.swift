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

    // Two questions only (Colour with its nested Shade, and Tags): the three annotators,
    // two questions. The expected figures were worked out here before the code ran.
    static let twoQuestions = try! OntologyReader.read(Array("""
        {"tools": [], "relations": [], "classifications": [
          {"tool": "radio", "title": "Colour", "schemaId": "colour",
           "options": [{"value": "Red", "schemaId": "r"}, {"value": "Blue", "schemaId": "b"}, {"value": "Green", "schemaId": "g"}],
           "classifications": [
             {"tool": "checkbox", "title": "Shade", "schemaId": "shade", "parentOptionId": "r",
              "options": [{"value": "Dark", "schemaId": "d"}, {"value": "Light", "schemaId": "l"}]}]},
          {"tool": "checkbox", "title": "Tags", "schemaId": "tags",
           "options": [{"value": "x", "schemaId": "x"}, {"value": "y", "schemaId": "y"}]}
        ]}
        """.utf8), file: "o.json").ontology

    @Test("three annotators, two questions: a three-way tie and an unanswered question")
    func threeWayTie() throws {
        // Colour: Red, Blue, Green → nobody shares an answer → x = 0, 0, 0 → y = 0.
        // Tags: {x}, {x}, unanswered → x = 1/2, 1/2, 0 → y = 1/3.
        // Score: (0 + 1/3) / 2 = 1/6 = 16.67 → 17; per question "0" and "33".
        // Each annotator: (0 + 1/2) / 2 = 1/4, 1/4, and (0 + 0) / 2 = 0.
        let score = try #require(Consensus.score([
            [colour("Red"), tags(["x"])], [colour("Blue"), tags(["x"])], [colour("Green")],
        ], ontology: Self.twoQuestions))
        #expect(score.questions.map(\.agreement) == [0, 1.0 / 3])
        #expect(abs(score.average - 100.0 / 6) < 1e-9)
        #expect(score.averagePercent == 17)
        #expect(score.annotators == [0.25, 0.25, 0])
        #expect(score.detailedJSON == .array([
            .object(["score": "0", "schemaId": "colour", "title": "Colour"]),
            .object(["score": "33", "schemaId": "tags", "title": "Tags"]),
        ]))
    }

    @Test("three annotators, two questions: nested answers differ but do not count; all leaving one empty agree")
    func nestedIgnoredEmptyAgrees() throws {
        // Colour: Red (Shade Dark), Red (Shade Light), Red (no Shade) → the same top-level answer → y = 1.
        // Tags: unanswered by all three → the same (empty) answer → y = 1.
        // Score: (1 + 1) / 2 = 1 → 100; each annotator 1.
        let score = try #require(Consensus.score([
            [colour("Red", shade: ["Dark"])], [colour("Red", shade: ["Light"])], [colour("Red")],
        ], ontology: Self.twoQuestions))
        #expect(score.questions.map(\.agreement) == [1, 1])
        #expect(score.averagePercent == 100)
        #expect(score.annotators == [1, 1, 1])
    }

    @Test("three annotators, two questions: two agree on each, a different two each time")
    func twoAgreeEachTime() throws {
        // Colour: Blue, Blue, unanswered → x = 1/2, 1/2, 0 → y = 1/3.
        // Tags: {x,y}, {y}, {y,x} → the first and third are the same set → x = 1/2, 0, 1/2 → y = 1/3.
        // Score: (1/3 + 1/3) / 2 = 1/3 = 33.33 → 33.
        // Each annotator: (1/2 + 1/2) / 2 = 1/2; (1/2 + 0) / 2 = 1/4; (0 + 1/2) / 2 = 1/4.
        let score = try #require(Consensus.score([
            [colour("Blue"), tags(["x", "y"])], [colour("Blue"), tags(["y"])], [tags(["y", "x"])],
        ], ontology: Self.twoQuestions))
        #expect(score.questions.map(\.agreement) == [1.0 / 3, 1.0 / 3])
        #expect(score.averagePercent == 33)
        #expect(score.annotators == [0.5, 0.25, 0.25])
    }

    @Test("one annotator has no consensus")
    func oneAnnotator() {
        #expect(Consensus.score([[colour("Red")]], ontology: Self.ontology) == nil)
        #expect(Consensus.score([], ontology: Self.ontology) == nil)
    }
}
