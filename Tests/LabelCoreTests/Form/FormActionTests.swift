import Testing

@testable import LabelCore

@Suite("Form actions")
struct FormActionTests {
    // MARK: choose

    @Test("choose answers a radio question with one value")
    func chooseRadio() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Positive"))
        #expect(form.answer("q-sent") == .one("Positive"))
    }

    @Test("choose replaces a radio answer")
    func chooseReplaces() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Positive"), .choose("q-sent", value: "Negative"))
        #expect(form.answer("q-sent") == .one("Negative"))
    }

    @Test("choose answers a single dropdown with one value")
    func chooseSingleDropdown() throws {
        var form = try newForm()
        try form.apply(.choose("q-lang", value: "Japanese"))
        #expect(form.answer("q-lang") == .one("Japanese"))
    }

    @Test("choose refuses a value that is not an option")
    func chooseUnknownValue() throws {
        var form = try newForm()
        #expect(failure(&form, .choose("q-sent", value: "Meh")) == .unknownValue("Sentiment", value: "Meh"))
    }

    @Test("choose refuses a list question")
    func chooseOnCheckbox() throws {
        var form = try newForm()
        #expect(failure(&form, .choose("q-topics", value: "Battery")) == .wrongTool("Topics", .multiDropdown))
    }

    @Test("choose refuses an option id in place of its value")
    func chooseRefusesOptionId() throws {
        var form = try newForm()
        #expect(failure(&form, .choose("q-sent", value: "o-pos")) == .unknownValue("Sentiment", value: "o-pos"))
    }

    // MARK: toggle

    @Test("toggle adds a checkbox value and toggling again removes it")
    func toggleCheckbox() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Negative"), .toggle("q-why", value: "Quality"), .toggle("q-why", value: "Price"))
        #expect(form.answer("q-why") == .many(["Price", "Quality"]))
        try form.apply(.toggle("q-why", value: "Price"))
        #expect(form.answer("q-why") == .many(["Quality"]))
    }

    @Test("toggling the last value off removes the answer")
    func toggleLastValueOff() throws {
        var form = try newForm()
        try form.apply(.toggle("q-topics", value: "Screen"), .toggle("q-topics", value: "Screen"))
        #expect(form.answer("q-topics") == nil)
    }

    @Test("toggled values are kept in schema order whatever the order of toggling")
    func toggleOrderCanonical() throws {
        var form = try newForm()
        try form.apply(.toggle("q-topics", value: "Camera"), .toggle("q-topics", value: "Battery"), .toggle("q-topics", value: "Screen"))
        #expect(form.answer("q-topics") == .many(["Battery", "Screen", "Camera"]))
    }

    @Test("toggle chooses tree nodes by their full path, in tree order")
    func toggleTreePaths() throws {
        var form = try newForm()
        try form.apply(.toggle("q-kind", value: "Plant"), .toggle("q-kind", value: "Animal / Mammal / Cat"), .toggle("q-kind", value: "Animal"))
        #expect(form.answer("q-kind") == .many(["Animal", "Animal / Mammal / Cat", "Plant"]))
    }

    @Test("toggle refuses a tree node named by its title alone")
    func toggleTreeRefusesTitle() throws {
        var form = try newForm()
        #expect(failure(&form, .toggle("q-kind", value: "Cat")) == .unknownValue("Kind", value: "Cat"))
    }

    @Test("toggle refuses a one-answer question")
    func toggleOnRadio() throws {
        var form = try newForm()
        #expect(failure(&form, .toggle("q-sent", value: "Positive")) == .wrongTool("Sentiment", .radio))
    }

    // MARK: text

    @Test("setText answers a text question with the whole text")
    func setText() throws {
        var form = try newForm()
        try form.apply(.setText("q-code", text: "12"), .setText("q-code", text: "123"))
        #expect(form.answer("q-code") == .one("123"))
    }

    @Test("setText keeps UTF-8 text as it is")
    func setTextUnicode() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Negative"), .setText("q-note", text: "Zu teuer, 高い 😀"))
        #expect(form.answer("q-note") == .one("Zu teuer, 高い 😀"))
    }

    @Test("an empty text clears the answer")
    func setEmptyTextClears() throws {
        var form = try newForm()
        try form.apply(.setText("q-code", text: "123"), .setText("q-code", text: ""))
        #expect(form.answer("q-code") == nil)
    }

    @Test("setText refuses a choice question")
    func setTextOnRadio() throws {
        var form = try newForm()
        #expect(failure(&form, .setText("q-sent", text: "x")) == .wrongTool("Sentiment", .radio))
    }

    // MARK: rank

    @Test("setRank answers with the whole order, best first")
    func setRank() throws {
        var form = try newForm()
        try form.apply(.setRank("q-rank", order: ["B", "C", "A"]))
        #expect(form.answer("q-rank") == .many(["B", "C", "A"]))
    }

    @Test("setRank refuses a value that is not an option")
    func setRankUnknownValue() throws {
        var form = try newForm()
        #expect(failure(&form, .setRank("q-rank", order: ["B", "Z"])) == .unknownValue("Order", value: "Z"))
    }

    @Test("moveRank on an unanswered rank starts from the schema order")
    func moveRankFromSchemaOrder() throws {
        var form = try newForm()
        try form.apply(.moveRank("q-rank", value: "C", by: -1))
        #expect(form.answer("q-rank") == .many(["A", "C", "B"]))
    }

    @Test("moveRank moves down and stops at the ends")
    func moveRankClamps() throws {
        var form = try newForm()
        try form.apply(.moveRank("q-rank", value: "A", by: 1), .moveRank("q-rank", value: "A", by: 10), .moveRank("q-rank", value: "C", by: -10))
        #expect(form.answer("q-rank") == .many(["C", "B", "A"]))
    }

    @Test("rankOrder shows the answer, then options not in it, in schema order")
    func rankOrderFillsIn() throws {
        var form = try newForm()
        try form.apply(.setRank("q-rank", order: ["C"]))
        let rank = try #require(form.ontology.question("q-rank"))
        #expect(form.rankOrder(rank) == ["C", "A", "B"])
    }

    @Test("moveRank refuses a value that is not an option")
    func moveRankUnknownValue() throws {
        var form = try newForm()
        #expect(failure(&form, .moveRank("q-rank", value: "Z", by: 1)) == .unknownValue("Order", value: "Z"))
    }

    @Test("rank actions refuse other tools")
    func rankActionsOnText() throws {
        var form = try newForm()
        #expect(failure(&form, .setRank("q-code", order: [])) == .wrongTool("Code", .text))
        #expect(failure(&form, .moveRank("q-topics", value: "Battery", by: 1)) == .wrongTool("Topics", .multiDropdown))
    }

    // MARK: clear, focus, errors

    @Test("clear removes an answer of any tool")
    func clearAnyTool() throws {
        var form = try newForm()
        try form.apply(
            .choose("q-sent", value: "Positive"), .choose("q-lang", value: "German"), .toggle("q-topics", value: "Battery"),
            .toggle("q-kind", value: "Plant"), .setText("q-code", text: "1"), .setRank("q-rank", order: ["A"]))
        try form.apply(.clear("q-sent"), .clear("q-lang"), .clear("q-topics"), .clear("q-kind"), .clear("q-code"), .clear("q-rank"))
        #expect(form.answers.isEmpty)
    }

    @Test("an action on an unknown question throws and changes nothing")
    func unknownQuestion() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Positive"))
        let before = form
        #expect(failure(&form, .setText("q-nope", text: "x")) == .unknownQuestion("q-nope"))
        #expect(form == before)
    }

    @Test("an action on a hidden question throws notVisible")
    func hiddenQuestionRefused() throws {
        var form = try newForm()
        #expect(failure(&form, .toggle("q-why", value: "Price")) == .notVisible("q-why"))
    }

    @Test("focus starts on the first question and moves through shown questions, wrapping")
    func focusMoves() throws {
        var form = try newForm()
        #expect(form.focus == "q-sent")
        try form.apply(.focusNext)
        #expect(form.focus == "q-lang")
        try form.apply(.focusPrevious, .focusPrevious)
        #expect(form.focus == "q-rank")
    }

    @Test("focus skips hidden questions and visits shown nested ones")
    func focusVisitsNested() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Negative"), .focusNext, .focusNext)
        #expect(form.focus == "q-note")
    }

    @Test("focusing a hidden question throws notVisible")
    func focusHidden() throws {
        var form = try newForm()
        #expect(failure(&form, .focus("q-price")) == .notVisible("q-price"))
        #expect(failure(&form, .focus("q-x")) == .unknownQuestion("q-x"))
    }

    @Test("focusFirstProblem jumps to the first question that stops a submit")
    func focusFirstProblem() throws {
        var form = try newForm()
        try form.apply(.choose("q-sent", value: "Positive"), .focusFirstProblem)
        #expect(form.focus == "q-code")
    }

    @Test("an answer moves the focus to its question")
    func answerMovesFocus() throws {
        var form = try newForm()
        try form.apply(.toggle("q-kind", value: "Plant"))
        #expect(form.focus == "q-kind")
    }

    @Test("form errors read as sentences")
    func errorDescriptions() {
        #expect(FormError.unknownQuestion("q1").description == "there is no question q1")
        #expect(FormError.notVisible("q1").description == "question q1 is not shown for the current answers")
        #expect(FormError.locked("Sentiment").description == "“Sentiment” is locked by its pre-label")
        #expect(FormError.wrongTool("Topics", .multiDropdown).description == "“Topics” is a multi-dropdown question; that action does not apply")
        #expect(FormError.unknownValue("Sentiment", value: "Meh").description == "“Meh” is not a choice of “Sentiment”")
    }
}

@Suite("Form: rank answers")
struct FormRankTests {
    @Test("setRank keeps a value ranked twice only at its first place")
    func setRankDropsRepeats() throws {
        var form = try newForm()
        try form.apply(.setRank("q-rank", order: ["B", "A", "B", "C", "A"]))
        #expect(form.answer("q-rank") == .many(["B", "A", "C"]))
    }
}
