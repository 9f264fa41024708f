import ArgumentParser
import Foundation
import LabelCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the project as Ango's export: a JSON array of assets, each with its task.",
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
            """)

    @OptionGroup var project: ProjectOption

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (default: standard output).", valueName: "file"))
    var output: String?

    @Flag(help: "Write NDJSON: one asset (Scale task, ClearML frame) per line, no enclosing array.")
    var ndjson = false

    @Option(help: ArgumentHelp(
        "ango (Ango export, the default), scale (Scale task objects) or clearml (ClearML frames).", valueName: "format"))
    var format: ExportFormat = .ango

    @Option(help: ArgumentHelp(
        "Export the tasks now in this stage (Label, Review, Complete); default Complete for ango, every stage for scale and clearml.",
        valueName: "stage"))
    var stage: Stage?

    @Flag(help: "Add idleDuration (ms) to each task and stage history entry (idle_duration_ms for scale and clearml).")
    var includeIdle = false

    @Flag(help: "Leave out stageHistory.")
    var noHistory = false

    func run() throws {
        try Console.run {
            let store = try project.open()
            if noHistory, format != .ango {
                throw Diagnostic(.error, "--no-history applies to the Ango export only; \(format.rawValue) records carry no stage history")
            }
            let workflow = try store.settings().workflow
            if let stage, !workflow.stages.contains(stage) {
                throw Diagnostic(.error, "this project has no \(stage.name) stage; its stages are \(workflow.stages.map(\.name).joined(separator: " → "))",
                                 hint: "export one of those stages with --stage; nothing was written")
            }
            if let output { InterruptCleanup.remove(PartialFile.path(for: output)) }
            let count: Int
            let records = RecordExportOptions(stage: stage, jsonLines: ndjson, includeIdle: includeIdle)
            switch format {
            case .ango:
                let options = AngoExport.Options(stage: stage ?? .complete, ndjson: ndjson, includeIdle: includeIdle, includeHistory: !noHistory)
                count = try AngoExport.export(store, options: options, to: output)
            case .scale: count = try ScaleExport.export(store, options: records, to: output)
            case .clearml: count = try ClearMLExport.export(store, options: records, to: output)
            }
            let from = format == .ango ? (stage ?? .complete).name : stage?.name
            if let output {
                Console.error("Exported \(count) task\(count == 1 ? "" : "s") \(from.map { "from the \($0) stage" } ?? "from every stage") to \(output).")
            }
        }
    }
}

/// The formats `export` writes.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case ango
    case scale
    case clearml
}
