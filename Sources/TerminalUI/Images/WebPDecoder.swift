import CWebP

/// WebP through libwebp: the header first (size, animation), then a decode into a buffer made
/// here, once the size has passed `ImageDecoder.pixelLimit`, so memory stays bounded as for the
/// other formats. An animation is refused by name (libwebp's still decoder reads no frames).
enum WebPDecoder {
    static func probe(_ bytes: [UInt8]) throws(ImageError) -> (width: Int, height: Int) {
        var width: Int32 = 0, height: Int32 = 0, animated: Int32 = 0
        let status = bytes.withUnsafeBufferPointer { tl_webp_info($0.baseAddress, $0.count, &width, &height, &animated) }
        guard status == 0 else { throw .damaged(reason(status)) }
        guard animated == 0 else { throw .damaged("it is an animated WebP (only still WebP pictures are shown)") }
        return (Int(width), Int(height))
    }

    /// RGBA pixels of a WebP whose size `probe` gave (and the pixel limit allowed).
    static func decode(_ bytes: [UInt8], width: Int, height: Int) throws(ImageError) -> [UInt8] {
        var rgba = [UInt8](repeating: 0, count: width * height * 4)
        let status = rgba.withUnsafeMutableBufferPointer { output in
            bytes.withUnsafeBufferPointer {
                tl_webp_decode_rgba_into($0.baseAddress, $0.count, output.baseAddress, output.count, Int32(width), Int32(height))
            }
        }
        guard status == 0 else { throw .damaged(reason(status)) }
        return rgba
    }

    /// libwebp's VP8StatusCode in words, worded as stb_image's reasons are.
    static func reason(_ status: Int32) -> String {
        switch status {
        case 1: "it needs more memory than a picture may take (a decompression bomb?)"
        case 4: "the file is corrupt (a WebP feature libwebp cannot decode)"
        case 7: "the file is truncated (it ends before its pixels do)"
        default: "the file is corrupt (WebP bitstream error)"
        }
    }
}
