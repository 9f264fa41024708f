import Testing

@testable import LabelCore

/// A classification's `description` and `hint` (not in Ango's documentation, but in schemas
/// people write): kept for the form to show under the question.
@Suite("Ontology reader: descriptions and hints")
struct QuestionDescriptionTests {
    @Test("description and hint are kept, trimmed, on top-level and nested questions")
    func kept() throws {
        let ontology = try Ontologies.read("""
            {"classifications": [
              {"tool": "radio", "title": "Sentiment", "schemaId": "s", "description": "  How the reviewer feels overall.\\n",
               "hint": "Mixed reviews: pick the stronger side.",
               "options": [{"value": "Positive", "schemaId": "p"}, {"value": "Negative", "schemaId": "n"}],
               "classifications": [{"tool": "text", "title": "Why", "schemaId": "why", "parentOptionId": "n", "description": "In a few words."}]},
              {"tool": "text", "title": "Note", "schemaId": "note", "description": "", "hint": null}
            ]}
            """)
        let sentiment = try #require(ontology.question("s"))
        #expect(sentiment.description == "How the reviewer feels overall.")
        #expect(sentiment.hint == "Mixed reviews: pick the stronger side.")
        #expect(ontology.question("why")?.description == "In a few words.")
        #expect(ontology.question("why")?.hint == nil)
        #expect(ontology.question("note")?.description == nil)
        #expect(ontology.question("note")?.hint == nil)
    }

    @Test("a description that is not text is set aside with a warning naming where")
    func notText() throws {
        let text = #"{"classifications": [{"tool": "text", "title": "Note", "schemaId": "q1", "description": {"en": "x"}, "hint": 3}]}"#
        let result = try OntologyReader.read(Array(text.utf8), file: "o.json")
        #expect(result.ontology.question("q1")?.description == nil)
        #expect(result.ontology.question("q1")?.hint == nil)
        #expect(result.warnings.map(\.description) == [
            #"o.json:1:89: warning: "description" should be text, found an object; it is not shown (at $.classifications[0].description)"#,
            #"o.json:1:110: warning: "hint" should be text, found a number; it is not shown (at $.classifications[0].hint)"#,
        ])
    }
}
