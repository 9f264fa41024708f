import Foundation

/// Text gathered as UTF-8 bytes: the Ango export writes a task's history here while it adds up
/// its durations, which come before it in the output.
struct ByteOutput: ThrowingTextOutput {
    var bytes: [UInt8] = []

    mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }

    mutating func write(utf8 bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self)) }

    mutating func check() throws {}

    /// Empty, keeping its storage for the next task.
    mutating func clear() { bytes.removeAll(keepingCapacity: true) }
}

extension ThrowingTextOutput {
    /// A literal's bytes.
    mutating func write(literal: StaticString) {
        write(utf8: UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Another output's bytes.
    mutating func write(_ other: ByteOutput) {
        other.bytes.withUnsafeBytes { write(utf8: $0) }
    }

    /// UTF-8 text as a JSON string, `JSONWriter.writeQuoted`'s output byte for byte: copied
    /// between quotes when nothing in it needs an escape (almost always), else escaped by it.
    mutating func writeQuoted(utf8 bytes: UnsafeRawBufferPointer) {
        guard !JSONWriter.needsEscape(bytes.assumingMemoryBound(to: UInt8.self)) else {
            return JSONWriter.writeQuoted(String(decoding: bytes, as: UTF8.self), to: &self)
        }
        write(literal: "\"")
        write(utf8: bytes)
        write(literal: "\"")
    }

    /// A whole number in decimal, as `String(value)` writes it.
    mutating func write(decimal value: Int64) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var n = value.magnitude
            var i = buffer.count
            repeat {
                i -= 1
                buffer[i] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
            } while n > 0
            if value < 0 {
                i -= 1
                buffer[i] = UInt8(ascii: "-")
            }
            write(utf8: UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
    }

    /// A time as a JSON string, `Timestamp.iso8601`'s text (`2024-05-01T10:00:00.000Z`) without
    /// the strings it makes; a year outside 0...9999 is written by it.
    mutating func writeQuoted(iso8601 time: Timestamp) {
        let (year, month, day, rest) = time.civil
        guard (0...9999).contains(year) else { return JSONWriter.writeQuoted(time.iso8601, to: &self) }
        // "YYYY-MM-DDTHH:MM:SS.mmmZ" between quotes: 26 bytes.
        var text: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &text) { buffer in
            var i = 0
            func put(_ value: Int64, _ width: Int, then separator: UInt8) {
                var v = value
                for k in stride(from: width - 1, through: 0, by: -1) {
                    buffer[i + k] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                }
                buffer[i + width] = separator
                i += width + 1
            }
            buffer[0] = UInt8(ascii: "\"")
            i = 1
            put(year, 4, then: UInt8(ascii: "-"))
            put(month, 2, then: UInt8(ascii: "-"))
            put(day, 2, then: UInt8(ascii: "T"))
            put(rest / 3_600_000, 2, then: UInt8(ascii: ":"))
            put(rest / 60_000 % 60, 2, then: UInt8(ascii: ":"))
            put(rest / 1000 % 60, 2, then: UInt8(ascii: "."))
            put(rest % 1000, 3, then: UInt8(ascii: "Z"))
            buffer[i] = UInt8(ascii: "\"")
            write(utf8: UnsafeRawBufferPointer(rebasing: buffer[...i]))
        }
    }
}
