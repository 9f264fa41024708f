import Foundation

/// Reads JSON text that is already in the form `JSONWriter.appendCompact` writes: no space
/// between tokens, every string escaped exactly as the writer escapes it, valid UTF-8, and no key
/// twice in an object. Such text can be stored as it came: it is byte for byte what parsing it
/// and writing it again would give. Anything else (spaces, `\/`, `\u00e9`, a repeated key, a
/// key that is not ASCII, nesting deeper than the parser allows) is refused, and the caller
/// parses the text instead, which also finds its errors.
///
/// Keys must be ASCII so that "the same key" is the same bytes: the parser, through Swift's
/// `String`, also takes two differently composed spellings of one accented key as the same key.
struct CompactJSON {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var index: Int
    private var depth = 0
    /// The keys of the objects being read, innermost last (a fingerprint of their bytes, and
    /// where they are): a repeated key is found by comparing fingerprints first.
    private var keys: [(hash: UInt64, start: Int, count: Int)] = []
    /// Where each open object's keys start in `keys`.
    private var bases: [Int] = []

    /// An object with more keys than this is left to the parser, whose dictionary finds repeats
    /// in linear time.
    static let maximumKeys = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int = 0) {
        self.bytes = bytes
        self.index = index
        keys.reserveCapacity(32)
        bases.reserveCapacity(8)
    }

    /// The byte at `index`, or 0 past the end (0 never starts or continues a valid value).
    @inline(__always) var next: UInt8 { index < bytes.count ? bytes[index] : 0 }

    /// Moves past one value; false when it is not in compact form.
    mutating func skipValue() -> Bool {
        switch next {
        case UInt8(ascii: "{"): return object { scan, _ in scan.skipValue() }
        case UInt8(ascii: "["): return array { scan in scan.skipValue() }
        case UInt8(ascii: "\""): return skipString() != nil
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return skipNumber()
        default: return false
        }
    }

    /// What `nextMember` found.
    private enum Member {
        /// A key (its bytes, without quotes); the value starts at `index`.
        case key(Range<Int>)
        /// The object's closing brace, read.
        case end
        /// Not in compact form.
        case invalid
    }

    /// Reads the `{` at `index`; then `nextMember` until it says `.end`, reading each value
    /// before asking for the next (`object`).
    private mutating func enterObject() -> Bool {
        guard next == UInt8(ascii: "{"), enter() else { return false }
        index += 1
        bases.append(keys.count)
        return true
    }

    private mutating func nextMember() -> Member {
        if next == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            keys.removeSubrange(bases.removeLast()...)
            return .end
        }
        if bytes[index - 1] != UInt8(ascii: "{") {
            guard next == UInt8(ascii: ",") else { return .invalid }
            index += 1
        }
        guard next == UInt8(ascii: "\"") else { return .invalid }
        let keyStart = index + 1
        guard let ascii = skipString(), ascii else { return .invalid }
        let key = keyStart..<index - 1
        let hash = fingerprint(key)
        let base = bases[bases.count - 1]
        for other in keys[base...] where other.hash == hash && other.count == key.count {
            if memcmp(bytes.baseAddress! + other.start, bytes.baseAddress! + key.lowerBound, key.count) == 0 { return .invalid }
        }
        guard keys.count - base < Self.maximumKeys, next == UInt8(ascii: ":") else { return .invalid }
        keys.append((hash, key.lowerBound, key.count))
        index += 1
        return .key(key)
    }

    /// Reads the object at `index`, calling `member` with each key; `member` reads the value
    /// (with `skipValue`, or these same steps) and says whether to go on. False when the object
    /// is not in compact form or `member` said stop.
    mutating func object(_ member: (inout CompactJSON, _ key: Range<Int>) -> Bool) -> Bool {
        guard enterObject() else { return false }
        while true {
            switch nextMember() {
            case .key(let key): guard member(&self, key) else { return false }
            case .end: return true
            case .invalid: return false
            }
        }
    }

    /// Reads the array at `index`, calling `element` as each element starts; `element` reads it
    /// and says whether to go on. False when the array is not in compact form or `element` said
    /// stop.
    mutating func array(_ element: (inout CompactJSON) -> Bool) -> Bool {
        guard enterArray() else { return false }
        while let more = nextElement() {
            guard more else { return true }
            guard element(&self) else { return false }
        }
        return false
    }

    /// Reads the `[` at `index`; then `nextElement` until it says false (the closing bracket,
    /// read), reading each element before asking for the next (`array`).
    private mutating func enterArray() -> Bool {
        guard next == UInt8(ascii: "["), enter() else { return false }
        index += 1
        return true
    }

    /// True when an element starts at `index`, false at the array's end, nil when not compact.
    private mutating func nextElement() -> Bool? {
        if next == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return false
        }
        if bytes[index - 1] != UInt8(ascii: "[") {
            guard next == UInt8(ascii: ",") else { return nil }
            index += 1
        }
        return true
    }

    /// A key's length and its first and last (up to) eight bytes: keys that differ there are
    /// told apart without comparing them.
    private func fingerprint(_ key: Range<Int>) -> UInt64 {
        let base = UnsafeRawPointer(bytes.baseAddress! + key.lowerBound)
        let count = key.count
        var first: UInt64 = 0
        var last: UInt64 = 0
        withUnsafeMutableBytes(of: &first) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base, count: min(count, 8))) }
        if count > 8 {
            withUnsafeMutableBytes(of: &last) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + count - 8, count: 8)) }
        }
        return (first &* 0x9E37_79B9_7F4A_7C15) ^ last ^ UInt64(count)
    }

    /// Whether the key's bytes are `name`.
    func key(_ key: Range<Int>, is name: StaticString) -> Bool {
        key.count == name.utf8CodeUnitCount && memcmp(bytes.baseAddress! + key.lowerBound, name.utf8Start, key.count) == 0
    }

    private mutating func enter() -> Bool {
        depth += 1
        return depth <= JSONParser.maximumDepth
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count, memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0 else { return false }
        index += count
        return true
    }

    /// A number as the parser reads it (it is kept, and written, as its literal).
    private mutating func skipNumber() -> Bool {
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        if next == UInt8(ascii: "-") { index += 1 }
        guard isDigit(next) else { return false }
        if next == UInt8(ascii: "0") {
            index += 1
            if isDigit(next) { return false }
        } else {
            while isDigit(next) { index += 1 }
        }
        if next == UInt8(ascii: ".") {
            index += 1
            guard isDigit(next) else { return false }
            while isDigit(next) { index += 1 }
        }
        if next | 0x20 == UInt8(ascii: "e") {
            index += 1
            if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { index += 1 }
            guard isDigit(next) else { return false }
            while isDigit(next) { index += 1 }
        }
        return true
    }

    /// Moves past the string at `index` (its quotes included); nil when it is not as the writer
    /// writes it, else whether it is all ASCII without escapes.
    mutating func skipString() -> Bool? {
        index += 1
        var plain = true
        let n = bytes.count
        while index < n {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return plain
            }
            if b < 0x20 || b == 0x7F { return nil }
            if b == UInt8(ascii: "\\") {
                plain = false
                guard escape() else { return nil }
                continue
            }
            if b >= 0x80 {
                plain = false
                guard scalar() else { return nil }
                continue
            }
            index += 1
        }
        return nil
    }

    /// An escape the writer writes: `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, or `\u` with four
    /// lowercase hexadecimal digits for a character it has no short escape for and must escape.
    private mutating func escape() -> Bool {
        guard index + 1 < bytes.count else { return false }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "b"),
             UInt8(ascii: "f"):
            index += 2
            return true
        case UInt8(ascii: "u"):
            guard index + 6 <= bytes.count else { return false }
            var value: UInt32 = 0
            for i in index + 2..<index + 6 {
                let b = bytes[i]
                switch b {
                case 0x30...0x39: value = value << 4 | UInt32(b - 0x30)
                case 0x61...0x66: value = value << 4 | UInt32(b - 0x61 + 10)
                default: return false
                }
            }
            switch value {
            case 0x08, 0x09, 0x0A, 0x0C, 0x0D: return false
            case 0..<0x20, 0x7F...0x9F, 0x2028...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                index += 6
                return true
            default: return false
            }
        default: return false
        }
    }

    /// A character of two to four UTF-8 bytes that is valid and that the writer leaves as it is
    /// (it escapes C1 controls, U+061C, U+200E/F, U+2028–U+202E and U+2066–U+2069).
    private mutating func scalar() -> Bool {
        let n = bytes.count
        let b = bytes[index]
        @inline(__always) func continuation(_ i: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt8? {
            guard i < n else { return nil }
            let c = bytes[i]
            return c >= low && c <= high ? c : nil
        }
        switch b {
        case 0xC2...0xDF:
            guard let c = continuation(index + 1) else { return false }
            if b == 0xC2, c <= 0x9F { return false }
            if b == 0xD8, c == 0x9C { return false }
            index += 2
        case 0xE0...0xEF:
            let low: UInt8 = b == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b == 0xED ? 0x9F : 0xBF
            guard let c1 = continuation(index + 1, low, high), let c2 = continuation(index + 2) else { return false }
            if b == 0xE2 {
                if c1 == 0x80, c2 == 0x8E || c2 == 0x8F || (0xA8...0xAE).contains(c2) { return false }
                if c1 == 0x81, (0xA6...0xA9).contains(c2) { return false }
            }
            index += 3
        case 0xF0...0xF4:
            let low: UInt8 = b == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b == 0xF4 ? 0x8F : 0xBF
            guard continuation(index + 1, low, high) != nil, continuation(index + 2) != nil, continuation(index + 3) != nil else {
                return false
            }
            index += 4
        default: return false
        }
        return true
    }

    /// `bytes` without the white space between its tokens, or nil when it has none to take out
    /// or has some that is not between tokens (`tr ue`, `1 2`: the parser must see those, and
    /// name the error). A pretty-printed asset is read as stored from this.
    static func minified(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var removed = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                // A string, copied as it is up to its closing quote.
                var j = i + 1
                while j < n, bytes[j] != UInt8(ascii: "\"") { j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1 }
                guard j < n else { return nil }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...j]))
                i = j + 1
                continue
            }
            guard isSpace(b) else {
                out.append(b)
                i += 1
                continue
            }
            var end = i
            while end < n, isSpace(bytes[end]) { end += 1 }
            let before = out.last
            let after: UInt8? = end < n ? bytes[end] : nil
            func isOpening(_ b: UInt8?) -> Bool { b.map { "{[,:".utf8.contains($0) } ?? true }
            func isClosing(_ b: UInt8?) -> Bool { b.map { "}],:".utf8.contains($0) } ?? true }
            guard isOpening(before) || isClosing(after) else { return nil }
            removed = true
            i = end
        }
        return removed ? out : nil
    }
}
