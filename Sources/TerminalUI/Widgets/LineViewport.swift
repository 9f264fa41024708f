/// Horizontal scrolling for a one-line editor: which part of the text to show so the cursor stays
/// on screen, with `…` where text is hidden on either side.
public enum LineViewport {
    /// The text to draw in `width` columns and the column of the cursor within it.
    public static func layout(_ text: String, cursor: Int, width: Int) -> (visible: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        let split = text.index(text.startIndex, offsetBy: min(max(0, cursor), text.count))
        let before = String(text[..<split]), after = String(text[split...])
        let cursorColumn = DisplayWidth.of(before)
        let total = cursorColumn + DisplayWidth.of(after)
        if cursorColumn <= width - 1 && (total <= width || cursorColumn <= width - 2) {
            return (TextLayout.truncate(text, to: width), cursorColumn)
        }
        let left = "…" + TextLayout.suffix(before, width: width - 2)
        let leftWidth = DisplayWidth.of(left)
        return (left + TextLayout.truncate(after, to: width - leftWidth), leftWidth)
    }
}
