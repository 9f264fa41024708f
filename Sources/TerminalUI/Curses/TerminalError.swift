/// Why the terminal could not be opened. Each says what to do in words a user understands.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input (or the output) is not a terminal: piped, redirected, or run without a tty.
    case notATerminal
    /// `TERM` is unset or names a terminal type terminfo does not know.
    case unknownTerminalType(String)
    /// A terminal type that cannot draw a full screen, such as `dumb`.
    case unsupportedTerminalType(String)
    /// Another `CursesTerminal` is open; ncurses supports one screen per process here.
    case alreadyOpen

    public var description: String {
        switch self {
        case .notATerminal:
            "standard input is not a terminal; run termlabel in an interactive terminal (with ssh, use ssh -t)"
        case .unknownTerminalType(let name) where name.isEmpty:
            "TERM is not set; set it to your terminal's type, for example TERM=xterm-256color"
        case .unknownTerminalType(let name):
            "unknown terminal type \"\(name)\"; set TERM to a type this system's terminfo knows, for example xterm-256color"
        case .unsupportedTerminalType(let name):
            "terminal type \"\(name)\" cannot show a full-screen interface; use a terminal such as xterm-256color"
        case .alreadyOpen:
            "the terminal is already open"
        }
    }
}
