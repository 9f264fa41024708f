import CNCursesW

/// Maps `Style` to ncurses attributes and colour pairs, allocating pairs as colour combinations
/// first appear. Without colour, colours are dropped and only attributes remain. Pictures drawn as
/// symbols use many pairs: when the terminal's pairs run out, `exhausted` says so and the
/// renderer starts again from an empty table (`reset`), repainting the whole frame.
struct CursesPalette {
    let colorsEnabled: Bool
    /// How many colours the terminal has (COLORS), 0 without colour.
    let colorCount: Int32
    private let pairLimit: Int32
    private var pairs: [Int32: Int16] = [:]
    private var nextPair: Int16 = 1
    private(set) var exhausted = false

    init(colorsEnabled: Bool, colorCount: Int32, pairLimit: Int32) {
        self.colorsEnabled = colorsEnabled
        self.colorCount = colorsEnabled ? colorCount : 0
        self.pairLimit = min(pairLimit, Int32(Int16.max))
    }

    mutating func reset() {
        pairs = [:]
        nextPair = 1
        exhausted = false
    }

    mutating func attributes(for style: Style) -> (attributes: attr_t, pair: Int16) {
        var attributes = cn_a_normal()
        if style.bold { attributes |= cn_a_bold() }
        if style.dim { attributes |= cn_a_dim() }
        if style.reverse { attributes |= cn_a_reverse() }
        if style.underline { attributes |= cn_a_underline() }
        if style.italic { attributes |= cn_a_italic() }
        guard colorsEnabled, style.foreground != nil || style.background != nil else { return (attributes, 0) }
        let foreground = number(of: style.foreground ?? .default), background = number(of: style.background ?? .default)
        if foreground == -1 && background == -1 { return (attributes, 0) }
        let key = Int32(foreground + 1) << 9 | Int32(background + 1)
        if let pair = pairs[key] { return (attributes, pair) }
        guard Int32(nextPair) < pairLimit, init_pair(nextPair, foreground, background) == OK else {
            exhausted = true
            return (attributes, 0)
        }
        pairs[key] = nextPair
        nextPair += 1
        return (attributes, pairs[key]!)
    }

    /// The curses colour number: -1 for the default (with `use_default_colors`), 8-15 for bright
    /// colours when the terminal has them, else the plain colour; a palette colour the terminal
    /// lacks becomes the nearest of the colours it has.
    private func number(of color: Color) -> Int16 {
        let index = color.paletteIndex
        guard index >= 0 else { return -1 }
        if index < Int(colorCount) { return Int16(index) }
        let named = index < 16 ? index : Self.nearestNamed(index)
        return Int16(named >= 8 && colorCount < 16 ? named - 8 : named)
    }

    /// The nearest of the 16 named colours to palette colour `index` (16-255).
    static func nearestNamed(_ index: Int) -> Int {
        let (r, g, b) = XtermPalette.rgb(index)
        var best = 0, bestDistance = Int.max
        for candidate in 0..<16 {
            let (cr, cg, cb) = XtermPalette.rgb(candidate)
            let distance = (r - cr) * (r - cr) + (g - cg) * (g - cg) + (b - cb) * (b - cb)
            if distance < bestDistance { (best, bestDistance) = (candidate, distance) }
        }
        return best
    }
}
