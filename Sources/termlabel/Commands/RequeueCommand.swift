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

            --to Hold puts tasks in Label or Review on hold, with --reason: they stay with their \
            holder, who may edit and save them, but the queue never serves them and nobody can \
            submit them. A manager forwards a held task with --to and the stage it is in (its draft, \
            holder and status come back); a requeue to any other stage ends the hold as it moves it.

            A requeue that would remove submitted answers (--remove-answers) or stage history \
            (--remove-history) says what it would remove and whose work it is, and asks before going \
            on (on a terminal), or needs --force. Every requeue is recorded in the project with who \
            ran it and everything it removed (drafts, answers, assignee, history), so it can be undone \
            by hand.

            EXAMPLES
              termlabel requeue reviews --external-id review-0007 --to Label --remove-answers
              termlabel requeue reviews --from-user alice@box --to Label --remove-assignee
              termlabel requeue reviews --external-id review-0007 --to Hold --reason "ask the client"
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

    @Option(help: ArgumentHelp("The stage to move them to (Label, Review, Complete), or Hold.", valueName: "stage"))
    var to: Target = .stage(.label)

    @Option(help: ArgumentHelp("Why the tasks go on hold (with --to Hold).", valueName: "text"))
    var reason: String?

    /// Where the tasks go: a stage, or on hold.
    enum Target: Equatable, ExpressibleByArgument {
        case stage(Stage)
        case hold

        init?(argument: String) {
            if argument.lowercased() == "hold" { self = .hold } else if let stage = Stage(named: argument) { self = .stage(stage) } else { return nil }
        }

        static var allValueStrings: [String] { Stage.allValueStrings + ["Hold"] }
    }

    @Flag(help: "Remove the tasks' answers (classifications, tools and relations).")
    var removeAnswers = false

    @Flag(help: "Remove the assignee, so anyone may take the tasks.")
    var removeAssignee = false

    @Flag(help: "Remove the tasks' stage history.")
    var removeHistory = false

    @Flag(help: "Remove submitted answers or history without asking.")
    var force = false

    @OptionGroup var user: UserOption

    func validate() throws {
        let chosen = [!taskIds.isEmpty, !externalIds.isEmpty, fromStage != nil, fromUser != nil].filter { $0 }.count
        guard chosen == 1 else {
            throw ValidationError("choose the tasks with exactly one of --task, --external-id, --from-stage, --from-user")
        }
        guard to != .stage(.start) else { throw ValidationError("tasks can be requeued to Label, Review or Complete, not Start") }
        if to == .hold {
            guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--to Hold needs --reason TEXT: the holder and the manager see why")
            }
            guard !removeAnswers, !removeAssignee, !removeHistory else {
                throw ValidationError("--to Hold removes nothing: leave out --remove-answers, --remove-assignee and --remove-history")
            }
        } else if reason != nil {
            throw ValidationError("--reason goes with --to Hold")
        }
    }

    func run() throws {
        try Console.run {
            let store = try project.open()
            let selection: RequeueRequest.Selection =
                !taskIds.isEmpty ? .taskIds(taskIds) : !externalIds.isEmpty ? .externalIds(externalIds)
                : fromStage.map(RequeueRequest.Selection.stage) ?? .user(fromUser ?? "")
            guard case .stage(let to) = to else {
                let n = try store.hold(selection, reason: reason ?? "", by: user.resolved, at: .now())
                guard n > 0 else {
                    throw Diagnostic(.error, "no task of the selection can go on hold; nothing was held",
                                     hint: "only tasks in Label or Review that are not on hold already can (termlabel export DIR --stage NAME lists tasks)")
                }
                return Console.out("Put \(n) task\(n == 1 ? "" : "s") on hold.")
            }
            if to == .review, try !store.settings().hasReview {
                throw Diagnostic(.error, "this project has no Review stage")
            }
            let request = RequeueRequest(
                selection: selection, to: to, removeAnswers: removeAnswers, removeAssignee: removeAssignee,
                removeHistory: removeHistory, at: .now(), by: user.resolved)
            let impact = try store.requeueImpact(request)
            if impact.discardsWork, !force { try Self.confirm(impact) }
            let n = try store.requeue(request)
            guard n > 0 else {
                throw Diagnostic(.error, "no task matches the selection; nothing was requeued",
                                 hint: "check the taskId, externalId, stage or user (termlabel export DIR --stage NAME lists tasks)")
            }
            Console.out("Requeued \(n) task\(n == 1 ? "" : "s") to \(to.name).")
        }
    }
}

extension RequeueCommand {
    /// What would be lost, in words; on a terminal the user may go on, elsewhere `--force` is needed.
    static func confirm(_ impact: RequeueImpact) throws {
        var lines: [String] = []
        func names(_ list: [String]) -> String {
            list.prefix(5).joined(separator: ", ") + (list.count > 5 ? " and \(list.count - 5) more" : "")
        }
        if !impact.answersRemoved.isEmpty {
            lines.append("    the submitted answers of \(impact.answersRemoved.count) task\(impact.answersRemoved.count == 1 ? "" : "s") (\(names(impact.answersRemoved)))")
        }
        if !impact.historyRemoved.isEmpty {
            lines.append("    the stage history of \(impact.historyRemoved.count) task\(impact.historyRemoved.count == 1 ? "" : "s") (\(names(impact.historyRemoved)))")
        }
        if !impact.authors.isEmpty { lines.append("    work by \(names(impact.authors))") }
        let summary = "this requeue would remove:\n" + lines.joined(separator: "\n")
        guard isatty(0) == 1, isatty(2) == 1 else {
            throw Diagnostic(.error, summary + "\nnothing was requeued",
                             hint: "add --force to requeue anyway (what is removed is recorded in the project)")
        }
        Console.error(summary)
        FileHandle.standardError.write(Data("Requeue anyway? [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "y" || answer == "yes" else {
            throw Diagnostic(.error, "nothing was requeued")
        }
    }
}
