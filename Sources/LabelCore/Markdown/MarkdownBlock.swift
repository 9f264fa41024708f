import Foundation

/// A block of a Markdown document: the subset instructions use (CommonMark's blocks, tables kept
/// as written). Inline text is kept as source and parsed by `MarkdownInline` when laid out.
indirect enum MarkdownBlock: Equatable, Sendable {
    case heading(level: Int, text: String)
    /// Source lines; a line ending in two spaces or `\` breaks the line there.
    case paragraph([String])
    case list(ordered: Bool, start: Int, items: [[MarkdownBlock]], tight: Bool)
    case code([String])
    case quote([MarkdownBlock])
    case rule
    /// A pipe table, shown as written.
    case table([String])

    /// The blocks of a document (lines without their line breaks).
    static func parse(_ text: String) -> [MarkdownBlock] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { expandTabs(String($0)) }
        return parse(lines: lines[...])
    }

    static func parse(lines: ArraySlice<String>) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var i = lines.startIndex
        while i < lines.endIndex {
            let line = lines[i]
            if isBlank(line) {
                i += 1
                continue
            }
            if let fence = Fence(line) {
                var body: [String] = []
                i += 1
                while i < lines.endIndex, !fence.closes(lines[i]) {
                    body.append(fence.strip(lines[i]))
                    i += 1
                }
                i = min(i + 1, lines.endIndex)
                blocks.append(.code(body))
                continue
            }
            if indentation(line) >= 4 {
                var body: [String] = []
                while i < lines.endIndex, isBlank(lines[i]) || indentation(lines[i]) >= 4 {
                    body.append(String(lines[i].dropFirst(min(4, indentation(lines[i])))))
                    i += 1
                }
                while body.last.map(isBlank) == true { body.removeLast() }
                blocks.append(.code(body))
                continue
            }
            if let heading = heading(line) {
                blocks.append(heading)
                i += 1
                continue
            }
            if isRule(line) {
                blocks.append(.rule)
                i += 1
                continue
            }
            if quoted(line) != nil {
                var body: [String] = []
                while i < lines.endIndex, !isBlank(lines[i]) {
                    // A line without `>` continues the quote's paragraph (a lazy line).
                    if let inner = quoted(lines[i]) { body.append(inner) } else if startsBlock(lines[i]) { break } else { body.append(lines[i]) }
                    i += 1
                }
                blocks.append(.quote(parse(lines: body[...])))
                continue
            }
            if ListMarker(line) != nil {
                let (list, next) = parseList(lines, from: i)
                blocks.append(list)
                i = next
                continue
            }
            if line.drop(while: { $0 == " " }).hasPrefix("|") {
                var rows: [String] = []
                while i < lines.endIndex, lines[i].drop(while: { $0 == " " }).hasPrefix("|") {
                    rows.append(lines[i].trimmingCharacters(in: .whitespaces))
                    i += 1
                }
                blocks.append(.table(rows))
                continue
            }
            var text: [String] = [line]
            i += 1
            while i < lines.endIndex, !isBlank(lines[i]), !startsBlock(lines[i]) {
                // A line of `=` or `-` under a paragraph makes it a heading (setext).
                let underline = lines[i].trimmingCharacters(in: .whitespaces)
                if indentation(lines[i]) < 4, !underline.isEmpty, underline.allSatisfy({ $0 == "=" }) || underline.allSatisfy({ $0 == "-" }) {
                    break
                }
                text.append(lines[i])
                i += 1
            }
            if i < lines.endIndex, indentation(lines[i]) < 4 {
                let underline = lines[i].trimmingCharacters(in: .whitespaces)
                if !underline.isEmpty, underline.allSatisfy({ $0 == "=" }) || underline.allSatisfy({ $0 == "-" }) {
                    blocks.append(.heading(level: underline.first == "=" ? 1 : 2,
                                           text: text.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")))
                    i += 1
                    continue
                }
            }
            blocks.append(.paragraph(text))
        }
        return blocks
    }

    /// A list: items of the same kind of marker; each item's lines are those indented to its
    /// content (or lazy continuations of its text), parsed as blocks of their own.
    static func parseList(_ lines: ArraySlice<String>, from start: Int) -> (MarkdownBlock, Int) {
        let first = ListMarker(lines[start])!
        var items: [[MarkdownBlock]] = []
        var tight = true
        var i = start
        while i < lines.endIndex, let marker = ListMarker(lines[i]), marker.sameList(as: first), indentation(lines[i]) < first.contentIndent {
            var body = [marker.content]
            i += 1
            var sawBlank = false
            while i < lines.endIndex {
                let line = lines[i]
                if isBlank(line) {
                    sawBlank = true
                    body.append("")
                    i += 1
                    continue
                }
                if indentation(line) >= marker.contentIndent {
                    body.append(String(line.dropFirst(marker.contentIndent)))
                } else if !sawBlank, !startsBlock(line) {
                    body.append(line.trimmingCharacters(in: .whitespaces))
                } else {
                    break
                }
                sawBlank = false
                i += 1
            }
            while body.last == "" { body.removeLast() }
            if body.contains("") { tight = false }
            if i < lines.endIndex, i > start, isBlank(lines[i - 1]), ListMarker(lines[i])?.sameList(as: first) == true { tight = false }
            items.append(parse(lines: body[...]))
        }
        return (.list(ordered: first.ordered, start: first.number, items: items, tight: tight), i)
    }

    // MARK: Lines

    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " } }

    static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    /// Tabs to spaces, to the next multiple of 4, as CommonMark counts indentation.
    static func expandTabs(_ line: String) -> String {
        guard line.contains("\t") else { return line }
        var out = ""
        var column = 0
        for c in line {
            if c == "\t" {
                let n = 4 - column % 4
                out += String(repeating: " ", count: n)
                column += n
            } else {
                out.append(c)
                column += 1
            }
        }
        return out
    }

    /// Whether a line starts a block that ends a paragraph.
    static func startsBlock(_ line: String) -> Bool {
        guard indentation(line) < 4 else { return false }
        return Fence(line) != nil || heading(line) != nil || isRule(line) || quoted(line) != nil || ListMarker(line) != nil
    }

    static func heading(_ line: String) -> MarkdownBlock? {
        guard indentation(line) < 4 else { return nil }
        let rest = line.drop { $0 == " " }
        let hashes = rest.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let after = rest.dropFirst(hashes)
        guard after.isEmpty || after.first == " " else { return nil }
        var text = after.trimmingCharacters(in: .whitespaces)
        // A closing run of `#` after a space is not part of the heading.
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let kept = text.dropLast(closing)
            if kept.isEmpty || kept.last == " " { text = kept.trimmingCharacters(in: .whitespaces) }
        }
        return .heading(level: hashes, text: text)
    }

    static func isRule(_ line: String) -> Bool {
        guard indentation(line) < 4 else { return false }
        let marks = line.filter { $0 != " " }
        guard let c = marks.first, c == "-" || c == "*" || c == "_", marks.count >= 3 else { return false }
        return marks.allSatisfy { $0 == c }
    }

    /// The line inside a quote's `>` (and the one space after it), or nil.
    static func quoted(_ line: String) -> String? {
        guard indentation(line) < 4 else { return nil }
        let rest = line.drop { $0 == " " }
        guard rest.first == ">" else { return nil }
        let inner = rest.dropFirst()
        return String(inner.first == " " ? inner.dropFirst() : inner)
    }
}

/// A code fence: three or more backticks or tildes; it closes at a line of at least as many.
struct Fence {
    var character: Character
    var length: Int
    var indent: Int

    init?(_ line: String) {
        indent = MarkdownBlock.indentation(line)
        guard indent < 4 else { return nil }
        let rest = line.dropFirst(indent)
        guard let c = rest.first, c == "`" || c == "~" else { return nil }
        length = rest.prefix { $0 == c }.count
        guard length >= 3 else { return nil }
        // A backtick fence's info string has no backticks.
        if c == "`", rest.dropFirst(length).contains("`") { return nil }
        character = c
    }

    func closes(_ line: String) -> Bool {
        guard MarkdownBlock.indentation(line) < 4 else { return false }
        let rest = line.trimmingCharacters(in: .whitespaces)
        return rest.count >= length && rest.allSatisfy { $0 == character }
    }

    /// A body line without the fence's own indentation.
    func strip(_ line: String) -> String {
        String(line.dropFirst(min(indent, MarkdownBlock.indentation(line))))
    }
}

/// A list item's marker: `-`, `*`, `+`, or a number with `.` or `)`.
struct ListMarker {
    var ordered: Bool
    var number: Int
    /// The bullet, or the delimiter after the number: items of one list share it.
    var delimiter: Character
    /// The column the item's text starts at; its other lines are indented to it.
    var contentIndent: Int
    var content: String

    init?(_ line: String) {
        let indent = MarkdownBlock.indentation(line)
        guard indent < 4 else { return nil }
        let rest = line.dropFirst(indent)
        var markerWidth: Int
        if let c = rest.first, c == "-" || c == "*" || c == "+" {
            ordered = false
            number = 1
            delimiter = c
            markerWidth = 1
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard (1...9).contains(digits.count), let d = rest.dropFirst(digits.count).first, d == "." || d == ")" else { return nil }
            ordered = true
            number = Int(digits) ?? 1
            delimiter = d
            markerWidth = digits.count + 1
        }
        let after = rest.dropFirst(markerWidth)
        guard after.isEmpty || after.first == " " else { return nil }
        let spaces = after.prefix { $0 == " " }.count
        // More than four spaces: the text is indented code, and the item's content starts after one.
        let gap = after.allSatisfy { $0 == " " } || spaces > 4 ? 1 : spaces
        contentIndent = indent + markerWidth + gap
        content = String(after.dropFirst(min(gap, spaces)))
    }

    func sameList(as other: ListMarker) -> Bool { ordered == other.ordered && delimiter == other.delimiter }
}
