import FuzzSupport
import LabelCore

/// The ontology reader: any bytes give an ontology or at least one error, every diagnostic
/// naming the file. An ontology that reads, reads the same when kept as a project keeps it or
/// written compact; and a form over it can be filled, and read back from its own Ango answers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOntology(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    let file = "ontology.json"
    let result: OntologyReader.Result
    do {
        result = try OntologyReader.read(bytes, file: file)
    } catch {
        check(!error.errors.isEmpty, "refused without an error: \(error)")
        checkPlaces(error.diagnostics, file: file, bytes: bytes)
        return 0
    }
    check(result.warnings.allSatisfy { $0.severity == .warning }, "an error among the warnings of an ontology that reads")
    checkPlaces(result.warnings, file: file, bytes: bytes)

    // A project keeps the file as text and reads it again each time it opens; the same schema
    // written compact must read the same too (only the places in diagnostics may differ).
    let stored = Array(String(decoding: bytes, as: UTF8.self).utf8)
    let compact = (try? JSONParser.parse(bytes)).map { Array(JSONWriter().string($0).utf8) } ?? []
    for (again, how) in [(stored, "kept as a project's text"), (compact, "written compact")] {
        do {
            let ontology = try OntologyReader.read(again, file: file).ontology
            check(ontology == result.ontology, "\(how), the ontology reads differently:\n\(String(decoding: again, as: UTF8.self))")
        } catch {
            check(false, "\(how), the ontology does not read (\(error)):\n\(String(decoding: again, as: UTF8.self))")
        }
    }
    checkForm(result.ontology)
    return 0
}

func checkPlaces(_ diagnostics: [Diagnostic], file: String, bytes: [UInt8]) {
    let lines = bytes.count { $0 == 0x0A } + 1
    for d in diagnostics {
        check(d.file == file, "a diagnostic without the file name: \(d)")
        check(!d.message.isEmpty, "a diagnostic without a message: \(d)")
        if let place = d.location {
            check(place.line >= 1 && place.line <= lines && place.column >= 1, "a place outside the file's \(lines) lines: \(d)")
        }
    }
}

/// Answers every question it can with its first choice (a text with "x"), then reads the form
/// back from the Ango classification objects it writes: the answers shown must survive.
func checkForm(_ ontology: Ontology) {
    let context = FormContext(taskId: "task-1", user: "fuzz@example.com", stageId: "Label")
    let time = Timestamp(millisecondsSince1970: 1_700_000_000_000)
    var form = FormState(ontology: ontology, context: context)
    for question in ontology.allQuestions {
        let first = question.choices.first
        switch question.kind {
        case .radio, .singleDropdown: if let first { try? form.apply(.choose(question.schemaId, value: first), at: time) }
        case .checkbox, .multiDropdown, .treeDropdown: if let first { try? form.apply(.toggle(question.schemaId, value: first), at: time) }
        case .text: try? form.apply(.setText(question.schemaId, text: "x"), at: time)
        case .rank: try? form.apply(.setRank(question.schemaId, order: question.choices), at: time)
        }
    }
    _ = form.problems
    let objects = form.classifications()
    let back = FormState(ontology: ontology, context: context, classifications: objects)
    for row in form.visibleQuestions {
        let id = row.question.schemaId
        check(back.answer(id) == form.answer(id),
              "question \(id): answered \(String(describing: form.answer(id))), read back \(String(describing: back.answer(id)))\n"
                + JSONWriter().string(.array(objects)))
    }
}
