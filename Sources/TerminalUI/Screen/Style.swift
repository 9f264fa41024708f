/// A terminal colour: one of the 16 named ones, or one of xterm's 256-colour palette (pictures
/// drawn as symbols use 16-255, which are the same on every terminal that has them).
/// `.default` is the terminal's own foreground or background.
public enum Color: Hashable, Sendable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    case indexed(UInt8)

    /// The named colours, in palette order (black is 0, bright white 15).
    public static let named: [Color] = [
        .black, .red, .green, .yellow, .blue, .magenta, .cyan, .white,
        .brightBlack, .brightRed, .brightGreen, .brightYellow, .brightBlue, .brightMagenta, .brightCyan, .brightWhite,
    ]

    /// The palette number (0-255), or -1 for the terminal default.
    public var paletteIndex: Int {
        switch self {
        case .default: -1
        case .indexed(let n): Int(n)
        default: Self.named.firstIndex(of: self) ?? -1
        }
    }
}

/// How a cell is drawn. Colours are optional: nil means "leave as is" when styles are combined,
/// and the terminal default when drawn. Without colour support (or with `NO_COLOR`) only the
/// attributes are drawn, so anything that must be seen (a cursor row) should use `reverse` or
/// `bold`, not colour alone.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool
    public var italic: Bool

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, dim: Bool = false,
                reverse: Bool = false, underline: Bool = false, italic: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
        self.italic = italic
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let reverse = Style(reverse: true)
    public static let underline = Style(underline: true)

    /// This style with `other` laid on top: its colours win where set, attributes add up.
    public func adding(_ other: Style) -> Style {
        Style(foreground: other.foreground ?? foreground, background: other.background ?? background,
              bold: bold || other.bold, dim: dim || other.dim, reverse: reverse || other.reverse,
              underline: underline || other.underline, italic: italic || other.italic)
    }
}
