import Foundation

/// Type-to-filter matching for long option lists: case- and diacritics-insensitive substring
/// search, so "cafe" finds "Café" and "ÉTÉ" finds "été".
public enum OptionFilter {
    /// Indices of `options` that match `query`, in their original order; all of them for an empty
    /// (or blank) query.
    public static func filter(_ options: [String], by query: String) -> [Int] {
        let needle = fold(query.trimmingCharacters(in: .whitespaces))
        guard !needle.isEmpty else { return Array(options.indices) }
        return options.indices.filter { fold(options[$0]).contains(needle) }
    }

    /// Whether one text matches `query`.
    public static func matches(_ text: String, query: String) -> Bool {
        let needle = fold(query.trimmingCharacters(in: .whitespaces))
        return needle.isEmpty || fold(text).contains(needle)
    }

    /// Whether `query` filters anything out at all.
    public static func isActive(_ query: String) -> Bool {
        query.contains { !$0.isWhitespace }
    }

    /// The comparison form of a text.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
