/// Where input events come from: the terminal (`CursesTerminal`) or a script (`ScriptedKeySource`).
public protocol KeySource {
    /// The next event, waiting at most one tick (then `.tick`); nil when input has ended.
    mutating func nextEvent() -> InputEvent?
}

/// Replays a fixed list of events, for tests; nil once they are used up.
public struct ScriptedKeySource: KeySource, Sendable {
    public private(set) var events: [InputEvent]
    private var position = 0

    public init(_ events: [InputEvent]) {
        self.events = events
    }

    /// Each character of `text` as a key: printable ones as `.character`, "\n" as `.enter`.
    public init(typing text: String) {
        self.init(text.map { character in
            switch character {
            case "\n", "\r", "\r\n": .enter
            case "\t": .tab
            default: .character(character)
            }
        })
    }

    public var isFinished: Bool { position >= events.count }

    public mutating func nextEvent() -> InputEvent? {
        guard position < events.count else { return nil }
        defer { position += 1 }
        return events[position]
    }
}
