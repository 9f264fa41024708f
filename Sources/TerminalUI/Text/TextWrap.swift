/// Word wrapping to a width in columns, correct for wide characters, emoji and combining marks.
///
/// Lines break at spaces where possible and between wide (CJK) characters, which need no space to
/// break; a word longer than the line is broken between graphemes; a wide character never straddles
/// the edge. "\n", "\r\n" and "\r" end paragraphs. Tabs become spaces to the next stop of
/// `tabWidth`. The spaces at a break are dropped.
public enum TextWrap {
    /// One wrapped line: its text (tabs expanded) and which graphemes of the source it shows.
    public struct Line: Hashable, Sendable {
        public var text: String
        /// Grapheme offsets in the source text, excluding the spaces dropped at the break.
        public var range: Range<Int>

        public init(text: String, range: Range<Int>) {
            self.text = text
            self.range = range
        }
    }

    public static let tabWidth = 4

    /// The wrapped lines of `text` as strings.
    public static func lines(_ text: String, width: Int) -> [String] {
        wrap(text, width: width).map(\.text)
    }

    /// The wrapped lines with the source ranges they come from (for cursor placement).
    public static func wrap(_ text: String, width: Int) -> [Line] {
        let width = max(1, width)
        return wrapPrintableASCII(text, width: width) ?? wrapGraphemes(text, width: width)
    }

    static func wrapGraphemes(_ text: String, width: Int) -> [Line] {
        let width = max(1, width)
        let characters = Array(text)
        var lines: [Line] = []
        var paragraphStart = 0
        for index in 0...characters.count {
            if index == characters.count || isLineBreak(characters[index]) {
                wrapParagraph(characters, paragraphStart..<index, width: width, into: &lines)
                paragraphStart = index + 1
            }
        }
        return lines
    }

    /// The same lines for text of printable ASCII only (one paragraph, every character one column),
    /// worked out on the bytes: a long document's lines are mostly this, and wrapping it is then
    /// some fifty times faster than going grapheme by grapheme. Nil for any other text.
    static func wrapPrintableASCII(_ text: String, width: Int) -> [Line]? {
        var text = text
        return text.withUTF8 { bytes -> [Line]? in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            var lines: [Line] = []
            func line(_ range: Range<Int>) {
                lines.append(Line(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self), range: range))
            }
            // As `LineBuilder`: the line so far is `lineStart..<contentEnd`; spaces after it wait
            // for a word that fits with them.
            var lineStart = 0, contentEnd = 0, column = 0, pending = 0
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x20 {
                    pending += 1
                    i += 1
                    continue
                }
                var end = i + 1
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                let word = end - i
                if column + pending + word <= width {
                    column += pending + word
                    contentEnd = end
                } else {
                    if contentEnd > lineStart { line(lineStart..<contentEnd) }
                    lineStart = i
                    if word <= width {
                        column = word
                        contentEnd = end
                    } else {
                        var start = i
                        while end - start > width {
                            line(start..<(start + width))
                            start += width
                        }
                        lineStart = start
                        column = end - start
                        contentEnd = end
                    }
                }
                pending = 0
                i = end
            }
            line(lineStart..<max(lineStart, contentEnd))
            return lines
        }
    }

    static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }

    private static func wrapParagraph(_ characters: [Character], _ paragraph: Range<Int>, width: Int,
                                      into lines: inout [TextWrap.Line]) {
        var builder = LineBuilder(characters: characters, width: width)
        builder.start(at: paragraph.lowerBound)
        var index = paragraph.lowerBound
        while index < paragraph.upperBound {
            let character = characters[index]
            if character == " " || character == "\t" {
                builder.addSpace(at: index)
                index += 1
                continue
            }
            // A word: non-space graphemes up to a space or a wide character (a break opportunity).
            var end = index + 1
            if DisplayWidth.of(character) < 2 {
                while end < paragraph.upperBound, characters[end] != " ", characters[end] != "\t",
                      DisplayWidth.of(characters[end]) < 2 {
                    end += 1
                }
            }
            builder.addWord(index..<end, lines: &lines)
            index = end
        }
        builder.finish(into: &lines)
    }
}

private struct LineBuilder {
    let characters: [Character]
    let width: Int
    var text = ""
    var column = 0
    var lineStart = 0
    var contentEnd = 0
    /// Spaces seen since the last word; laid out only if a word follows on the same line.
    var pendingSpaces: [Int] = []

    init(characters: [Character], width: Int) {
        self.characters = characters
        self.width = width
    }

    mutating func start(at index: Int) {
        text = ""
        column = 0
        lineStart = index
        contentEnd = index
        pendingSpaces = []
    }

    mutating func addSpace(at index: Int) {
        pendingSpaces.append(index)
    }

    mutating func addWord(_ word: Range<Int>, lines: inout [TextWrap.Line]) {
        let wordWidth = word.reduce(0) { $0 + DisplayWidth.of(characters[$1]) }
        let spacesWidth = widthOfPendingSpaces(from: column)
        if column + spacesWidth + wordWidth <= width {
            appendPendingSpaces()
            append(word)
            return
        }
        // Spaces at the break are dropped, and so is indentation that does not fit with the word.
        if contentEnd > lineStart { finish(into: &lines) }
        start(at: word.lowerBound)
        if wordWidth <= width {
            append(word)
            return
        }
        for index in word {
            let columns = DisplayWidth.of(characters[index])
            if column + columns > width && column > 0 {
                finish(into: &lines)
                start(at: index)
            }
            append(index..<index + 1)
        }
    }

    mutating func finish(into lines: inout [TextWrap.Line]) {
        lines.append(TextWrap.Line(text: text, range: lineStart..<max(lineStart, contentEnd)))
    }

    private func widthOfPendingSpaces(from startColumn: Int) -> Int {
        var column = startColumn
        for index in pendingSpaces {
            column += characters[index] == "\t" ? TextWrap.tabWidth - column % TextWrap.tabWidth : 1
        }
        return column - startColumn
    }

    private mutating func appendPendingSpaces() {
        for index in pendingSpaces {
            let columns = characters[index] == "\t" ? TextWrap.tabWidth - column % TextWrap.tabWidth : 1
            text += String(repeating: " ", count: columns)
            column += columns
        }
        pendingSpaces = []
    }

    private mutating func append(_ range: Range<Int>) {
        for index in range {
            text.append(characters[index])
            column += DisplayWidth.of(characters[index])
        }
        contentEnd = range.upperBound
    }
}
