import FuzzSupport
import TerminalUI

/// TerminalUI's key decoder, fed what ncurses and the terminal can send: wide characters, key
/// codes, timeouts, the rest of SGR and normal mouse reports, and bracketed pastes. The input is
/// a little script: a tag byte, then that event's bytes. Printable characters decode to
/// themselves, control characters never to printable ones, only a timeout is a tick, a mouse
/// event decoded from a report is on the screen and decodes the same when written as a report
/// again, and a paste keeps every character but line breaks, which all become one line feed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeys(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = fuzzInput(data, size)[...]
    func take(_ n: Int) -> [UInt8] {
        let taken = Array(input.prefix(n))
        input = input.dropFirst(n)
        return taken
    }
    while let tag = input.popFirst() {
        switch tag % 6 {
        case 0:
            let value = take(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            checkCharacter(value)
        case 1:
            let code = take(2).reduce(Int32(0)) { $0 << 8 | Int32($1) }
            let event = KeyDecoder.decode(.keyCode(code), size: { Size(width: 80, height: 24) })
            check(event != .tick, "key code \(code) decoded as a tick")
            if case .resize(let width, let height) = event {
                check(width == 80 && height == 24, "a resize to \(width)x\(height), not the size asked")
            }
        case 2:
            check(KeyDecoder.decode(.timeout) == .tick, "a timeout is not a tick")
        case 3:
            // An SGR report's rest after `CSI <`, up to its final byte (as CursesTerminal reads it).
            let end = input.firstIndex { $0 == UInt8(ascii: "M") || $0 == UInt8(ascii: "m") }
            let report = take(end.map { $0 - input.startIndex + 1 } ?? input.count)
            let text = String(decoding: report, as: UTF8.self)
            if let event = KeyDecoder.sgrMouse(text) {
                checkOnScreen(event, from: text)
                let again = KeyDecoder.sgrMouse("\(code(event.action));\(event.at.x + 1);\(event.at.y + 1)M")
                check(again == event, "\(event) from \(text.debugDescription) written again decodes to \(String(describing: again))")
            }
        case 5:
            // A paste: a length, then that many characters of three bytes each.
            let count = Int(input.popFirst() ?? 0)
            let characters = (0..<count).map { _ in take(3).reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
            checkPaste(characters)
        default:
            let bytes = take(3).map(UInt32.init)
            if let event = KeyDecoder.x10Mouse(bytes) {
                checkOnScreen(event, from: "\(bytes)")
                if event.at.x + 33 < 0x100, event.at.y + 33 < 0x100 {
                    let again = KeyDecoder.x10Mouse([UInt32(code(event.action) + 32), UInt32(event.at.x + 33), UInt32(event.at.y + 33)])
                    check(again == event, "\(event) from \(bytes) written again decodes to \(String(describing: again))")
                }
            }
        }
    }
    return 0
}

func checkCharacter(_ value: UInt32) {
    let event = KeyDecoder.decode(.character(value))
    switch value {
    case 0x0A, 0x0D: check(event == .enter, "\(value) is not Enter but \(String(describing: event))")
    case 0x20..<0x7F, 0xA0..<0xD800, 0xE000...0x10FFFF:
        check(event == .character(Character(Unicode.Scalar(value)!)), "printable U+\(hex(value)) decoded as \(String(describing: event))")
    case 0x80..<0xA0:
        check(event == nil, "C1 control U+\(hex(value)) decoded as \(String(describing: event))")
    case 0xD800..<0xE000, 0x110000...:
        check(event == nil, "\(hex(value)), no Unicode scalar, decoded as \(String(describing: event))")
    default:
        // C0 controls and DEL: a key, never text.
        if case .character = event { check(false, "control \(hex(value)) decoded as text") }
        check(event != nil, "control \(hex(value)) decoded to nothing")
    }
}

func checkPaste(_ characters: [UInt32]) {
    let text = KeyDecoder.pasteText(characters)
    let scalars = Array(text.unicodeScalars)
    check(!scalars.contains("\r"), "a paste keeps a carriage return: \(text.debugDescription)")
    let kept = characters.compactMap(Unicode.Scalar.init).filter { $0 != "\r" && $0 != "\n" }
    check(scalars.filter { $0 != "\n" } == kept, "a paste of \(characters.map(hex)) lost or changed characters: \(text.debugDescription)")
    // Characters that are no Unicode scalar are dropped first; then CR, LF and CR LF are each one break.
    let valid = characters.filter { Unicode.Scalar($0) != nil }
    var breaks = 0
    for (i, value) in valid.enumerated() where value == 0x0D || value == 0x0A && (i == 0 || valid[i - 1] != 0x0D) {
        breaks += 1
    }
    check(scalars.count { $0 == "\n" } == breaks, "a paste of \(characters.map(hex)) has \(breaks) line breaks, not as in \(text.debugDescription)")
}

func checkOnScreen(_ event: MouseEvent, from report: String) {
    check(event.at.x >= 0 && event.at.y >= 0, "\(event) from \(report.debugDescription) is off the screen")
}

func code(_ action: MouseEvent.Action) -> Int {
    switch action {
    case .press: 0
    case .wheelUp: 64
    case .wheelDown: 65
    }
}

func hex(_ value: UInt32) -> String { String(value, radix: 16, uppercase: true) }
