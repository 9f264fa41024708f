import Testing

@testable import LabelCore

/// The writer finds strings needing no escape by their UTF-8 bytes and writes them whole; every
/// scalar must still come out exactly as the escaping rules say.
@Suite("JSON writer: escaping")
struct JSONWriterEscapeTests {
    /// The rules, scalar by scalar.
    static func expected(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test("every scalar up to U+2FFF, and astral ones, is written as the rules say, alone and between plain text")
    func everyScalar() {
        let astral: [UInt32] = [0x1F600, 0x10FFFF, 0xE0001]
        for value in Array(0...0x2FFF) + astral {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            for text in [String(scalar), "plain \(scalar) text", "\(scalar)\(scalar)"] {
                #expect(JSONWriter.quoted(text) == Self.expected(text), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test("a plain string, with wide characters and emoji, is written as it is")
    func plainString() {
        #expect(JSONWriter.quoted("価格は高い but worth it 👍") == "\"価格は高い but worth it 👍\"")
        #expect(Array("価格は高い but worth it 👍".utf8).withUnsafeBufferPointer { JSONWriter.needsEscape($0) } == false)
    }

    @Test("the byte scan finds each escaped scalar at the very end of a string")
    func escapeAtTheEnd() {
        for text in ["a\u{2029}", "a\u{061C}", "a\u{85}", "a\u{7F}", "a\"", "a\u{2069}", "a\u{200F}"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { JSONWriter.needsEscape($0) } == true, "\(text.unicodeScalars.map(\.value))")
        }
    }
}
