import ArgumentParser
import Foundation
import LabelCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a project directory from an ontology and an assets file.",
        discussion: """
            The ontology is Ango's category schema as Ango Hub downloads it ({"tools", "classifications", \
            "relations"}), or a get-project response that holds one. Assets come from JSON Lines or a JSON \
            array of {"externalId", "data", "metadata"} records, CSV (name the text column with \
            --text-column; other columns become metadata), an Ango export (each task keeps the stage it \
            was exported from and its history), a legacy Ango export, an Ango API task response, an Ango \
            import file (pre-labels; "lock": true answers are read-only), Scale task objects (a completed \
            task's response is a pre-label; canceled and error tasks are kept read-only), ClearML frames \
            (frame-level ROI labels are pre-labels), or the text classification exports of Label Studio, \
            Prodigy and doccano. The format is recognised by the file's shape; --format names it instead.

            Other tools' labels become pre-labels: matched to the options of the ontology's questions, or, \
            without --ontology, to a radio or checkbox question built from the labels seen (Scale \
            categories, ClearML frame-level labels, Label Studio choices and the like), which is printed so it can \
            be saved and edited.

            Nothing is written unless both files are valid, and the project appears whole or not at \
            all: it is built beside its place and moved in when complete.

            The project is private to you (directory 700, files 600): it holds every answer and \
            draft. For a team on one machine, --group NAME makes it shared with that group \
            (directory 2770, setgid, so files SQLite makes later take the group; files 660).
            """)

    @Argument(help: "The project directory to make.", completion: .directory)
    var directory: String

    @Option(help: ArgumentHelp(
        "The ontology: Ango category schema JSON. May be left out when the assets carry labels to build one from.",
        valueName: "file"), completion: .file())
    var ontology: String?

    @Option(help: ArgumentHelp("The assets to label (.jsonl, .json or .csv).", valueName: "file"), completion: .file())
    var assets: String?

    @OptionGroup var reading: AssetReadingOptions

    @Flag(help: "Add a Review stage: labeled tasks go to a reviewer before Complete.")
    var review = false

    @Option(help: ArgumentHelp("Seconds without input before time counts as idle.", valueName: "seconds"))
    var idleTimeout: Double = 300

    @OptionGroup var consensus: ConsensusOptions

    @Option(help: ArgumentHelp("The project's name (default: the directory's name).", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("Share the project with this group (default: private to you).", valueName: "group"))
    var group: String?

    @Option(help: ArgumentHelp(
        "Instructions for annotators, in Markdown: shown when each first opens the project, and on I.", valueName: "file"),
        completion: .file())
    var instructions: String?

    @Option(help: ArgumentHelp(
        "The error codes an issue may report: a JSON array of {\"category\", \"name\", \"key\"}, as Ango's error_codes.",
        valueName: "file"), completion: .file())
    var errorCodes: String?

    @OptionGroup var user: UserOption

    @Flag(help: "No progress line on standard error while a large file is read.")
    var quiet = false

    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp(
        "Percent of each annotator's tasks that are gold tasks (added with `add --benchmark`), 0 to 100; default 0.",
        valueName: "percent"))
    var benchmarkRate: Int?

    func run() throws {
        try Console.run {
            let idleMilliseconds = try OptionRange.idleTimeoutMilliseconds(idleTimeout)
            var ontologyText: String?
            var given: Ontology?
            if let ontology {
                let bytes = try ProjectFiles.read(ontology)
                let schema = try OntologyReader.read(bytes, file: ontology)
                Console.report(schema.warnings)
                ontologyText = String(decoding: bytes, as: UTF8.self)
                given = schema.ontology
            }
            let options = reading.options(ontology: given)
            // JSON Lines of records or of an Ango export's assets are read while they are written.
            let streamed = assets.map { AssetStream.streams(path: $0, options: options) } ?? false
            var file = try assets.map { path throws(DiagnosticsError) in
                streamed ? nil : try FormatRegistry.read(path: path, options: options)
            } ?? nil
            if let file { Console.report(file.warnings) }
            if ontologyText == nil, let built = file?.builtOntology { ontologyText = JSONWriter(pretty: true).string(built) + "\n" }
            guard let ontologyText else {
                throw Diagnostic(.error, "init needs --ontology FILE", hint: assets == nil
                    ? "the ontology is Ango's category schema JSON"
                    : "the assets carry no labels to build one from; give the ontology with --ontology FILE")
            }
            let instructionsText = try instructions.map(InstructionsFile.read)
            var settings = ProjectSettings(
                name: name ?? URL(fileURLWithPath: directory).lastPathComponent,
                ontologyJSON: ontologyText, hasReview: review,
                idleTimeoutMilliseconds: idleMilliseconds, createdAt: .now())
            settings.instructions = instructionsText
            settings.errorCodes = try errorCodes.map(ErrorCodesFile.read) ?? []
            try consensus.apply(to: &settings)
            if let benchmarkRate { settings.benchmarkRate = try OptionRange.benchmarkRate(benchmarkRate) }
            let questions = try settings.ontology().allQuestions.count
            var outcome: ProjectFiles.AddOutcome?
            let access: ProjectAccess = group.map { .group($0) } ?? .owner
            let by = user.resolved
            let place = try ProjectCreation.create(directory: directory, settings: settings, access: access, database: database) { store in
                if streamed, let assets, let streaming = store as? any StreamingTaskAdding {
                    let read = try ProjectFiles.add(streaming: assets, options: options, to: streaming, by: by, toStage: reading.toStage, quiet: quiet)
                    file = read.file
                    outcome = read.outcome
                    Console.report(read.file.warnings)
                }
                guard let file, !streamed else { return }
                outcome = try ProjectFiles.add(file, to: store, by: by, toStage: reading.toStage)
            }
            let shared = group.map { ", shared with the group \($0)" } ?? (place == directory ? ", private to you" : "")
            Console.out("Made project \(settings.name) in \(place): \(questions) questions, \(review ? "Label → Review → Complete" : "Label → Complete"), idle after \(TimeText.seconds(settings.idleTimeoutMilliseconds))\(shared).")
            if settings.consensus > 1 { Console.out("Consensus: \(ConsensusOptions.summary(settings)).") }
            if let file, let outcome {
                if ontology == nil, file.builtOntology != nil {
                    Console.out("No --ontology given: the project asks questions built from the labels seen. Saved as a file, this ontology can be edited and given with --ontology:")
                    Console.out(ontologyText)
                }
                ProjectFiles.report(outcome, of: file)
            }
            Console.out("Next: termlabel label \(directory)")
        }
    }
}

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add tasks (or pre-labels for tasks already there) from an assets file.",
        discussion: """
            A record that is not added is named with the reason: its externalId is already in the \
            project or earlier in the file, or its taskId (from an Ango export) is another task's. \
            Pre-labels that replace a task's earlier ones are recorded in the project, with who added them.
            """)

    @OptionGroup var project: ProjectOption

    @Option(help: ArgumentHelp("The assets to add (.jsonl, .json or .csv).", valueName: "file"), completion: .file())
    var assets: String?

    @Option(help: ArgumentHelp(
        "Gold tasks with their known answers: an Ango export, or JSON Lines / a JSON array of {\"externalId\", \"data\", \"classifications\"}.",
        valueName: "file"), completion: .file())
    var benchmark: String?

    @OptionGroup var reading: AssetReadingOptions

    @OptionGroup var user: UserOption

    @Flag(help: "No progress line on standard error while a large file is read.")
    var quiet = false

    func validate() throws {
        if assets == nil && benchmark == nil { throw ValidationError("add needs --assets FILE, --benchmark FILE, or both") }
    }

    func run() throws {
        try Console.run {
            let store = try project.open()
            let ontology = try store.settings().ontology()
            if let benchmark {
                let gold = try BenchmarkFile.read(path: benchmark, ontology: ontology)
                let result = try store.addBenchmarks(gold, at: .now())
                ProjectFiles.report(result, noun: "gold task")
                let rate = try store.settings().benchmarkRate
                if rate == 0 {
                    Console.error("warning: the project serves no gold tasks yet: set a rate with `termlabel config \(project.directory) --benchmark-rate PERCENT`")
                }
            }
            guard let assets else { return }
            let options = reading.options(ontology: ontology)
            if let streaming = store as? any StreamingTaskAdding, AssetStream.streams(path: assets, options: options) {
                let read = try ProjectFiles.add(streaming: assets, options: options, to: streaming, by: user.resolved, toStage: reading.toStage, quiet: quiet)
                Console.report(read.file.warnings)
                ProjectFiles.report(read.outcome, of: read.file)
                return
            }
            let file = try FormatRegistry.read(path: assets, options: options)
            Console.report(file.warnings)
            ProjectFiles.report(try ProjectFiles.add(file, to: store, by: user.resolved, toStage: reading.toStage), of: file)
        }
    }
}

enum ProjectFiles {
    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(.error, FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file", file: path)
        }
        return Array(data)
    }

    /// What adding a file did: written while the project is built, reported after.
    struct AddOutcome {
        var result: AddResult
        /// How many tasks went to each stage.
        var stages: [Stage: Int]
        /// Tasks exported from a Review stage, put in Label because the project has none.
        var moved: Int
        /// Pre-labels attached to tasks of the project.
        var matched: Int
    }

    static func add(_ file: AssetFile, to store: any ProjectStore, by user: String, toStage: Stage? = nil) throws -> AddOutcome {
        var tasks = file.tasks
        let moved = StagePlacement.place(&tasks, workflow: try store.settings().workflow, toStage: toStage)
        let result = try store.add(tasks, at: .now())
        let matched = file.preLabels.isEmpty ? 0 : try store.attach(file.preLabels, by: user)
        return AddOutcome(result: result, stages: Dictionary(grouping: tasks, by: \.stage).mapValues(\.count), moved: moved, matched: matched)
    }

    /// Reads a JSON Lines file while it is added, in one transaction: a file with an error adds
    /// nothing. A progress line shows on standard error while it is read.
    static func add(
        streaming path: String, options: ReadOptions, to store: any StreamingTaskAdding, by user: String, toStage: Stage?, quiet: Bool
    ) throws -> (file: AssetFile, outcome: AddOutcome) {
        let workflow = try store.settings().workflow
        var moved = 0
        var stages: [Stage: Int] = [:]
        var progress = ProgressLine(noun: "tasks read", quiet: quiet)
        defer { progress.finish() }
        var file: AssetFile?
        let result = try store.add(streaming: { add in
            file = try AssetStream.read(path: path, options: options, progress: { p in
                progress.update(count: p.records, done: p.bytesRead, total: p.totalBytes)
            }) { batch in
                var batch = batch
                moved += StagePlacement.place(&batch, workflow: workflow, toStage: toStage)
                for task in batch { stages[task.stage, default: 0] += 1 }
                try add(batch)
            }
        }, at: .now())
        guard var file else { throw Diagnostic(.error, "the file was not read", file: path) }
        // Repeats within the file, found by the project as it skipped them.
        file.warnings += AssetRepeats.warnings(skipped: result.skipped, file: path)
        let matched = file.preLabels.isEmpty ? 0 : try store.attach(file.preLabels, by: user)
        return (file, AddOutcome(result: result, stages: stages, moved: moved, matched: matched))
    }

    static func report(_ outcome: AddOutcome, of file: AssetFile) {
        for note in file.notes { Console.out(note) }
        if outcome.moved > 0 {
            let moved = outcome.moved
            Console.error("warning: \(moved) task\(moved == 1 ? " was" : "s were") exported from a Review stage; this project has none, so \(moved == 1 ? "it goes" : "they go") to Label")
        }
        report(outcome.result)
        let stages = outcome.stages.filter { $0.key != .label && $0.value > 0 }
        if !stages.isEmpty {
            let list = stages.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) in \($0.key.name)" }.joined(separator: ", ")
            Console.out("Imported tasks kept the stage they were exported from: \(list); --to-stage Label sends them back for labeling.")
        }
        report(attached: outcome.matched, of: file)
    }

    static func report(_ result: AddResult, noun: String = "task") {
        var line = "Added \(result.added) \(noun)\(result.added == 1 ? "" : "s")"
        if !result.skipped.isEmpty {
            line += "; skipped \(result.skipped.count) record\(result.skipped.count == 1 ? "" : "s"):"
            for skipped in result.skipped.prefix(DiagnosticLimit.perSeverity) { line += "\n  " + Self.describe(skipped) }
            if result.skipped.count > DiagnosticLimit.perSeverity {
                line += "\n  … and \(result.skipped.count - DiagnosticLimit.perSeverity) more"
            }
            Console.out(line)
        } else {
            Console.out(line + ".")
        }
    }

    static func report(attached matched: Int, of file: AssetFile) {
        if !file.preLabels.isEmpty {
            Console.out("Attached pre-labels to \(matched) of \(file.preLabels.count) tasks named in the file.")
            if matched < file.preLabels.count {
                Console.error("warning: \(file.preLabels.count - matched) pre-label records name no unstarted task of this project")
            }
        }
    }
}

extension ProjectFiles {
    /// A record not added, and the real reason.
    static func describe(_ s: SkippedTask) -> String {
        let id = Excerpt.of(s.externalId)
        switch s.reason {
        case .externalIdInProject: return "\(id): a task with this externalId is already in the project"
        case .externalIdRepeated: return "\(id): an earlier record of the file has this externalId"
        case .taskIdInProject(let taskId, let holder):
            return "\(id): its taskId \(Excerpt.of(taskId)) is already the project's task \(Excerpt.of(holder))"
        case .taskIdRepeated(let taskId, let holder):
            return "\(id): its taskId \(Excerpt.of(taskId)) was taken by \(Excerpt.of(holder)), earlier in the file"
        }
    }
}

enum TimeText {
    static func seconds(_ ms: Int64) -> String {
        ms % 1000 == 0 ? "\(ms / 1000) s" : String(format: "%.1f s", Double(ms) / 1000)
    }
}

/// How an assets file is read: its format (else detected), the text and id columns, and the
/// stage its tasks go to.
struct AssetReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Read the assets as this format instead of recognising it: \(FormatRegistry.names.joined(separator: ", ")).",
        valueName: "name"))
    var format: String?

    @Option(help: ArgumentHelp(
        "The column (CSV) or the field of \"data\" (Label Studio) holding the text to label.", valueName: "name"))
    var textColumn: String?

    @Option(help: ArgumentHelp("For CSV: the column holding each row's externalId.", valueName: "name"))
    var idColumn: String?

    @Option(help: ArgumentHelp(
        "Put every imported task in this stage (Label sends an Ango export's tasks back for labeling); by default each keeps the stage it was exported from.",
        valueName: "stage"))
    var toStage: Stage?

    func options(ontology: Ontology?) -> ReadOptions {
        ReadOptions(format: format, textColumn: textColumn, idColumn: idColumn, ontology: ontology)
    }
}
