import CNCursesW
import Testing
@testable import TerminalUI

#if canImport(Glibc)
import Glibc
#endif

/// ncurses is process-wide state: these run one at a time, on a pseudo-terminal.
@Suite(.serialized) struct CursesTerminalTests {
    /// A pseudo-terminal pair: the test plays the terminal emulator on `main`.
    final class PseudoTerminal {
        let main: Int32
        let secondary: Int32

        init(width: UInt16 = 20, height: UInt16 = 5) throws {
            var main: Int32 = -1, secondary: Int32 = -1
            try #require(cn_openpty(&main, &secondary) == 0)
            self.main = main
            self.secondary = secondary
            _ = cn_set_window_size(secondary, height, width)
            _ = fcntl(main, F_SETFL, fcntl(main, F_GETFL) | O_NONBLOCK)
        }

        deinit {
            close(secondary)
            close(main)
        }

        /// Everything the program wrote since the last read.
        func output() -> String {
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(main, &buffer, buffer.count)
                guard count > 0 else { break }
                bytes += buffer[..<count]
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        func type(_ text: String) {
            _ = text.utf8CString.withUnsafeBufferPointer { write(main, $0.baseAddress, $0.count - 1) }
        }
    }

    @Test func refusesAnInputThatIsNotATerminal() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        #expect(throws: TerminalError.notATerminal) { try CursesTerminal(terminalType: "xterm", input: fds[0]) }
    }

    @Test func refusesDumbAndUnknownTerminals() throws {
        let pty = try PseudoTerminal()
        #expect(throws: TerminalError.unsupportedTerminalType("dumb")) {
            try CursesTerminal(terminalType: "dumb", input: pty.secondary, output: pty.secondary)
        }
        #expect(throws: TerminalError.unknownTerminalType("no-such-terminal")) {
            try CursesTerminal(terminalType: "no-such-terminal", input: pty.secondary, output: pty.secondary)
        }
        #expect(TerminalError.unknownTerminalType("").description.contains("TERM is not set"))
    }

    @Test func drawsOnlyChangesAndDecodesKeys() throws {
        let pty = try PseudoTerminal()
        let terminal = try CursesTerminal(terminalType: "xterm", input: pty.secondary, output: pty.secondary,
                                          tickMilliseconds: 1)
        #expect(terminal.size == Size(width: 20, height: 5))
        #expect(throws: TerminalError.alreadyOpen) {
            try CursesTerminal(terminalType: "xterm", input: pty.secondary, output: pty.secondary)
        }

        var frame = Screen(size: terminal.size)
        frame.put("Hello 日本 \u{1B}[2J", at: Point(x: 0, y: 1))
        terminal.render(frame)
        let first = pty.output()
        #expect(first.contains("\u{1B}[?1004h"))
        #expect(first.contains("Hello 日本"))
        #expect(first.contains("␛[2J"))
        #expect(!first.contains("日本 \u{1B}"))

        frame.put("J", at: Point(x: 0, y: 1))
        terminal.render(frame)
        #expect(terminal.lastCellsWritten == 1)
        #expect(pty.output().utf8.count < 20)

        pty.type("\u{1B}OBx\u{1B}[I\u{1B}[O\u{1}")
        var events: [InputEvent] = []
        while let event = terminal.nextEvent(), event != .tick { events.append(event) }
        #expect(events == [.down, .character("x"), .focusIn, .focusOut, .control("a")])

        raise(SIGTERM)
        #expect(terminal.nextEvent() == .terminate)
        raise(SIGINT)
        raise(SIGHUP)
        #expect([terminal.nextEvent(), terminal.nextEvent()] == [.hangup, .interrupt])

        terminal.close()
        #expect(pty.output().contains("\u{1B}[?1004l"))
        #expect(terminal.nextEvent() == nil)
    }

    @Test func paddingIsStrippedFromResetStrings() {
        #expect(CursesTerminal.stripPadding(Array("a$<5>b$<2/>".utf8)) == Array("ab".utf8))
    }
}
