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

    init(taskId: Int64, asset: JSONValue) {
        self.taskId = taskId
        paragraphs = Self.paragraphs(of: asset)
    }

    /// The asset as lines: a URL or a path named as such, text as written, JSON pretty-printed.
    static func paragraphs(of asset: JSONValue) -> [String] {
        switch asset {
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.contains(" "), trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") || trimmed.hasPrefix("/")
                || trimmed.hasPrefix("./") || trimmed.hasPrefix("file://") {
                return [visible("\(trimmed.hasPrefix("http") ? "URL" : "Path"): \(trimmed)")]
            }
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }
        default:
            return JSONWriter(pretty: true).string(asset).split(separator: "\n").map { visible(String($0)) }
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
        let needle = Array(query.utf8)
        let asciiNeedle = needle.allSatisfy { $0 < 0x80 }
        let characters = Array(query)
        var matches: [AssetMatch] = []
        for (p, text) in paragraphs.enumerated() {
            var utf8 = text
            let ascii = utf8.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
            if ascii {
                // Plain ASCII: a byte is a character, and case folds by arithmetic.
                guard asciiNeedle else { continue }
                utf8.withUTF8 { bytes in Self.searchASCII(bytes, needle, caseSensitive: caseSensitive, paragraph: p, into: &matches) }
            } else {
                Self.searchCharacters(Array(text), characters, caseSensitive: caseSensitive, paragraph: p, into: &matches)
            }
        }
        return matches
    }

    private static func searchASCII(_ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], caseSensitive: Bool, paragraph: Int,
                                    into matches: inout [AssetMatch]) {
        let n = needle.count
        guard text.count >= n else { return }
        @inline(__always) func fold(_ b: UInt8) -> UInt8 { caseSensitive || b < 65 || b > 90 ? b : b + 32 }
        let first = needle[0]
        var i = 0
        while i <= text.count - n {
            if fold(text[i]) == first {
                var k = 1
                while k < n, fold(text[i + k]) == needle[k] { k += 1 }
                if k == n {
                    matches.append(AssetMatch(paragraph: paragraph, range: i..<(i + n)))
                    i += n
                    continue
                }
            }
            i += 1
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
