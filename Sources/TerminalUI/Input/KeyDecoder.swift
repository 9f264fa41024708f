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
    }

    /// Key codes we bind ourselves with `define_key`: they stay below 65536 (ncurses keeps key
    /// codes in 16 bits) and well above the codes ncurses gives terminfo's extended keys.
    public static let focusInCode: Int32 = 0x7F01
    public static let focusOutCode: Int32 = 0x7F02

    /// The event for `raw`, or nil for input that means nothing (an unknown key code).
    /// `size` is asked only for `KEY_RESIZE`.
    public static func decode(_ raw: Raw, size: () -> Size = { Size(width: 0, height: 0) }) -> InputEvent? {
        switch raw {
        case .timeout: return .tick
        case .character(let value): return decode(character: value)
        case .keyCode(let code): return decode(keyCode: code, size: size)
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
