import LabelCore

/// The part of TOML a keymap file needs: comments, `[table]` headers, `key = value` with bare or
/// quoted keys, and values that are strings (basic and literal), arrays (over several lines,
/// trailing comma allowed), booleans and integers. Every place is kept, so an error (in the
/// syntax here, or in the meaning in `KeymapFile`) names its line and column. Anything else TOML
/// has is refused with a message that says so.
struct TOMLSubset: Equatable, Sendable {
    indirect enum Value: Equatable, Sendable {
        case string(String)
        case array([Item])
        case bool(Bool)
        case integer(Int)

        var kindName: String {
            switch self {
            case .string: "a string"
            case .array: "a list"
            case .bool: "a boolean"
            case .integer: "a number"
            }
        }
    }

    struct Item: Equatable, Sendable {
        var value: Value
        var at: SourceLocation
    }

    struct Pair: Equatable, Sendable {
        var key: String
        var keyAt: SourceLocation
        var value: Item
    }

    struct Table: Equatable, Sendable {
        /// Nil for the pairs before the first header.
        var name: String?
        var at: SourceLocation
        var pairs: [Pair] = []
    }

    struct SyntaxError: Error, Equatable, Sendable {
        var message: String
        var at: SourceLocation
    }

    /// The root table first, then each `[table]` in file order.
    var tables: [Table]

    init(parsing text: String) throws(SyntaxError) {
        var parser = Parser(Array(text))
        tables = try parser.document()
    }
}

private struct Parser {
    let chars: [Character]
    var i = 0
    var line = 1
    var lineStart = 0

    init(_ chars: [Character]) { self.chars = chars }

    var here: SourceLocation { SourceLocation(line: line, column: i - lineStart + 1) }
    var peek: Character? { i < chars.count ? chars[i] : nil }
    func isNewline(_ c: Character?) -> Bool { c == "\n" || c == "\r\n" || c == "\r" }

    func fail(_ message: String, at: SourceLocation? = nil) -> TOMLSubset.SyntaxError {
        TOMLSubset.SyntaxError(message: message, at: at ?? here)
    }

    mutating func newline() {
        i += 1
        line += 1
        lineStart = i
    }

    mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" { i += 1 }
    }

    mutating func skipComment() {
        guard peek == "#" else { return }
        while let c = peek, !isNewline(c) { i += 1 }
    }

    /// After a header or a value: spaces, a comment, then the end of the line (or of the file).
    mutating func endOfLine(after what: String) throws(TOMLSubset.SyntaxError) {
        skipSpaces()
        skipComment()
        guard let c = peek else { return }
        guard isNewline(c) else { throw fail("unexpected text after \(what); one setting per line (a comment starts with #)") }
        newline()
    }

    mutating func document() throws(TOMLSubset.SyntaxError) -> [TOMLSubset.Table] {
        var tables = [TOMLSubset.Table(name: nil, at: SourceLocation(line: 1, column: 1))]
        var seenTables: [String: Int] = [:]
        var seenKeys: [String: Int] = [:]
        while true {
            skipSpaces()
            guard let c = peek else { break }
            if isNewline(c) { newline(); continue }
            if c == "#" { skipComment(); continue }
            if c == "[" {
                let at = here
                i += 1
                if peek == "[" { throw fail("arrays of tables ([[…]]) are not part of a keymap file; write [mode] once", at: at) }
                skipSpaces()
                let name = try key(what: "a table name")
                skipSpaces()
                if peek == "." { throw fail("dotted table names are not part of a keymap file; write [mode]") }
                guard peek == "]" else { throw fail("expected ] to close the table name") }
                i += 1
                if let first = seenTables[name] { throw fail("[\(name)] appears twice (first on line \(first)); put its keys in one table", at: at) }
                seenTables[name] = at.line
                seenKeys = [:]
                tables.append(TOMLSubset.Table(name: name, at: at))
                try endOfLine(after: "[\(name)]")
                continue
            }
            let keyAt = here
            let name = try key(what: "a name (a command, or preset)")
            skipSpaces()
            if peek == "." { throw fail("dotted keys are not part of a keymap file; put the key in its [mode] table") }
            guard peek == "=" else { throw fail("expected = after \(name)") }
            i += 1
            skipSpaces()
            let value = try self.value()
            if let first = seenKeys[name] { throw fail("\(name) is set twice in this table (first on line \(first))", at: keyAt) }
            seenKeys[name] = keyAt.line
            tables[tables.count - 1].pairs.append(TOMLSubset.Pair(key: name, keyAt: keyAt, value: value))
            try endOfLine(after: "the value of \(name)")
        }
        return tables
    }

    static func isBare(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-") }

    mutating func key(what: String) throws(TOMLSubset.SyntaxError) -> String {
        if peek == "\"" { return try basicString() }
        if peek == "'" { return try literalString() }
        let start = i
        while let c = peek, Self.isBare(c) { i += 1 }
        guard i > start else { throw fail("expected \(what)") }
        return String(chars[start..<i])
    }

    mutating func value() throws(TOMLSubset.SyntaxError) -> TOMLSubset.Item {
        let at = here
        switch peek {
        case "\"":
            if i + 2 < chars.count, chars[i + 1] == "\"", chars[i + 2] == "\"" {
                throw fail("multi-line strings (\"\"\") are not part of a keymap file; a key name fits on one line")
            }
            return TOMLSubset.Item(value: .string(try basicString()), at: at)
        case "'": return TOMLSubset.Item(value: .string(try literalString()), at: at)
        case "[": return TOMLSubset.Item(value: try array(), at: at)
        case "{": throw fail("inline tables ({…}) are not part of a keymap file")
        default: break
        }
        let start = i
        while let c = peek, Self.isBare(c) || c == "+" || c == "." { i += 1 }
        let word = String(chars[start..<i])
        if word == "true" { return TOMLSubset.Item(value: .bool(true), at: at) }
        if word == "false" { return TOMLSubset.Item(value: .bool(false), at: at) }
        if let n = Int(word.replacingOccurrences(of: "_", with: "")), !word.hasPrefix("_") {
            return TOMLSubset.Item(value: .integer(n), at: at)
        }
        i = start
        throw fail(word.isEmpty ? "expected a value: a \"string\" or a [\"list\", \"of strings\"]"
                               : "expected a value, found \(word): strings go in quotes (\"\(word)\")")
    }

    mutating func array() throws(TOMLSubset.SyntaxError) -> TOMLSubset.Value {
        let open = here
        i += 1
        var items: [TOMLSubset.Item] = []
        while true {
            skipBlank()
            guard let c = peek else { throw fail("the list opened at \(open) is not closed with ]", at: open) }
            if c == "]" { i += 1; return .array(items) }
            items.append(try value())
            skipBlank()
            if peek == "," { i += 1; continue }
            if peek == "]" { i += 1; return .array(items) }
            if peek == nil { throw fail("the list opened at \(open) is not closed with ]", at: open) }
            throw fail("expected , or ] in the list")
        }
    }

    /// Spaces, comments and line ends inside a list.
    mutating func skipBlank() {
        while true {
            skipSpaces()
            skipComment()
            if isNewline(peek) { newline() } else { return }
        }
    }

    mutating func basicString() throws(TOMLSubset.SyntaxError) -> String {
        let open = here
        i += 1
        var out = ""
        while true {
            guard let c = peek, !isNewline(c) else { throw fail("the string opened at \(open) is not closed with \" on its line", at: open) }
            i += 1
            if c == "\"" { return out }
            guard c == "\\" else { out.append(c); continue }
            let escapeAt = SourceLocation(line: line, column: i - lineStart)
            guard let e = peek else { continue }
            i += 1
            switch e {
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "b": out.append("\u{8}")
            case "f": out.append("\u{C}")
            case "u", "U":
                let count = e == "u" ? 4 : 8
                let hex = String(chars[i..<min(chars.count, i + count)])
                guard hex.count == count, let n = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(n) else {
                    throw fail("\\\(e) takes \(count) hex digits of a Unicode scalar", at: escapeAt)
                }
                out.unicodeScalars.append(scalar)
                i += count
            default: throw fail("unknown escape \\\(e); escapes are \\\" \\\\ \\n \\t \\r \\b \\f \\uXXXX", at: escapeAt)
            }
        }
    }

    mutating func literalString() throws(TOMLSubset.SyntaxError) -> String {
        let open = here
        i += 1
        let start = i
        while let c = peek, c != "'" {
            if isNewline(c) { break }
            i += 1
        }
        guard peek == "'" else { throw fail("the string opened at \(open) is not closed with ' on its line", at: open) }
        defer { i += 1 }
        return String(chars[start..<i])
    }
}
