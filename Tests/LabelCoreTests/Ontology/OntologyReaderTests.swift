import Testing

@testable import LabelCore

@Suite("Ontology reader")
struct OntologyReaderTests {
    @Test("every classification tool is read, in schema order")
    func everyToolRead() throws {
        let ontology = try Ontologies.read(Ontologies.everyTool)
        #expect(ontology.classifications.map(\.kind) == [.radio, .singleDropdown, .multiDropdown, .treeDropdown, .text, .rank])
        #expect(ontology.classifications.map(\.title) == ["Sentiment", "Language", "Topics", "Kind", "Code", "Order"])
    }

    @Test("a question keeps its options' values and schemaIds")
    func optionsRead() throws {
        let ontology = try Ontologies.read(Ontologies.everyTool)
        #expect(ontology.question("q-sent")?.options == [
            QuestionOption(value: "Positive", schemaId: "o-pos"), QuestionOption(value: "Negative", schemaId: "o-neg"),
        ])
    }

    @Test("required, shortcutKey and regex are read")
    func flagsRead() throws {
        let ontology = try Ontologies.read(Ontologies.everyTool)
        let sentiment = try #require(ontology.question("q-sent"))
        let code = try #require(ontology.question("q-code"))
        #expect(sentiment.required == true)
        #expect(sentiment.shortcutKey == .digit(1))
        #expect(code.regex == "^[0-9]{3}$")
        #expect(ontology.question("q-lang")?.required == false)
    }

    @Test("a three-level tree is read as full paths in depth-first order")
    func treeRead() throws {
        let ontology = try Ontologies.read(Ontologies.everyTool)
        let kind = try #require(ontology.question("q-kind"))
        #expect(kind.choices == ["Animal", "Animal / Mammal", "Animal / Mammal / Cat", "Animal / Mammal / Dog", "Animal / Bird", "Plant"])
        #expect(kind.tree.flattened().map(\.depth) == [0, 1, 2, 2, 1, 0])
        #expect(kind.optionId(forValue: "Animal / Mammal / Dog") == "k-dog")
    }

    @Test("nested questions are read three levels deep, with and without parentOptionId")
    func nestedQuestionsRead() throws {
        let ontology = try Ontologies.read(Ontologies.everyTool)
        let why = try #require(ontology.question("q-why"))
        #expect(why.parentOptionId == "o-neg")
        #expect(why.children.map(\.schemaId) == ["q-price", "q-note"])
        #expect(ontology.question("q-price")?.parentOptionId == "o-price")
        #expect(ontology.question("q-note")?.parentOptionId == nil)
        #expect(ontology.parent(of: "q-price")?.schemaId == "q-why")
        #expect(ontology.parent(of: "q-why")?.schemaId == "q-sent")
        #expect(ontology.parent(of: "q-sent") == nil)
    }

    @Test("allQuestions lists parents before their children")
    func allQuestionsDepthFirst() throws {
        let ontology = try Ontologies.read(Ontologies.everyTool)
        #expect(ontology.allQuestions.map(\.schemaId) == [
            "q-sent", "q-why", "q-price", "q-note", "q-lang", "q-topics", "q-kind", "q-code", "q-rank",
        ])
    }

    @Test("unknown keys are kept in the question's raw object, in place")
    func unknownKeysKept() throws {
        let ontology = try Ontologies.read(Ontologies.everyTool)
        let raw = try #require(ontology.question("q-sent")?.raw)
        #expect(Array(raw.keys) == ["tool", "title", "required", "schemaId", "shortcutKey", "color", "exportName", "options", "classifications"])
        #expect(raw["color"] == "#112233")
        #expect(raw["exportName"] == "sentiment")
    }

    @Test("the schema is kept as read, for writing back")
    func sourceKept() throws {
        let ontology = try Ontologies.read(Ontologies.everyTool)
        #expect(ontology.source == (try json(Ontologies.everyTool)))
    }

    @Test("a question is found by its title")
    func questionByTitle() throws {
        let ontology = try Ontologies.read(Ontologies.everyTool)
        #expect(ontology.question(titled: "Price detail")?.schemaId == "q-price")
        #expect(ontology.question(titled: "Nothing") == nil)
    }

    @Test("the schema is found inside a get-project response")
    func wrappedGetProjectResponse() throws {
        let wrapped = """
            {"status":"success","data":{"project":{"categorySchema":\(Ontologies.everyTool),"name":"Reviews","_id":"64e5"}}}
            """
        let ontology = try Ontologies.read(wrapped)
        #expect(ontology.allQuestions.count == 9)
        #expect(ontology.source == (try json(Ontologies.everyTool)))
    }

    @Test("a problem inside a get-project response names the full path and its line")
    func wrappedErrorHasFullPath() {
        let wrapped = """
            {"status": "success",
             "data": {"project": {"categorySchema": {"classifications": [
               {"tool": "text", "title": "A", "schemaId": "q1"},
               {"tool": "text", "title": "B", "schemaId": "q1"}]}}}}
            """
        #expect(readError(wrapped) == """
            ontology.json:4:47: error: duplicate schemaId "q1" (also at $.data.project.categorySchema.classifications[0].schemaId) \
            (at $.data.project.categorySchema.classifications[1].schemaId)
                every classification needs its own schemaId
            """)
    }

    @Test("a boolean tool is kept with a warning but not asked")
    func booleanToolWarns() throws {
        let text = """
            {"classifications": [
              {"tool": "boolean", "title": "Flag", "schemaId": "q0"},
              {"tool": "text", "title": "Note", "schemaId": "q1"}
            ]}
            """
        let result = try OntologyReader.read(Array(text.utf8), file: "ontology.json")
        #expect(result.ontology.classifications.map(\.schemaId) == ["q1"])
        #expect(result.warnings.map(\.description) == [
            #"ontology.json:2:12: warning: the "boolean" tool is kept but termlabel does not ask it (at $.classifications[0].tool)"#
        ])
    }

    @Test("an ontology without questions reads with a warning")
    func emptyOntologyWarns() throws {
        let result = try OntologyReader.read(Array(#"{"tools": [], "classifications": [], "relations": []}"#.utf8), file: "o.json")
        #expect(result.ontology.classifications == [])
        #expect(result.warnings.map(\.description) == [
            "o.json:1:34: warning: the ontology has no classification questions termlabel can ask (at $.classifications)"
        ])
    }

    @Test("a question without a title is shown by its schemaId, with a warning")
    func missingTitleWarns() throws {
        let result = try OntologyReader.read(Array(#"{"classifications": [{"tool": "text", "schemaId": "q1"}]}"#.utf8), file: "o.json")
        #expect(result.ontology.question("q1")?.title == "q1")
        #expect(result.warnings.map(\.description) == [
            "o.json:1:22: warning: the question has no title; its schemaId will be shown instead (at $.classifications[0])"
        ])
    }
}

/// The whole description of the error an ontology gives, or nil when it reads.
func readError(_ text: String, file: String = "ontology.json") -> String? {
    do {
        _ = try OntologyReader.read(Array(text.utf8), file: file)
        return nil
    } catch {
        return error.description
    }
}
