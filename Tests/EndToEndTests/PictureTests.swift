import CStbImage
import Foundation
import LabelCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension EndToEnd {
    /// Pictures in the asset pane of the real binary in tmux: local PNG and JPEG files, pictures
    /// served over HTTP by a test server on 127.0.0.1 (one slow, one missing), zoom, quitting.
    @Suite struct Pictures {
        /// The 4-colour test pattern (red, green / blue, white quadrants), written by stb_image_write.
        static func writePattern(_ path: String, width: Int = 64, height: Int = 32, jpeg: Bool = false) {
            var rgba: [UInt8] = []
            for y in 0..<height {
                for x in 0..<width {
                    rgba += y < height / 2 ? (x < width / 2 ? [255, 0, 0, 255] : [0, 255, 0, 255])
                        : (x < width / 2 ? [0, 0, 255, 255] : [255, 255, 255, 255])
                }
            }
            _ = rgba.withUnsafeBufferPointer {
                jpeg ? tl_stb_write_jpg(path, Int32(width), Int32(height), $0.baseAddress, 95)
                    : tl_stb_write_png(path, Int32(width), Int32(height), $0.baseAddress)
            }
        }

        /// Rows with cells in a palette colour (tmux writes them as `48;5;N`): the picture's.
        static func pictureRows(_ tmux: TmuxSession) throws -> Int {
            try tmux.screenWithAttributes().filter { $0.contains("48;5;") }.count
        }

        /// Polls (at most 5 s) until the count of picture rows satisfies `done`; returns the last count.
        static func waitForPictureRows(_ tmux: TmuxSession, _ done: (Int) -> Bool) throws -> Int {
            let deadline = Date().addingTimeInterval(5)
            var rows = try pictureRows(tmux)
            while !done(rows), Date() < deadline {
                usleep(50_000)
                rows = try pictureRows(tmux)
            }
            return rows
        }

        @Test func localAndServedPicturesShowA404SaysSoZoomWorksAndQuittingLeavesTheTerminalClean() throws {
            let scratch = try TemporaryDirectory()
            let served = scratch.path + "/served"
            try FileManager.default.createDirectory(atPath: served, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: served + "/slow", withIntermediateDirectories: true)
            Self.writePattern(scratch.path + "/local.png")
            Self.writePattern(scratch.path + "/photo.jpg", jpeg: true)
            Self.writePattern(served + "/web.png")
            Self.writePattern(served + "/first.png")
            try "only text".write(toFile: served + "/fake.png", atomically: true, encoding: .utf8)
            let server = try PictureServer(folder: served, slowSeconds: 1.5)
            let dir = try Termlabel.makeProject(in: scratch, records: [
                ["externalId": "slow-web", "data": .string(server.url("slow/first.png"))],
                ["externalId": "local-png", "data": .string(scratch.path + "/local.png")],
                ["externalId": "local-jpeg", "data": .string("file://" + scratch.path + "/photo.jpg")],
                ["externalId": "web-png", "data": .string(server.url("web.png"))],
                ["externalId": "web-404", "data": .string(server.url("missing.png"))],
                ["externalId": "web-fake", "data": .string(server.url("fake.png"))],
                ["externalId": "web-hang", "data": .string(server.url("hang/first.png"))],
            ])
            let tmux = try TmuxSession(width: 100, height: 30, environment: ["XDG_CACHE_HOME": scratch.path + "/cache", "TERM": "tmux-256color", "TERMLABEL_IMAGE_TIMEOUT": "3"],
                                       command: [try Termlabel.binary(), "label", dir, "--user", "ann"], in: scratch.path)
            defer { tmux.kill() }

            // The slow picture: "loading…" first, the picture once it came, keys answered meanwhile.
            try tmux.waitFor(text: "loading… \(server.url("slow/first.png"))")
            try tmux.sendKeys("Tab")
            try tmux.waitFor(text: "PNG 64×32 · \(server.url("slow/first.png"))")
            // Colour cells from xterm's 256-colour palette: the red and blue quadrants fill the pane's rows.
            let colours = try tmux.screenWithAttributes().joined()
            #expect(colours.contains("48;5;196") && colours.contains("48;5;21"))
            #expect(try Self.pictureRows(tmux) >= 6)

            try tmux.sendKeys("n")
            try tmux.waitFor(text: "PNG 64×32 · \(scratch.path)/local.png")
            try tmux.sendKeys("n")
            try tmux.waitFor(text: "JPEG 64×32 · file://\(scratch.path)/photo.jpg")
            try tmux.sendKeys("n")
            try tmux.waitFor(text: "PNG 64×32 · \(server.url("web.png"))")
            #expect(try Self.pictureRows(tmux) >= 6)

            // A larger terminal: the picture is drawn again, larger (side by side with the form
            // from 150 columns).
            try tmux.resize(width: 200, height: 60)
            try tmux.waitFor("a 200x60 frame") { $0.count == 60 && $0[59].contains("labeled") && $0[0].count == 200 }
            let wideRows = try Self.waitForPictureRows(tmux) { $0 >= 20 }
            #expect(wideRows >= 20, "\(wideRows) rows of picture at 200x60")
            try tmux.resize(width: 100, height: 30)
            try tmux.waitFor("a 100x30 frame") { $0.count == 30 && $0[29].contains("labeled") && $0[0].count == 100 }
            #expect(try Self.waitForPictureRows(tmux) { $0 == 8 } == 8)

            // Zoom: the picture on the whole screen, the form hidden; Esc comes back.
            try tmux.sendKeys("z")
            var screen = try tmux.waitFor(text: "z or Esc: back to the form")
            #expect(!screen.contains { $0.contains("Form ·") || $0.contains("Tasks ·") }, "\(TmuxSession.framed(screen))")
            // 100 x 29 cells for a 2:1 picture: 100 columns by 25 rows, all in colour.
            #expect(try Self.waitForPictureRows(tmux) { $0 == 25 } == 25)
            try tmux.sendKeys("Escape")
            try tmux.waitFor(text: "Form ·")

            try tmux.sendKeys("n")
            screen = try tmux.waitFor(text: "Cannot show the picture: HTTP 404")
            #expect(screen.contains { $0.contains(server.url("missing.png")) })
            // Labeling goes on: the answer is taken and saved.
            try tmux.sendKeys("1")
            try tmux.waitFor(text: "(•) 1 Positive")
            try tmux.sendKeys("n")
            try tmux.waitFor(text: "Cannot show the picture: not an image (no PNG, JPEG, GIF, BMP or")
            // A server that never answers: given up after TERMLABEL_IMAGE_TIMEOUT seconds.
            try tmux.sendKeys("n")
            try tmux.waitFor(text: "Cannot show the picture: timed out after 3 s", timeout: 15)

            try tmux.quit()
            // Back on the normal screen, with no colour left behind.
            #expect(try tmux.display("#{alternate_on}") == "0")
            #expect(try Self.pictureRows(tmux) == 0)
            // The fetched pictures are in the disk cache (the 404 is not).
            let cached = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/cache/termlabel/images")
            #expect(cached.filter { $0.hasSuffix(".img") }.count == 2)
            withExtendedLifetime(server) {}
        }

        @Test func hostilePicturesEachGiveTheirMessageInBoundedMemory() throws {
            let scratch = try TemporaryDirectory()
            let made = try Spawn.run(["python3", Termlabel.packageRoot + "/scripts/make-hostile-images", scratch.path + "/hostile"], in: scratch.path)
            #expect(made.status == 0, "\(made.stderr)")
            // Each message as the asset pane shows it at 220 columns.
            let cases: [(String, String)] = [
                ("truncated.png", "│Cannot show the picture: damaged image: the file is truncated (it ends before its pixels do)"),
                ("huge-header.png", "│Cannot show the picture: too large: 100000 x 100000 pixels (the limit is 25 megapixels)"),
                ("bomb.png", "│Cannot show the picture: too large: 12000 x 12000 pixels (the limit is 25 megapixels)"),
                ("long-idat.png", "│Cannot show the picture: damaged image: it needs more memory than a picture may take (a"),
                ("frames.gif", "│GIF 1×1 · "),
                ("not-image.png", "│Cannot show the picture: not an image (no PNG, JPEG, GIF, BMP or WebP signature)"),
            ]
            let dir = try Termlabel.makeProject(in: scratch, records: cases.map { name, _ in
                ["externalId": .string(name), "data": .string(scratch.path + "/hostile/" + name)]
            })
            let tmux = try TmuxSession(width: 220, height: 40, environment: ["XDG_CACHE_HOME": scratch.path + "/cache"],
                                       command: [try Termlabel.binary(), "label", dir, "--user", "ann"], in: scratch.path)
            defer { tmux.kill() }
            let started = Date()
            for (i, (name, message)) in cases.enumerated() {
                if i > 0 { try tmux.sendKeys("n") }
                // The queue's row holds the path; the asset box's title the externalId.
                try tmux.waitFor(text: "┌ \(name) · new")
                try tmux.waitFor(text: message, timeout: 20)
            }
            let seconds = Date().timeIntervalSince(started)
            let status = try String(contentsOfFile: "/proc/\(try tmux.pid())/status", encoding: .utf8)
            let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.flatMap { Int($0.split(separator: " ")[1]) } ?? -1
            print("Hostile pictures: \(cases.count) shown with their messages in \(String(format: "%.1f", seconds)) s; peak memory (VmHWM) \(peak / 1024) MB")
            #expect(peak > 0 && peak < 400 * 1024, "peak memory \(peak) kB")
            try tmux.quit()
        }
    }
}

