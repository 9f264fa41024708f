import CNCursesW
import Testing
@testable import TerminalUI

@Suite struct KeyDecoderTests {
    private func decode(_ value: UInt32) -> InputEvent? { KeyDecoder.decode(.character(value)) }
    private func decode(code: Int32) -> InputEvent? { KeyDecoder.decode(.keyCode(code)) }

    @Test func printableCharactersIncludingNonASCII() {
        #expect(decode(0x61) == .character("a"))
        #expect(decode(0xE9) == .character("é"))
        #expect(decode(0x65E5) == .character("日"))
        #expect(decode(0x1F600) == .character("😀"))
    }

    @Test func controlKeysBecomeLetters() {
        #expect(decode(0x01) == .control("a"))
        #expect(decode(0x1A) == .control("z"))
        #expect(decode(0x00) == .control(" "))
        #expect(decode(0x1F) == .control("_"))
    }

    @Test func editingKeys() {
        #expect(decode(0x09) == .tab)
        #expect(decode(0x0A) == .enter)
        #expect(decode(0x0D) == .enter)
        #expect(decode(0x7F) == .backspace)
        #expect(decode(0x08) == .backspace)
        #expect(decode(0x1B) == .escape)
    }

    @Test func c1ControlsAreIgnored() {
        #expect(decode(0x9B) == nil)
    }

    @Test func cursesKeyCodes() {
        #expect(decode(code: KEY_UP) == .up)
        #expect(decode(code: KEY_DOWN) == .down)
        #expect(decode(code: KEY_LEFT) == .left)
        #expect(decode(code: KEY_RIGHT) == .right)
        #expect(decode(code: KEY_HOME) == .home)
        #expect(decode(code: KEY_END) == .end)
        #expect(decode(code: KEY_PPAGE) == .pageUp)
        #expect(decode(code: KEY_NPAGE) == .pageDown)
        #expect(decode(code: KEY_BACKSPACE) == .backspace)
        #expect(decode(code: KEY_DC) == .delete)
        #expect(decode(code: KEY_ENTER) == .enter)
        #expect(decode(code: KEY_BTAB) == .backTab)
    }

    @Test func functionKeys() {
        #expect(decode(code: cn_key_f(1)) == .function(1))
        #expect(decode(code: cn_key_f(12)) == .function(12))
    }

    @Test func resizeAsksForTheNewSize() {
        let event = KeyDecoder.decode(.keyCode(KEY_RESIZE)) { Size(width: 120, height: 40) }
        #expect(event == .resize(width: 120, height: 40))
    }

    @Test func focusReports() {
        #expect(decode(code: KeyDecoder.focusInCode) == .focusIn)
        #expect(decode(code: KeyDecoder.focusOutCode) == .focusOut)
    }

    @Test func timeoutIsATick() {
        #expect(KeyDecoder.decode(.timeout) == .tick)
    }

    @Test func unknownKeyCodesAreIgnored() {
        #expect(decode(code: KEY_MOUSE) == nil)
    }

    @Test func mousePressAndWheelAtACell() {
        let press = MouseEvent(.press, at: Point(x: 3, y: 7))
        #expect(KeyDecoder.decode(.mouse(press)) == .mouse(press))
        let wheel = MouseEvent(.wheelDown, at: Point(x: 199, y: 59))
        #expect(KeyDecoder.decode(.mouse(wheel)) == .mouse(wheel))
    }

    @Test func sgrMouseReports() {
        #expect(KeyDecoder.sgrMouse("0;5;3M") == MouseEvent(.press, at: Point(x: 4, y: 2)))
        #expect(KeyDecoder.sgrMouse("64;200;60M") == MouseEvent(.wheelUp, at: Point(x: 199, y: 59)))
        #expect(KeyDecoder.sgrMouse("65;1;1M") == MouseEvent(.wheelDown, at: Point(x: 0, y: 0)))
        // Shift, Meta and Control held: still a press.
        #expect(KeyDecoder.sgrMouse("16;2;2M") == MouseEvent(.press, at: Point(x: 1, y: 1)))
        // A release, the right button and motion mean nothing.
        for ignored in ["0;5;3m", "2;2;2M", "32;2;2M"] {
            #expect(KeyDecoder.sgrMouse(ignored) == nil, "\(ignored)")
        }
        for bad in ["", "M", "0;5M", "0;5;3", "0;5;3;1M", "a;5;3M", "0;0;3M", "-1;5;3M", "0;;3M"] {
            #expect(KeyDecoder.sgrMouse(bad) == nil, "\(bad)")
        }
    }

    @Test func normalMouseReports() {
        #expect(KeyDecoder.x10Mouse([32, 33 + 4, 33 + 2]) == MouseEvent(.press, at: Point(x: 4, y: 2)))
        #expect(KeyDecoder.x10Mouse([96, 40, 40]) == MouseEvent(.wheelUp, at: Point(x: 7, y: 7)))
        #expect(KeyDecoder.x10Mouse([97, 40, 40]) == MouseEvent(.wheelDown, at: Point(x: 7, y: 7)))
        // A release (button code 3), then malformed reports.
        #expect(KeyDecoder.x10Mouse([35, 33, 33]) == nil)
        #expect(KeyDecoder.x10Mouse([32, 33]) == nil)
        #expect(KeyDecoder.x10Mouse([32, 32, 33]) == nil)
        #expect(KeyDecoder.x10Mouse([32, 0x1F600, 33]) == nil)
    }

    @Test func scriptedSourceReplaysThenEnds() {
        var source = ScriptedKeySource([.down, .character("x")])
        #expect(source.nextEvent() == .down)
        #expect(source.nextEvent() == .character("x"))
        #expect(source.nextEvent() == nil)
        var typed = ScriptedKeySource(typing: "a日\n")
        #expect([typed.nextEvent(), typed.nextEvent(), typed.nextEvent()] == [.character("a"), .character("日"), .enter])
    }
}
