import Foundation

/// Markdown's inline text: emphasis, code spans, links and autolinks, backslash escapes. What it
/// does not know (HTML, reference links) stays as written.
enum MarkdownInline {
    /// A forced line break inside a paragraph (two spaces or `\` at the end of a line).
    static let lineBreak = "\n"

    static func runs(_ text: String, style: TextStyle) -> [StyledRun] {
        var line = StyledLine()
        parse(Array(text), style: style, into: &line)
        return line.runs
    }

    private static func parse(_ s: [Character], style: TextStyle, into out: inout StyledLine) {
        var i = 0
        var plain = ""
        func flush() {
            out.append(plain, style)
            plain = ""
        }
        while i < s.count {
            let c = s[i]
            if c == "\\", i + 1 < s.count, s[i + 1].isASCII, s[i + 1].isPunctuation || s[i + 1].isSymbol {
                plain.append(s[i + 1])
                i += 2
                continue
            }
            if c == "`" {
                let n = run(s, i, of: "`")
                if let end = closingRun(s, from: i + n, of: "`", length: n) {
                    var code = String(s[(i + n)..<end]).replacingOccurrences(of: "\n", with: " ")
                    if code.count >= 2, code.first == " ", code.last == " ", code.contains(where: { $0 != " " }) {
                        code = String(code.dropFirst().dropLast())
                    }
                    flush()
                    out.append(code, style.union(.code))
                    i = end + n
                } else {
                    plain += String(repeating: "`", count: n)
                    i += n
                }
                continue
            }
            if c == "*" || c == "_" {
                let n = run(s, i, of: c)
                if let (end, length) = emphasisEnd(s, open: i, length: n, of: c) {
                    flush()
                    plain += String(repeating: c, count: n - length)
                    flush()
                    let added: TextStyle = length >= 3 ? [.bold, .italic] : length == 2 ? .bold : .italic
                    parse(Array(s[(i + n)..<end]), style: style.union(added), into: &out)
                    i = end + length
                    continue
                }
                plain += String(repeating: c, count: n)
                i += n
                continue
            }
            if c == "[" || (c == "!" && i + 1 < s.count && s[i + 1] == "[") {
                let open = c == "!" ? i + 1 : i
                if let link = link(s, open: open) {
                    flush()
                    let label = Array(s[(open + 1)..<link.labelEnd])
                    if String(label) == link.url || label.isEmpty {
                        out.append(link.url, style.union(.link))
                    } else {
                        parse(label, style: style.union(.link), into: &out)
                        out.append(" (\(link.url))", style.union(.url))
                    }
                    i = link.end
                    continue
                }
            }
            if c == "<", let close = s[(i + 1)...].firstIndex(of: ">") {
                let inside = String(s[(i + 1)..<close])
                if !inside.contains(" "), inside.contains(":") || inside.contains("@"), inside.first?.isLetter == true {
                    flush()
                    out.append(inside.hasPrefix("mailto:") ? String(inside.dropFirst(7)) : inside, style.union(.link))
                    i = close + 1
                    continue
                }
            }
            plain.append(c)
            i += 1
        }
        flush()
    }

    /// How many of `c` stand in a row from `i`.
    private static func run(_ s: [Character], _ i: Int, of c: Character) -> Int {
        var n = 0
        while i + n < s.count, s[i + n] == c { n += 1 }
        return n
    }

    private static func closingRun(_ s: [Character], from: Int, of c: Character, length: Int) -> Int? {
        var i = from
        while i < s.count {
            if s[i] == c {
                let n = run(s, i, of: c)
                if n == length { return i }
                i += n
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Where an emphasis opened at `open` closes, and with how many delimiters (1 italic, 2 bold,
    /// 3 both). A delimiter opens before non-space and closes after non-space; `_` never inside
    /// a word (snake_case stays as written).
    private static func emphasisEnd(_ s: [Character], open: Int, length: Int, of c: Character) -> (Int, Int)? {
        let after = open + length
        guard after < s.count, !s[after].isWhitespace else { return nil }
        if c == "_", open > 0, s[open - 1].isLetter || s[open - 1].isNumber { return nil }
        let want = min(length, 3)
        var i = after + 1
        while i < s.count {
            if s[i] == "`" {
                // A code span inside is skipped whole.
                let n = run(s, i, of: "`")
                if let end = closingRun(s, from: i + n, of: "`", length: n) { i = end + n; continue }
                i += n
                continue
            }
            if s[i] == c {
                let n = run(s, i, of: c)
                let before = s[i - 1]
                let next = i + n < s.count ? s[i + n] : " "
                if !before.isWhitespace, n >= want || n == length, !(c == "_" && (next.isLetter || next.isNumber)) {
                    return (i, min(n, want))
                }
                i += n
                continue
            }
            i += 1
        }
        return nil
    }

    /// `[label](url "title")` from the `[` at `open`.
    private static func link(_ s: [Character], open: Int) -> (labelEnd: Int, url: String, end: Int)? {
        var depth = 0
        var i = open
        var labelEnd: Int?
        while i < s.count {
            if s[i] == "\\" { i += 2; continue }
            if s[i] == "[" { depth += 1 }
            if s[i] == "]" {
                depth -= 1
                if depth == 0 { labelEnd = i; break }
            }
            i += 1
        }
        guard let labelEnd, labelEnd + 1 < s.count, s[labelEnd + 1] == "(",
              let close = s[(labelEnd + 2)...].firstIndex(of: ")") else { return nil }
        var target = String(s[(labelEnd + 2)..<close]).trimmingCharacters(in: .whitespaces)
        // A title after the address is not shown.
        if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }
        if target.hasPrefix("<"), target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
        return (labelEnd, target, close + 1)
    }
}
