import LabelCore
import TerminalUI

extension Keymap {
    /// The keymap as a keymap file would write it (`termlabel keys`): every mode's table with
    /// every command, its keys and what it does. Copying a line into keys.toml and editing it
    /// rebinds that command.
    func listing(files: [String]) -> String {
        var out = ["# The keymap in force. Files read (the last wins): \(files.isEmpty ? "none" : files.joined(separator: ", "))",
                   "preset = \"\(presetName)\""]
        for mode in KeyMode.allCases {
            out.append("")
            out.append("[\(mode.rawValue)]  # \(mode.title)")
            let rows = bindings.filter { $0.mode == mode }.map { b in
                (b.command.rawValue + " = [" + b.keys.map { "\"\(KeyName.name($0).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: ", ") + "]",
                 b.help + (b.stage.map { " (\($0.name) only)" } ?? ""))
            }
            let width = rows.map { $0.0.count }.max() ?? 0
            for (line, help) in rows { out.append(line.padding(toLength: width, withPad: " ", startingAt: 0) + "  # " + help) }
            for note in notes(in: mode) { out.append("# \(note.keys): \(note.help)") }
        }
        return out.joined(separator: "\n")
    }

    private func notes(in mode: KeyMode) -> [KeyNote] {
        entries.compactMap { entry in
            guard case .note(let note) = entry, note.mode == mode, !note.directShortcutsOnly || directShortcuts else { return nil }
            return note
        }
    }

    /// The keymap's tables for docs/keys.md (a test checks the docs say exactly this).
    func markdown() -> String {
        var out: [String] = []
        for mode in KeyMode.allCases {
            if !out.isEmpty { out.append("") }
            out.append("### `[\(mode.rawValue)]` \(mode.title)")
            out.append("")
            out.append("| keys | command | does |")
            out.append("| --- | --- | --- |")
            for b in bindings where b.mode == mode {
                let keys = b.keys.map { "`\(KeyName.display($0).replacingOccurrences(of: "|", with: "\\|"))`" }.joined(separator: " ")
                let stage = b.stage.map { " (\($0.name) only)" } ?? ""
                out.append("| \(keys)\(b.argument.map { " then \($0)" } ?? "") | `\(b.command.rawValue)` | \(b.help)\(stage) |")
            }
            for note in notes(in: mode) {
                out.append("| \(note.keys.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")) | | \(note.help) |")
            }
        }
        return out.joined(separator: "\n")
    }
}
