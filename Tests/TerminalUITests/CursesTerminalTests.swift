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

    @Test func keysTypedWhileTheTerminalWasAskedAreReadFirst() throws {
        let pty = try PseudoTerminal()
        let terminal = try CursesTerminal(terminalType: "xterm", input: pty.secondary, output: pty.secondary,
                                          tickMilliseconds: 1, typedAhead: Array("1é\r\u{1B}[A\u{1B}[5~\u{1B}[99zq\u{1B}".utf8))
        defer { terminal.close() }
        pty.type("x")
        var events: [InputEvent] = []
        while let event = terminal.nextEvent(), event != .tick { events.append(event) }
        // Keys as ncurses decodes them; an unknown escape sequence dropped; a lone Esc kept.
        #expect(events == [.character("1"), .character("é"), .enter, .up, .pageUp, .character("q"), .escape, .character("x")])
        // Answers to the graphics query that come after its time are dropped, not read as keys.
        pty.type("a\u{1B}_Gi=31;OK\u{1B}\\b\u{1B}[?62;4cc")
        events = []
        while let event = terminal.nextEvent(), event != .tick { events.append(event) }
        #expect(events == [.character("a"), .character("b"), .character("c")])
    }

    @Test func mouseReportsBecomeEventsAndAreTurnedOffOnClose() throws {
        let pty = try PseudoTerminal()
        let terminal = try CursesTerminal(terminalType: "xterm", input: pty.secondary, output: pty.secondary,
                                          tickMilliseconds: 1, mouse: true)
        #expect(terminal.mouseEnabled)
        terminal.render(Screen(size: terminal.size))
        #expect(pty.output().contains("\u{1B}[?1000h\u{1B}[?1006h"))
        // SGR reports (cells from 1), all in one read as over a slow link: a press and its release
        // at column 5, row 3, the wheel, a right press; then a normal (X10) press and release.
        pty.type("\u{1B}[<0;5;3M\u{1B}[<0;5;3m\u{1B}[<64;1;1M\u{1B}[<65;20;5M\u{1B}[<2;3;3Mx\u{1B}[M #$\u{1B}[M##$y")
        var events: [InputEvent] = []
        while let event = terminal.nextEvent(), event != .tick { events.append(event) }
        #expect(events == [
            .mouse(MouseEvent(.press, at: Point(x: 4, y: 2))),
            .mouse(MouseEvent(.wheelUp, at: Point(x: 0, y: 0))),
            .mouse(MouseEvent(.wheelDown, at: Point(x: 19, y: 4))),
            .character("x"),
            .mouse(MouseEvent(.press, at: Point(x: 2, y: 3))),
            .character("y"),
        ])
        terminal.close()
        #expect(pty.output().contains("\u{1B}[?1006l\u{1B}[?1000l"))
    }

    @Test func withoutMouseTheTerminalKeepsItsOwnSelection() throws {
        let pty = try PseudoTerminal()
        let terminal = try CursesTerminal(terminalType: "xterm", input: pty.secondary, output: pty.secondary, tickMilliseconds: 1)
        #expect(!terminal.mouseEnabled)
        terminal.render(Screen(size: terminal.size))
        #expect(!pty.output().contains("\u{1B}[?1000h"))
        terminal.close()
    }

    @Test func paddingIsStrippedFromResetStrings() {
        #expect(CursesTerminal.stripPadding(Array("a$<5>b$<2/>".utf8)) == Array("ab".utf8))
    }
}
