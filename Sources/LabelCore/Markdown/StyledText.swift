/// How a piece of rendered text is meant to look, without naming a terminal: the app maps each
/// to attributes and colours (and must keep them visible without colour).
public struct TextStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let bold = TextStyle(rawValue: 1 << 0)
    public static let italic = TextStyle(rawValue: 1 << 1)
    /// Inline code and code blocks.
    public static let code = TextStyle(rawValue: 1 << 2)
    /// A link's text.
    public static let link = TextStyle(rawValue: 1 << 3)
    /// A link's address, shown after its text: "text (url)".
    public static let url = TextStyle(rawValue: 1 << 4)
    public static let heading = TextStyle(rawValue: 1 << 5)
    /// A level-1 heading (with `heading`).
    public static let title = TextStyle(rawValue: 1 << 6)
    /// Text inside a block quote.
    public static let quote = TextStyle(rawValue: 1 << 7)
    /// What the layout adds: list bullets and numbers, quote bars, rules.
    public static let marker = TextStyle(rawValue: 1 << 8)

    static let names: [(TextStyle, String)] = [
        (.bold, "bold"), (.italic, "italic"), (.code, "code"), (.link, "link"), (.url, "url"), (.heading, "heading"),
        (.title, "title"), (.quote, "quote"), (.marker, "marker"),
    ]

    public var names: [String] { Self.names.filter { contains($0.0) }.map(\.1) }
}

/// Text of one style.
public struct StyledRun: Hashable, Sendable {
    public var text: String
    public var style: TextStyle
    public init(_ text: String, _ style: TextStyle = []) {
        self.text = text
        self.style = style
    }
}

/// One line of rendered text: runs of styled text, at most the width it was laid out for.
public struct StyledLine: Hashable, Sendable {
    public var runs: [StyledRun]
    public init(_ runs: [StyledRun] = []) { self.runs = runs }

    public var text: String { runs.map(\.text).joined() }

    /// The line with its styles written in: plain text as is, a styled run as `«bold italic:text»`.
    /// Tests compare these.
    public var markup: String {
        runs.map { $0.style.isEmpty ? $0.text : "«\($0.style.names.joined(separator: " ")):\($0.text)»" }.joined()
    }

    /// Adds a run, merged with the last one when the style is the same.
    mutating func append(_ text: String, _ style: TextStyle) {
        guard !text.isEmpty else { return }
        if let last = runs.last, last.style == style {
            runs[runs.count - 1].text += text
        } else {
            runs.append(StyledRun(text, style))
        }
    }
}
