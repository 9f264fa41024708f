import CNCursesW
import Testing
import TerminalUI

#if canImport(Glibc)
import Glibc
#endif

@Suite("Asking the terminal for its graphics") struct GraphicsQueryTests {
    static func answer(_ text: String) -> GraphicsQueryAnswer { GraphicsQueryAnswer(parsing: Array(text.utf8)) }

    @Test func theRequestIsKittysQueryThenPrimaryDeviceAttributes() {
        #expect(String(decoding: GraphicsQueryAnswer.request, as: UTF8.self) == "\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\\u{1B}[c")
    }

    @Test func xtermWithoutSixelShowsNoProtocol() {
        let answer = Self.answer("\u{1B}[?64;1;2;6;9;15;16;17;18;21;22;28c")
        #expect(answer == GraphicsQueryAnswer(deviceAttributes: [64, 1, 2, 6, 9, 15, 16, 17, 18, 21, 22, 28]))
        #expect([answer.isComplete, answer.sixel] == [true, false])
        #expect(answer.imageProtocol == nil)
    }

    @Test func xtermWithSixelAndMltermShowSixel() {
        let xterm = Self.answer("\u{1B}[?63;1;2;4;6;9;15;16;22;28c")
        #expect(xterm == GraphicsQueryAnswer(deviceAttributes: [63, 1, 2, 4, 6, 9, 15, 16, 22, 28]))
        #expect(xterm.imageProtocol == .sixel)
        let mlterm = Self.answer("\u{1B}[?63;1;2;3;4;7;29c")
        #expect(mlterm.imageProtocol == .sixel)
    }

    @Test func aFourAsTheDeviceClassIsNotSixel() {
        #expect(Self.answer("\u{1B}[?4;2c").imageProtocol == nil)
        #expect(Self.answer("\u{1B}[?65;1;9c").imageProtocol == nil)
    }

    @Test func kittysOKReplyShowsKittyBeforeSixel() {
        let kitty = Self.answer("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[?62;c")
        #expect(kitty == GraphicsQueryAnswer(kitty: true, deviceAttributes: [62]))
        #expect(kitty.imageProtocol == .kitty)
        let both = Self.answer("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[?62;4;22c")
        #expect(both.imageProtocol == .kitty)
    }

    @Test func kittysErrorReplyOrAnotherIDIsNotKitty() {
        let refused = Self.answer("\u{1B}_Gi=31;EINVAL:Unknown format\u{1B}\\\u{1B}[?62;c")
        #expect(refused == GraphicsQueryAnswer(kitty: false, deviceAttributes: [62]))
        #expect(Self.answer("\u{1B}_Gi=7;OK\u{1B}\\\u{1B}[?62;c").imageProtocol == nil)
    }

    @Test func keysTypedAroundTheAnswerAreKeptInOrder() {
        let answer = Self.answer("ab\u{1B}[A\u{1B}_Gi=31;OK\u{1B}\\1é\u{1B}[?62;4c\r")
        #expect(answer == GraphicsQueryAnswer(kitty: true, deviceAttributes: [62, 4], rest: Array("ab\u{1B}[A1é\r".utf8)))
    }

    @Test func noReplyOrGarbageShowsNothingAndKeepsTheKeys() {
        #expect(Self.answer("") == GraphicsQueryAnswer())
        #expect(Self.answer("").isComplete == false)
        let garbage = Self.answer("zz\u{1B}[?1;2xq")
        #expect(garbage == GraphicsQueryAnswer(rest: Array("zz\u{1B}[?1;2xq".utf8)))
        #expect(garbage.imageProtocol == nil)
    }

    @Test func anAnswerCutShortIsDroppedNotTypedAsKeys() {
        #expect(Self.answer("x\u{1B}[?63;1;4") == GraphicsQueryAnswer(rest: Array("x".utf8)))
        #expect(Self.answer("x\u{1B}_Gi=31;O") == GraphicsQueryAnswer(rest: Array("x".utf8)))
        #expect(Self.answer("x\u{1B}[") == GraphicsQueryAnswer(rest: Array("x".utf8)))
        #expect(Self.answer("x\u{1B}") == GraphicsQueryAnswer(rest: Array("x".utf8)))
    }

    @Test func theTerminalIsAskedOnlyWhenAutoAndTheEnvironmentDoesNotDecide() {
        let cases: [(ImageProtocol, [String: String], Bool)] = [
            (.auto, ["TERM": "xterm-256color"], true), (.auto, ["TERM": "xterm"], true),
            (.auto, ["TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0"], false),
            (.auto, ["TERM": "xterm-256color", "TMUX": "/tmp/tmux-0/default,1,0"], false),
            (.auto, ["TERM": "screen"], false), (.auto, ["TERM": "xterm-kitty"], false),
            (.auto, ["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"], false), (.auto, ["TERM": "foot"], false),
            (.auto, ["TERM": "dumb"], false), (.auto, [:], false), (.auto, ["TERM": "linux"], false),
            (.sixel, ["TERM": "xterm-256color"], false), (.symbols, ["TERM": "xterm-256color"], false),
        ]
        for (asked, environment, expected) in cases {
            #expect(ImageProtocol.shouldAsk(asked, environment: environment) == expected, "\(asked) \(environment)")
        }
    }

    @Test func theAnswerDecidesOnlyWhatTheEnvironmentLeftOpen() {
        #expect(ImageProtocol.resolve(.auto, environment: ["TERM": "xterm-256color"], answered: .sixel) == .sixel)
        #expect(ImageProtocol.resolve(.auto, environment: ["TERM": "xterm-256color"], answered: .kitty) == .kitty)
        #expect(ImageProtocol.resolve(.auto, environment: ["TERM": "xterm-256color"], answered: nil) == .symbols)
        #expect(ImageProtocol.resolve(.auto, environment: ["TERM": "xterm", "TMUX": "x"], answered: .sixel) == .symbols)
        #expect(ImageProtocol.resolve(.symbols, environment: ["TERM": "xterm-256color"], answered: .sixel) == .symbols)
    }
}

/// The tty part on a pseudo-terminal: the test plays the terminal on `main`.
@Suite("Asking a pseudo-terminal", .serialized) struct GraphicsQueryTerminalTests {
    final class PseudoTerminal {
        var main: Int32 = -1
        var secondary: Int32 = -1

        init() throws {
            try #require(cn_openpty(&main, &secondary) == 0)
            _ = fcntl(main, F_SETFL, fcntl(main, F_GETFL) | O_NONBLOCK)
        }

        deinit {
            close(secondary)
            close(main)
        }

        func type(_ text: String) {
            _ = Array(text.utf8).withUnsafeBytes { write(main, $0.baseAddress, $0.count) }
        }

        /// What the program wrote.
        func output() -> [UInt8] {
            var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 4096)
            while case let count = read(main, &buffer, buffer.count), count > 0 { bytes += buffer[..<count] }
            return bytes
        }

        var localModes: tcflag_t {
            var mode = termios()
            _ = tcgetattr(secondary, &mode)
            return mode.c_lflag
        }
    }

    @Test func anAnswerAlreadyWaitingIsReadWithTheKeysTypedBeforeIt() throws {
        let pty = try PseudoTerminal()
        // Line mode and echo off first, as a shell's raw keys would be, so the bytes wait unread.
        var mode = termios()
        _ = tcgetattr(pty.secondary, &mode)
        mode.c_lflag &= ~tcflag_t(ICANON | ECHO)
        _ = tcsetattr(pty.secondary, TCSANOW, &mode)
        let before = pty.localModes
        pty.type("k\u{1B}[?63;1;4c")
        let answer = GraphicsQuery.ask(input: pty.secondary, output: pty.secondary)
        #expect(answer == GraphicsQueryAnswer(deviceAttributes: [63, 1, 4], rest: Array("k".utf8)))
        #expect(answer?.imageProtocol == .sixel)
        #expect(pty.output() == GraphicsQueryAnswer.request)
        #expect(pty.localModes == before)
    }

    @Test func aTerminalThatNeverAnswersCostsOnlyTheTimeoutAndTheModeIsRestored() throws {
        let pty = try PseudoTerminal()
        let before = pty.localModes
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let answer = GraphicsQuery.ask(input: pty.secondary, output: pty.secondary, timeoutMilliseconds: 50)
        clock_gettime(CLOCK_MONOTONIC, &end)
        #expect(answer == GraphicsQueryAnswer())
        // It returned: never a hang (a generous bound; the wait itself is 50 ms).
        #expect(end.tv_sec - start.tv_sec < 5)
        #expect(pty.localModes == before)
        #expect(before & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO))
    }

    @Test func nothingIsAskedWhenInputOrOutputIsNotATerminal() throws {
        let pty = try PseudoTerminal()
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        #expect(GraphicsQuery.ask(input: fds[0], output: pty.secondary) == nil)
        #expect(GraphicsQuery.ask(input: pty.secondary, output: fds[1]) == nil)
        #expect(pty.output() == [])
    }
}
