import Testing

@testable import LabelCore

@Suite("Real files: Prodigy data", .enabled(if: RealFixtures.available))
struct ProdigyFixtureTests {
    static let annotated = "prodigy-recipes_example-datasets_annotated_github-issues-DOCUMENTATION-textcat.jsonl"

    @Test("Prodigy's binary textcat: 830 tasks named by _task_hash, meta as metadata, the hashes and priority passed through")
    func annotatedTasks() throws {
        let file = try RealFixtures.read("prodigy", Self.annotated)
        #expect(file.format == "prodigy")
        #expect(file.kind == .jsonLines)
        #expect(file.tasks.count == 830)
        #expect(file.counts == ["Prodigy records": 830, "accepted": 261, "rejected": 525, "ignored (kept as skipped)": 44])
        #expect(file.tasks[2] == NewTask(
            externalId: "-1395252260", asset: "Describe streaming arguments in docs",
            metadata: ["source": "GitHub", "url": "https://github.com/rdbc-io/rdbc/issues/86", "score": .number("0.630010426")],
            annotations: Annotations(classifications: [answer("documentation", "radio", "DOCUMENTATION", "accept")]),
            extra: ["priority": .number("12.630883"), "_input_hash": -389790845, "_task_hash": -1395252260]))
        #expect(file.tasks[0].asset == "\"csc.exe\" exited with code -532462766.\t")
        #expect(file.warnings == [])
    }

    @Test("without an ontology the label becomes a radio question with accept and reject; ignore becomes a skip")
    func annotatedWithoutOntology() throws {
        let file = try RealFixtures.read("prodigy", Self.annotated)
        #expect(file.builtOntology == builtOntology(builtQuestion("DOCUMENTATION", "documentation", "radio", ["accept", "reject"])))
        let ignored = file.tasks[46]
        #expect(ignored.externalId == "-867278570")
        #expect(ignored.skippedBy == "prodigy")
        #expect(ignored.annotations == .empty)
        #expect(file.tasks.filter { $0.skippedBy != nil }.count == 44)
        #expect(file.tasks.filter { $0.annotations.classifications.first?["answer"] == "reject" }.count == 525)
    }

    @Test("with an ontology that has the label as an option, accept chooses it and reject leaves the question unanswered")
    func annotatedWithOntology() throws {
        let ontology = try OntologyReader.read(json("""
            {"tools": [], "relations": [], "classifications": [
              {"tool": "checkbox", "title": "Topics", "schemaId": "topics",
               "options": [{"value": "Documentation", "schemaId": "doc"}, {"value": "Bug", "schemaId": "bug"}]}]}
            """)).ontology
        let file = try RealFixtures.read("prodigy", Self.annotated, ReadOptions(ontology: ontology))
        #expect(file.builtOntology == nil)
        #expect(file.tasks[2].annotations.classifications == [answer("topics", "checkbox", "Topics", ["Documentation"])])
        #expect(file.tasks[0].annotations.classifications == [])
        #expect(file.tasks.filter { !$0.annotations.classifications.isEmpty }.count == 261)
        #expect(file.warnings == [])
    }

    @Test("Prodigy's raw input: text and meta only, tasks named by file and line, no question built")
    func rawTitles() throws {
        let file = try RealFixtures.read("prodigy", "prodigy-recipes_example-datasets_raw_github-issue-titles.jsonl")
        #expect(file.tasks.count == 830)
        #expect(file.tasks[1] == NewTask(
            externalId: "prodigy-recipes_example-datasets_raw_github-issue-titles-2", asset: "Transition plan for node-github",
            metadata: ["source": "GitHub", "url": "https://github.com/octokit/discussions/issues/7"]))
        #expect(file.builtOntology == nil)
        #expect(file.counts == ["Prodigy records": 830])
    }

    @Test("three bare text lines, the last without a line end")
    func spanAndTextcatExamples() throws {
        let file = try RealFixtures.read("prodigy", "prodigy-recipes_tutorials_span-and-textcat_examples.jsonl")
        let base = "prodigy-recipes_tutorials_span-and-textcat_examples"
        #expect(file.tasks == [
            NewTask(externalId: "\(base)-1", asset: "i want to buy two large mushroom pizzas with extra cheese"),
            NewTask(externalId: "\(base)-2", asset: "i want to buy a small veggie pizza with a soda"),
            NewTask(externalId: "\(base)-3", asset: "hey, where is the nearest store?"),
        ])
    }
}

@Suite("Prodigy: choice tasks and spans")
struct ProdigyShapeTests {
    @Test("the accepted options of a choice task become a checkbox answer by their text")
    func choiceOptions() throws {
        let file = try readFormat("""
            {"text": "a", "options": [{"id": "POS", "text": "Positive"}, {"id": "NEG", "text": "Negative"}], "accept": ["POS", "NEG"], "answer": "accept", "_task_hash": 1}
            {"text": "b", "options": [{"id": "POS", "text": "Positive"}], "accept": [], "answer": "reject", "_task_hash": 2}
            """, file: "choice.jsonl")
        #expect(file.tasks.map(\.annotations.classifications) == [[answer("label", "checkbox", "Label", ["Positive", "Negative"])], []])
        #expect(file.builtOntology == builtOntology(builtQuestion("Label", "label", "checkbox", ["Positive", "Negative"])))
    }

    @Test("the annotator and time of a Prodigy answer go with the pre-label")
    func provenance() throws {
        let file = try readFormat(#"{"text": "a", "label": "BUG", "answer": "accept", "_annotator_id": "news-ann", "_timestamp": 1700000000}"#, file: "p.jsonl")
        #expect(file.tasks[0].annotations.classifications == [answer(
            "bug", "radio", "BUG", "accept", metadata: ["createdAt": "2023-11-14T22:13:20.000Z", "createdBy": "news-ann"])])
    }

    @Test("spans are reported and passed through untouched")
    func spansReported() throws {
        let file = try readFormat("""
            {"text": "Alice met Bob", "spans": [{"start": 0, "end": 5, "label": "PER"}], "answer": "accept"}
            """, file: "ner.jsonl")
        #expect(file.tasks[0].extra == ["spans": [["start": 0, "end": 5, "label": "PER"]]])
        #expect(file.warnings.map(\.description) == [
            "ner.jsonl: warning: 1 record has \"spans\" (named entities), which termlabel cannot answer; they are kept as they came and passed through to the export",
        ])
    }
}
