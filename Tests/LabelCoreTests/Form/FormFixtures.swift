@testable import LabelCore

/// A fresh form on the every-tool ontology, for task "t1", labeled by ann in the Label stage.
func newForm(taskId: String = "t1") throws -> FormState {
    FormState(
        ontology: try Ontologies.read(Ontologies.everyTool),
        context: FormContext(taskId: taskId, user: "ann@example.com", stageId: "Label"))
}

/// A moment on 2023-08-23, the day of Ango's sample, given as `HH:MM:SS.mmm`.
func moment(_ time: String) -> Timestamp { at("2023-08-23T\(time)Z") }

let t0 = moment("11:20:51.725")

extension FormState {
    /// Applies actions at successive milliseconds from `t0`; for tests where time does not matter.
    mutating func apply(_ actions: FormAction...) throws(FormError) {
        for (i, action) in actions.enumerated() {
            try apply(action, at: Timestamp(millisecondsSince1970: t0.millisecondsSince1970 + Int64(i)))
        }
    }

    /// The schemaIds of the questions shown, each with its depth: `"q-why@1"`.
    var shown: [String] { visibleQuestions.map { "\($0.question.schemaId)@\($0.depth)" } }
}

/// The error an action throws, or nil.
func failure(_ form: inout FormState, _ action: FormAction) -> FormError? {
    do {
        try form.apply(action, at: t0)
        return nil
    } catch {
        return error
    }
}
