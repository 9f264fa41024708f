import ArgumentParser
import Foundation

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
            ExportCommand.self, StatsCommand.self, WhoCommand.self, IssuesCommand.self, RequeueCommand.self, ConfigCommand.self, KeysCommand.self,
            BenchmarkCommand.self, MigrateCommand.self, StoreBenchmarkCommand.self,
        ],
        defaultSubcommand: LabelCommand.self
    )

    /// As swift-argument-parser's own `main()`, with two differences: a first word that is neither
    /// a command nor a directory is an unknown command (not a project for `label`, nor an
    /// "unexpected argument"), and every message goes through the console's sanitiser, since it
    /// may echo what was typed.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let unknown = CommandNames.unknownCommand(in: arguments) {
            Console.error(CommandNames.message(forUnknown: unknown))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { Console.out(message) } else { Console.error(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// The commands a user may type, for telling a typo from a project directory.
enum CommandNames {
    static var visible: [String] {
        Termlabel.configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap { $0.configuration.commandName }
    }

    static var all: [String] { Termlabel.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"] }

    /// The first argument when it names no command, is no option and no existing file or
    /// directory (a bare directory is opened for labeling).
    static func unknownCommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !all.contains(first) else { return nil }
        if FileManager.default.fileExists(atPath: first) { return nil }
        // A path to a project not yet made is left to `label`, which says how to make one.
        if first.contains("/") { return nil }
        return first
    }

    static func message(forUnknown word: String) -> String {
        var text = "error: unknown command '\(word)'"
        if let near = nearest(to: word) { text += "; did you mean '\(near)'?" }
        text += "\n    the commands are: \(visible.joined(separator: ", ")) (termlabel help COMMAND for each)"
        text += "\n    a project directory given alone is opened for labeling, but there is no file or directory '\(word)' here"
        return text
    }

    /// The command closest to `word` in edit distance, when it is close enough to be a typo.
    static func nearest(to word: String) -> String? {
        let scored = visible.map { ($0, distance(Array(word.lowercased()), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, best.0.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance, with a transposition counting as one edit (`lable` → `label`).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
