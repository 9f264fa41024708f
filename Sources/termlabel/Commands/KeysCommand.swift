import ArgumentParser
import Foundation
import LabelCore

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the keymap in force: every mode's commands and their keys, as keys.toml writes them.",
        discussion: """
            The labeling screen's keys come from a built-in table, a preset, and keymap files: \
            $XDG_CONFIG_HOME/termlabel/keys.toml (else ~/.config/termlabel/keys.toml), then keys.toml \
            in the project directory, which wins. A keymap file holds an optional preset and a table \
            per mode mapping command names to key lists:

              preset = "vim"            # hjkl moves; question shortcuts after ; (;a)
              [normal]
              submit = ["enter", "s"]   # Enter is then taken from the form's choose

            A key given to a command is taken from any other command that had it in the same mode. \
            One key for two commands in one file, a digit or shortcut letter (a to k) for a command, \
            or a printable key while typing is refused, with the file, line and column. The output \
            of this command is itself a keymap file: copy a line and change its keys.
            """)

    @Argument(help: "A project directory: its keys.toml applies too.", completion: .directory)
    var directory: String?

    @Option(name: .long, help: ArgumentHelp("The keymap preset: default or vim (wins over the files).", valueName: "preset"))
    var keys: String?

    @Flag(name: .long, help: "Print the tables of docs/keys.md instead.")
    var markdown = false

    func run() throws {
        try Console.run {
            if markdown {
                Console.out(try Keymap(files: [], preset: keys).markdown())
                return
            }
            let paths = KeymapFile.paths(projectDirectory: directory)
            let keymap = try Keymap.load(projectDirectory: directory, preset: keys)
            Console.out(keymap.listing(files: paths.filter { FileManager.default.fileExists(atPath: $0) }))
        }
    }
}
