import Foundation

/// The items of a JSON array file, one at a time: the array's structure (brackets, commas,
/// strings) is followed byte by byte as blocks are read, and each item's bytes are handed over
/// with the place it starts, to be parsed by `JSONParser` on its own. Memory holds one block and
/// one item, whatever the file's size. A break in the structure is an error naming its place.
struct JSONArrayItems {
    enum State {
        case beforeArray, beforeItem, inItem, afterItem, afterArray
    }

    let file: String
    private(set) var state = State.beforeArray
    private(set) var count = 0
    private var item: [UInt8] = []
    private var itemStart = SourceLocation(line: 1, column: 1)
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var line = 1
    private var column = 1
    /// Whether the column is to be worked out from the last item's bytes (`currentColumn`): an
    /// item's bytes are searched for line breaks only, and its column is needed only when a place
    /// is asked for before the next line break (in a file of one item a line, never).
    private var columnPending = false
    /// Characters since the last item, while its column is pending.
    private var charsAfterItem = 0
    /// Whether the item is a scalar (a number, true, false, null), which ends at a delimiter.
    private var scalar = false

    init(file: String) { self.file = file }

    func error(_ message: String, hint: String = "fix the JSON syntax at this place; the rest of the file was not read") -> DiagnosticsError {
        DiagnosticsError(Diagnostic(.error, message, file: file, location: SourceLocation(line: line, column: currentColumn), hint: hint))
    }

    /// Follows `bytes`, calling `body` with each whole item (its bytes, 0-based index and
    /// starting place) while it returns true; returns false once `body` said stop.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>,
                       _ body: (_ item: [UInt8], _ index: Int, _ start: SourceLocation) throws -> Bool) throws -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            if state == .inItem {
                // An item's bytes are scanned in one tight loop and copied as one slice: a byte at
                // a time through `take` cost more than parsing the item.
                let start = i
                let ended = scalar ? scanScalar(bytes, &i) : scanContainer(bytes, &i)
                let run = UnsafeBufferPointer(rebasing: bytes[start..<i])
                item.append(contentsOf: run)
                advance(over: run)
                guard ended else { continue }
                if try finishItem(body) == false { return false }
                continue
            }
            let byte = bytes[i]
            switch state {
            case .beforeArray:
                if Self.isSpace(byte) || (line == 1 && [0xEF, 0xBB, 0xBF].contains(byte)) { break }
                guard byte == UInt8(ascii: "[") else { throw error("expected a JSON array of records") }
                state = .beforeItem
            case .beforeItem:
                if Self.isSpace(byte) { break }
                if byte == UInt8(ascii: "]") {
                    guard count == 0 else { throw error("expected a value after the comma") }
                    state = .afterArray
                    break
                }
                state = .inItem
                itemStart = SourceLocation(line: line, column: currentColumn)
                column = itemStart.column
                columnPending = false
                item.removeAll(keepingCapacity: true)
                depth = 0
                inString = false
                escaped = false
                scalar = byte != UInt8(ascii: "{") && byte != UInt8(ascii: "[") && byte != UInt8(ascii: "\"")
                // A scalar ends at a delimiter after its first byte; a container's or a string's
                // first byte is scanned with the rest of it.
                guard scalar else { continue }
                item.append(byte)
            case .inItem:
                break
            case .afterItem:
                try after(byte)
            case .afterArray:
                guard Self.isSpace(byte) else { throw error("unexpected text after the array's closing bracket") }
            }
            advance(byte)
            i += 1
        }
        return true
    }

    /// Moves `i` past the scalar item's bytes in `bytes`; true when its end (a delimiter, not
    /// taken) was found.
    private func scanScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || Self.isSpace(byte) { return true }
            i += 1
        }
        return false
    }

    /// Moves `i` past the container or string item's bytes in `bytes`, up to and with its
    /// closing byte; true when that was found. Inside a string the closing quote is found with
    /// `memchr` (a quote after an odd run of backslashes is escaped), not byte by byte.
    private mutating func scanContainer(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        var depth = self.depth
        var inString = self.inString
        var escaped = self.escaped
        defer {
            self.depth = depth
            self.inString = inString
            self.escaped = escaped
        }
        let n = bytes.count
        let base = bytes.baseAddress!
        /// The backslashes just before `end`, back to `start`.
        func backslashes(before end: Int, from start: Int) -> Int {
            var count = 0
            var j = end - 1
            while j >= start, bytes[j] == UInt8(ascii: "\\") {
                count += 1
                j -= 1
            }
            return count
        }
        while i < n {
            if inString {
                if escaped {
                    escaped = false
                    i += 1
                    continue
                }
                let start = i
                while true {
                    guard let found = memchr(base + i, Int32(UInt8(ascii: "\"")), n - i) else {
                        // The string goes on in the next block; its last byte may escape that one's first.
                        escaped = backslashes(before: n, from: start) % 2 == 1
                        i = n
                        return false
                    }
                    let quote = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                    i = quote + 1
                    if backslashes(before: quote, from: start) % 2 == 0 { break }
                }
                inString = false
                if depth == 0 { return true }
                continue
            }
            let byte = bytes[i]
            i += 1
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return true }
            default: break
            }
        }
        return false
    }

    /// The end of the input: the array must be closed.
    mutating func finish(_ body: (_ item: [UInt8], _ index: Int, _ start: SourceLocation) throws -> Bool) throws {
        if state == .inItem, scalar { _ = try finishItem(body); state = .afterItem }
        switch state {
        case .afterArray: return
        case .beforeArray: throw error("the file is empty; expected a JSON array of records")
        default: throw error("the file ends inside the array; expected ] to close it")
        }
    }

    private mutating func after(_ byte: UInt8) throws {
        if Self.isSpace(byte) { return }
        if byte == UInt8(ascii: ",") { state = .beforeItem } else if byte == UInt8(ascii: "]") { state = .afterArray } else {
            throw error("expected , or ] after an item of the array")
        }
    }

    private mutating func finishItem(_ body: (_ item: [UInt8], _ index: Int, _ start: SourceLocation) throws -> Bool) throws -> Bool {
        state = .afterItem
        let index = count
        count += 1
        return try body(item, index, itemStart)
    }

    private mutating func advance(_ byte: UInt8) {
        if byte == 0x0A {
            line += 1
            column = 1
            columnPending = false
        } else if byte & 0xC0 != 0x80 {
            if columnPending { charsAfterItem += 1 } else { column += 1 }
        }
    }

    /// An item's run of bytes: its line breaks counted (found with `memchr`), its column left
    /// pending.
    private mutating func advance(over run: UnsafeBufferPointer<UInt8>) {
        guard var p = run.baseAddress.map(UnsafeRawPointer.init) else { return }
        var remaining = run.count
        while remaining > 0, let found = memchr(p, 0x0A, remaining) {
            let step = UnsafeRawPointer(found) - p + 1
            line += 1
            p += step
            remaining -= step
        }
        columnPending = true
        charsAfterItem = 0
    }

    /// The column of the next byte: worked out from the last item's bytes (kept until the next
    /// item starts) when it is pending.
    private var currentColumn: Int {
        guard columnPending else { return column }
        func characters(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
        let inItem = item.lastIndex(of: 0x0A).map { 1 + characters(item[($0 + 1)...]) } ?? itemStart.column + characters(item[...])
        return inItem + charsAfterItem
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// A place inside an item, as a place in the file.
    static func place(_ inner: SourceLocation, itemStart: SourceLocation) -> SourceLocation {
        SourceLocation(line: itemStart.line + inner.line - 1, column: inner.line == 1 ? itemStart.column + inner.column - 1 : inner.column)
    }

    /// Reads the file at `path` a block at a time; `body` also gets the bytes read so far.
    static func forEach(path: String, _ body: (_ item: [UInt8], _ index: Int, _ start: SourceLocation, _ bytesRead: Int) throws -> Bool) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw DiagnosticsError(Diagnostic(.error, "cannot read the file: \(String(cString: strerror(errno)))", file: path)) }
        defer { close(fd) }
        var items = JSONArrayItems(file: path)
        var block = [UInt8](repeating: 0, count: FileLines.blockSize)
        var bytesRead = 0
        while true {
            let n = block.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DiagnosticsError(Diagnostic(.error, "cannot read the file: \(String(cString: strerror(errno)))", file: path))
            }
            if n == 0 { break }
            bytesRead += n
            let soFar = bytesRead
            let going = try block.withUnsafeBufferPointer { whole in
                try items.feed(UnsafeBufferPointer(rebasing: whole[0..<n])) { try body($0, $1, $2, soFar) }
            }
            if !going { return }
        }
        try items.finish { try body($0, $1, $2, bytesRead) }
    }
}
