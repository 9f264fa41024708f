/// One decoded input: a key, a terminal event or a signal the app must act on.
public enum InputEvent: Hashable, Sendable {
    /// A printable character, ASCII or not.
    case character(Character)
    /// Ctrl with a letter, as the lowercase letter (`Ctrl-A` is `.control("a")`). Ctrl-Space is
    /// `.control(" ")`; Ctrl with `\ ] ^ _` gives those characters.
    case control(Character)
    case enter, tab, backTab, backspace, delete, escape, insert
    /// Alt (Meta) with Enter: a line break inside a text answer.
    case altEnter
    /// Text pasted by the terminal (bracketed paste, xterm mode 2004), whole: never read as keys.
    case paste(String)
    case up, down, left, right
    case home, end, pageUp, pageDown
    /// F1 is `.function(1)`.
    case function(Int)
    /// The terminal changed size; draw a frame of this size.
    case resize(width: Int, height: Int)
    /// The terminal window gained or lost focus (xterm focus reporting).
    case focusIn, focusOut
    /// Ctrl-Z: the process stops right after this event is handled (at the next read), so save
    /// what must be saved now. `.resumed` follows when the shell brings it back.
    case suspended
    case resumed
    /// SIGHUP (the terminal or ssh connection went away), SIGTERM, SIGINT (Ctrl-C): save and quit.
    case hangup, terminate, interrupt
    /// No input within the tick interval.
    case tick
    /// A mouse button or the wheel, at a cell of the screen.
    case mouse(MouseEvent)
}

/// What the mouse did, and where (screen cells, from the top left, 0-based).
public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        /// The left button went down.
        case press
        case wheelUp, wheelDown
    }

    public var action: Action
    public var at: Point

    public init(_ action: Action, at: Point) {
        self.action = action
        self.at = at
    }
}
