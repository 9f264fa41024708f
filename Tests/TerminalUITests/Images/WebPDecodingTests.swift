import CWebP
import Testing
import TerminalUI

@Suite("Decoding WebP") struct WebPDecodingTests {
    /// The test pattern as a lossless WebP, made by libwebp's own encoder.
    static func encoded(_ image: DecodedImage) -> [UInt8] {
        var length = 0
        guard let bytes = image.rgba.withUnsafeBufferPointer({
            tl_webp_encode_lossless_rgba($0.baseAddress, Int32(image.width), Int32(image.height), &length)
        }) else { return [] }
        defer { tl_webp_free(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: length))
    }

    /// A RIFF/WEBP file of one extended-format (VP8X) header claiming `width` x `height`, no pixels.
    static func extendedHeader(width: Int, height: Int) -> [UInt8] {
        func littleEndian(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let chunk = Array("VP8X".utf8) + littleEndian(10, 4) + [0, 0, 0, 0] + littleEndian(width - 1, 3) + littleEndian(height - 1, 3)
        return Array("RIFF".utf8) + littleEndian(4 + chunk.count, 4) + Array("WEBP".utf8) + chunk
    }

    @Test func aLosslessWebPDecodesToItsExactPixels() throws {
        let pattern = TestPattern.quadrants()
        let bytes = Self.encoded(pattern)
        #expect(ImageFormat.sniff(bytes) == .webp)
        let image = try ImageDecoder.decode(bytes)
        #expect(image == DecodedImage(width: 64, height: 32, rgba: pattern.rgba, format: .webp, byteCount: bytes.count))
    }

    @Test func aLargeWebPIsScaledDownKeepingItsOwnSize() throws {
        let image = try ImageDecoder.decode(Self.encoded(TestPattern.quadrants(width: 400, height: 200)), maxSide: 100)
        #expect([image.width, image.height, image.originalWidth, image.originalHeight] == [Int]([100, 50, 400, 200]))
        // Scaled, the top left stays red and the bottom right white.
        #expect(Array(image.rgba[0..<4]) == TestPattern.red)
        #expect(Array(image.rgba[(image.rgba.count - 4)...]) == TestPattern.white)
    }

    @Test func aTruncatedWebPSaysItIsTruncated() {
        let bytes = Self.encoded(TestPattern.quadrants())
        #expect(throws: ImageError.damaged("the file is truncated (it ends before its pixels do)")) {
            try ImageDecoder.decode(Array(bytes.prefix(bytes.count - 10)))
        }
        // Cut inside its header too.
        #expect(throws: ImageError.damaged("the file is truncated (it ends before its pixels do)")) {
            try ImageDecoder.decode(Array(bytes.prefix(22)))
        }
    }

    @Test func aCorruptWebPSaysItIsCorrupt() {
        var bytes = Self.encoded(TestPattern.quadrants())
        for index in 30..<bytes.count { bytes[index] = 0xFF }
        #expect(throws: ImageError.damaged("the file is corrupt (WebP bitstream error)")) { try ImageDecoder.decode(bytes) }
    }

    @Test func aHeaderClaiming100000By100000IsRefusedBeforeDecoding() {
        #expect(throws: ImageError.tooLarge(width: 100_000, height: 100_000, limit: 25_000_000)) {
            try ImageDecoder.decode(Self.extendedHeader(width: 100_000, height: 100_000))
        }
        // Below libwebp's own area limit, above termlabel's: refused by its size all the same.
        #expect(throws: ImageError.tooLarge(width: 6_000, height: 6_000, limit: 25_000_000)) {
            try ImageDecoder.probe(Self.extendedHeader(width: 6_000, height: 6_000))
        }
    }

    /// An animation of `frames` (lossless stills of one size), built chunk by chunk: VP8X with
    /// the animation flag, ANIM, then one ANMF per frame holding that still's VP8L chunk.
    static func animation(_ frames: [DecodedImage]) -> [UInt8] {
        func littleEndian(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        func chunk(_ tag: String, _ payload: [UInt8]) -> [UInt8] {
            Array(tag.utf8) + littleEndian(payload.count, 4) + payload + (payload.count % 2 == 1 ? [0] : [])
        }
        let width = frames[0].width, height = frames[0].height
        let size = littleEndian(width - 1, 3) + littleEndian(height - 1, 3)
        var body = Array("WEBP".utf8) + chunk("VP8X", [0x12, 0, 0, 0] + size) + chunk("ANIM", [0, 0, 0, 0, 0, 0])
        for frame in frames {
            let still = encoded(frame)
            body += chunk("ANMF", littleEndian(0, 6) + size + littleEndian(100, 3) + [0] + Array(still[12...]))
        }
        return Array("RIFF".utf8) + littleEndian(body.count, 4) + body
    }

    @Test func anAnimatedWebPShowsItsFirstFrame() throws {
        let first = TestPattern.quadrants()
        let second = DecodedImage(width: 64, height: 32, rgba: Array(first.rgba.reversed()), format: .raw)
        let bytes = Self.animation([first, second])
        let image = try ImageDecoder.decode(bytes)
        #expect(image == DecodedImage(width: 64, height: 32, rgba: first.rgba, format: .webp, byteCount: bytes.count))
    }

    @Test func aWebPWithThousandsOfFramesDecodesItsFirstFrame() throws {
        let black = DecodedImage(width: 1, height: 1, rgba: [0, 0, 0, 255], format: .raw)
        let white = DecodedImage(width: 1, height: 1, rgba: [255, 255, 255, 255], format: .raw)
        let image = try ImageDecoder.decode(Self.animation([black] + Array(repeating: white, count: 5_000)))
        #expect([image.format.rawValue, "\(image.width)x\(image.height)"] == ["WebP", "1x1"])
        #expect(image.rgba == [0, 0, 0, 255])
    }

    @Test func anAnimationWithoutFramesSaysSo() {
        var header = Self.extendedHeader(width: 10, height: 10)
        header[20] = 0x02  // the animation flag
        header += Array("ANIM".utf8) + [6, 0, 0, 0] + [0, 0, 0, 0, 0, 0]
        header[4] = UInt8(header.count - 8)
        #expect(throws: ImageError.damaged("it is an animated WebP whose first frame cannot be read")) {
            try ImageDecoder.decode(header)
        }
    }
}
