/// Where imported tasks go in a project. An Ango export's task keeps the stage it was exported
/// from (`--to-stage` sends every task to one stage instead, e.g. back to Label for labeling),
/// and a task exported from a Review stage goes to Label in a project without one.
public enum StagePlacement {
    /// Places the tasks; returns how many Review tasks went to Label for want of a Review stage.
    @discardableResult
    public static func place<Task: PlacedTask>(_ tasks: inout [Task], workflow: Workflow, toStage: Stage?) -> Int {
        var movedFromReview = 0
        // Tasks are written only where something changes: a batch handed over while the file is
        // read is shared with the reader, and a write would copy all of it.
        for i in tasks.indices {
            if let toStage {
                let stage: Stage = toStage == .start ? .label : toStage
                if tasks[i].stage != stage { tasks[i].stage = stage }
            }
            if tasks[i].stage == .review, !workflow.hasReview {
                tasks[i].stage = .label
                movedFromReview += 1
            }
            if tasks[i].stage != .label, tasks[i].skippedBy != nil { tasks[i].skippedBy = nil }
        }
        return movedFromReview
    }
}

/// What `StagePlacement` reads and changes of a task.
public protocol PlacedTask {
    var stage: Stage { get set }
    var skippedBy: String? { get set }
}

extension NewTask: PlacedTask {}
