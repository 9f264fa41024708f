import Foundation
import Testing

@testable import LabelCore

/// Gold tasks in the store: served at the project's rate, once per annotator, scored on submit,
/// never moved as work.
@Suite("Store: gold tasks")
struct StoreBenchmarkTests {
    /// A required radio and a text question: the gold says Positive and "A-100", any "A-" and
    /// digits being right for the text.
    static let ontology = """
        {"tools": [], "relations": [], "classifications": [
          {"tool": "radio", "title": "Sentiment", "required": true, "schemaId": "q-sent",
           "options": [{"value": "Positive", "schemaId": "o-pos"}, {"value": "Negative", "schemaId": "o-neg"}]},
          {"tool": "text", "title": "Code", "required": false, "schemaId": "q-code"}
        ]}
        """

    static func answers(_ sentiment: String, _ code: String) -> [JSONValue] {
        [
            ["schemaId": "q-sent", "tool": "radio", "title": "Sentiment", "answer": .string(sentiment), "classifications": []],
            ["schemaId": "q-code", "tool": "text", "title": "Code", "answer": .string(code), "classifications": []],
        ]
    }

    static func gold(_ count: Int) -> [GoldTask] {
        (1...count).map { i in
            var answers = Self.answers("Positive", "A-100")
            answers[1] = .object((answers[1].objectValue ?? [:]).merging(["regex": "A-[0-9]+"]) { a, _ in a })
            return GoldTask(task: NewTask(externalId: String(format: "g%02d", i), asset: .string("gold \(i)")), answers: answers)
        }
    }

    /// 90 work tasks (w01…w90) and 10 gold (g01…g10), gold served at `rate` percent.
    func project(on backend: StoreBackend, rate: Int = 10, _ body: (any ProjectStore) throws -> Void) throws {
        try withProject(on: backend, ontology: Self.ontology) { store in
            _ = try store.add((1...90).map { NewTask(externalId: String(format: "w%02d", $0), asset: .string("work \($0)")) }, at: addedAt)
            #expect(try store.addBenchmarks(Self.gold(10), at: addedAt) == AddResult(added: 10, skippedExisting: 0))
            try store.updateSettings { $0.benchmarkRate = rate }
            try body(store)
        }
    }

    /// Claims and submits as `user` until the queue serves nothing; returns the externalIds in order.
    func work(_ store: any ProjectStore, _ user: String, answer: (String) -> [JSONValue] = { _ in answers("Positive", "A-1") },
              steps: Int = .max) throws -> [String] {
        var served: [String] = []
        while served.count < steps, let task = try store.claimNext(stage: .label, user: user) {
            served.append(task.externalId)
            _ = try store.submit(Submission(taskId: task.id, stage: .label, user: user, classifications: answer(task.externalId),
                                            time: TimeSpent(active: 1000, idle: 0), at: addedAt))
        }
        return served
    }

    /// One annotator alone at 10 %: (gold + 1) × 100 ≤ 10 × (submits + 1) first holds with 9 work
    /// submits, so gold comes 10th, 20th … 100th: all 10 gold tasks in 100, in gold order.
    @Test("one annotator gets the 10 gold tasks as every 10th of 100 tasks", arguments: StoreBackend.all)
    func oneAnnotator(_ backend: StoreBackend) throws {
        try project(on: backend) { store in
            let served = try work(store, "ann")
            #expect(served.count == 100)
            let positions = served.enumerated().filter { $0.element.hasPrefix("g") }.map { $0.offset + 1 }
            #expect(positions == [10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
            #expect(served.filter { $0.hasPrefix("g") } == (1...10).map { String(format: "g%02d", $0) })
            // Gold tasks did not move: they wait in Label, new and unassigned, for the next annotator.
            let g01 = try #require(try store.task(externalId: "g01"))
            #expect(g01.stage == .label)
            #expect(g01.status == .new)
            #expect(g01.assignee == nil)
            #expect(try store.history(taskId: g01.id).map(\.stage) == ["Start"])
            #expect(try store.progress().total == 90)
            #expect(try store.progress().labeled == 90)
        }
    }

    /// Two annotators taking turns share the 90 work tasks (45 each); each gets gold as their 10th,
    /// 20th … 50th task, g01…g05, every gold task at most once each. A 51st would be gold only if
    /// 6 × 100 ≤ 10 × 51, which fails, and no work is left: both stop at 50.
    @Test("two annotators each get every gold task once, at the rate of their own submits", arguments: StoreBackend.all)
    func twoAnnotators(_ backend: StoreBackend) throws {
        try project(on: backend) { store in
            var served: [String: [String]] = ["ann": [], "bob": []]
            var done: Set<String> = []
            while done.count < 2 {
                for user in ["ann", "bob"] where !done.contains(user) {
                    let next = try work(store, user, steps: 1)
                    if next.isEmpty { done.insert(user) }
                    served[user, default: []] += next
                }
            }
            for user in ["ann", "bob"] {
                let mine = try #require(served[user])
                #expect(mine.count == 50)
                #expect(mine.enumerated().filter { $0.element.hasPrefix("g") }.map { $0.offset + 1 } == [10, 20, 30, 40, 50])
                #expect(mine.filter { $0.hasPrefix("g") } == ["g01", "g02", "g03", "g04", "g05"])
            }
            #expect(Set(served["ann"]!.filter { $0.hasPrefix("w") }).isDisjoint(with: served["bob"]!.filter { $0.hasPrefix("w") }))
        }
    }

    /// ann's answers to g01…g05, scored on Sentiment and Code (regex A-[0-9]+):
    /// g01 Positive, "A-7"   → both right → 100
    /// g02 Negative, "A-7"   → 1 of 2     → 50
    /// g03 Positive, "B-1"   → 1 of 2     → 50
    /// g04 Negative, "none"  → 0 of 2     → 0
    /// g05 Positive, " A-100 " (trimmed) → 100
    /// mean (100 + 50 + 50 + 0 + 100) / 5 = 60; below the pass mark of 80: g02, g03, g04 = 3 failed.
    @Test("gold answers are scored on submit, per question and overall", arguments: StoreBackend.all)
    func scores(_ backend: StoreBackend) throws {
        try project(on: backend) { store in
            let scripted: [String: [JSONValue]] = [
                "g01": Self.answers("Positive", "A-7"), "g02": Self.answers("Negative", "A-7"), "g03": Self.answers("Positive", "B-1"),
                "g04": Self.answers("Negative", "none"), "g05": Self.answers("Positive", " A-100 "),
            ]
            _ = try work(store, "ann", answer: { scripted[$0] ?? Self.answers("Positive", "") }, steps: 50)
            let results = try store.benchmarkResults()
            #expect(results.map(\.externalId) == ["g01", "g02", "g03", "g04", "g05"])
            #expect(results.map { $0.score.percent } == [100, 50, 50, 0, 100])
            #expect(results.map(\.failed) == [false, true, true, true, false])
            #expect(results[2].score.questions == [
                BenchmarkScore.Question(schemaId: "q-sent", title: "Sentiment", correct: true),
                BenchmarkScore.Question(schemaId: "q-code", title: "Code", correct: false),
            ])
            #expect(AnnotatorQuality.compute(benchmarks: results) == [
                "ann": AnnotatorQuality(user: "ann", benchmarkScore: 60, benchmarkTasks: 5, benchmarkFailed: 3),
            ])
        }
    }

    @Test("a gold task's draft is the annotator's own: another annotator opens it fresh", arguments: StoreBackend.all)
    func draftsApart(_ backend: StoreBackend) throws {
        try project(on: backend, rate: 100) { store in
            let ann = try #require(try store.claimNext(stage: .label, user: "ann"))
            #expect(ann.externalId == "g01")
            #expect(ann.assignee == "ann")
            try store.saveDraft(Draft(taskId: ann.id, stage: .label, user: "ann", classifications: Self.answers("Negative", "x"),
                                      time: TimeSpent(active: 500, idle: 0), savedAt: addedAt))
            let bob = try #require(try store.claimNext(stage: .label, user: "bob"))
            #expect(bob.externalId == "g01")
            #expect(bob.status == .new)
            #expect(bob.annotations.classifications == [])
            let again = try #require(try store.claimNext(stage: .label, user: "ann"))
            #expect(again.id == ann.id)
            #expect(again.status == .draft)
            #expect(again.annotations.classifications == Self.answers("Negative", "x"))
        }
    }

    @Test("a gold task an annotator submitted cannot be opened by them again", arguments: StoreBackend.all)
    func answeredOnce(_ backend: StoreBackend) throws {
        try project(on: backend, rate: 100) { store in
            _ = try work(store, "ann", steps: 1)
            #expect(throws: StoreError.readOnly(externalId: "g01", reason: "you have submitted it")) {
                _ = try store.claim(taskId: try store.id("g01"), stage: .label, user: "ann")
            }
            #expect(try store.claim(taskId: try store.id("g01"), stage: .label, user: "bob").assignee == "bob")
        }
    }

    @Test("a requeue of the Label stage leaves gold tasks alone", arguments: StoreBackend.all)
    func requeueSkipsGold(_ backend: StoreBackend) throws {
        try project(on: backend) { store in
            let moved = try store.requeue(RequeueRequest(
                selection: .stage(.label), to: .complete, removeAnswers: false, removeAssignee: true, removeHistory: false, at: addedAt))
            #expect(moved == 90)
            #expect(try store.task(externalId: "g01")?.stage == .label)
        }
    }

    @Test("a gold file's task named like a task of the project is skipped, and the task stays work", arguments: StoreBackend.all)
    func goldNamedLikeWork(_ backend: StoreBackend) throws {
        try withProject(on: backend, ontology: Self.ontology) { store in
            _ = try store.add(tasks("w01"), at: addedAt)
            var gold = Self.gold(1)
            gold[0].task.externalId = "w01"
            #expect(try store.addBenchmarks(gold, at: addedAt)
                == AddResult(added: 0, skippedExisting: 1, skipped: [SkippedTask(externalId: "w01", reason: .externalIdInProject)]))
            #expect(try store.task(externalId: "w01")?.benchmark == nil)
        }
    }
}
