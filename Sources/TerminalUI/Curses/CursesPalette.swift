import CNCursesW

/// Maps `Style` to ncurses attributes and colour pairs, allocating pairs as colour combinations
/// first appear. Without colour, colours are dropped and only attributes remain.
struct CursesPalette {
    let colorsEnabled: Bool
    private let colorCount: Int32
    private let pairLimit: Int32
    private var pairs: [UInt16: Int16] = [:]
    private var nextPair: Int16 = 1

    init(colorsEnabled: Bool, colorCount: Int32, pairLimit: Int32) {
        self.colorsEnabled = colorsEnabled
        self.colorCount = colorCount
        self.pairLimit = min(pairLimit, Int32(Int16.max))
    }

    mutating func attributes(for style: Style) -> (attributes: attr_t, pair: Int16) {
        var attributes = cn_a_normal()
        if style.bold { attributes |= cn_a_bold() }
        if style.dim { attributes |= cn_a_dim() }
        if style.reverse { attributes |= cn_a_reverse() }
        if style.underline { attributes |= cn_a_underline() }
        if style.italic { attributes |= cn_a_italic() }
        guard colorsEnabled, style.foreground != nil || style.background != nil else { return (attributes, 0) }
        let foreground = style.foreground ?? .default, background = style.background ?? .default
        if foreground == .default && background == .default { return (attributes, 0) }
        let key = UInt16(foreground.rawValue) << 8 | UInt16(background.rawValue)
        if let pair = pairs[key] { return (attributes, pair) }
        guard Int32(nextPair) < pairLimit,
              init_pair(nextPair, number(of: foreground), number(of: background)) == OK else { return (attributes, 0) }
        pairs[key] = nextPair
        nextPair += 1
        return (attributes, pairs[key]!)
    }

    /// The curses colour number: -1 for the default (with `use_default_colors`), 8-15 for bright
    /// colours when the terminal has them, else the plain colour.
    private func number(of color: Color) -> Int16 {
        guard color != .default else { return -1 }
        let index = Int16(color.rawValue) - 1
        return index >= 8 && colorCount < 16 ? index - 8 : index
    }
}
