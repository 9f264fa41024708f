import Testing
@testable import TerminalUI

extension CursesTerminalTests {
    @Test func aKittyPictureIsSentAfterTheFrameOnceAndDeletedWhenItGoes() throws {
        let pty = try PseudoTerminal()
        let terminal = try CursesTerminal(terminalType: "xterm-256color", input: pty.secondary, output: pty.secondary, tickMilliseconds: 1)
        defer { terminal.close() }
        _ = pty.output()
        var screen = Screen(width: 20, height: 5)
        screen.graphics = [PixelGraphic(rect: Rect(x: 2, y: 1, width: 4, height: 2), kind: .kitty, identity: 7, bytes: Array("<PICTURE>".utf8))]
        terminal.render(screen)
        // After the cells, at the picture's place, with the cursor saved and restored around it.
        #expect(pty.output().hasSuffix("\u{1B}7\u{1B}[2;3H<PICTURE>\u{1B}8"))
        _ = screen.put("key", at: Point(x: 10, y: 4))
        terminal.render(screen)
        #expect(!pty.output().contains("<PICTURE>"))
        screen.graphics = []
        terminal.render(screen)
        #expect(pty.output() == "\u{1B}_Ga=d,d=A\u{1B}\\")
    }

    @Test func aSixelPictureIsSentAgainWhenCellsUnderItWereRewritten() throws {
        let pty = try PseudoTerminal()
        let terminal = try CursesTerminal(terminalType: "xterm-256color", input: pty.secondary, output: pty.secondary, tickMilliseconds: 1)
        defer { terminal.close() }
        var screen = Screen(width: 20, height: 5)
        screen.graphics = [PixelGraphic(rect: Rect(x: 2, y: 1, width: 4, height: 2), kind: .inCells, identity: 1, bytes: Array("<SIXEL>".utf8))]
        terminal.render(screen)
        #expect(pty.output().hasSuffix("\u{1B}7\u{1B}[2;3H<SIXEL>\u{1B}8"))
        // Text drawn over the picture's cells (an overlay) erases that part: the picture comes back after it.
        _ = screen.put("over", at: Point(x: 3, y: 2))
        terminal.render(screen)
        #expect(pty.output().hasSuffix("\u{1B}7\u{1B}[2;3H<SIXEL>\u{1B}8"))
        terminal.render(screen)
        #expect(pty.output() == "")
    }
}
