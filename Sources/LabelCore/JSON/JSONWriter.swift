/// Writes JSON text. Compact by default; `pretty` indents by two spaces the way Ango's exports
/// and most editors do. Output goes to any `TextOutputStream`, so exports can stream to a file.
public struct JSONWriter {
    public var pretty: Bool
    public init(pretty: Bool = false) { self.pretty = pretty }

    public func string(_ value: JSONValue) -> String {
        if !pretty {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(128)
            Self.appendCompact(value, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        write(value, to: &out)
        return out
    }

    /// Compact JSON appended to UTF-8 bytes: the same text `write` makes, without growing a
    /// String piece by piece (a tenth of an Ango import's time was that growing).
    public static func appendCompact(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: b ? "true".utf8 : "false".utf8)
        case .number(let n): out.append(utf8Of: n)
        case .string(let s): appendQuoted(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendCompact(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, item) in object {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                appendQuoted(key, to: &out)
                out.append(UInt8(ascii: ":"))
                appendCompact(item, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A string in quotes, escaped as `writeQuoted` escapes it, appended to UTF-8 bytes.
    public static func appendQuoted(_ string: String, to out: inout [UInt8]) {
        let plain = string.utf8.withContiguousStorageIfAvailable { bytes in
            guard !needsEscape(bytes) else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if plain != true { out.append(utf8Of: quoted(string)) }
    }

    public func write<Out: TextOutputStream>(_ value: JSONValue, to out: inout Out, indent: Int = 0) {
        switch value {
        case .null: out.write("null")
        case .bool(let b): out.write(b ? "true" : "false")
        case .number(let n): out.write(n)
        case .string(let s): Self.writeQuoted(s, to: &out)
        case .array(let items):
            if items.isEmpty { out.write("[]"); return }
            out.write("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.write(",") }
                newline(indent + 1, &out)
                write(item, to: &out, indent: indent + 1)
            }
            newline(indent, &out)
            out.write("]")
        case .object(let object):
            if object.isEmpty { out.write("{}"); return }
            out.write("{")
            var first = true
            for (key, item) in object {
                if !first { out.write(",") }
                first = false
                newline(indent + 1, &out)
                Self.writeQuoted(key, to: &out)
                out.write(pretty ? ": " : ":")
                write(item, to: &out, indent: indent + 1)
            }
            newline(indent, &out)
            out.write("}")
        }
    }

    private func newline<Out: TextOutputStream>(_ level: Int, _ out: inout Out) {
        guard pretty else { return }
        out.write("\n")
        out.write(String(repeating: "  ", count: level))
    }

    public static func quoted(_ string: String) -> String {
        var out = ""
        writeQuoted(string, to: &out)
        return out
    }

    public static func writeQuoted<Out: TextOutputStream>(_ string: String, to out: inout Out) {
        out.write("\"")
        // Most strings need no escape: found by one pass over their UTF-8 bytes, and written whole.
        if string.utf8.withContiguousStorageIfAvailable(needsEscape) == false {
            out.write(string)
            out.write("\"")
            return
        }
        var plainStart = string.unicodeScalars.startIndex
        var index = plainStart
        let scalars = string.unicodeScalars
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar.value {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            // Every C0 and C1 control, DEL, the line separators JavaScript chokes on, and the
            // bidi controls that would reorder what a terminal or an editor shows ("Trojan
            // Source"): JSON read by a program is unchanged, and JSON shown to a person is safe.
            case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                let hex = String(scalar.value, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escape = nil
            }
            if let escape {
                if plainStart != index { out.write(String(scalars[plainStart..<index])) }
                out.write(escape)
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        if plainStart != scalars.endIndex { out.write(String(scalars[plainStart..<scalars.endIndex])) }
        out.write("\"")
    }
}

extension JSONWriter {
    /// Whether UTF-8 text holds anything `writeQuoted` escapes: a quote, a backslash, a C0 or C1
    /// control, DEL, U+2028/U+2029, or a bidi control (U+061C, U+200E/F, U+202A–E, U+2066–9).
    static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return true }
                i += 1
                continue
            }
            let next: UInt8 = i + 1 < n ? bytes[i + 1] : 0
            switch b {
            case 0xC2 where next >= 0x80 && next <= 0x9F: return true
            case 0xD8 where next == 0x9C: return true
            case 0xE2 where i + 2 < n:
                let third = bytes[i + 2]
                if next == 0x80, third == 0x8E || third == 0x8F || (third >= 0xA8 && third <= 0xAE) { return true }
                if next == 0x81, third >= 0xA6 && third <= 0xA9 { return true }
            default: break
            }
            i += 1
        }
        return false
    }
}

extension [UInt8] {
    /// A string's UTF-8 bytes appended: copied whole from its storage when it has them in one
    /// piece (a native string does), else one by one.
    mutating func append(utf8Of string: String) {
        if string.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil { append(contentsOf: string.utf8) }
    }
}

extension JSONValue: CustomStringConvertible {
    public var description: String { JSONWriter().string(self) }
}
