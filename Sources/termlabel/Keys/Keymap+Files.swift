import Foundation
import LabelCore
import TerminalUI

extension Keymap {
    /// The keymap for a session: the preset (`--keys`, else the last file that names one, else
    /// the default), then each file's rebindings, the project's last.
    static func load(projectDirectory: String?, preset override: String? = nil,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Keymap {
        let files = try KeymapFile.paths(projectDirectory: projectDirectory, environment: environment).compactMap(KeymapFile.read)
        return try Keymap(files: files, preset: override)
    }

    init(files: [KeymapFile], preset override: String? = nil) throws(Diagnostic) {
        let name = override ?? files.last(where: { $0.preset != nil })?.preset ?? "default"
        guard let preset = KeyTable.preset(named: name) else {
            throw Diagnostic(.error, "unknown keymap preset \"\(name)\"", hint: "presets: \(KeyTable.presets.map(\.name).joined(separator: ", "))")
        }
        self.init(preset: preset)
        for file in files { try apply(file) }
    }

    /// A file's keys replace the command's keys in that mode, and are taken from any other
    /// command that had them where both are live. Within one file, one key for two commands is
    /// refused, as is a key that answers (a digit, a shortcut letter) or types text.
    mutating func apply(_ file: KeymapFile) throws(Diagnostic) {
        var claimed: [KeyMode: [InputEvent: (Command, SourceLocation)]] = [:]
        for r in file.rebindings {
            for (key, at) in r.keys {
                let name = "\"\(KeyName.name(key))\""
                if key == .control("c"), !(r.mode == .normal && r.command == .quit) {
                    throw file.error("\(name) for \(r.command.rawValue): Ctrl-C always quits", at: at, hint: "choose another key")
                }
                if [.normal, .form, .list].contains(r.mode), KeyName.isAnswerKey(key, directShortcuts: directShortcuts) {
                    let what = KeyName.isAnswerKey(key, directShortcuts: false)
                        ? "an answer key: the digits choose options"
                        : "an answer key: the letters a–k go to the question with that shortcut"
                    throw file.error("\(name) for \(r.command.rawValue) is \(what)", at: at,
                                     hint: "choose another key, or preset = \"vim\", where shortcut letters need ; first")
                }
                if r.mode.typesText, KeyName.types(key), key != .character(" ") || r.mode.spaceIsText {
                    throw file.error("\(name) for \(r.command.rawValue) types text in [\(r.mode.rawValue)]", at: at,
                                     hint: "printable keys are text while typing; use a key like ctrl-… or a named key")
                }
                for m in [r.mode] + r.mode.liveWith {
                    if let (other, otherAt) = claimed[m]?[key], other != r.command || m != r.mode {
                        throw file.error("\(name) is bound to both \(other.rawValue) ([\(m.rawValue)], \(otherAt)) and \(r.command.rawValue) ([\(r.mode.rawValue)])",
                                         at: at, hint: "one key runs one command in a mode: remove it from one of them")
                    }
                }
                claimed[r.mode, default: [:]][key] = (r.command, at)
            }
        }
        for r in file.rebindings {
            let keys = r.keys.map(\.key)
            let taken = Set(keys)
            for i in entries.indices {
                guard case .binding(let b) = entries[i], b.mode == r.mode || r.mode.liveWith.contains(b.mode) else { continue }
                if b.mode == r.mode, b.command == r.command {
                    update(i) { $0.keys = keys }
                } else {
                    update(i) { $0.keys.removeAll(where: taken.contains) }
                }
            }
        }
        // Ctrl-C always quits: a session can never be trapped.
        if let quit = index(of: .quit, in: .normal) { update(quit) { if !$0.keys.contains(.control("c")) { $0.keys.append(.control("c")) } } }
    }

    /// Keys bound twice where both are live, or bound to what answers: none in a keymap this
    /// type builds; the tests check the built-in table and presets with it.
    func conflicts() -> [String] {
        var found: [String] = []
        let all = bindings
        for (i, a) in all.enumerated() {
            for key in a.keys {
                if [.normal, .form, .list].contains(a.mode), KeyName.isAnswerKey(key, directShortcuts: directShortcuts) {
                    found.append("\(KeyName.name(key)): \(a.command.rawValue) is an answer key")
                }
                for b in all[(i + 1)...] where b.keys.contains(key) && (b.mode == a.mode || a.mode.liveWith.contains(b.mode)) {
                    found.append("\(KeyName.name(key)): \(a.command.rawValue) [\(a.mode.rawValue)] and \(b.command.rawValue) [\(b.mode.rawValue)]")
                }
            }
        }
        return found
    }
}
