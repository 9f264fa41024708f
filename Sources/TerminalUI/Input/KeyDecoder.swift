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
        /// A mouse report read by `CursesTerminal` (see `sgrMouse` and `x10Mouse`): the button
        /// (1 a left press, 4 wheel up, 5 wheel down, 0 anything else, which is ignored) and the
        /// cell, from 0.
        case mouse(button: Int32, x: Int32, y: Int32)
    }

    /// Key codes we bind ourselves with `define_key`: they stay below 65536 (ncurses keeps key
    /// codes in 16 bits) and well above the codes ncurses gives terminfo's extended keys.
    public static let focusInCode: Int32 = 0x7F01
    public static let focusOutCode: Int32 = 0x7F02
    /// `CSI <`: the start of an SGR mouse report (xterm mode 1006); its parameters follow.
    public static let mouseSGRCode: Int32 = 0x7F03

    /// An SGR mouse report's rest after `CSI <`, as in `0;12;5M`: button code, column and row
    /// (from 1), then `M` for a press or `m` for a release. Nil when it is not one.
    public static func sgrMouse(_ rest: String) -> Raw? {
        guard let final = rest.last, final == "M" || final == "m" else { return nil }
        let numbers = rest.dropLast().split(separator: ";", omittingEmptySubsequences: false).map { Int32($0) }
        guard numbers.count == 3, let code = numbers[0], let column = numbers[1], let row = numbers[2],
              code >= 0, column >= 1, row >= 1 else { return nil }
        return .mouse(button: final == "M" ? button(code) : 0, x: column - 1, y: row - 1)
    }

    /// A normal-tracking report's three bytes after `CSI M` (each offset by 32; cells from 1).
    /// A release is the button code 3, for whichever button.
    public static func x10Mouse(_ bytes: [UInt32]) -> Raw? {
        guard bytes.count == 3, bytes.allSatisfy({ $0 >= 32 && $0 < 0x100 }) else { return nil }
        let code = Int32(bytes[0] - 32)
        let column = Int32(bytes[1]) - 32, row = Int32(bytes[2]) - 32
        guard column >= 1, row >= 1 else { return nil }
        return .mouse(button: code & 3 == 3 && code & 64 == 0 ? 0 : button(code), x: column - 1, y: row - 1)
    }

    /// xterm's button code: the low two bits name the button, 64 marks the wheel, 32 motion,
    /// 4/8/16 Shift/Meta/Control. Only a plain left press and the wheel mean something here.
    private static func button(_ code: Int32) -> Int32 {
        let plain = code & ~(4 | 8 | 16)
        switch plain {
        case 0: return 1
        case 64: return 4
        case 65: return 5
        default: return 0
        }
    }

    /// The event for `raw`, or nil for input that means nothing (an unknown key code).
    /// `size` is asked only for `KEY_RESIZE`.
    public static func decode(_ raw: Raw, size: () -> Size = { Size(width: 0, height: 0) }) -> InputEvent? {
        switch raw {
        case .timeout: return .tick
        case .character(let value): return decode(character: value)
        case .keyCode(let code): return decode(keyCode: code, size: size)
        case .mouse(let button, let x, let y):
            guard x >= 0, y >= 0 else { return nil }
            let at = Point(x: Int(x), y: Int(y))
            switch button {
            case 1: return .mouse(MouseEvent(.press, at: at))
            case 4: return .mouse(MouseEvent(.wheelUp, at: at))
            case 5: return .mouse(MouseEvent(.wheelDown, at: at))
            default: return nil
            }
        }
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
        case focusInCode: return .focusIn
        case focusOutCode: return .focusOut
        case cn_key_f(1)...cn_key_f(63): return .function(Int(code - cn_key_f(0)))
        default: return nil
        }
    }
}
