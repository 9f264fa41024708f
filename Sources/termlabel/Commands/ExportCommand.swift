import ArgumentParser
import Foundation
import LabelCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the project as Ango's export (a JSON array of assets, each with its task), CSV or JSON Lines.",
        discussion: """
            By default the tasks in the Complete stage, as in Ango. --stage exports the tasks now in \
            another stage as they stand (--stage Label: every task waiting in Label, answered or not; \
            a task with a draft is written with the draft's answers).

            The file is written to a temporary name and renamed into place when complete, so a reader \
            never sees half an export. Tasks are streamed one by one: memory does not grow with the project.

            totalDuration and each stageHistory entry's duration are active milliseconds. With \
            --include-idle the task and each entry also carry idleDuration (ms).

            --format scale writes Scale task objects and --format clearml ClearML frames, every task \
            by default (--stage narrows it): records read from those tools come back as they came, \
            with the answers, reviews and durations added (see docs/formats.md).

            --format csv writes one row per task: externalId, taskId, stage, status, asset, one column \
            per question (nested questions as Parent/Child; several answers joined by "; "), then \
            annotator, reviewer, reviewStatus, totalDuration (ms) and completedAt. --format jsonl writes \
            the same fields as one JSON object per line, answers as strings or lists, with the metadata.

            Gold tasks (`add --benchmark`) are not work and are never exported as work; --benchmarks \
            adds them after the tasks of the stage, with "isBenchmark": true and each annotator's \
            scored answer in "benchmark" (see docs/formats.md).
            """)

    @OptionGroup var project: ProjectOption

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (default: standard output).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("What to write: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: ExportFormat = .ango

    @Flag(help: "Write NDJSON: one asset (Scale task, ClearML frame) per line, no enclosing array.")
    var ndjson = false

    @Option(help: ArgumentHelp(
        "Export the tasks now in this stage (Label, Review, Complete); default Complete, every stage for scale and clearml.",
        valueName: "stage"))
    var stage: Stage?

    @Flag(help: "Add idleDuration (ms) to each task and stage history entry (idle_duration_ms for scale and clearml).")
    var includeIdle = false

    @Flag(help: "Leave out stageHistory.")
    var noHistory = false

    @Flag(help: "Ango only: add the gold tasks, marked \"isBenchmark\": true, with their known answers and each annotator's score in \"benchmark\".")
    var benchmarks = false

    @Flag(help: "No progress line on standard error while a large project is exported.")
    var quiet = false

    func run() throws {
        try Console.run {
            if noHistory && format != .ango || ndjson && !format.hasLineForm {
                throw Diagnostic(.error, "\(noHistory && format != .ango ? "--no-history" : "--ndjson") does not apply to --format \(format.rawValue)")
            }
            if benchmarks && format != .ango { throw Diagnostic(.error, "--benchmarks does not apply to --format \(format.rawValue); gold tasks are exported in Ango's format") }
            let store = try project.open()
            let workflow = try store.settings().workflow
            if let stage, !workflow.stages.contains(stage) {
                throw Diagnostic(.error, "this project has no \(stage.name) stage; its stages are \(workflow.stages.map(\.name).joined(separator: " → "))",
                                 hint: "export one of those stages with --stage; nothing was written")
            }
            if let output { InterruptCleanup.remove(PartialFile.path(for: output)) }
            var options = ExportOptions(ndjson: ndjson, includeIdle: includeIdle, includeHistory: !noHistory)
            options.benchmarks = benchmarks
            // A progress line only when the export goes to a file (standard output may be the terminal).
            let line = ProgressBox(ProgressLine(noun: "tasks written", quiet: quiet || output == nil))
            let total = try store.count(QueueFilter(stage: stage ?? format.defaultStage))
            ExportFile.progress = { line.update(count: $0, done: $0, total: total) }
            defer { ExportFile.progress = nil }
            let count = try format.export(store, stage: stage, options: options, to: output)
            line.finish()
            if let output {
                let from = (stage ?? format.defaultStage).map { "from the \($0.name) stage" } ?? "from every stage"
                Console.error("Exported \(count) task\(count == 1 ? "" : "s") \(from) to \(output).")
            }
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
