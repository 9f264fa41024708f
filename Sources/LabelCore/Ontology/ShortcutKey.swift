/// A class's `shortcutKey` in Ango's schema: `"0"`–`"9"`, `"ctrl+0"`–`"ctrl+9"`, `"a"`–`"k"`, or
/// empty for none.
public enum ShortcutKey: Equatable, Hashable, Sendable, CustomStringConvertible {
    case digit(Int)
    case controlDigit(Int)
    case letter(Character)

    /// Nil for the empty string; throws nothing, returns nil also for a key Ango does not allow,
    /// which `isValid(_:)` tells apart.
    public init?(_ text: String) {
        let lower = text.lowercased()
        if lower.count == 1, let c = lower.first {
            if let d = c.wholeNumberValue, c.isASCII {
                self = .digit(d)
                return
            }
            if ("a"..."k").contains(c) {
                self = .letter(c)
                return
            }
            return nil
        }
        if lower.hasPrefix("ctrl+"), lower.count == 6, let c = lower.last, c.isASCII, let d = c.wholeNumberValue {
            self = .controlDigit(d)
            return
        }
        return nil
    }

    public var description: String {
        switch self {
        case .digit(let d): "\(d)"
        case .controlDigit(let d): "ctrl+\(d)"
        case .letter(let c): String(c)
        }
    }
}
