import Foundation
import LabelCore
import TerminalUI
import Testing
@testable import termlabel

@Suite("The picture cache and the picture setting")
struct ImageCacheTests {
    @Test func theCacheKeepsAtMostItsLimitDroppingTheLeastRecentlyUsed() throws {
        let folder = NSTemporaryDirectory() + "termlabel-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = ImageCache(directory: folder, limit: 250)
        let urls = (1...3).map { URL(string: "https://example.org/\($0).png")! }
        cache.write(Array(repeating: 1, count: 100), for: urls[0])
        cache.write(Array(repeating: 2, count: 100), for: urls[1])
        // The first is used again (a hit renews it); the second is now the least recently used.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: cache.path(for: urls[1]))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -120)], ofItemAtPath: cache.path(for: urls[0]))
        #expect(cache.read(urls[0]) == Array(repeating: 1, count: 100))
        cache.write(Array(repeating: 3, count: 100), for: urls[2])
        #expect(cache.read(urls[0]) == Array(repeating: 1, count: 100))
        #expect(cache.read(urls[1]) == nil)
        #expect(cache.read(urls[2]) == Array(repeating: 3, count: 100))
    }

    @Test func theCacheLivesUnderXDGCacheHomeAndItsSizeComesFromTheEnvironment() {
        let cache = ImageCache.standard(environment: ["XDG_CACHE_HOME": "/c", "TERMLABEL_IMAGE_CACHE_MB": "5"])
        #expect(cache.directory == "/c/termlabel/images")
        #expect(cache.limit == 5 * 1_048_576)
        #expect(ImageCache.standard(environment: ["XDG_CACHE_HOME": "/c"]).limit == 200 * 1_048_576)
    }

    @Test func configImageIsAProjectSettingThatLabelUsesUnlessTold() throws {
        let fixture = try Fixture()
        #expect(try fixture.store.settings().imageProtocol == "auto")
        try ConfigCommand.parse([fixture.directory, "--image", "sixel"]).run()
        #expect(try fixture.store.settings().imageProtocol == "sixel")
        #expect(throws: (any Error).self) { try ConfigCommand.parse([fixture.directory, "--image", "braille"]) }
    }

    @Test func theDisplayFollowsWhatWasAskedAndTheTerminal() {
        let tmux = ["TERM": "tmux-256color", "TMUX": "/tmp/t,1,0"]
        #expect(ImageDisplay.choose(.auto, environment: tmux, colorCount: 256, cellPixels: nil)
            == ImageDisplay(kind: .symbols, colors: .palette240, cellPixels: nil))
        #expect(ImageDisplay.choose(.auto, environment: tmux, colorCount: 0, cellPixels: nil).colors == .none)
        // Asked for inside tmux: through tmux's passthrough (the user turns it on in tmux).
        #expect(ImageDisplay.choose(.kitty, environment: tmux, colorCount: 256, cellPixels: Size(width: 9, height: 18))
            == ImageDisplay(kind: .kitty, colors: .palette240, cellPixels: Size(width: 9, height: 18), tmuxPassthrough: true))
        #expect(ImageDisplay.choose(.kitty, environment: ["TERM": "xterm-kitty"], colorCount: 256, cellPixels: nil).tmuxPassthrough == false)
        #expect(ImageDisplay.choose(.none, environment: tmux, colorCount: 256, cellPixels: nil).kind == .none)
    }
}
