import CStbImage
import Foundation
import Testing
import TerminalUI

@Suite("Decoding pictures") struct ImageDecoderTests {
    /// The test pattern written by stb_image_write, as a PNG or a JPEG file's bytes.
    static func encoded(_ image: DecodedImage, jpeg: Bool = false) -> [UInt8] {
        let path = NSTemporaryDirectory() + "termlabel-pattern-\(UUID().uuidString)" + (jpeg ? ".jpg" : ".png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = image.rgba.withUnsafeBufferPointer {
            jpeg ? tl_stb_write_jpg(path, Int32(image.width), Int32(image.height), $0.baseAddress, 95)
                : tl_stb_write_png(path, Int32(image.width), Int32(image.height), $0.baseAddress)
        }
        return Array(FileManager.default.contents(atPath: path) ?? Data())
    }

    @Test func aPNGDecodesToItsExactPixels() throws {
        let pattern = TestPattern.quadrants()
        let bytes = Self.encoded(pattern)
        let image = try ImageDecoder.decode(bytes)
        #expect(image == DecodedImage(width: 64, height: 32, rgba: pattern.rgba, format: .png, byteCount: bytes.count))
    }

    @Test func aJPEGDecodesWithItsSizeAndType() throws {
        let image = try ImageDecoder.decode(Self.encoded(TestPattern.quadrants(), jpeg: true))
        #expect([image.format.rawValue, "\(image.width)x\(image.height)"] == ["JPEG", "64x32"])
        // Lossy, but the top left quadrant stays red.
        #expect(image.rgba[0] > 240 && image.rgba[1] < 20 && image.rgba[2] < 20)
    }

    @Test func aLargePictureIsScaledDownKeepingItsOwnSizeForTheMetadata() throws {
        let image = try ImageDecoder.decode(Self.encoded(TestPattern.quadrants(width: 400, height: 200)), maxSide: 100)
        #expect([image.width, image.height, image.originalWidth, image.originalHeight] == [Int]([100, 50, 400, 200]))
    }

    @Test func formatsAreKnownByTheirFirstBytes() {
        #expect(ImageFormat.sniff(Self.encoded(TestPattern.quadrants())) == .png)
        #expect(ImageFormat.sniff(Array("GIF89a....".utf8)) == .gif)
        #expect(ImageFormat.sniff(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == .webp)
        #expect(ImageFormat.sniff(Array("<svg xmlns=".utf8)) == .svg)
        #expect(ImageFormat.sniff(Array("hello".utf8)) == nil)
    }

    @Test func aTIFFIsRefusedByName() {
        #expect(throws: ImageError.unsupported(.tiff)) { try ImageDecoder.decode([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]) }
        #expect(ImageError.unsupported(.tiff).description == "TIFF images are not supported (PNG, JPEG, GIF, BMP and WebP are)")
    }

    // MARK: Hostile pictures

    @Test func aTruncatedPNGSaysItIsTruncated() {
        #expect(throws: ImageError.damaged("the file is truncated (it ends before its pixels do)")) {
            try ImageDecoder.decode(HostileImages.bytes("truncated.png"))
        }
    }

    @Test func aHeaderClaiming100000By100000IsRefusedBeforeDecoding() {
        #expect(throws: ImageError.tooLarge(width: 100_000, height: 100_000, limit: 25_000_000)) {
            try ImageDecoder.decode(HostileImages.bytes("huge-header.png"))
        }
        #expect(ImageError.tooLarge(width: 100_000, height: 100_000, limit: 25_000_000).description
            == "too large: 100000 x 100000 pixels (the limit is 25 megapixels)")
    }

    @Test func aDecompressionBombIsRefusedByItsPixelCount() {
        #expect(throws: ImageError.tooLarge(width: 12_000, height: 12_000, limit: 25_000_000)) {
            try ImageDecoder.decode(HostileImages.bytes("bomb.png"))
        }
    }

    @Test func dataThatInflatesFarPastItsPictureStopsAtTheAllocationLimit() {
        #expect(throws: ImageError.damaged("it needs more memory than a picture may take (a decompression bomb?)")) {
            try ImageDecoder.decode(HostileImages.bytes("long-idat.png"))
        }
    }

    @Test func aGIFWithThousandsOfFramesDecodesItsFirstFrame() throws {
        let image = try ImageDecoder.decode(HostileImages.bytes("frames.gif"))
        #expect([image.format.rawValue, "\(image.width)x\(image.height)"] == ["GIF", "1x1"])
        // The first frame's one pixel: colour 0 of the palette, black.
        #expect(image.rgba == [0, 0, 0, 255])
    }

    @Test func textNamedLikeAPictureIsNotAnImage() {
        #expect(throws: ImageError.notAnImage) { try ImageDecoder.decode(HostileImages.bytes("not-image.png")) }
    }
}
