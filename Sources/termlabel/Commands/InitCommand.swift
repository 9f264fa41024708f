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
            --text-column; other columns become metadata), an Ango export (answers become pre-labels, \
            stage history is kept), an Ango import file (pre-labels; "lock": true answers are read-only), \
            Scale task objects (a completed task's response is a pre-label; canceled and error tasks are \
            kept read-only) or ClearML frames (frame-level ROI labels are pre-labels).

            Without --ontology, a file that brings its own labels (Scale categories, ClearML frame-level \
            labels) gives the questions: the ontology built from them is printed, to keep and reuse.

            Nothing is written unless both files are valid, and the project appears whole or not at \
            all: it is built beside its place and moved in when complete.

            The project is private to you (directory 700, files 600): it holds every answer and \
            draft. For a team on one machine, --group NAME makes it shared with that group \
            (directory 2770, setgid, so files SQLite makes later take the group; files 660).
            """)

    @Argument(help: "The project directory to make.", completion: .directory)
    var directory: String

    @Option(help: ArgumentHelp("The ontology: Ango category schema JSON (optional for assets that bring their own labels).", valueName: "file"), completion: .file())
    var ontology: String?

    @Option(help: ArgumentHelp("The assets to label (.jsonl, .json or .csv).", valueName: "file"), completion: .file())
    var assets: String?

    @Option(help: ArgumentHelp("For CSV: the column holding the text to label.", valueName: "name"))
    var textColumn: String?

    @Option(help: ArgumentHelp("For CSV: the column holding each row's externalId.", valueName: "name"))
    var idColumn: String?

    @Flag(help: "Add a Review stage: labeled tasks go to a reviewer before Complete.")
    var review = false

    @Option(help: ArgumentHelp("Seconds without input before time counts as idle.", valueName: "seconds"))
    var idleTimeout: Double = 300

    @Option(help: ArgumentHelp("The project's name (default: the directory's name).", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("Share the project with this group (default: private to you).", valueName: "group"))
    var group: String?

    func run() throws {
        try Console.run {
            let idleMilliseconds = try OptionRange.idleTimeoutMilliseconds(idleTimeout)
            var bytes = try ontology.map(ProjectFiles.read)
            var schema = try bytes.map { b throws(DiagnosticsError) in try OntologyReader.read(b, file: ontology ?? "") }
            if let schema { Console.report(schema.warnings) }
            let file = try assets.map { path throws(DiagnosticsError) in
                try AssetReader.read(path: path, textColumn: textColumn, idColumn: idColumn, ontology: schema?.ontology)
            }
            if let file { Console.report(file.warnings) }
            if schema == nil {
                guard let built = file?.builtOntology else {
                    throw Diagnostic(.error, "--ontology is needed: \(assets == nil ? "there are no assets" : "these assets bring no labels") to build questions from",
                                     hint: "give the category schema with --ontology FILE (Ango's JSON: {\"tools\", \"classifications\", \"relations\"})")
                }
                let text = JSONWriter(pretty: true).string(built) + "\n"
                bytes = Array(text.utf8)
                schema = try OntologyReader.read(Array(text.utf8), file: "the ontology built from \(assets ?? "")")
                Console.out(BuiltOntology.text(built))
            }
            guard let bytes, let schema else { return }
            let settings = ProjectSettings(
                name: name ?? URL(fileURLWithPath: directory).lastPathComponent,
                ontologyJSON: String(decoding: bytes, as: UTF8.self), hasReview: review,
                idleTimeoutMilliseconds: idleMilliseconds, createdAt: .now())
            var added: AddResult?
            var matched = 0
            let access: ProjectAccess = group.map { .group($0) } ?? .owner
            _ = try SQLiteProjectStore.create(directory: directory, settings: settings, access: access) { store in
                guard let file else { return }
                added = try store.add(file.tasks, at: .now())
                if !file.preLabels.isEmpty { matched = try store.attach(file.preLabels) }
            }
            let questions = schema.ontology.allQuestions.count
            let shared = group.map { ", shared with the group \($0)" } ?? ", private to you"
            Console.out("Made project \(settings.name) in \(directory): \(questions) questions, \(review ? "Label → Review → Complete" : "Label → Complete"), idle after \(TimeText.seconds(settings.idleTimeoutMilliseconds))\(shared).")
            if let file, let added {
                ProjectFiles.report(added)
                ProjectFiles.report(attached: matched, of: file)
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
    var assets: String

    @Option(help: ArgumentHelp("For CSV: the column holding the text to label.", valueName: "name"))
    var textColumn: String?

    @Option(help: ArgumentHelp("For CSV: the column holding each row's externalId.", valueName: "name"))
    var idColumn: String?

    @OptionGroup var user: UserOption

    func run() throws {
        try Console.run {
            let store = try project.open()
            let file = try AssetReader.read(path: assets, textColumn: textColumn, idColumn: idColumn, ontology: store.settings().ontology())
            Console.report(file.warnings)
            try ProjectFiles.add(file, to: store, by: user.resolved)
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

    static func add(_ file: AssetFile, to store: SQLiteProjectStore, by user: String) throws {
        report(try store.add(file.tasks, at: .now()))
        if !file.preLabels.isEmpty { report(attached: try store.attach(file.preLabels, by: user), of: file) }
    }

    static func report(_ result: AddResult) {
        var line = "Added \(result.added) task\(result.added == 1 ? "" : "s")"
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

/// The ontology built from an assets file's own labels, printed so the user can keep it.
enum BuiltOntology {
    static func text(_ schema: JSONValue) -> String {
        "No --ontology: the questions come from the file. Save this as ontology.json to reuse it:\n" + JSONWriter(pretty: true).string(schema)
    }
}
