import Testing

@testable import LabelCore

@Suite("Form: nested questions and problems")
struct FormVisibilityTests {
    @Test("a nested question with a parent option is hidden until that option is chosen")
    func nestedHiddenAtFirst() throws {
        let form = try newForm()
        #expect(form.shown == ["q-sent@0", "q-lang@0", "q-topics@0", "q-kind@0", "q-code@0", "q-rank@0"])
    }

    @Test("choosing the parent option shows the child and its always-shown child")
    func nestedAppears() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Negative"))
        #expect(form.shown == ["q-sent@0", "q-why@1", "q-note@2", "q-lang@0", "q-topics@0", "q-kind@0", "q-code@0", "q-rank@0"])
    }

    @Test("a third-level question appears with its own parent option")
    func thirdLevelAppears() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Negative"), .toggle("q-why", value: "Price"))
        #expect(Array(form.shown.prefix(4)) == ["q-sent@0", "q-why@1", "q-price@2", "q-note@2"])
    }

    @Test("choosing another option hides the nested questions again")
    func nestedDisappears() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Negative"), .toggle("q-why", value: "Price"), .choose("q-sent", value: "Positive"))
        #expect(form.shown == ["q-sent@0", "q-lang@0", "q-topics@0", "q-kind@0", "q-code@0", "q-rank@0"])
        #expect(form.isVisible("q-price") == false)
    }

    @Test("a child of a tree question appears when its node is chosen")
    func treeChildAppears() throws {
        let ontology = try Ontologies.read("""
            {"classifications": [
              {"tool": "tree-dropdown", "title": "Kind", "schemaId": "q1",
               "treeOptions": [{"title": "Animal", "key": "k1", "children": [{"title": "Cat", "key": "k2"}]}],
               "classifications": [{"tool": "text", "title": "Breed", "schemaId": "q2", "parentOptionId": "k2"}]}]}
            """)
        var form = FormState(ontology: ontology, context: FormContext(taskId: "t", user: "u", stageId: "Label"))
        try form.apply(.toggle("q1", value: "Animal"))
        #expect(form.isVisible("q2") == false)
        try form.apply(.toggle("q1", value: "Animal / Cat"))
        #expect(form.isVisible("q2") == true)
    }

    @Test("an empty form lists its required questions as problems")
    func requiredProblems() throws {
        let form = try newForm()
        #expect(form.problems == [.required(schemaId: "q-sent", title: "Sentiment"), .required(schemaId: "q-code", title: "Code")])
    }

    @Test("a required nested question is a problem only while it is shown")
    func requiredOnlyWhenShown() throws {
        var form = try newForm()
        try form.apply(.setText("q-code", text: "123"), .choose("q-sent", value: "Negative"))
        #expect(form.problems == [.required(schemaId: "q-why", title: "Why negative")])
        try form.apply(.toggle("q-why", value: "Price"))
        #expect(form.problems == [.required(schemaId: "q-price", title: "Price detail")])
        try form.apply(.choose("q-sent", value: "Positive"))
        #expect(form.problems == [])
    }

    @Test("a text that does not match the regex is a problem")
    func regexMismatch() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Positive"), .setText("q-code", text: "12a"))
        #expect(form.problems == [.regexMismatch(schemaId: "q-code", title: "Code", pattern: "^[0-9]{3}$")])
        #expect(form.problems.map(\.description) == ["“Code” does not match ^[0-9]{3}$"])
    }

    @Test("a text that matches the regex is no problem")
    func regexMatch() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Positive"), .setText("q-code", text: "123"))
        #expect(form.problems == [])
    }

    @Test("the regex is a search, as JavaScript's test is, unless anchored")
    func regexIsSearch() {
        #expect(FormState.matches("abc123", "[0-9]+") == true)
        #expect(FormState.matches("abc123", "^[0-9]+$") == false)
        #expect(FormState.matches("日本語", "^.{3}$") == true)
    }

    @Test("problems(for:) lists one question's problems")
    func problemsForQuestion() throws {
        let form = try newForm()
        #expect(form.problems(for: "q-code") == [.required(schemaId: "q-code", title: "Code")])
        #expect(form.problems(for: "q-lang") == [])
    }

    @Test("problems read as sentences")
    func problemDescriptions() {
        #expect(FormProblem.required(schemaId: "q", title: "Code").description == "“Code” is required")
        #expect(FormProblem.unknownValue(schemaId: "q", title: "Code", value: "x").description == "“Code” has “x”, which is not one of its choices")
        #expect(FormProblem.tooManyAnswers(schemaId: "q", title: "Code").description == "“Code” takes one answer but has several")
    }
}
