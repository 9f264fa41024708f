/// Fitting one line of text to a width in columns. Cuts happen between graphemes, so a wide
/// character or an accented letter is never split.
public enum TextLayout {
    public enum Alignment: Sendable {
        case left, right, center
    }

    /// The text, cut to at most `width` columns with `…` at the end when it was too long.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        // Most list rows, titles and hints are printable ASCII: a column per byte, every byte its
        // own grapheme, so the cut is a byte count (no grapheme walk, which each frame did per row).
        let asciiColumns = printableASCIIPrefix(text, limit: width + 1)
        if asciiColumns == text.utf8.count, asciiColumns <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        if asciiColumns > width, ellipsisWidth <= width {
            var kept = Substring(text.utf8.prefix(width - ellipsisWidth))
            while kept.last == " " { kept.removeLast() }
            return String(kept) + ellipsis
        }
        if DisplayWidth.of(text) <= width { return text }
        guard ellipsisWidth <= width else { return prefix(ellipsis, width: width) }
        var kept = prefix(text, width: width - ellipsisWidth)
        // "Very…" reads better than "Very …".
        while kept.last?.isWhitespace == true { kept.removeLast() }
        return kept + ellipsis
    }

    /// The text, cut to at most `width` columns with `…` at the start when it was too long.
    public static func truncateHead(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard ellipsisWidth <= width else { return prefix(ellipsis, width: width) }
        return ellipsis + suffix(text, width: width - ellipsisWidth)
    }

    /// How many leading bytes of `text`, up to `limit`, are printable ASCII (0x20–0x7E).
    static func printableASCIIPrefix(_ text: String, limit: Int) -> Int {
        var count = 0
        for byte in text.utf8 {
            guard count < limit, byte >= 0x20, byte < 0x7F else { break }
            count += 1
        }
        return count
    }

    /// The longest leading graphemes that fit in `width` columns.
    public static func prefix(_ text: String, width: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let columns = DisplayWidth.of(text[index])
            if used + columns > width { break }
            used += columns
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    /// The longest trailing graphemes that fit in `width` columns.
    public static func suffix(_ text: String, width: Int) -> String {
        var used = 0
        var start = text.endIndex
        while start > text.startIndex {
            let previous = text.index(before: start)
            let columns = DisplayWidth.of(text[previous])
            if used + columns > width { break }
            used += columns
            start = previous
        }
        return String(text[start...])
    }

    /// The text padded with spaces to exactly `width` columns (truncated first if longer).
    public static func pad(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        let fitted = truncate(text, to: width)
        let missing = max(0, width - DisplayWidth.of(fitted))
        switch alignment {
        case .left: return fitted + String(repeating: " ", count: missing)
        case .right: return String(repeating: " ", count: missing) + fitted
        case .center:
            let left = missing / 2
            return String(repeating: " ", count: left) + fitted + String(repeating: " ", count: missing - left)
        }
    }
}
