import LabelCore
import Testing

/// Gold tasks: each question the gold answers is right or wrong, compared as consensus compares.
@Suite("Benchmark scores")
struct BenchmarkScoreTests {
    let ontology = ConsensusTests.ontology

    func text(_ value: String, regex: String? = nil) -> JSONValue {
        var object: JSONObject = ["schemaId": "note", "title": "Note", "answer": .string(value)]
        if let regex { object["regex"] = .string(regex) }
        return .object(object)
    }
    func colour(_ value: String) -> JSONValue { .object(["schemaId": "colour", "title": "Colour", "answer": .string(value)]) }
    func tags(_ values: [String]) -> JSONValue { .object(["schemaId": "tags", "title": "Tags", "answer": .array(values.map(JSONValue.string))]) }

    @Test("each question the gold answers scores 1 or 0; questions it leaves out are not scored")
    func perQuestion() {
        // Gold: Colour Red, Tags {x, y}; Note not in the gold. Answers: Red, {y, x}, a note.
        let all = BenchmarkScore.score([colour("Red"), tags(["y", "x"]), text("anything")], gold: [colour("Red"), tags(["x", "y"])], ontology: ontology)
        #expect(all.questions.map(\.schemaId) == ["colour", "tags"])
        #expect(all.questions.map(\.correct) == [true, true])
        #expect(all.percent == 100)
        #expect(all.passed)
        // Blue and {x}: both wrong → 0 of 2.
        let none = BenchmarkScore.score([colour("Blue"), tags(["x"])], gold: [colour("Red"), tags(["x", "y"])], ontology: ontology)
        #expect(none.percent == 0)
        // One of two → 50.
        let half = BenchmarkScore.score([colour("Red")], gold: [colour("Red"), tags(["x", "y"])], ontology: ontology)
        #expect(half.questions.map(\.correct) == [true, false])
        #expect(half.percent == 50)
        #expect(!half.passed)
    }

    @Test("text: exact after trimming, or the whole text matching the gold's regex")
    func text() {
        #expect(BenchmarkScore.score([text("  42 ")], gold: [text("42")], ontology: ontology).passed)
        #expect(!BenchmarkScore.score([text("420")], gold: [text("42")], ontology: ontology).passed)
        let gold = [text("42", regex: "4[0-9]")]
        #expect(BenchmarkScore.score([text("47")], gold: gold, ontology: ontology).passed)
        #expect(!BenchmarkScore.score([text("470")], gold: gold, ontology: ontology).passed, "the whole text must match")
        #expect(!BenchmarkScore.score([], gold: gold, ontology: ontology).passed, "no answer is wrong")
    }

    @Test("a gold that answers nothing scores nothing")
    func emptyGold() {
        #expect(BenchmarkScore.score([colour("Red")], gold: [], ontology: ontology).percent == nil)
    }
}
