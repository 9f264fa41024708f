import LabelCore
import Testing
@testable import termlabel

@Suite("What the commands print")
struct CommandLineTextTests {
    @Test("the console shows controls, DEL and bidi controls visibly and keeps line breaks")
    func consoleSanitiser() {
        #expect(Console.visible("a\u{1B}]0;x\u{7}\nb\u{9B}2J\u{202E}c\u{7F}\r") == "a␛]0;x␇\nb\u{FFFD}2J\u{FFFD}c␡␍")
        #expect(Console.visible("plain\ntext — 日本") == "plain\ntext — 日本")
    }

    @Test("a mistyped command gets the nearest one; a far one gets none")
    func didYouMean() {
        #expect(CommandNames.nearest(to: "lable") == "label")
        #expect(CommandNames.nearest(to: "exprot") == "export")
        #expect(CommandNames.nearest(to: "stat") == "stats")
        #expect(CommandNames.nearest(to: "frobnicate") == nil)
    }

    @Test("validate shows a nested question's condition as the option's value")
    func nestedConditionShowsValue() throws {
        let ontology = try OntologyReader.read(Array(Fixture.ontology.utf8), file: "o.json").ontology
        #expect(OntologySummary.text(ontology, file: "o.json") == """
            o.json: a valid ontology.
              6 questions (1 radio, 1 checkbox, 1 single-dropdown, 1 tree-dropdown, 1 text, 1 rank); 1 nested, 1 required.
              0 object tools and 0 relations kept (not asked in termlabel's form).
                * Sentiment — radio 2 choices [a]
                  - Why — checkbox 2 choices (when Negative)
                - Language — single-dropdown 3 choices [b]
                - Category — tree-dropdown 3 choices
                - Order — text /^[0-9]+$/
                - Aspects — rank 2 choices
            """)
    }

    @Test("validate counts tasks as a project holds them: repeated externalIds are not tasks")
    func repeatedIdsAreNotTasks() throws {
        let file = try AssetReader.read(Array("""
            {"externalId": "a", "data": "one"}
            {"externalId": "a", "data": "two"}
            {"externalId": "b", "data": "three"}
            """.utf8), file: "a.jsonl")
        #expect(AssetSummary.text(file, file: "a.jsonl") == """
            a.jsonl: JSON Lines, valid JSON Lines with 3 assets.
              2 tasks (1 more record repeat an externalId or taskId), 0 with pre-labels; 0 pre-label records for tasks already in a project.
              first: a: one
            """)
    }
}
