/// The start of a long value, for a message: a 50 MB regex or title is named, not printed whole.
public enum Excerpt {
    /// Values longer than this many characters are cut in messages.
    public static let limit = 80

    /// `text` when it is short; else its first characters, `…` and how long it was.
    public static func of(_ text: String, limit: Int = Excerpt.limit) -> String {
        var count = 0
        var end = text.startIndex
        while end != text.endIndex {
            if count == limit { return String(text[..<end]) + "… (\(text.count) characters)" }
            count += 1
            end = text.index(after: end)
        }
        return text
    }
}
