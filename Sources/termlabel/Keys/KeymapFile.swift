import Foundation
import LabelCore
import TerminalUI

/// A user's keymap file, `keys.toml`: an optional `preset = "vim"`, then a table per mode mapping
/// command names to key lists:
///
/// ```toml
/// preset = "vim"
/// [normal]
/// submit = ["enter", "s"]
/// ```
///
/// Read from `$XDG_CONFIG_HOME/termlabel/keys.toml` (else `~/.config/termlabel/keys.toml`), then
/// from `keys.toml` in the project directory, which wins.
struct KeymapFile: Equatable, Sendable {
    struct Rebinding: Equatable, Sendable {
        var mode: KeyMode
        var command: Command
        var keys: [(key: InputEvent, at: SourceLocation)]
        var at: SourceLocation

        static func == (a: Rebinding, b: Rebinding) -> Bool {
            a.mode == b.mode && a.command == b.command && a.at == b.at && a.keys.map(\.key) == b.keys.map(\.key) && a.keys.map(\.at) == b.keys.map(\.at)
        }
    }

    var path: String
    var preset: String?
    var presetAt: SourceLocation?
    var rebindings: [Rebinding] = []

    static let fileName = "keys.toml"

    func error(_ message: String, at: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, file: path, location: at, hint: hint)
    }

    init(path: String, text: String) throws(Diagnostic) {
        self.path = path
        let document: TOMLSubset
        do {
            document = try TOMLSubset(parsing: text)
        } catch {
            throw Diagnostic(.error, error.message, file: path, location: error.at, hint: "see `termlabel keys --help` for the format")
        }
        for table in document.tables {
            guard let name = table.name else {
                for pair in table.pairs {
                    guard pair.key == "preset" else {
                        throw error("\(pair.key) outside a [mode] table; only preset goes there", at: pair.keyAt,
                                    hint: "put commands under their mode: [\(KeyMode.allCases.map(\.rawValue).joined(separator: "], ["))]")
                    }
                    guard case .string(let value) = pair.value.value else {
                        throw error("preset takes a string, not \(pair.value.value.kindName)", at: pair.value.at)
                    }
                    guard KeyTable.preset(named: value) != nil else {
                        throw error("unknown preset \"\(value)\"", at: pair.value.at,
                                    hint: "presets: \(KeyTable.presets.map { "\"\($0.name)\"" }.joined(separator: ", "))")
                    }
                    preset = value
                    presetAt = pair.value.at
                }
                continue
            }
            guard let mode = KeyMode(rawValue: name) else {
                throw error("unknown mode [\(name)]", at: table.at, hint: "modes: \(KeyMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let commands = Keymap.standard.bindings.filter { $0.mode == mode }.map(\.command.rawValue)
            for pair in table.pairs {
                guard let command = Command(rawValue: pair.key), commands.contains(pair.key) else {
                    throw error("\(pair.key) is not a command of [\(name)]", at: pair.keyAt,
                                hint: "the commands of [\(name)]: \(commands.joined(separator: ", ")) (termlabel keys lists them all)")
                }
                let items: [TOMLSubset.Item]
                switch pair.value.value {
                case .string: items = [pair.value]
                case .array(let list): items = list
                default:
                    throw error("\(pair.key) takes a list of key names, not \(pair.value.value.kindName)", at: pair.value.at,
                                hint: "for example \(pair.key) = [\"enter\", \"s\"]")
                }
                var keys: [(key: InputEvent, at: SourceLocation)] = []
                for item in items {
                    guard case .string(let text) = item.value else {
                        throw error("a key name is a string, not \(item.value.kindName)", at: item.at)
                    }
                    guard let key = KeyName.parse(text) else {
                        throw error("\"\(text)\" is not a key name", at: item.at,
                                    hint: "key names: a character (s, J, ?, [), space, enter, tab, shift-tab, esc, backspace, delete, up, down, left, right, home, end, pgup, pgdn, alt-enter, ctrl-r, f1–f12")
                    }
                    if let first = keys.first(where: { $0.key == key }) {
                        throw error("\"\(text)\" is listed twice for \(pair.key) (first at \(first.at))", at: item.at)
                    }
                    keys.append((key, item.at))
                }
                rebindings.append(Rebinding(mode: mode, command: command, keys: keys, at: pair.keyAt))
            }
        }
    }

    /// Reads a file; nil when there is none.
    static func read(_ path: String) throws -> KeymapFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(.error, "cannot read the keymap file \(path)", hint: "check its permissions, or remove it")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(.error, "the keymap file \(path) is not UTF-8 text")
        }
        return try KeymapFile(path: path, text: text)
    }

    /// Where keymap files are looked for, in the order they apply (the last wins).
    static func paths(projectDirectory: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        var paths = [config + "/termlabel/" + fileName]
        if let projectDirectory { paths.append((projectDirectory as NSString).appendingPathComponent(fileName)) }
        return paths
    }
}
