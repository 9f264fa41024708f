import Testing

@testable import LabelCore

/// The queue pane's one-line preview, made from the asset's bytes: the same text as made
/// character by character (the way it was made before, kept here as the reference).
@Suite("Store: the preview of an asset")
struct StorePreviewTests {
    /// The preview as first written: Character by Character, counting Unicode scalars.
    static func reference(_ text: String) -> String {
        var out = ""
        var scalars = 0
        var lastWasSpace = false
        for ch in text {
            if scalars >= 160 { break }
            if ch == "\u{0}" {
                out.append("\u{2400}")
                scalars += 1
                lastWasSpace = false
            } else if ch.isWhitespace || ch.isNewline {
                if !lastWasSpace, !out.isEmpty { out.append(" "); scalars += 1 }
                lastWasSpace = true
            } else {
                out.append(ch)
                scalars += ch.unicodeScalars.count
                lastWasSpace = false
            }
        }
        return out
    }

    static let texts: [String] = [
        "", "plain", "  leading and trailing  ", "Line one\nline two\r\nthree\tfour\u{0B}five\u{0C}six",
        "nul\u{0}inside\u{0}", "\u{0}", "file\u{1C}group\u{1D}record\u{1E}unit\u{1F}", "del\u{7F}c1\u{85}next\u{A0}nbsp",
        "ideographic\u{3000}space\u{2028}line\u{2029}para\u{202F}narrow\u{205F}math\u{1680}ogham",
        "e\u{301} combining, space then mark \u{301}x, tab then mark \t\u{301}y",
        "価格は高い but worth it", "family 👨‍👩‍👧‍👦 flags 🇫🇷🇩🇪 skin 👍🏽",
        String(repeating: "a", count: 200), String(repeating: "é", count: 200), String(repeating: "e\u{301}", count: 100),
        String(repeating: "x", count: 159) + "👨‍👩‍👧‍👦" + "tail", String(repeating: "x", count: 158) + " \n  y",
        String(repeating: "ab ", count: 80), String(repeating: "\r\n", count: 10) + "after",
        "ascii then a mark a\u{301}b, a lone CR\rx and CR before a mark \r\u{301}, NUL before a mark \u{0}\u{301}z, tab before CJK\t価",
        "ends in CR\r", "ends in a space then a mark \u{301}", "x\r\n",
    ]

    @Test("every text's preview is the one made character by character")
    func sameAsCharacterByCharacter() {
        for text in Self.texts {
            #expect(SQLiteProjectStore.preview(of: .string(text)) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    @Test("an asset that is not a string is previewed as its JSON")
    func objectAsset() {
        #expect(SQLiteProjectStore.preview(of: ["text": "a\nb", "n": 1]) == #"{"text":"a\nb","n":1}"#)
    }

    @Test("160 scalars at most, whole characters only, runs of whitespace one space, NUL shown as ␀")
    func shape() {
        #expect(SQLiteProjectStore.preview(of: .string(" a \n\t b\u{0}c ")) == "a b␀c ")
        #expect(SQLiteProjectStore.preview(of: .string(String(repeating: "x", count: 159) + "e\u{301}z")) == String(repeating: "x", count: 159) + "e\u{301}")
        #expect(SQLiteProjectStore.preview(of: .string(String(repeating: "é", count: 170))).unicodeScalars.count == 160)
    }

    @Test("the whitespace test agrees with Unicode's White_Space property for every scalar")
    func whiteSpace() {
        for value in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            if SQLiteProjectStore.isWhiteSpace(scalar) != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16, uppercase: true))")
            }
        }
    }
}
