import LabelCore
import TerminalUI

/// The hint line: the keys that matter in the current mode, named from the keymap in force (a
/// rebound command shows its new key).
enum KeyHints {
    enum Context: Equatable, Sendable {
        case form(Stage), list, text, dropdown(multiple: Bool), tree, shortcut, instructions, search, matches
    }

    /// One item: the commands' first keys, then what they do. `allKeys` shows every key of the
    /// (one) command, "Space or Enter".
    struct Item: Sendable {
        var mode: KeyMode
        var commands: [Command]
        var label: String
        var allKeys = false
    }

    static func items(_ context: Context) -> (prefix: String, items: [Item]) {
        switch context {
        case .form(.review):
            ("", [Item(mode: .normal, commands: [.submit], label: "accept"), Item(mode: .normal, commands: [.reject], label: "reject"),
                  Item(mode: .normal, commands: [.editAnswers], label: "edit"), Item(mode: .normal, commands: [.skip], label: "skip"),
                  Item(mode: .normal, commands: [.nextTask, .previousTask], label: "next/prev"),
                  Item(mode: .normal, commands: [.help], label: "keys"), Item(mode: .normal, commands: [.quit], label: "quit")])
        case .form:
            ("", [Item(mode: .form, commands: [.choose], label: "choose"), Item(mode: .form, commands: [.nextQuestion], label: "next question"),
                  Item(mode: .normal, commands: [.submit], label: "submit"), Item(mode: .normal, commands: [.skip], label: "skip"),
                  Item(mode: .normal, commands: [.undo], label: "undo"),
                  Item(mode: .normal, commands: [.help], label: "keys"), Item(mode: .normal, commands: [.quit], label: "quit")])
        case .list:
            ("", [Item(mode: .list, commands: [.up, .down], label: "select"), Item(mode: .list, commands: [.open], label: "open"),
                  Item(mode: .normal, commands: [.filter], label: "filter"), Item(mode: .normal, commands: [.goTo], label: "go to"),
                  Item(mode: .normal, commands: [.form], label: "form"),
                  Item(mode: .normal, commands: [.help], label: "keys"), Item(mode: .normal, commands: [.quit], label: "quit")])
        case .text:
            ("Typing — ", [Item(mode: .text, commands: [.done], label: "done"), Item(mode: .text, commands: [.newLine], label: "new line"),
                           Item(mode: .text, commands: [.cancel], label: "cancel"),
                           Item(mode: .text, commands: [.doneNext], label: "done and next question")])
        case .dropdown(let multiple):
            ("Type to filter · ", [Item(mode: .dropdown, commands: [.up, .down], label: "move"),
                                   Item(mode: .dropdown, commands: [.choose], label: multiple ? "toggle" : "choose", allKeys: true),
                                   Item(mode: .dropdown, commands: [.close], label: "close")])
        case .tree:
            ("Type to filter · ", [Item(mode: .tree, commands: [.up, .down], label: "move"), Item(mode: .tree, commands: [.expand], label: "open"),
                                   Item(mode: .tree, commands: [.collapse], label: "close"),
                                   Item(mode: .tree, commands: [.choose], label: "choose", allKeys: true),
                                   Item(mode: .tree, commands: [.close], label: "close")])
        case .shortcut:
            ("Press a question's shortcut key", [])
        case .instructions:
            ("Instructions — ", [Item(mode: .instructions, commands: [.down, .up], label: "scroll"),
                                 Item(mode: .instructions, commands: [.pageDown, .pageUp], label: "page"),
                                 Item(mode: .instructions, commands: [.close], label: "close")])
        case .search:
            ("Search (capitals match case) — ", [Item(mode: .search, commands: [.confirm], label: "keep"),
                                                  Item(mode: .search, commands: [.nextMatch, .previousMatch], label: "next/previous"),
                                                  Item(mode: .search, commands: [.cancel], label: "leave")])
        case .matches:
            ("", [Item(mode: .matches, commands: [.nextMatch, .previousMatch], label: "next/previous match"),
                  Item(mode: .matches, commands: [.find], label: "new query"), Item(mode: .matches, commands: [.pageDown], label: "scroll"),
                  Item(mode: .matches, commands: [.cancel], label: "leave the search")])
        }
    }

    static let arrows: Set<String> = ["↑", "↓", "←", "→"]

    static func line(_ context: Context, keymap: Keymap) -> String {
        let (prefix, items) = items(context)
        let parts = items.compactMap { item -> String? in
            let keys: String
            if item.allKeys {
                keys = keymap.keys(item.commands[0], in: item.mode).map(KeyName.display).joined(separator: " or ")
            } else {
                let firsts = item.commands.compactMap { keymap.keys($0, in: item.mode).first.map(KeyName.display) }
                guard firsts.count == item.commands.count else { return nil }
                keys = firsts.allSatisfy(arrows.contains) ? firsts.joined() : firsts.joined(separator: "/")
            }
            return keys.isEmpty ? nil : "\(keys) \(item.label)"
        }
        return prefix + parts.joined(separator: " · ")
    }
}
