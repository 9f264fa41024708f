/// A place in a text file, counted from 1 the way editors count (column in characters).
public struct SourceLocation: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// A JSON syntax error with the place it was found.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    /// Where in the document, when the error is about a value rather than the text (a key that
    /// appears twice in one object).
    public var path: JSONPath?
    var isDuplicateKey = false
    public var description: String { "\(location): \(message)" }
}

/// A strict JSON parser (RFC 8259) over UTF-8 bytes. Written by hand because we need what
/// Foundation's parser does not give: key order, number literals kept verbatim, and the line and
/// column of an error — or of any value, found again by its path when a check fails.
public struct JSONParser {
    /// Deeper nesting than this is refused rather than risking the stack on hostile input.
    public static let maximumDepth = 512

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { bytes in Result { () throws(JSONSyntaxError) in try parse(bytes) } }
        return try result.get()
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in Result { () throws(JSONSyntaxError) in try parse(buffer) } }
        return try result.get()
    }

    /// A key repeated in one object is an error: readers disagree on which value counts, and
    /// keeping the last one silently would lose the first.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var parser = Cursor(bytes: bytes, targets: nil)
        do {
            return try parser.document()
        } catch where error.isDuplicateKey {
            // Found again, this time following the path, so the error can name it.
            var again = Cursor(bytes: bytes, targets: nil)
            again.tracksPath = true
            do { _ = try again.document() } catch { throw error }
            throw error
        }
    }

    /// Where the value at `path` starts in `bytes`, or nil if the document has no such value
    /// (or is not valid JSON). For several paths, `locations(of:in:)` reads the file once.
    public static func location(of path: JSONPath, in bytes: [UInt8]) -> SourceLocation? {
        locations(of: [path], in: bytes)[path]
    }

    /// Where each value at `paths` starts in `bytes`: one pass over the document whatever the
    /// number of paths, so errors about a document's meaning get their line:column in linear time.
    public static func locations(of paths: some Collection<JSONPath>, in bytes: [UInt8]) -> [JSONPath: SourceLocation] {
        guard !paths.isEmpty else { return [:] }
        var trie = PathTrie()
        for path in paths { trie.insert(path) }
        return bytes.withUnsafeBufferPointer { buffer in
            var parser = Cursor(bytes: buffer, targets: trie)
            _ = try? parser.document()
            let offsets = parser.found
            let sorted = Set(offsets.values).sorted()
            var located: [Int: SourceLocation] = [:]
            var walk = LineWalk()
            for offset in sorted {
                walk.advance(to: offset, in: buffer)
                located[offset] = walk.location
            }
            var result: [JSONPath: SourceLocation] = [:]
            for (node, offset) in offsets {
                for path in trie.paths[node] { result[path] = located[offset] }
            }
            return result
        }
    }

    /// The paths being looked for, as a tree of their components: the parser follows it as it
    /// reads, one step per value, so looking for many paths costs no more than for one.
    struct PathTrie {
        var children: [[JSONPath.Component: Int]] = [[:]]
        var paths: [[JSONPath]] = [[]]

        mutating func insert(_ path: JSONPath) {
            var node = 0
            for component in path.components {
                if let next = children[node][component] {
                    node = next
                } else {
                    children.append([:])
                    paths.append([])
                    children[node][component] = children.count - 1
                    node = children.count - 1
                }
            }
            paths[node].append(path)
        }
    }

    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var depth = 0
        /// When locating: the paths looked for, the node of the value being read (nil once the
        /// reader is outside every path looked for), and where each node's value starts.
        let targets: PathTrie?
        var node: Int? = 0
        var found: [Int: Int] = [:]
        /// Follows the path of the value being read, to name it in an error.
        var tracksPath = false
        var path: [JSONPath.Component] = []

        init(bytes: UnsafeBufferPointer<UInt8>, targets: PathTrie?) {
            self.bytes = bytes
            self.targets = targets
            // A UTF-8 byte order mark is tolerated, as editors on some systems write one.
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        }

        static func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
            var walk = LineWalk()
            walk.advance(to: offset, in: bytes)
            return walk.location
        }

        func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
            JSONSyntaxError(location: Self.location(of: offset ?? index, in: bytes), message: message)
        }

        mutating func document() throws(JSONSyntaxError) -> JSONValue {
            // Editors on Windows save "Unicode" as UTF-16 (or UTF-32), which JSON files may not be.
            if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
                throw error("the file is UTF-16 or UTF-32 (it starts with such a byte order mark); save it as UTF-8", at: 0)
            }
            skipWhitespace()
            if index >= bytes.count { throw error("the file is empty; expected a JSON value") }
            let value = try parseValue()
            skipWhitespace()
            if index < bytes.count {
                throw error("unexpected \(describe(bytes[index])) after the end of the JSON value")
            }
            return value
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        func describe(_ byte: UInt8) -> String {
            switch byte {
            case 0x20...0x7E: "'\(Character(Unicode.Scalar(byte)))'"
            default: "byte 0x\(String(byte, radix: 16, uppercase: true))"
            }
        }

        mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
            if let targets, let node, !targets.paths[node].isEmpty, found[node] == nil { found[node] = index }
            guard index < bytes.count else { throw error("unexpected end of file; expected a value") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
            case UInt8(ascii: "'"): throw error("strings must use double quotes (\"), not single quotes")
            case let byte: throw error("unexpected \(describe(byte)); expected a value")
            }
        }

        mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
            let start = index
            let count = word.utf8CodeUnitCount
            let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
            guard index + count <= bytes.count, (0..<count).allSatisfy({ bytes[index + $0] == expected[$0] }) else {
                throw error("unexpected text; expected \(word) or another value", at: start)
            }
            index += count
        }

        mutating func enter() throws(JSONSyntaxError) {
            depth += 1
            if depth > JSONParser.maximumDepth {
                throw error("nesting deeper than \(JSONParser.maximumDepth) levels")
            }
        }

        mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
            try enter()
            index += 1
            var object = JSONObject()
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .object(object)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count else { throw error("unexpected end of file inside an object; expected a key") }
                guard bytes[index] == UInt8(ascii: "\"") else {
                    if bytes[index] == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
                    throw error("unexpected \(describe(bytes[index])); expected a key in double quotes")
                }
                let keyStart = index
                let key = try parseString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                    throw error("expected ':' after the key \"\(key)\"")
                }
                index += 1
                skipWhitespace()
                let outer = node
                if let targets, let n = node { node = targets.children[n][.key(key)] }
                if tracksPath { path.append(.key(key)) }
                let value = try parseValue()
                node = outer
                if object.updateValue(value, forKey: key) != nil {
                    var duplicate = error("the key \(JSONWriter.quoted(Excerpt.of(key))) appears twice in this object; JSON readers disagree on which value counts",
                                          at: keyStart)
                    duplicate.path = tracksPath ? JSONPath(path) : nil
                    duplicate.isDuplicateKey = true
                    throw duplicate
                }
                if tracksPath { path.removeLast() }
                skipWhitespace()
                guard index < bytes.count else { throw error("unexpected end of file inside an object; expected ',' or '}'") }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    depth -= 1
                    return .object(object)
                default: throw error("unexpected \(describe(bytes[index])); expected ',' or '}' (is a comma missing?)")
                }
            }
        }

        mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
            try enter()
            index += 1
            var array: [JSONValue] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(array)
            }
            while true {
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
                let outer = node
                if let targets, let n = node { node = targets.children[n][.index(array.count)] }
                if tracksPath { path.append(.index(array.count)) }
                array.append(try parseValue())
                if tracksPath { path.removeLast() }
                node = outer
                skipWhitespace()
                guard index < bytes.count else { throw error("unexpected end of file inside an array; expected ',' or ']'") }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"):
                    index += 1
                    depth -= 1
                    return .array(array)
                default: throw error("unexpected \(describe(bytes[index])); expected ',' or ']' (is a comma missing?)")
                }
            }
        }

        mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
            let start = index
            func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs digits after '-'") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if index < bytes.count, isDigit(bytes[index]) { throw error("numbers may not have leading zeros", at: start) }
            } else {
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs digits after '.'") }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs digits in its exponent") }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }

        mutating func parseString() throws(JSONSyntaxError) -> String {
            let open = index
            index += 1
            let start = index
            // Fast path: no escapes. ASCII text (most keys and values) needs no UTF-8 check:
            // it is made as it is, where the generic check cost a fifth of reading a file.
            var bits: UInt8 = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    if bits < 0x80 { return String(decoding: slice, as: UTF8.self) }
                    guard let string = String(validating: slice, as: UTF8.self) else {
                        throw error("the string is not valid UTF-8", at: open)
                    }
                    return string
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw error(controlMessage(byte)) }
                bits |= byte
                index += 1
            }
            var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    guard let string = String(validating: scratch, as: UTF8.self) else {
                        throw error("the string is not valid UTF-8", at: open)
                    }
                    return string
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.count else { break }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""): scratch.append(0x22)
                    case UInt8(ascii: "\\"): scratch.append(0x5C)
                    case UInt8(ascii: "/"): scratch.append(0x2F)
                    case UInt8(ascii: "b"): scratch.append(0x08)
                    case UInt8(ascii: "f"): scratch.append(0x0C)
                    case UInt8(ascii: "n"): scratch.append(0x0A)
                    case UInt8(ascii: "r"): scratch.append(0x0D)
                    case UInt8(ascii: "t"): scratch.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                                throw error("a \\u escape for a high surrogate must be followed by a low surrogate")
                            }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate in \\u escape") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw error("a lone low surrogate in a \\u escape")
                        }
                        scratch.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
                    default:
                        throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))' in a string", at: index - 2)
                    }
                default:
                    if byte < 0x20 { throw error(controlMessage(byte)) }
                    scratch.append(byte)
                    index += 1
                }
            }
            throw error("unterminated string (no closing '\"')", at: open)
        }

        func controlMessage(_ byte: UInt8) -> String {
            byte == 0x0A
                ? "a line break inside a string (is a closing '\"' missing?)"
                : "a raw control character (0x\(String(byte, radix: 16, uppercase: true))) inside a string; write it as an escape"
        }

        mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("a \\u escape needs four hexadecimal digits") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[index]
                let digit: UInt32
                switch b {
                case 0x30...0x39: digit = UInt32(b - 0x30)
                case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
                default: throw error("a \\u escape needs four hexadecimal digits")
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }
    }
}

/// Line and column (from 1; a column per UTF-8 character) of a byte offset, found by walking
/// forward through the bytes: several offsets in increasing order cost one pass.
struct LineWalk {
    private var line = 1
    private var column = 1
    private var offset = 0

    var location: SourceLocation { SourceLocation(line: line, column: column) }

    mutating func advance(to target: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        while offset < target && offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
    }
}
