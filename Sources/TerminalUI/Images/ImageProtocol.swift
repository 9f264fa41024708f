/// How pictures reach the terminal. `auto` picks one from the environment and the terminal's
/// answer to a query (`resolve`).
public enum ImageProtocol: String, Sendable, CaseIterable {
    case auto, kitty, iterm, sixel, symbols, none

    /// The protocol to use: the one asked for, or for `auto`, the terminal's own from its
    /// environment, else from its answer to the graphics query (`GraphicsQueryAnswer`), else
    /// symbols. Inside tmux, symbols: tmux passes no graphics through unless the user set it up,
    /// and symbols are ordinary cells. `NO_COLOR` keeps symbols but drops their colour (see
    /// `SymbolColors`), and without Unicode there is only the text fallback.
    public static func resolve(_ asked: ImageProtocol, environment: [String: String], answered: ImageProtocol? = nil) -> ImageProtocol {
        guard asked == .auto else { return asked }
        return fromEnvironment(environment) ?? answered ?? .symbols
    }

    /// Whether to ask the terminal (`GraphicsQuery`): only for `auto` when the environment does not
    /// decide (not inside tmux or screen, not a terminal known by name).
    public static func shouldAsk(_ asked: ImageProtocol, environment: [String: String]) -> Bool {
        asked == .auto && fromEnvironment(environment) == nil
    }

    /// The protocol the environment names; nil when it does not decide (then the terminal is asked).
    static func fromEnvironment(_ environment: [String: String]) -> ImageProtocol? {
        let term = environment["TERM"] ?? ""
        if environment["TMUX"].map({ !$0.isEmpty }) == true || term.hasPrefix("tmux") || term.hasPrefix("screen") { return .symbols }
        if environment["KITTY_WINDOW_ID"].map({ !$0.isEmpty }) == true || term == "xterm-kitty" || term == "xterm-ghostty" { return .kitty }
        switch environment["TERM_PROGRAM"] ?? "" {
        case "iTerm.app", "WezTerm": return .iterm
        default: break
        }
        if term.hasPrefix("foot") || term.hasPrefix("mlterm") || term == "yaft-256color" { return .sixel }
        if term == "dumb" || term.isEmpty { return ImageProtocol.none }
        // The Linux console has no graphics and may print what it does not parse.
        if term == "linux" { return .symbols }
        return nil
    }
}

/// How many colours a picture drawn as symbols may use.
public enum SymbolColors: Sendable, Equatable {
    /// No colour: shapes only, in the terminal's own foreground and background.
    case none
    case eight, sixteen
    /// xterm's palette colours 16-255, the same on every terminal that has 256 colours.
    case palette240

    /// From the terminal's colour count (COLORS, 0 without colour or with `NO_COLOR`).
    public init(colorCount: Int) {
        self = colorCount >= 256 ? .palette240 : colorCount >= 16 ? .sixteen : colorCount >= 8 ? .eight : .none
    }
}
