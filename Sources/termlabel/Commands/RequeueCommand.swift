import ArgumentParser
import Foundation
import LabelCore

struct RequeueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requeue",
        abstract: "Move tasks back to a stage, as Ango's requeue does.",
        discussion: """
            Choose the tasks by --task (taskId), --external-id, --from-stage or --from-user. No stage \
            history entry is added. Open drafts of the chosen tasks are discarded.

            EXAMPLES
              termlabel requeue reviews --external-id review-0007 --to Label --remove-answers
              termlabel requeue reviews --from-user alice@box --to Label --remove-assignee
            """)

    @OptionGroup var project: ProjectOption

    @Option(name: .customLong("task"), help: ArgumentHelp("A taskId (repeatable).", valueName: "id"))
    var taskIds: [String] = []

    @Option(name: .customLong("external-id"), help: ArgumentHelp("An externalId (repeatable).", valueName: "id"))
    var externalIds: [String] = []

    @Option(help: ArgumentHelp("Every task now in this stage.", valueName: "stage"))
    var fromStage: Stage?

    @Option(help: ArgumentHelp("Every task assigned to, or labeled by, this user.", valueName: "user"))
    var fromUser: String?

    @Option(help: ArgumentHelp("The stage to move them to.", valueName: "stage"))
    var to: Stage = .label

    @Flag(help: "Remove the tasks' answers (classifications, tools and relations).")
    var removeAnswers = false

    @Flag(help: "Remove the assignee, so anyone may take the tasks.")
    var removeAssignee = false

    @Flag(help: "Remove the tasks' stage history.")
    var removeHistory = false

    func validate() throws {
        let chosen = [!taskIds.isEmpty, !externalIds.isEmpty, fromStage != nil, fromUser != nil].filter { $0 }.count
        guard chosen == 1 else {
            throw ValidationError("choose the tasks with exactly one of --task, --external-id, --from-stage, --from-user")
        }
        guard to != .start else { throw ValidationError("tasks can be requeued to Label, Review or Complete, not Start") }
    }

    func run() throws {
        try Console.run {
            let store = try project.open()
            if to == .review, try !store.settings().hasReview {
                throw Diagnostic(.error, "this project has no Review stage")
            }
            let selection: RequeueRequest.Selection =
                !taskIds.isEmpty ? .taskIds(taskIds) : !externalIds.isEmpty ? .externalIds(externalIds)
                : fromStage.map(RequeueRequest.Selection.stage) ?? .user(fromUser ?? "")
            let n = try store.requeue(RequeueRequest(
                selection: selection, to: to, removeAnswers: removeAnswers, removeAssignee: removeAssignee,
                removeHistory: removeHistory, at: .now()))
            guard n > 0 else {
                throw Diagnostic(.error, "no task matches the selection; nothing was requeued",
                                 hint: "check the taskId, externalId, stage or user (termlabel export DIR --stage NAME lists tasks)")
            }
            Console.out("Requeued \(n) task\(n == 1 ? "" : "s") to \(to.name).")
        }
    }
}
