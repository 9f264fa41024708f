import CNCursesW

/// Turns what ncurses' `get_wch` returns into `InputEvent`s. Pure, so it is tested without a
/// terminal.
public enum KeyDecoder {
    /// A raw `get_wch` result.
    public enum Raw: Hashable, Sendable {
        /// `OK`: a wide character (possibly a control character).
        case character(UInt32)
        /// `KEY_CODE_YES`: a function key code (`KEY_UP`, `KEY_RESIZE`, …).
        case keyCode(Int32)
        /// `ERR`: nothing arrived before the timeout.
        case timeout
        /// A mouse report read by `CursesTerminal` (see `sgrMouse` and `x10Mouse`).
        case mouse(MouseEvent)
    }

    /// Key codes we bind ourselves with `define_key`: they stay below 65536 (ncurses keeps key
    /// codes in 16 bits) and well above the codes ncurses gives terminfo's extended keys.
    public static let focusInCode: Int32 = 0x7F01
    public static let focusOutCode: Int32 = 0x7F02
    /// `CSI <`: the start of an SGR mouse report (xterm mode 1006); its parameters follow.
    public static let mouseSGRCode: Int32 = 0x7F03
    /// `CSI 200~` and `CSI 201~`: the start and end of a bracketed paste.
    public static let pasteStartCode: Int32 = 0x7F04
    public static let pasteEndCode: Int32 = 0x7F05
    /// `ESC CR` (or `ESC LF`): Alt-Enter.
    public static let altEnterCode: Int32 = 0x7F06
    /// `CSI ?` and `ESC _ G`: a terminal's answer to the graphics query (`GraphicsQuery`) that came
    /// after its time was up; read to its end and dropped, never taken as keys.
    public static let lateAnswerCode: Int32 = 0x7F07
    public static let lateKittyReplyCode: Int32 = 0x7F08
    /// Escape sequences terminals send that terminfo may not name for the terminal at hand
    /// (tmux sends `ESC[1~` for Home whatever TERM says), bound to ncurses' key codes.
    public static let extraKeys: [(sequence: String, code: Int32)] = [
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
        ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
        ("\u{1B}\r", altEnterCode), ("\u{1B}\n", altEnterCode),
    ]

    /// An SGR mouse report's rest after `CSI <`, as in `0;12;5M`: button code, column and row
    /// (from 1), then `M` for a press or `m` for a release. Nil when it is not one, or not a left
    /// press or the wheel (a release, another button, motion).
    public static func sgrMouse(_ rest: String) -> MouseEvent? {
        guard rest.last == "M" else { return nil }
        let numbers = rest.dropLast().split(separator: ";", omittingEmptySubsequences: false).map { Int32($0) }
        guard numbers.count == 3, let code = numbers[0], let column = numbers[1], let row = numbers[2],
              code >= 0, column >= 1, row >= 1, let action = action(code) else { return nil }
        return MouseEvent(action, at: Point(x: Int(column) - 1, y: Int(row) - 1))
    }

    /// A normal-tracking report's three bytes after `CSI M` (each offset by 32; cells from 1).
    /// A release is the button code 3, for whichever button: nil, as for anything but a left
    /// press or the wheel.
    public static func x10Mouse(_ bytes: [UInt32]) -> MouseEvent? {
        guard bytes.count == 3, bytes.allSatisfy({ $0 >= 32 && $0 < 0x100 }) else { return nil }
        let column = Int(bytes[1]) - 32, row = Int(bytes[2]) - 32
        guard column >= 1, row >= 1, let action = action(Int32(bytes[0] - 32)) else { return nil }
        return MouseEvent(action, at: Point(x: column - 1, y: row - 1))
    }

    /// xterm's button code: the low two bits name the button (3: released), 64 marks the wheel,
    /// 32 motion, 4/8/16 Shift/Meta/Control. Only a plain left press and the wheel mean something.
    private static func action(_ code: Int32) -> MouseEvent.Action? {
        switch code & ~(4 | 8 | 16) {
        case 0: .press
        case 64: .wheelUp
        case 65: .wheelDown
        default: nil
        }
    }

    /// The event for `raw`, or nil for input that means nothing (an unknown key code).
    /// `size` is asked only for `KEY_RESIZE`.
    public static func decode(_ raw: Raw, size: () -> Size = { Size(width: 0, height: 0) }) -> InputEvent? {
        switch raw {
        case .timeout: return .tick
        case .character(let value): return decode(character: value)
        case .keyCode(let code): return decode(keyCode: code, size: size)
        case .mouse(let event): return .mouse(event)
        }
    }

    /// The text of a bracketed paste from the characters read between its start and end marks:
    /// carriage returns (what terminals send for a line break) become line feeds.
    public static func pasteText(_ characters: [UInt32]) -> String {
        var text = String.UnicodeScalarView()
        var previousWasCR = false
        for value in characters {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if value == 0x0A, previousWasCR { previousWasCR = false; continue }
            previousWasCR = value == 0x0D
            text.append(value == 0x0D ? "\n" : scalar)
        }
        return String(text)
    }

    static func decode(character value: UInt32) -> InputEvent? {
        switch value {
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x08, 0x7F: return .backspace
        case 0x1B: return .escape
        case 0x00: return .control(" ")
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(value + 0x60)!))
        case 0x1C...0x1F: return .control(Character(Unicode.Scalar(value + 0x40)!))
        case 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    static func decode(keyCode code: Int32, size: () -> Size) -> InputEvent? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END, KEY_LL: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE:
            let current = size()
            return .resize(width: current.width, height: current.height)
        case altEnterCode: return .altEnter
        case focusInCode: return .focusIn
        case focusOutCode: return .focusOut
        case cn_key_f(1)...cn_key_f(63): return .function(Int(code - cn_key_f(0)))
        default: return nil
        }
    }
}
