import Foundation
import Testing
@testable import TerminalUI

@Suite("Pictures as symbols, sixel and kitty") struct ImageRenderingTests {
    let pattern = TestPattern.quadrants()

    private func cells(_ picture: SymbolPicture) -> [String] {
        (0..<picture.height).flatMap { y in (0..<picture.width).map { x in "\(picture[x, y].character)|\(picture[x, y].style)" } }
    }

    @Test func theFourColourPatternIsFourBlocksOfXtermPaletteColours() {
        let picture = ChafaRenderer.symbols(pattern, size: Size(width: 4, height: 2), colors: .palette240)
        #expect(cells(picture) == [
            " |fg:default bg:indexed(196)", " |fg:default bg:indexed(196)", " |fg:default bg:indexed(46)", " |fg:default bg:indexed(46)",
            " |fg:default bg:indexed(21)", " |fg:default bg:indexed(21)", " |fg:default bg:indexed(231)", " |fg:default bg:indexed(231)",
        ])
    }

    @Test func twoColoursInOneCellBecomeAHalfBlock() {
        let picture = ChafaRenderer.symbols(TestPattern.quadrants(width: 32, height: 32), size: Size(width: 2, height: 1), colors: .palette240)
        #expect(cells(picture) == ["▀|fg:indexed(196) bg:indexed(21)", "▀|fg:indexed(46) bg:indexed(231)"])
    }

    @Test func sixteenColourTerminalsGetTheNamedColours() {
        let picture = ChafaRenderer.symbols(pattern, size: Size(width: 4, height: 2), colors: .sixteen)
        #expect(cells(picture) == [
            " |fg:default bg:brightRed", " |fg:default bg:brightRed", " |fg:default bg:brightGreen", " |fg:default bg:brightGreen",
            " |fg:default bg:brightBlue", " |fg:default bg:brightBlue", " |fg:default bg:brightWhite", " |fg:default bg:brightWhite",
        ])
    }

    @Test func withoutColourOnlyTheShapesRemain() {
        let picture = ChafaRenderer.symbols(pattern, size: Size(width: 4, height: 2), colors: .none)
        #expect(picture.text == "    \n  ██")
        #expect(picture.cells.allSatisfy { $0.style == .plain })
    }

    @Test func aPictureFitsItsAreaWithItsAspectKept() {
        #expect(ChafaRenderer.fit(width: 8, height: 8, in: Size(width: 40, height: 10)) == Size(width: 20, height: 10))
        #expect(ChafaRenderer.fit(width: 800, height: 400, in: Size(width: 40, height: 40)) == Size(width: 40, height: 10))
        #expect(ChafaRenderer.fit(width: 64, height: 32, in: Size(width: 200, height: 58)) == Size(width: 200, height: 50))
    }

    @Test func theSixelStreamHasItsHeaderRasterSizeAndEnd() {
        let bytes = ChafaRenderer.sequence(pattern, size: Size(width: 4, height: 2), kind: .sixel, cellPixels: Size(width: 10, height: 20))
        let text = String(decoding: bytes, as: UTF8.self)
        // DCS, P1=0 (aspect 2:1 default), P2=1 (transparent background), then the raster: 1:1 pixels,
        // 4 cells of 10 pixels wide, 2 rows of 20 pixels cut to whole sixel bands of 6.
        #expect(text.hasPrefix("\u{1B}P0;1;0q\"1;1;40;36#"))
        #expect(text.hasSuffix("-\u{1B}\\"))
        #expect(bytes.count < 1_000)
    }

    @Test func theKittyStreamSendsEveryPixelInChunks() throws {
        let bytes = ChafaRenderer.sequence(pattern, size: Size(width: 4, height: 2), kind: .kitty, cellPixels: Size(width: 10, height: 20))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}_Ga=T,f=32,s=40,v=40,c=4,r=2,m=1\u{1B}\\"))
        #expect(text.hasSuffix("\u{1B}_Gm=0\u{1B}\\"))
        // The chunks' payloads (each in base64 of its own) are 40 x 40 RGBA pixels.
        let payloads = text.split(separator: "\u{1B}_G").compactMap { chunk in chunk.split(separator: ";", maxSplits: 1).dropFirst().first }
            .map { String($0.hasSuffix("\u{1B}\\") ? $0.dropLast(2) : $0) }
        let decoded: [Int] = payloads.map { Data(base64Encoded: $0)?.count ?? -1 }
        #expect(decoded.reduce(0, +) == 40 * 40 * 4)
    }

    @Test func theITermStreamNamesItsCellSize() {
        let bytes = ChafaRenderer.sequence(pattern, size: Size(width: 4, height: 2), kind: .iterm, cellPixels: Size(width: 10, height: 20))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}]1337;File=inline=1;width=4;height=2;preserveAspectRatio=0:"))
        #expect(text.hasSuffix("\u{07}"))
    }

    @Test func tmuxPassthroughWrapsTheSequenceAndDoublesItsEscapes() {
        let wrapped = ChafaRenderer.tmuxPassthrough(Array("\u{1B}_Ga=T;AAAA\u{1B}\\".utf8))
        #expect(String(decoding: wrapped, as: UTF8.self) == "\u{1B}Ptmux;\u{1B}\u{1B}_Ga=T;AAAA\u{1B}\u{1B}\\\u{1B}\\")
    }

    @Test func anUnchangedPictureIsNotSentAgain() {
        let picture = ChafaRenderer.symbols(pattern, size: Size(width: 4, height: 2), colors: .palette240)
        let renderer = MemoryRenderer(width: 10, height: 4)
        var screen = Screen(width: 10, height: 4)
        screen.draw(picture, at: Point(x: 3, y: 1))
        renderer.render(screen)
        screen.clear()
        screen.draw(picture, at: Point(x: 3, y: 1))
        _ = screen.put("key", at: Point(x: 0, y: 3))
        renderer.render(screen)
        #expect(renderer.lastChanges == [ScreenDiff.Run(y: 3, x: 0, count: 3)])
    }

    @Test func theEnvironmentChoosesTheProtocol() {
        let cases: [([String: String], ImageProtocol)] = [
            (["TERM": "xterm-kitty"], .kitty), (["TERM": "xterm-256color", "KITTY_WINDOW_ID": "3"], .kitty),
            (["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"], .iterm), (["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"], .iterm),
            (["TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0", "KITTY_WINDOW_ID": "3"], .symbols),
            (["TERM": "foot"], .sixel), (["TERM": "xterm-256color"], .symbols), (["TERM": "dumb"], .none),
        ]
        for (environment, expected) in cases {
            #expect(ImageProtocol.resolve(.auto, environment: environment) == expected, "\(environment)")
        }
        #expect(ImageProtocol.resolve(.sixel, environment: ["TMUX": "x"]) == .sixel)
    }

    @Test func colourCountsChooseHowManyColoursSymbolsUse() {
        let chosen: [SymbolColors] = [0, 2, 8, 16, 88, 256, 16_777_216].map { SymbolColors(colorCount: $0) }
        let expected: [SymbolColors] = [.none, .none, .eight, .sixteen, .sixteen, .palette240, .palette240]
        #expect(chosen == expected)
    }
}
