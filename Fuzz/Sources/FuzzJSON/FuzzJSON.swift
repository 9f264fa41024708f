import Foundation
import FuzzSupport
import LabelCore

/// The JSON parser: any bytes either parse, or fail with a place inside the input; nothing that
/// Foundation's parser refuses parses. What parses, written compact or pretty, parses again to
/// the same value, and writing that gives the same text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    let value: JSONValue
    let reference = referenceAccepts(bytes)
    do {
        value = try JSONParser.parse(bytes)
    } catch {
        let lines = bytes.count { $0 == 0x0A } + 1
        check(error.location.line >= 1 && error.location.line <= lines,
              "error line \(error.location.line) outside the input's \(lines) lines: \(error)")
        check(error.location.column >= 1, "error column \(error.location.column) before the line: \(error)")
        check(!error.message.isEmpty, "an error without a message at \(error.location)")
        return 0
    }
    // Foundation also refuses numbers beyond a Double's range, which we keep as written.
    check(reference != false || !allNumbersFinite(value),
          "ours accepts what Foundation's parser refuses: \(String(decoding: bytes, as: UTF8.self).debugDescription)")
    for pretty in [false, true] {
        let writer = JSONWriter(pretty: pretty)
        let text = writer.string(value)
        do {
            let again = try JSONParser.parse(text)
            check(again == value, "written \(pretty ? "pretty" : "compact") and parsed again, the value differs:\n\(text)")
            check(writer.string(again) == text, "writing the value parsed again gives different text:\n\(text)")
        } catch {
            check(false, "the writer's \(pretty ? "pretty" : "compact") output does not parse (\(error)):\n\(text)")
        }
    }
    return 0
}

/// Whether Foundation's JSON parser accepts the bytes, where it is a fair reference: nil for input
/// with NUL bytes (which it may read as UTF-16 or UTF-32).
func referenceAccepts(_ bytes: [UInt8]) -> Bool? {
    guard !bytes.contains(0) else { return nil }
    return (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
}

func allNumbersFinite(_ value: JSONValue) -> Bool {
    switch value {
    case .number(let literal): Double(literal)?.isFinite ?? false
    case .array(let items): items.allSatisfy(allNumbersFinite)
    case .object(let members): members.values.allSatisfy(allNumbersFinite)
    case .null, .bool, .string: true
    }
}
