import ArgumentParser
import DemoProject
import Foundation
import LabelCore

struct LabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract: "Label tasks: the queue, the asset and the form, in the terminal.",
        discussion: """
            Opens the project's Label stage for you: the oldest free task (higher priority first) is \
            assigned to you and stays yours. Every change to the form is saved as a draft at once; \
            quitting keeps the draft and its time. Press ? for every key.

            Without a directory, opens the demo project: a writable copy of the bundled demo, made \
            on first use in $XDG_DATA_HOME/termlabel/demo (or ~/.local/share/termlabel/demo).
            """)

    @Argument(help: "The project directory (default: the demo project).", completion: .directory)
    var directory: String?

    @OptionGroup var user: UserOption
    @OptionGroup var screen: ScreenOptions

    @Flag(name: .long, inversion: .prefixedNo, help: ArgumentHelp(
        "Submit as soon as a form whose only required question is single-choice is answered: a binary task takes one key; u on the next task takes the submit back (default: the project's setting, `termlabel config DIR --auto-advance on|off`)."))
    var autoAdvance: Bool?

    func run() throws {
        try Console.run {
            let dir = try directory ?? Demo.prepare()
            let store = try ProjectLocation.open(dir)
            let keymap = try Keymap.load(projectDirectory: dir, preset: screen.keys)
            try LabelApp.finish(LabelApp.run(store: store, projectDirectory: dir, stage: .label, user: user.resolved, mouse: screen.mouse,
                                             keymap: keymap, autoAdvance: autoAdvance, image: screen.image))
        }
    }
}

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review tasks labeled by someone else: accept, reject with a comment, or fix.",
        discussion: """
            Serves tasks in the Review stage that you did not label. The labeler's answers are shown \
            read-only; press m to edit them (the review is then Fixed). s accepts; r rejects with a \
            comment (the task goes back to its labeler, who sees the comment). Press ? for every key.
            """)

    @OptionGroup var project: ProjectOption
    @OptionGroup var user: UserOption
    @OptionGroup var screen: ScreenOptions

    func run() throws {
        try Console.run {
            let store = try project.open()
            guard try store.settings().hasReview else {
                throw Diagnostic(.error, "\(project.directory) has no Review stage", hint: "make projects with a review stage with `termlabel init DIR --review …`")
            }
            let keymap = try Keymap.load(projectDirectory: project.directory, preset: screen.keys)
            try LabelApp.finish(LabelApp.run(store: store, projectDirectory: project.directory, stage: .review, user: user.resolved, mouse: screen.mouse, keymap: keymap,
                                             image: screen.image))
        }
    }
}

/// The demo project: copied from the bundle to a writable place on first use.
enum Demo {
    static func prepare() throws -> String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        let dir = ((base as NSString).appendingPathComponent("termlabel") as NSString).appendingPathComponent("demo")
        if FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(SQLiteProjectStore.fileName)) { return dir }
        guard let ontologyURL = DemoProject.ontology, let tasksURL = DemoProject.tasks,
              let ontologyData = FileManager.default.contents(atPath: ontologyURL.path) else {
            throw Diagnostic(.error, "the demo project is missing from this build", hint: "run termlabel from its build folder, or give a project directory")
        }
        let schema = try OntologyReader.read(Array(ontologyData), file: ontologyURL.path)
        let assets = try AssetReader.read(path: tasksURL.path)
        let settings = ProjectSettings(
            name: "demo", ontologyJSON: String(decoding: ontologyData, as: UTF8.self), hasReview: false,
            idleTimeoutMilliseconds: 300_000, createdAt: .now())
        _ = schema
        _ = try SQLiteProjectStore.create(directory: dir, settings: settings) { store in
            _ = try store.add(assets.tasks, at: .now())
        }
        return dir
    }
}
