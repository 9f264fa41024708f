import Testing

@testable import LabelCore

@Suite("Imported tasks keep their stage")
struct ImportedStageTests {
    @Test("an exported task's stage is read by its id, else by the kind of stage its name says",
          arguments: [("Complete", "Complete", Stage.complete), ("Label", "Label", .label), ("Review Stage 2", "5e8f78a7", .review),
                      ("Final check complete", "f931", .complete), ("Label QA", "c0ffee", .label), ("Start", "Start", .label)])
    func stageNames(_ name: String, _ id: String, _ stage: Stage) {
        #expect(AngoStage.stage(name: name, id: id) == stage)
    }

    @Test("a task exported from Review waits for a reviewer, its labeler kept so they never review it")
    func reviewTaskWaits() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir, review: true)
            let label = StageHistoryEntry(stage: "Label", stageId: "Label", duration: 5, completedAt: addedAt, completedBy: "ann", annotations: .empty)
            _ = try store.add([NewTask(externalId: "a", asset: "x", history: [label], stage: .review)], at: addedAt)
            let task = try #require(try store.task(externalId: "a"))
            #expect(task.stage == .review)
            #expect(task.status == .submitted)
            #expect(task.labeler == "ann")
            #expect(try store.claimNext(stage: .review, user: "ann") == nil)
        }
    }

    @Test("--to-stage puts every task in one stage; Review tasks go to Label in a project without Review")
    func placement() {
        var tasks = [NewTask(externalId: "a", asset: "x", stage: .complete), NewTask(externalId: "b", asset: "y", stage: .review)]
        #expect(StagePlacement.place(&tasks, workflow: Workflow(hasReview: false), toStage: nil) == 1)
        #expect(tasks.map(\.stage) == [.complete, .label])
        StagePlacement.place(&tasks, workflow: Workflow(hasReview: true), toStage: .label)
        #expect(tasks.map(\.stage) == [.label, .label])
    }
}
