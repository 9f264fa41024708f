/// Writes JSON text. Compact by default; `pretty` indents by two spaces the way Ango's exports
/// and most editors do. Output goes to any `TextOutputStream`, so exports can stream to a file.
public struct JSONWriter {
    public var pretty: Bool
    public init(pretty: Bool = false) { self.pretty = pretty }

    public func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, to: &out)
        return out
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

extension JSONValue: CustomStringConvertible {
    public var description: String { JSONWriter().string(self) }
}
