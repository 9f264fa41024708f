/// Makes text safe to send to a terminal: no scalar that a terminal would act on (C0 and C1
/// controls, DEL) survives, so data can never move the cursor, change colours or smuggle escape
/// sequences. Each becomes a one-column visible symbol.
public enum Sanitizer {
    /// The visible replacement for an unprintable scalar, or nil when it may be shown as is.
    ///
    /// Tab is `→` (one column); callers that lay out paragraphs expand tabs themselves.
    /// C0 controls become U+2400 control pictures (`␛` for ESC, `␀` for NUL), DEL `␡`, C1 controls
    /// and scalars the locale cannot print (unassigned, U+2028) `�`.
    public static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return nil }
        if value == 0x09 { return "→" }
        if value < 0x20 { return Unicode.Scalar(0x2400 + value) }
        if value == 0x7F { return "\u{2421}" }
        if value < 0xA0 { return "\u{FFFD}" }
        // Bidirectional overrides, embeddings, isolates and marks reorder what follows them on
        // screen ("Trojan Source"): text from a task must look exactly as it is stored.
        if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
            || value == 0x061C {
            return "\u{FFFD}"
        }
        return DisplayWidth.wcwidth(value) < 0 ? "\u{FFFD}" : nil
    }

    /// The text with every unprintable scalar replaced by its visible symbol.
    public static func visible(_ text: String) -> String {
        guard needsSanitizing(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(replacement(for: scalar) ?? scalar)
        }
        return String(result)
    }

    static func needsSanitizing(_ text: String) -> Bool {
        text.unicodeScalars.contains { replacement(for: $0) != nil }
    }

    /// A zero-width scalar that is drawn on a base; when it has none we give it `◌`.
    /// Default-ignorable ones (ZWJ, ZWSP, BOM, variation selectors) are dropped instead.
    static func needsBase(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.properties.isDefaultIgnorableCodePoint
    }
}

/// Shorthand for `Sanitizer.visible(_:)`.
public func visible(_ text: String) -> String {
    Sanitizer.visible(text)
}
