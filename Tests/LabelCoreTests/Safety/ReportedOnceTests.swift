import Testing

@testable import LabelCore

/// One problem, one message: a broken option is not also "no options at all".
@Suite("Each problem reported once")
struct ReportedOnceTests {
    @Test("a question whose only option is empty is reported once")
    func oneEmptyOption() {
        #expect(readError(#"{"classifications": [{"tool": "radio", "title": "A", "schemaId": "a", "options": [{"value": "", "schemaId": "o1"}]}]}"#) == """
            ontology.json:1:83: error: an option has no value (at $.classifications[0].options[0])
                answers are written as option values, so every option needs one
            """)
    }

    @Test("an option whose value is not a string is reported once")
    func optionValueOfTheWrongType() {
        #expect(readError(#"{"classifications": [{"tool": "radio", "title": "A", "schemaId": "a", "options": [{"value": 7, "schemaId": "o1"}]}]}"#)
            == #"ontology.json:1:93: error: "value" must be a string, found a number (at $.classifications[0].options[0].value)"#)
    }

    @Test("C1 controls and bidi controls are written as \\u escapes; the text reads back the same")
    func jsonEscapes() throws {
        let text = "a\u{1B}b\u{9B}c\u{85}d\u{202E}e\u{2066}f\u{200F}g\u{61C}h\u{7F}i é 日本"
        let written = JSONWriter.quoted(text)
        #expect(written == #""a\u001bb\u009bc\u0085d\u202ee\u2066f\u200fg\u061ch\u007fi é 日本""#)
        #expect(try JSONParser.parse(written) == .string(text))
    }
}
