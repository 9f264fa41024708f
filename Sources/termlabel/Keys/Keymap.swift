import LabelCore
import TerminalUI

/// The keymap in force: the built-in table with a preset and the user's keymap files applied.
/// Key handling dispatches through `command(for:in:stage:)`; the `?` overlay, the hint line,
/// `termlabel keys` and docs/keys.md are drawn from `entries`.
struct Keymap: Sendable {
    private(set) var presetName: String
    /// Whether a bare letter a–k goes to the question with that shortcut (else `;` then the letter).
    private(set) var directShortcuts: Bool
    private(set) var entries: [KeyTable.Entry]
    private var lookup: [KeyMode: [InputEvent: Int]] = [:]
    private var byCommand: [KeyMode: [Command: Int]] = [:]

    /// The built-in keys.
    static let standard = Keymap(preset: KeyTable.presets[0])

    init(preset: KeyTable.Preset) {
        presetName = preset.name
        directShortcuts = preset.directShortcuts
        entries = KeyTable.entries
        reindex()
        for (mode, command, keys) in preset.adds {
            guard let i = index(of: command, in: mode) else { continue }
            update(i) { $0.keys += keys }
        }
    }

    var bindings: [KeyBinding] {
        entries.compactMap { if case .binding(let b) = $0 { b } else { nil } }
    }

    func index(of command: Command, in mode: KeyMode) -> Int? { byCommand[mode]?[command] }

    func binding(_ command: Command, in mode: KeyMode) -> KeyBinding? {
        index(of: command, in: mode).flatMap { if case .binding(let b) = entries[$0] { b } else { nil } }
    }

    mutating func update(_ index: Int, _ change: (inout KeyBinding) -> Void) {
        guard case .binding(var b) = entries[index] else { return }
        change(&b)
        entries[index] = .binding(b)
        reindex()
    }

    private mutating func reindex() {
        lookup = [:]
        byCommand = [:]
        for (i, entry) in entries.enumerated() {
            guard case .binding(let b) = entry else { continue }
            byCommand[b.mode, default: [:]][b.command] = i
            for key in b.keys where lookup[b.mode]?[key] == nil { lookup[b.mode, default: [:]][key] = i }
        }
    }

    /// The command a key runs in a mode (a pane's mode also has the normal mode's keys; the
    /// editing keys go with text answers and prompts), or nil: then the key is an answer key or
    /// text, or does nothing.
    func command(for key: InputEvent, in mode: KeyMode, stage: Stage) -> Command? {
        for m in mode.layers {
            guard let i = lookup[m]?[key], case .binding(let b) = entries[i], b.applies(in: stage) else { continue }
            return b.command
        }
        return nil
    }

    /// The keys of a command in a mode, in the order written (the first is the one hints show).
    func keys(_ command: Command, in mode: KeyMode) -> [InputEvent] {
        binding(command, in: mode)?.keys ?? []
    }

    /// A command's key as the screen names it: `prefer` if bound, else the first (with `all`,
    /// every key: "Space or Enter"); "?" when the command has no key.
    func shown(_ command: Command, in mode: KeyMode, prefer: InputEvent? = nil, all: Bool = false) -> String {
        let keys = keys(command, in: mode)
        if all, !keys.isEmpty { return keys.map(KeyName.display).joined(separator: " or ") }
        let key = prefer.flatMap { keys.contains($0) ? $0 : nil } ?? keys.first
        return key.map(KeyName.display) ?? "?"
    }

    /// How the screen names a question's shortcut key: bare when pressing it goes there, else
    /// after `;` (digits always: they choose options).
    func shortcutBadge(_ key: ShortcutKey) -> String {
        let prefix = keys(.shortcut, in: .normal).first.map(KeyName.display) ?? ";"
        if case .letter = key, directShortcuts { return "\(key)" }
        return "\(prefix)\(key)"
    }

    // MARK: The `?` overlay

    /// The overlay's pages: the keys of the screen, then the keys while typing (a text answer,
    /// a prompt, an open list).
    static let overlayPages = 2

    /// An overlay page's lines: bindings with their keys, and notes for the keys that answer.
    func overlay(stage: Stage, page: Int = 0) -> [HelpEntry] {
        var lines: [HelpEntry] = []
        // A binding shown with the one before it is shown only if that one is; a key already on
        // the line (a dropdown's and a tree's) is not repeated.
        var previousShown = false
        for entry in entries {
            switch entry {
            case .note(let note):
                guard note.mode.overlayPage == page, let text = note.overlay, !note.directShortcutsOnly || directShortcuts else { continue }
                lines.append(HelpEntry(note.keys, text))
            case .binding(let b) where b.mode.overlayPage == page:
                let keys = b.keys.map(KeyName.display).joined(separator: " ") + (b.argument.map { " \($0)" } ?? "")
                let shown = b.applies(in: stage) && !b.keys.isEmpty
                switch b.overlay {
                case .own(let text, let review):
                    previousShown = shown
                    if shown { lines.append(HelpEntry(keys, stage == .review ? review ?? text : text)) }
                case .withPrevious:
                    guard shown else { continue }
                    guard previousShown else {
                        lines.append(HelpEntry(keys, b.help))
                        continue
                    }
                    var line = lines[lines.count - 1].key.split(separator: " ").map(String.init)
                    for key in keys.split(separator: " ").map(String.init) where !line.contains(key) { line.append(key) }
                    lines[lines.count - 1].key = line.joined(separator: " ")
                case .hidden: continue
                }
            case .binding: continue
            }
        }
        return lines
    }
}
