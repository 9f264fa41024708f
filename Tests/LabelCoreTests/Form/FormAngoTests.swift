import Testing

@testable import LabelCore

@Suite("Form: Ango objects, ids and metadata")
struct FormAngoTests {
    @Test("an object id is 23 lowercase hexadecimal characters")
    func objectIdShape() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Positive"), at: t0)
        let id = try #require(form.answers["q-sent"]?.objectId)
        #expect(id.count == 23)
        #expect(id.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test("an object id is made from the task, the question and the moment of creation")
    func objectIdReproducible() {
        #expect(ObjectID.make(taskId: "t1", schemaId: "q-sent", createdAt: t0) == "75ff2fdcad3e8b4d5dd9ca2")
        #expect(ObjectID.make(taskId: "t1", schemaId: "q-sent", createdAt: Timestamp(millisecondsSince1970: 0)) == "258d9e92b6b5e867a1b899a")
    }

    @Test("the object id stays the same across edits")
    func objectIdStable() throws {
        var form = try newForm()
        try form.apply(.toggle("q-topics", value: "Battery"), at: t0)
        let first = form.answers["q-topics"]?.objectId
        try form.apply(.toggle("q-topics", value: "Camera"), at: moment("11:21:00.000"))
        try form.apply(.toggle("q-topics", value: "Battery"), at: moment("11:22:00.000"))
        #expect(form.answers["q-topics"]?.objectId == first)
        #expect(first == "2d56149359a6e113d378ccd")
    }

    @Test("a new answer is stamped createdAt, createdBy and createdIn")
    func createdMetadata() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Positive"), at: t0)
        #expect(form.answers["q-sent"]?.metadata == [
            "createdAt": "2023-08-23T11:20:51.725Z", "createdBy": "ann@example.com", "createdIn": "Label",
        ])
    }

    @Test("a changed answer is stamped updatedAt, updatedBy and updatedIn after the created stamps")
    func updatedMetadata() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Positive"), at: t0)
        form.context = FormContext(taskId: "t1", user: "rev@example.com", stageId: "Review")
        try form.apply(.choose("q-sent", value: "Negative"), at: moment("11:36:38.027"))
        #expect(form.answers["q-sent"]?.metadata == [
            "createdAt": "2023-08-23T11:20:51.725Z", "createdBy": "ann@example.com", "createdIn": "Label",
            "updatedAt": "2023-08-23T11:36:38.027Z", "updatedBy": "rev@example.com", "updatedIn": "Review",
        ])
    }

    @Test("choosing the answer it already has stamps nothing")
    func unchangedAnswerNotStamped() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Positive"), at: t0)
        let before = form
        try form.apply(.choose("q-sent", value: "Positive"), at: moment("11:30:00.000"))
        #expect(form == before)
    }

    @Test("classifications() writes a filled form as Ango objects, nested answers inside their parents")
    func classificationsOfFilledForm() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Negative"), at: moment("11:20:51.725"))
        try form.apply(.toggle("q-why", value: "Price"), at: moment("11:20:52.716"))
        try form.apply(.setText("q-price", text: "too dear"), at: moment("11:20:53.100"))
        try form.apply(.choose("q-lang", value: "German"), at: moment("11:20:54.180"))
        try form.apply(.toggle("q-topics", value: "Camera"), at: moment("11:20:55.684"))
        try form.apply(.toggle("q-topics", value: "Battery"), at: moment("11:20:56.000"))
        try form.apply(.toggle("q-kind", value: "Animal"), at: moment("11:20:59.723"))
        try form.apply(.toggle("q-kind", value: "Animal / Mammal / Cat"), at: moment("11:21:01.940"))
        try form.apply(.setText("q-code", text: "123"), at: moment("11:21:02.100"))
        try form.apply(.moveRank("q-rank", value: "C", by: -2), at: moment("11:21:03.000"))
        let created = #""createdBy":"ann@example.com","createdIn":"Label""#
        let updated = #""updatedBy":"ann@example.com","updatedIn":"Label""#
        #expect(compact(.array(form.classifications())) == """
            [{"objectId":"75ff2fdcad3e8b4d5dd9ca2","schemaId":"q-sent","tool":"radio","title":"Sentiment","answer":"Negative",\
            "metadata":{"createdAt":"2023-08-23T11:20:51.725Z",\(created)},"classifications":[\
            {"objectId":"488b81fb0d5b0a3c4cee7c4","schemaId":"q-why","tool":"checkbox","title":"Why negative","answer":["Price"],\
            "metadata":{"createdAt":"2023-08-23T11:20:52.716Z",\(created)},"classifications":[\
            {"objectId":"e1f873cfef7cbac727f0319","schemaId":"q-price","tool":"text","title":"Price detail","answer":"too dear",\
            "metadata":{"createdAt":"2023-08-23T11:20:53.100Z",\(created)},"classifications":[]}]}]},\
            {"objectId":"e0356eb3893ca0594a1e5c3","schemaId":"q-lang","tool":"single-dropdown","title":"Language","answer":"German",\
            "metadata":{"createdAt":"2023-08-23T11:20:54.180Z",\(created)},"classifications":[]},\
            {"objectId":"fbef32722d70b919573d62f","schemaId":"q-topics","tool":"multi-dropdown","title":"Topics","answer":["Battery","Camera"],\
            "metadata":{"createdAt":"2023-08-23T11:20:55.684Z",\(created),"updatedAt":"2023-08-23T11:20:56.000Z",\(updated)},"classifications":[]},\
            {"objectId":"8b5efc97b6e3eb77929aa39","schemaId":"q-kind","tool":"tree-dropdown","title":"Kind","answer":["Animal","Animal / Mammal / Cat"],\
            "metadata":{"createdAt":"2023-08-23T11:20:59.723Z",\(created),"updatedAt":"2023-08-23T11:21:01.940Z",\(updated)},"classifications":[]},\
            {"objectId":"7357d68deea0a26f6f44672","schemaId":"q-code","tool":"text","title":"Code","answer":"123",\
            "metadata":{"createdAt":"2023-08-23T11:21:02.100Z",\(created)},"classifications":[]},\
            {"objectId":"cd58adf90c38405674b0997","schemaId":"q-rank","tool":"rank","title":"Order","answer":["C","A","B"],\
            "metadata":{"createdAt":"2023-08-23T11:21:03.000Z",\(created)},"classifications":[]}]
            """)
    }

    @Test("classifications(withMetadata: false) leaves metadata out")
    func classificationsWithoutMetadata() throws {
        var form = try newForm()
        try form.apply(.choose("q-lang", value: "German"), at: moment("11:20:54.180"))
        #expect(compact(.array(form.classifications(withMetadata: false))) == """
            [{"objectId":"e0356eb3893ca0594a1e5c3","schemaId":"q-lang","tool":"single-dropdown","title":"Language",\
            "answer":"German","classifications":[]}]
            """)
    }

    @Test("answers of hidden questions are not written")
    func hiddenAnswersNotWritten() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Negative"), .setText("q-note", text: "meh"), .choose("q-sent", value: "Positive"))
        #expect(form.classifications(withMetadata: false).map { $0["schemaId"] } == ["q-sent"])
        #expect(form.classifications(withMetadata: false).first?["classifications"] == [])
    }

    @Test("an always-shown child answered under an unanswered parent is written inside it with an empty answer")
    func childUnderUnansweredParent() throws {
        let ontology = try Ontologies.read("""
            {"classifications": [{"tool": "checkbox", "title": "Flags", "schemaId": "q1", "options": [{"value": "A", "schemaId": "a"}],
              "classifications": [{"tool": "text", "title": "Note", "schemaId": "q2"}]}]}
            """)
        var form = FormState(ontology: ontology, context: FormContext(taskId: "t1", user: "u", stageId: "Label"))
        try form.apply(.setText("q2", text: "x"), at: t0)
        #expect(compact(.array(form.classifications(withMetadata: false))) == """
            [{"objectId":"\(ObjectID.make(taskId: "t1", schemaId: "q1", createdAt: Timestamp(millisecondsSince1970: 0)))",\
            "schemaId":"q1","tool":"checkbox","title":"Flags","answer":[],"classifications":[\
            {"objectId":"\(ObjectID.make(taskId: "t1", schemaId: "q2", createdAt: t0))","schemaId":"q2","tool":"text","title":"Note",\
            "answer":"x","classifications":[]}]}]
            """)
    }

    // MARK: Pre-labels

    static let preLabels = """
        [{"objectId": "3d5cd10ba190b29d2850724", "schemaId": "q-sent", "tool": "radio", "title": "Sentiment", "answer": "Negative",
          "lock": true, "classifications": [
            {"schemaId": "q-why", "answer": ["Quality"], "classifications": []}]},
         {"title": "Language", "answer": "Japanese", "confidence": 0.9},
         {"schemaId": "q-other", "tool": "radio", "title": "Not ours", "answer": "x", "classifications": []},
         {"title": "Kind", "answer": ["Animal", "Animal / Bird"]}]
        """

    func preLabeledForm() throws -> FormState {
        FormState(
            ontology: try Ontologies.read(Ontologies.everyTool),
            context: FormContext(taskId: "t1", user: "ann@example.com", stageId: "Label"),
            classifications: try json(Self.preLabels).arrayValue ?? [])
    }

    @Test("pre-labels fill answers matched by schemaId or by title, nested ones included")
    func preLabelsFillAnswers() throws {
        let form = try preLabeledForm()
        #expect(form.answer("q-sent") == .one("Negative"))
        #expect(form.answer("q-why") == .many(["Quality"]))
        #expect(form.answer("q-lang") == .one("Japanese"))
        #expect(form.answer("q-kind") == .many(["Animal", "Animal / Bird"]))
        #expect(form.answers["q-sent"]?.objectId == "3d5cd10ba190b29d2850724")
    }

    @Test("a locked pre-label refuses every change")
    func lockedPreLabelRefusesChanges() throws {
        var form = try preLabeledForm()
        #expect(failure(&form, .choose("q-sent", value: "Positive")) == .locked("Sentiment"))
        #expect(failure(&form, .clear("q-sent")) == .locked("Sentiment"))
        #expect(form.answer("q-sent") == .one("Negative"))
    }

    @Test("answers beside a locked pre-label can still be changed")
    func unlockedPreLabelChanges() throws {
        var form = try preLabeledForm()
        try form.apply(.toggle("q-why", value: "Price"))
        #expect(form.answer("q-why") == .many(["Price", "Quality"]))
    }

    @Test("objects naming no question are kept in foreign")
    func foreignKept() throws {
        let form = try preLabeledForm()
        #expect(form.foreign == [try json(#"{"schemaId": "q-other", "tool": "radio", "title": "Not ours", "answer": "x", "classifications": []}"#)])
    }

    @Test("pre-labels are written back with their lock, unknown keys after Ango's keys, and foreign objects")
    func preLabelsWrittenBack() throws {
        let form = try preLabeledForm()
        let zero = Timestamp(millisecondsSince1970: 0)
        #expect(compact(.array(form.classifications())) == """
            [{"objectId":"3d5cd10ba190b29d2850724","schemaId":"q-sent","tool":"radio","title":"Sentiment","answer":"Negative",\
            "lock":true,"classifications":[\
            {"objectId":"\(ObjectID.make(taskId: "t1", schemaId: "q-why", createdAt: zero))","schemaId":"q-why","tool":"checkbox",\
            "title":"Why negative","answer":["Quality"],"classifications":[]}]},\
            {"objectId":"\(ObjectID.make(taskId: "t1", schemaId: "q-lang", createdAt: zero))","schemaId":"q-lang",\
            "tool":"single-dropdown","title":"Language","answer":"Japanese","classifications":[],"confidence":0.9},\
            {"objectId":"\(ObjectID.make(taskId: "t1", schemaId: "q-kind", createdAt: zero))","schemaId":"q-kind","tool":"tree-dropdown",\
            "title":"Kind","answer":["Animal","Animal / Bird"],"classifications":[]},\
            {"schemaId":"q-other","tool":"radio","title":"Not ours","answer":"x","classifications":[]}]
            """)
    }

    @Test("Ango's sample classifications are written back exactly as read")
    func angoSampleClassificationsRoundTrip() throws {
        let sample = try #require(try json(AngoSample.task)["classifications"]?.arrayValue)
        let form = FormState(
            ontology: try Ontologies.read(Ontologies.angoSample),
            context: FormContext(taskId: "64e5e5b985eb730015b4ebd9", user: "lorenzo@imerit.net", stageId: "Label"),
            classifications: sample)
        #expect(form.problems == [])
        #expect(form.classifications() == sample)
    }
}
