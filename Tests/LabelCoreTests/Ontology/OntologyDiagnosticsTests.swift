import Testing

@testable import LabelCore

@Suite("Ontology diagnostics")
struct OntologyDiagnosticsTests {
    @Test("a duplicate schemaId names both places")
    func duplicateSchemaId() {
        #expect(readError("""
            {"classifications": [
              {"tool": "text", "title": "A", "schemaId": "q1"},
              {"tool": "text", "title": "B", "schemaId": "q1"}
            ]}
            """) == """
            ontology.json:3:46: error: duplicate schemaId "q1" (also at $.classifications[0].schemaId) (at $.classifications[1].schemaId)
                every classification needs its own schemaId
            """)
    }

    @Test("a duplicate schemaId in a nested question is found too")
    func duplicateNestedSchemaId() {
        #expect(readError("""
            {"classifications": [
              {"tool": "radio", "title": "A", "schemaId": "q1", "options": [{"value": "Yes", "schemaId": "o1"}],
               "classifications": [{"tool": "text", "title": "B", "schemaId": "q1"}]}
            ]}
            """) == """
            ontology.json:3:67: error: duplicate schemaId "q1" (also at $.classifications[0].schemaId) \
            (at $.classifications[0].classifications[0].schemaId)
                every classification needs its own schemaId
            """)
    }

    @Test("a parentOptionId that is no option of the parent is refused")
    func parentOptionIdNotAnOption() {
        #expect(readError("""
            {"classifications": [
              {"tool": "radio", "title": "Sentiment", "schemaId": "q1",
               "options": [{"value": "Yes", "schemaId": "o-yes"}, {"value": "No", "schemaId": "o-no"}],
               "classifications": [
                 {"tool": "text", "title": "Why", "schemaId": "q2", "parentOptionId": "o-maybe"}]}
            ]}
            """) == """
            ontology.json:5:75: error: parentOptionId "o-maybe" is no option of the parent question "Sentiment" \
            (at $.classifications[0].classifications[0].parentOptionId)
                use the schemaId of one of its options: o-yes (Yes), o-no (No)
            """)
    }

    @Test("a parentOptionId may name a node of a parent tree by its key")
    func parentOptionIdOfTreeNode() throws {
        let ontology = try Ontologies.read("""
            {"classifications": [
              {"tool": "tree-dropdown", "title": "Kind", "schemaId": "q1",
               "treeOptions": [{"title": "Animal", "key": "k1", "children": [{"title": "Cat", "key": "k2"}]}],
               "classifications": [{"tool": "text", "title": "Breed", "schemaId": "q2", "parentOptionId": "k2"}]}
            ]}
            """)
        #expect(ontology.question("q2")?.parentOptionId == "k2")
    }

    @Test("an option with no value is refused")
    func optionWithoutValue() {
        #expect(readError("""
            {"classifications": [
              {"tool": "radio", "title": "Sentiment", "schemaId": "q1",
               "options": [{"value": "Yes", "schemaId": "o-yes"}, {"schemaId": "o-no"}]}
            ]}
            """) == """
            ontology.json:3:55: error: an option has no value (at $.classifications[0].options[1])
                answers are written as option values, so every option needs one
            """)
    }

    @Test("a regex that does not compile is refused")
    func regexDoesNotCompile() {
        #expect(readError("""
            {"classifications": [
              {"tool": "text", "title": "Code", "schemaId": "q1", "regex": "^[0-9"}
            ]}
            """) == """
            ontology.json:2:64: error: the regex "^[0-9" does not compile (at $.classifications[0].regex)
                write it without surrounding slashes, in JavaScript regular expression syntax
            """)
    }

    @Test("a tree with two nodes of the same path is refused")
    func treeWithDuplicatePaths() {
        #expect(readError("""
            {"classifications": [
              {"tool": "tree-dropdown", "title": "Kind", "schemaId": "q1",
               "treeOptions": [{"title": "Animal", "key": "k1", "children": [{"title": "Cat", "key": "k2"}, {"title": "Cat", "key": "k3"}]}]}
            ]}
            """) == """
            ontology.json:3:19: error: two tree nodes have the same path "Animal / Cat" (at $.classifications[0].treeOptions)
                answers name nodes by their path, so sibling titles must differ
            """)
    }

    @Test("an unknown tool type is refused with the list of tools")
    func unknownToolType() {
        #expect(readError("""
            {"classifications": [
              {"tool": "slider", "title": "Score", "schemaId": "q1"}
            ]}
            """) == """
            ontology.json:2:12: error: unknown tool type "slider" (at $.classifications[0].tool)
                a classification's tool is one of: radio, checkbox, single-dropdown, multi-dropdown, tree-dropdown, text, rank
            """)
    }

    @Test("a choice question without options is refused")
    func choiceWithoutOptions() {
        #expect(readError(#"{"classifications": [{"tool": "checkbox", "title": "T", "schemaId": "q1", "options": []}]}"#)
            == "ontology.json:1:86: error: a checkbox question needs at least one option (at $.classifications[0].options)")
    }

    @Test("two options with the same value are refused")
    func duplicateOptionValues() {
        #expect(readError("""
            {"classifications": [{"tool": "radio", "title": "T", "schemaId": "q1",
              "options": [{"value": "A", "schemaId": "o1"}, {"value": "A", "schemaId": "o2"}]}]}
            """) == """
            ontology.json:2:59: error: two options have the value "A" (at $.classifications[0].options[1].value)
                option values must differ within a question
            """)
    }

    @Test("a shortcut key Ango does not allow is refused")
    func invalidShortcutKey() {
        #expect(readError(#"{"classifications": [{"tool": "text", "title": "T", "schemaId": "q1", "shortcutKey": "z"}]}"#) == """
            ontology.json:1:86: error: shortcutKey "z" is not one Ango allows (at $.classifications[0].shortcutKey)
                use "0"–"9", "ctrl+0"–"ctrl+9", "a"–"k", or ""
            """)
    }

    @Test("a shortcut key used twice is refused")
    func duplicateShortcutKey() {
        #expect(readError("""
            {"classifications": [
              {"tool": "text", "title": "A", "schemaId": "q1", "shortcutKey": "ctrl+1"},
              {"tool": "text", "title": "B", "schemaId": "q2", "shortcutKey": "CTRL+1"}]}
            """) == """
            ontology.json:3:67: error: shortcutKey "CTRL+1" is already used (at $.classifications[0].shortcutKey) \
            (at $.classifications[1].shortcutKey)
            """)
    }

    @Test("every problem is reported, not just the first, in file order")
    func everyProblemReported() {
        #expect(readError("""
            {"classifications": [
              {"tool": "slider", "title": "Score", "schemaId": "q1"},
              {"tool": "text", "title": "Code", "schemaId": "q2", "regex": "("},
              {"tool": "text", "title": "Code", "schemaId": "q2"}
            ]}
            """) == """
            ontology.json:2:12: error: unknown tool type "slider" (at $.classifications[0].tool)
                a classification's tool is one of: radio, checkbox, single-dropdown, multi-dropdown, tree-dropdown, text, rank
            ontology.json:3:64: error: the regex "(" does not compile (at $.classifications[1].regex)
                write it without surrounding slashes, in JavaScript regular expression syntax
            ontology.json:4:49: error: duplicate schemaId "q2" (also at $.classifications[1].schemaId) (at $.classifications[2].schemaId)
                every classification needs its own schemaId
            """)
    }

    @Test("a JSON syntax error in an ontology says where, with a hint")
    func syntaxError() {
        #expect(readError("{\"classifications\": [\n  {\"tool\": \"text\",}\n]}") == """
            ontology.json:2:19: error: trailing comma before '}'
                fix the JSON syntax at this place; the rest of the file was not read
            """)
    }

    @Test("a document that is not an object is refused")
    func notAnObject() {
        #expect(readError("[1]") == """
            ontology.json:1:1: error: an ontology must be a JSON object, but this is an array
                use the JSON Ango Hub downloads as the project's ontology: {"tools": [], "classifications": [], "relations": []}
            """)
    }

    @Test("an object without a category schema is refused")
    func noCategorySchema() {
        #expect(readError(#"{"name": "x"}"#) == """
            ontology.json:1:1: error: no category schema here: expected "classifications" (or "data"."project"."categorySchema")
                use the JSON Ango Hub downloads as the project's ontology: {"tools": [], "classifications": [], "relations": []}
            """)
    }
}

@Suite("Diagnostic text")
struct DiagnosticDescriptionTests {
    @Test("a diagnostic reads file:line:column: severity: message (at path), then the hint")
    func fullDescription() {
        let d = Diagnostic(.error, "an option has no value", file: "o.json", location: SourceLocation(line: 12, column: 7),
                           path: JSONPath.root / "classifications" / 0 / "options" / 1, hint: "add a value")
        #expect(d.description == "o.json:12:7: error: an option has no value (at $.classifications[0].options[1])\n    add a value")
    }

    @Test("a diagnostic without a file starts with its line and column")
    func descriptionWithoutFile() {
        let d = Diagnostic(.warning, "odd", location: SourceLocation(line: 3, column: 1))
        #expect(d.description == "3:1: warning: odd")
    }

    @Test("a diagnostic with neither file nor place is its severity and message")
    func descriptionWithoutPlace() {
        #expect(Diagnostic.error("bad", at: .root).description == "error: bad")
    }

    @Test("located(in:bytes:) adds the file and the line and column of the path")
    func locatedFindsLine() {
        let bytes = Array("{\n  \"a\": [true,\n    false]\n}".utf8)
        let d = Diagnostic.error("no", at: JSONPath.root / "a" / 1).located(in: "f.json", bytes: bytes)
        #expect(d.description == "f.json:3:5: error: no (at $.a[1])")
    }

    @Test("a DiagnosticsError lists its errors one per line")
    func diagnosticsErrorDescription() {
        let error = DiagnosticsError([.error("one"), .warning("two")])
        #expect(error.description == "error: one\nwarning: two")
        #expect(error.errors.map(\.message) == ["one"])
    }
}
