import Foundation
import LabelCore
import TerminalUI

/// The open task's asset as the asset pane shows it: its lines made visible (control characters
/// as symbols), wrapped at a width once (not on every frame: a document of 100,000 lines scrolls
/// as fast as a sentence), and searched once per query.
struct AssetDocument {
    let taskId: Int64
    /// The asset's lines as shown, before wrapping (a paragraph each).
    let paragraphs: [String]
    private(set) var layout: Layout?
    /// Rows the pane shows above the asset (review notes, the task's instruction) at the last
    /// layout: a match's row on screen is this plus its line.
    var headerRows = 0

    /// One wrapped line: which paragraph, which of its characters (graphemes), and its text.
    struct Line: Equatable {
        var paragraph: Int
        var range: Range<Int>
        var text: String
    }

    struct Layout {
        var width: Int
        var lines: [Line]
        /// The first line of each paragraph.
        var firstLine: [Int]

        /// The line a match starts on.
        func line(of match: AssetMatch) -> Int {
            var i = firstLine[match.paragraph]
            while i + 1 < lines.count, lines[i + 1].paragraph == match.paragraph, lines[i + 1].range.lowerBound <= match.range.lowerBound {
                i += 1
            }
            return i
        }
    }

    /// The paragraphs of printable ASCII, one after the other with a line feed between: searched
    /// in one pass over bytes, where a byte is a character. `asciiParagraphs[k]` starts at
    /// `asciiOffsets[k]`.
    private let ascii: [UInt8]
    /// The same with A–Z as a–z, for queries without capitals.
    private let asciiFolded: [UInt8]
    private let asciiParagraphs: [Int]
    private let asciiOffsets: [Int]
    /// The paragraphs that are not plain ASCII, searched character by character.
    private let others: [Int]

    init(taskId: Int64, asset: JSONValue) {
        self.taskId = taskId
        var paragraphs: [String] = []
        var ascii: [UInt8] = []
        var asciiParagraphs: [Int] = [], asciiOffsets: [Int] = [], others: [Int] = []
        // One pass over the bytes: a line of printable ASCII is shown as it is (and searched as
        // bytes); any other line is made visible first.
        func add(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool) {
            let text = String(decoding: bytes, as: UTF8.self)
            if plain {
                asciiParagraphs.append(paragraphs.count)
                asciiOffsets.append(ascii.count)
                ascii.append(contentsOf: bytes)
                ascii.append(0x0A)
                paragraphs.append(text)
            } else {
                others.append(paragraphs.count)
                paragraphs.append(visible(text))
            }
        }
        var text = Self.text(of: asset)
        text.withUTF8 { bytes in
            var start = 0
            var plain = true
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b == 0x0A {
                    // A line ending in CR LF ends before the CR.
                    let end = i > start && bytes[i - 1] == 0x0D ? i - 1 : i
                    add(UnsafeBufferPointer(rebasing: bytes[start..<end]), plain: plain || (end < i && Self.printable(bytes[start..<end])))
                    start = i + 1
                    plain = true
                } else if b < 0x20 || b >= 0x7F {
                    plain = false
                }
            }
            add(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), plain: plain)
        }
        var folded = ascii
        folded.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices where buffer[i] >= 65 && buffer[i] <= 90 { buffer[i] += 32 }
        }
        self.paragraphs = paragraphs
        self.ascii = ascii
        asciiFolded = folded
        self.asciiParagraphs = asciiParagraphs
        self.asciiOffsets = asciiOffsets
        self.others = others
    }

    private static func printable(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// The asset as text: a URL or a path named as such, text as written, JSON pretty-printed.
    static func text(of asset: JSONValue) -> String {
        switch asset {
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.contains(" "), trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") || trimmed.hasPrefix("/")
                || trimmed.hasPrefix("./") || trimmed.hasPrefix("file://") {
                return "\(trimmed.hasPrefix("http") ? "URL" : "Path"): \(trimmed)"
            }
            return text
        default:
            return JSONWriter(pretty: true).string(asset)
        }
    }

    /// Wraps the document at `width`, unless it already is.
    mutating func lay(width: Int) {
        if layout?.width != width { layout = laidOut(width: width) }
    }

    func laidOut(width: Int) -> Layout {
        if let layout, layout.width == width { return layout }
        var lines: [Line] = []
        var firstLine: [Int] = []
        firstLine.reserveCapacity(paragraphs.count)
        for (p, text) in paragraphs.enumerated() {
            firstLine.append(lines.count)
            // Tabs are already `→` (visible), so a wrapped line's text is exactly its characters.
            let wrapped = TextWrap.wrap(text, width: width)
            if wrapped.isEmpty { lines.append(Line(paragraph: p, range: 0..<0, text: "")) }
            for line in wrapped { lines.append(Line(paragraph: p, range: line.range, text: line.text)) }
        }
        return Layout(width: width, lines: lines, firstLine: firstLine)
    }

    // MARK: Search

    /// Every match of `query`, in order, none overlapping. Case is ignored unless the query has
    /// a capital letter (smart case, as in vim and less).
    func search(_ query: String) -> [AssetMatch] {
        guard !query.isEmpty else { return [] }
        let caseSensitive = query.contains { $0.isUppercase }
        var matches: [AssetMatch] = []
        let needle = Array(query.utf8)
        if needle.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            (caseSensitive ? ascii : asciiFolded).withUnsafeBufferPointer { Self.searchASCII($0, needle, into: &matches) }
            // Offsets in the buffer to paragraphs and offsets within them (both in order).
            var k = 0
            for (i, match) in matches.enumerated() {
                // The last paragraph starting at or before the match, from the previous one on.
                var high = asciiOffsets.count
                while k + 1 < high {
                    let mid = (k + high) / 2
                    if asciiOffsets[mid] <= match.range.lowerBound { k = mid } else { high = mid }
                }
                let start = asciiOffsets[k]
                matches[i] = AssetMatch(paragraph: asciiParagraphs[k], range: (match.range.lowerBound - start)..<(match.range.upperBound - start))
            }
        }
        let characters = Array(query)
        for p in others {
            Self.searchCharacters(Array(paragraphs[p]), characters, caseSensitive: caseSensitive, paragraph: p, into: &matches)
        }
        if !others.isEmpty { matches.sort() }
        return matches
    }

    /// Matches in the ASCII buffer, as byte ranges (paragraph 0); never across a paragraph's end,
    /// since a query has no line feed. `memchr` finds each candidate first byte and `memcmp`
    /// checks the rest: a query is searched in milliseconds in megabytes of text.
    private static func searchASCII(_ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], into matches: inout [AssetMatch]) {
        guard let base = text.baseAddress, text.count >= needle.count else { return }
        needle.withUnsafeBufferPointer { needle in
            let n = needle.count
            let first = Int32(needle[0])
            var offset = 0
            while offset + n <= text.count, let found = memchr(base + offset, first, text.count - offset - n + 1) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if n == 1 || memcmp(base + at + 1, needle.baseAddress! + 1, n - 1) == 0 {
                    matches.append(AssetMatch(paragraph: 0, range: at..<(at + n)))
                    offset = at + n
                } else {
                    offset = at + 1
                }
            }
        }
    }

    private static func searchCharacters(_ text: [Character], _ needle: [Character], caseSensitive: Bool, paragraph: Int,
                                         into matches: inout [AssetMatch]) {
        let n = needle.count
        guard text.count >= n else { return }
        func same(_ c: Character, _ q: Character) -> Bool {
            c == q || (!caseSensitive && c.isUppercase && c.lowercased() == String(q))
        }
        var i = 0
        while i <= text.count - n {
            var k = 0
            while k < n, same(text[i + k], needle[k]) { k += 1 }
            if k == n {
                matches.append(AssetMatch(paragraph: paragraph, range: i..<(i + n)))
                i += n
            } else {
                i += 1
            }
        }
    }
}

/// Where a search matched: a paragraph of the asset and the characters (graphemes) in it.
struct AssetMatch: Equatable, Comparable {
    var paragraph: Int
    var range: Range<Int>

    static func < (a: AssetMatch, b: AssetMatch) -> Bool {
        (a.paragraph, a.range.lowerBound) < (b.paragraph, b.range.lowerBound)
    }
}
