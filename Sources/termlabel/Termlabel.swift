import ArgumentParser

@main
struct Termlabel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "termlabel",
        abstract: "Label text and classification data in the terminal, and write Ango Hub task JSON.",
        discussion: """
            termlabel keeps a project in a directory: the ontology (Ango's category schema), the tasks, \
            drafts, submissions, stage history and the time spent. Annotators open it in a terminal or \
            over ssh; several may work in one project at once.

            With no command, termlabel opens its demo project, ready to label.

            EXAMPLES
              termlabel init reviews --ontology ontology.json --assets reviews.jsonl
              termlabel label reviews
              termlabel review reviews
              termlabel stats reviews
              termlabel export reviews -o export.json
              termlabel validate ontology.json
            """,
        version: "0.1.0",
        subcommands: [
            LabelCommand.self, ReviewCommand.self, InitCommand.self, AddCommand.self, ValidateCommand.self,
            ExportCommand.self, StatsCommand.self, WhoCommand.self, RequeueCommand.self, ConfigCommand.self, BenchmarkCommand.self,
        ],
        defaultSubcommand: LabelCommand.self
    )
}
