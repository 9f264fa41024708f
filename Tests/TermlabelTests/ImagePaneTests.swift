import Foundation
import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// The asset pane with a picture: loading, the picture as symbols, zoom, metadata, failures.
@Suite("Pictures in the asset pane")
struct ImagePaneTests {
    static let symbols = ImageDisplay(kind: .symbols, colors: .palette240, cellPixels: nil)

    /// A project whose first task is the picture `asset`, with the 4-colour pattern written as
    /// pattern.png in the project.
    func withSession(_ asset: String, display: ImageDisplay = symbols, _ body: (LabelController) throws -> Void) throws {
        try withSession(asset, display: display) { session, _ in try body(session) }
    }

    func withSession(_ asset: String, display: ImageDisplay = symbols, _ body: (LabelController, String) throws -> Void) throws {
        let fixture = try Fixture(tasks: [NewTask(externalId: "pic", asset: .string(asset)), NewTask(externalId: "t-2", asset: "Second.")])
        let pattern = PatternFile.png()
        try Data(pattern).write(to: URL(fileURLWithPath: fixture.directory + "/pattern.png"))
        try Data("only text\n".utf8).write(to: URL(fileURLWithPath: fixture.directory + "/notes"))
        let images = ImagePane(display: display, loader: ImageLoader(timeout: 2, cache: nil), projectDirectory: fixture.directory)
        let session = try LabelController(store: fixture.store, stage: .label, user: "ann", clock: fixture.clock,
                                          projectDirectory: fixture.directory, images: images)
        try withExtendedLifetime(fixture) { try body(session, fixture.directory) }
    }

    func frame(_ session: LabelController, width: Int = 80, height: Int = 24) -> Screen {
        var screen = Screen(width: width, height: height)
        LabelApp.draw(session, on: &screen)
        return screen
    }

    /// The asset pane's rows of a frame (80x24: rows 0-7, columns 24-79).
    func assetPane(_ screen: Screen) -> String {
        screen.text(in: Rect(x: 24, y: 0, width: 56, height: 8))
    }

    @Test func thePaneSaysLoadingThenShowsThePictureAsBlocksWithItsCaption() throws {
        // A named pipe: the loader waits on it until the test writes the picture.
        try withSession("slow.png") { session, directory in
            #expect(mkfifo(directory + "/slow.png", 0o600) == 0)
            #expect(assetPane(frame(session)) == """
                ┌ pic · new ───────────────────────────────────────────┐
                │loading… slow.png                                     │
                │                                                      │
                │                                                      │
                │                                                      │
                │                                                      │
                │slow.png                                              │
                └──────────────────────────────────────────────────────┘
                """)
            let pipe = try #require(FileHandle(forWritingAtPath: directory + "/slow.png"))
            pipe.write(Data(PatternFile.png()))
            try pipe.close()
            session.images.loader.waitUntilSettled()
            #expect(session.images.hasNews)
            let screen = frame(session)
            #expect(assetPane(screen) == """
                ┌ pic · new ───────────────────────────────────────────┐
                │                          ▕▏                          │
                │                          ▕▏                          │
                │                 ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀                 │
                │                          ▕▏                          │
                │                          ▕▏                          │
                │PNG 64×32 · slow.png                                  │
                └──────────────────────────────────────────────────────┘
                """)
            // The picture: 20 x 5 cells centred in the 54 x 5 area; red over blue on the left half,
            // green over white on the right, the middle row split by half blocks, and chafa's
            // smoothing a thin edge where the halves meet.
            #expect(screen[42, 1].style == Style(foreground: .default, background: .indexed(196)))
            #expect(screen[61, 1].style == Style(foreground: .indexed(70), background: .indexed(46)))
            #expect(screen[42, 3].style == Style(foreground: .indexed(196), background: .indexed(21)))
            #expect(screen[61, 3].style == Style(foreground: .indexed(46), background: .indexed(231)))
            #expect(screen[42, 5].style == Style(foreground: .default, background: .indexed(21)))
            #expect(!session.images.hasNews)
        }
    }

    @Test func zoomShowsThePictureOnTheWholeScreenAndEscComesBack() throws {
        try withSession("pattern.png") { session in
            _ = frame(session)
            session.images.loader.waitUntilSettled()
            try session.handle(.character("z"))
            let zoomed = frame(session, width: 60, height: 14)
            #expect(zoomed.text == """
                                             ▊▎
                                             ▊▎
                                             ▊▎
                                             ▊▎
                                             ▊▎
                                             ▊▎
                    ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
                                             ▊▎
                                             ▊▎
                                             ▊▎
                                             ▊▎
                                             ▊▎
                                             ▊▎
                z or Esc: back to the form · M: metadata · PNG 64×32 · patt…
                """)

            try session.handle(.escape)
            #expect(frame(session).text.hasPrefix("┌ Tasks"))
        }
    }

    @Test func theMetadataKeyShowsSizeTypeBytesAndSource() throws {
        try withSession("pattern.png") { session in
            _ = frame(session)
            session.images.loader.waitUntilSettled()
            try session.handle(.character("M"))
            let bytes = PatternFile.png().count
            let box = frame(session).text(in: Rect(x: 51, y: 1, width: 28, height: 6))
            #expect(box == """
                ┌ Picture ─────────────────┐
                │Size:   64 × 32 pixels    │
                │Type:   PNG               │
                │Bytes:  \(bytes.formatted(.number.grouping(.automatic)).padding(toLength: 18, withPad: " ", startingAt: 0))│
                │Source: pattern.png       │
                └──────────────────────────┘
                """)
        }
    }

    @Test func aMissingFileSaysWhyAndTheFormStillWorks() throws {
        try withSession("./missing.png") { session in
            _ = frame(session)
            session.images.loader.waitUntilSettled()
            #expect(assetPane(frame(session)) == """
                ┌ pic · new ───────────────────────────────────────────┐
                │Cannot show the picture: no such file                 │
                │./missing.png                                         │
                │Labeling goes on: the form works as usual.            │
                │                                                      │
                │                                                      │
                │./missing.png                                         │
                └──────────────────────────────────────────────────────┘
                """)
            try session.handle(.character("1"))
            #expect(session.open?.form.answer("s")?.values == ["Positive"])
        }
    }

    @Test func aPathWithoutExtensionWhoseContentIsTextStaysText() throws {
        try withSession("./notes") { session in
            _ = frame(session)
            session.images.loader.waitUntilSettled()
            #expect(frame(session).text(in: Rect(x: 25, y: 1, width: 20, height: 1)) == "Path: ./notes")
        }
    }

    @Test func withPicturesOffThePathIsShownAsText() throws {
        try withSession("pattern.png", display: .off) { session in
            #expect(frame(session).text(in: Rect(x: 25, y: 1, width: 20, height: 1)) == "pattern.png")
        }
    }

    @Test func zoomOnATextAssetSaysThereIsNothingToZoom() throws {
        try withSession("just words") { session in
            try session.handle(.character("z"))
            #expect(session.message?.text == "This task's asset is not a picture: there is nothing to zoom.")
        }
    }

    @Test func openingATaskFetchesTheNextTwoTasksPicturesAhead() throws {
        let fixture = try Fixture(tasks: (1...4).map { NewTask(externalId: "p\($0)", asset: .string("p\($0).png")) })
        for i in 1...4 { try Data(PatternFile.png()).write(to: URL(fileURLWithPath: fixture.directory + "/p\(i).png")) }
        let images = ImagePane(display: Self.symbols, loader: ImageLoader(timeout: 2, cache: nil), projectDirectory: fixture.directory)
        let controller = try LabelController(store: fixture.store, stage: .label, user: "ann", clock: fixture.clock,
                                             projectDirectory: fixture.directory, images: images)
        _ = frame(controller)
        images.loader.waitUntilSettled()
        func loaded(_ n: Int) -> Bool {
            guard let reference = ImageReference.from(.string("p\(n).png"), projectDirectory: fixture.directory),
                  case .ready? = images.loader.status(of: reference) else { return false }
            return true
        }
        #expect([1, 2, 3, 4].map(loaded) == [true, true, true, false])
    }

    @Test func assetsArePictureReferencesByTheirShape() {
        let dir = "/p"
        func location(_ asset: String) -> String {
            switch ImageReference.from(.string(asset), projectDirectory: dir) {
            case nil: "text"
            case let reference?:
                switch reference.location {
                case .file(let path): "file \(path)\(reference.claimsImage ? "" : " ?")"
                case .web(let url): "web \(url.absoluteString)\(reference.claimsImage ? "" : " ?")"
                }
            }
        }
        #expect(["a.png", "img/b.JPG", "./c", "/abs/d.gif", "file:///e/f.webp", "https://x.org/g.jpeg?s=1", "http://x.org/h",
                 "https://x.org/page.html", "hello", "two words.png", "notes.txt"].map(location) == [
            "file /p/a.png", "file /p/img/b.JPG", "file /p/c ?", "file /abs/d.gif", "file /e/f.webp", "web https://x.org/g.jpeg?s=1",
            "web http://x.org/h ?", "text", "text", "text", "text",
        ])
    }
}

/// The 4-colour test pattern as PNG bytes, written by stb_image_write through the decoder's tests'
/// own C target would need another dependency; a tiny PNG writer (stored deflate blocks) is enough.
enum PatternFile {
    static func png(width: Int = 64, height: Int = 32) -> [UInt8] {
        var raw: [UInt8] = []
        for y in 0..<height {
            raw.append(0)
            for x in 0..<width {
                raw += y < height / 2 ? (x < width / 2 ? [255, 0, 0] : [0, 255, 0]) : (x < width / 2 ? [0, 0, 255] : [255, 255, 255])
            }
        }
        var zlib: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, raw.count - offset)
            let last: UInt8 = offset + count == raw.count ? 1 : 0
            zlib += [last, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            zlib += raw[offset..<(offset + count)]
            offset += count
        } while offset < raw.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in raw { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        zlib += bigEndian(b << 16 | a)
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", zlib) + chunk("IEND", [])
    }

    private static func chunk(_ kind: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(kind.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }
}
