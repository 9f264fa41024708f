import CNCursesW

/// How many terminal columns text takes, the way ncurses and tmux lay it out: per Unicode scalar,
/// with `wcwidth`. A scalar of width 0 (a combining mark, ZWJ, a variation selector) joins the cell
/// before it, so `e` + U+0301 is 1 column, an emoji with VS16 is 1 (many terminals draw 2, but the
/// cursor arithmetic of ncurses and tmux is what keeps the screen aligned), and a ZWJ family is
/// the sum of its members.
///
/// Widths are of the text as shown: control characters count as the one-column symbol `Sanitizer`
/// puts in their place.
public enum DisplayWidth {
    /// Columns of one scalar as drawn: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        return cellWidth(of: value)
    }

    /// Columns of one grapheme as drawn.
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        return of(character.unicodeScalars)
    }

    /// Columns of a string as drawn.
    public static func of(_ string: String) -> Int {
        of(string.unicodeScalars)
    }

    public static func of(_ string: Substring) -> Int {
        of(string.unicodeScalars)
    }

    static func of<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> Int {
        var total = 0
        var hasBase = false
        for scalar in scalars {
            let width = of(scalar)
            if width > 0 {
                total += width
                hasBase = true
            } else if !hasBase && Sanitizer.needsBase(scalar) {
                // A mark with nothing to sit on is drawn on a dotted circle.
                total += 1
                hasBase = true
            }
        }
        return total
    }

    /// The width after sanitising: controls and unprintables become one-column symbols.
    static func cellWidth(of value: UInt32) -> Int {
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 1 }
        _ = TerminalLocale.prepare()
        let width = Int(cn_wcwidth(value))
        return width < 0 ? 1 : width
    }

    /// Raw `wcwidth` (after locale setup): -1 for scalars the terminal cannot print.
    static func wcwidth(_ value: UInt32) -> Int {
        _ = TerminalLocale.prepare()
        return Int(cn_wcwidth(value))
    }
}
