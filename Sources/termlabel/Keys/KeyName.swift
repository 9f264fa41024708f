import TerminalUI

/// Keys by name, as a keymap file writes them (`"enter"`, `"ctrl-r"`, `"J"`) and as the screen
/// shows them (`Enter`, `Ctrl-R`, `J`).
enum KeyName {
    private static let named: [(String, InputEvent)] = [
        ("enter", .enter), ("tab", .tab), ("shift-tab", .backTab), ("backspace", .backspace), ("delete", .delete),
        ("esc", .escape), ("space", .character(" ")), ("alt-enter", .altEnter), ("insert", .insert),
        ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("home", .home), ("end", .end), ("pgup", .pageUp), ("pgdn", .pageDown),
    ]
    private static let aliases: [String: String] = [
        "return": "enter", "backtab": "shift-tab", "s-tab": "shift-tab", "bksp": "backspace", "del": "delete",
        "escape": "esc", "page-up": "pgup", "pageup": "pgup", "page-down": "pgdn", "pagedown": "pgdn", "m-enter": "alt-enter",
    ]

    /// The key a name means, or nil. One character is that character, case kept (`J` is not `j`);
    /// longer names ignore case.
    static func parse(_ text: String) -> InputEvent? {
        if text.count == 1, let c = text.first {
            guard !c.isWhitespace, !(c.unicodeScalars.first.map { $0.value < 0x20 || $0.value == 0x7F } ?? true) else { return nil }
            return .character(c)
        }
        var lower = text.lowercased()
        lower = aliases[lower] ?? lower
        if let found = named.first(where: { $0.0 == lower }) { return found.1 }
        for prefix in ["ctrl-", "c-"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if rest.count == 1, let c = rest.first, c.isASCII, c.isLetter || "\\]^_ ".contains(c) { return .control(c) }
            if rest == "space" { return .control(" ") }
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .function(n) }
        return nil
    }

    /// The name a keymap file uses for a key (`termlabel keys` prints these).
    static func name(_ key: InputEvent) -> String {
        if let found = named.first(where: { $0.1 == key }) { return found.0 }
        switch key {
        case .character(let c): return String(c)
        case .control(" "): return "ctrl-space"
        case .control(let c): return "ctrl-\(c)"
        case .function(let n): return "f\(n)"
        default: return "\(key)"
        }
    }

    /// The key as the screen and the docs show it.
    static func display(_ key: InputEvent) -> String {
        switch key {
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .escape: "Esc"
        case .insert: "Ins"
        case .altEnter: "Alt-Enter"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(" "): "Ctrl-Space"
        case .control(let c): "Ctrl-\(String(c).uppercased())"
        case .function(let n): "F\(n)"
        default: "\(key)"
        }
    }

    /// Keys that type text where text is typed: printable characters.
    static func types(_ key: InputEvent) -> Bool {
        if case .character = key { return true }
        return false
    }

    /// The keys that answer a question on the form: the digits choose options; with direct
    /// shortcuts, the letters Ango allows as shortcut keys (a–k) go to questions.
    static func isAnswerKey(_ key: InputEvent, directShortcuts: Bool) -> Bool {
        guard case .character(let c) = key, c.isASCII else { return false }
        if c.isNumber { return true }
        return directShortcuts && ("a"..."k").contains(c)
    }
}
