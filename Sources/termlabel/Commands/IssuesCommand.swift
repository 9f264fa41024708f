import ArgumentParser
import Foundation
import LabelCore

struct IssuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issues",
        abstract: "List the issues opened on tasks: the open ones, or all with --all; and the tasks on hold.",
        discussion: """
            On the labeling screen ! opens an issue on the question under the cursor (or on the task \
            from the task list), with an error code from the project's list (`termlabel config DIR \
            --error-codes FILE`) and a comment; R resolves the open issue of the question, with an \
            answer. A labeler cannot submit while an issue someone else opened is open; a reviewer \
            accepts only when none is open, and r sends the task back with them.

            Each issue is listed with its number, task, question, error code, who opened it, when \
            and in which stage, and its text; resolved ones (--all) with who resolved them and their \
            answer. --json writes them as the export's `issues` field does, with the task's externalId.
            """)

    @OptionGroup var project: ProjectOption

    @Flag(help: "List resolved issues too.")
    var all = false

    @Flag(help: "Write JSON: an array of issues, and the tasks on hold.")
    var json = false

    func run() throws {
        try Console.run {
            let store = try project.open()
            let settings = try store.settings()
            let issues = try store.issues(includeResolved: all)
            let holds = try store.tasksOnHold()
            if json {
                var heldTasks: [JSONValue] = []
                for hold in holds {
                    var o = hold.json(settings: settings).objectValue ?? [:]
                    o["externalId"] = .string(try store.task(id: hold.taskId)?.externalId ?? "")
                    heldTasks.append(.object(o))
                }
                let list = issues.map { issue -> JSONValue in
                    var o = issue.json(settings: settings).objectValue ?? [:]
                    o["externalId"] = .string(issue.externalId)
                    return .object(o)
                }
                return Console.json(JSONWriter(pretty: true).string(.object(["issues": .array(list), "onHold": .array(heldTasks)])))
            }
            let ontology = try settings.ontology()
            Console.out(Self.text(issues, holds: try holds.map { ($0, try store.task(id: $0.taskId)?.externalId ?? "?") },
                                  ontology: ontology, all: all))
        }
    }

    static func text(_ issues: [TaskIssue], holds: [(TaskHold, String)], ontology: Ontology, all: Bool) -> String {
        func time(_ t: Timestamp) -> String { t.iso8601.prefix(16).replacingOccurrences(of: "T", with: " ") }
        var lines: [String] = []
        let open = issues.filter(\.isOpen).count
        let tasks = Set(issues.map(\.taskId)).count
        lines.append(issues.isEmpty
            ? (all ? "No issue has been opened." : "No open issue.")
            : "\(all ? "\(issues.count) issue\(issues.count == 1 ? "" : "s"), \(open) open" : "\(open) open issue\(open == 1 ? "" : "s")"), on \(tasks) task\(tasks == 1 ? "" : "s"):")
        for issue in issues {
            let question = issue.schemaId.map { id in ontology.question(id).map { "“\($0.title)”" } ?? id } ?? "the whole task"
            var head = "#\(issue.id)  \(issue.externalId)  \(question)"
            if let code = issue.errorCode { head += "  [\(code.label)]" }
            head += "  \(issue.isOpen ? "open" : "resolved")"
            lines.append(head)
            lines.append("    \(issue.createdBy), \(time(issue.createdAt)) UTC, in \(issue.stage.name): \(issue.content)")
            if let r = issue.resolution {
                lines.append("    resolved by \(r.by), \(time(r.at)) UTC\(r.comment.isEmpty ? "" : ": \(r.comment)")")
            }
        }
        if !holds.isEmpty {
            lines.append("")
            lines.append("\(holds.count) task\(holds.count == 1 ? "" : "s") on hold (`termlabel requeue DIR --external-id ID --to STAGE` forwards one):")
            for (hold, externalId) in holds {
                lines.append("\(externalId)  held by \(hold.by), \(time(hold.at)) UTC: \(hold.reason)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
