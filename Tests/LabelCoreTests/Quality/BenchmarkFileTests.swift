import Foundation
import Testing

@testable import LabelCore

@Suite("Benchmark file")
struct BenchmarkFileTests {
    let ontology = try! Ontologies.read(StoreBenchmarkTests.ontology)

    func read(_ text: String, file: String = "gold.jsonl") throws(DiagnosticsError) -> [GoldTask] {
        try BenchmarkFile.read(Array(text.utf8), file: file, ontology: ontology)
    }

    func errors(_ text: String, file: String = "gold.jsonl") -> String {
        do {
            _ = try read(text, file: file)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test("records with classifications are gold tasks; a title names the question too")
    func records() throws {
        let gold = try read("""
            {"externalId": "g1", "data": "Great phone", "classifications": [{"schemaId": "q-sent", "answer": "Positive"}]}
            {"externalId": "g2", "data": "Code A-1", "metadata": {"k": 1}, "classifications": [{"title": "Code", "answer": "A-1", "regex": "A-[0-9]+"}]}
            """)
        #expect(gold.map(\.task.externalId) == ["g1", "g2"])
        #expect(gold[0].task.asset == "Great phone")
        #expect(gold[1].task.metadata == ["k": 1])
        #expect(gold[1].answers == [["title": "Code", "answer": "A-1", "regex": "A-[0-9]+", "schemaId": "q-code"]])
    }

    @Test("an Ango export's assets are gold tasks with their task's classifications")
    func angoExport() throws {
        let gold = try read("""
            [{"asset": "Bad battery", "externalId": "g1", "metadata": {}, "batches": [],
              "task": {"taskId": "t", "stage": "Complete", "classifications": [{"schemaId": "q-sent", "tool": "radio", "answer": "Negative"}]}}]
            """, file: "export.json")
        #expect(gold.map(\.task.externalId) == ["g1"])
        #expect(gold[0].task.asset == "Bad battery")
        #expect(gold[0].answers == [["schemaId": "q-sent", "tool": "radio", "answer": "Negative"]])
    }

    @Test("a gold task with no answer is refused, with its line, column and JSON path")
    func noAnswer() {
        #expect(errors("""
            {"externalId": "g1", "data": "a", "classifications": [{"schemaId": "q-sent", "answer": "Positive"}]}
            {"externalId": "g2", "data": "b", "classifications": []}
            """) == """
            gold.jsonl:2:54: error: gold task "g2" has no answer (at $.classifications)
                a gold task needs its known answers in "classifications", as Ango writes them
            """)
    }

    @Test("in an Ango export, a task with no classifications is refused at task.classifications")
    func noAnswerInExport() {
        #expect(errors("""
            [
              {"asset": "a", "externalId": "g1", "task": {"classifications": []}}
            ]
            """, file: "export.json") == """
            export.json:2:66: error: gold task "g1" has no answer (at $[0].task.classifications)
                a gold task needs its known answers in task.classifications, as Ango writes them
            """)
    }

    @Test("an answer naming no question, an option the question lacks and a bad regex are each named")
    func badAnswers() {
        #expect(errors("""
            {"externalId": "g1", "data": "a", "classifications": [{"schemaId": "q-nope", "answer": "x"}]}
            {"externalId": "g2", "data": "b", "classifications": [{"schemaId": "q-sent", "answer": "Maybe"}]}
            {"externalId": "g3", "data": "c", "classifications": [{"schemaId": "q-code", "answer": "A", "regex": "("}]}
            """) == """
            gold.jsonl:1:55: error: the answer names no top-level question of the ontology: "q-nope" (at $.classifications[0])
                name the question by its schemaId; only top-level questions are scored
            gold.jsonl:2:88: error: "Maybe" is not an option of "Sentiment" (at $.classifications[0].answer)
                give option values (not schemaIds): "Positive", "Negative"
            gold.jsonl:3:102: error: "regex" is not a regular expression: "(" (at $.classifications[0].regex)
            """)
    }
}
