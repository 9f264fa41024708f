import CWebP

/// WebP through libwebp: the header first (size, animation), then a decode into a buffer made
/// here, once the size has passed `ImageDecoder.pixelLimit`, so memory stays bounded as for the
/// other formats. An animation shows its first frame, as a GIF does.
enum WebPDecoder {
    /// The picture to decode: the whole file, or an animation's first frame.
    struct Still {
        var range: Range<Int>
        var width: Int
        var height: Int
    }

    static func probe(_ bytes: [UInt8]) throws(ImageError) -> Still {
        var width: Int32 = 0, height: Int32 = 0, animated: Int32 = 0
        let status = bytes.withUnsafeBufferPointer { tl_webp_info($0.baseAddress, $0.count, &width, &height, &animated) }
        guard status == 0 else { throw .damaged(reason(status)) }
        guard animated != 0 else { return Still(range: 0..<bytes.count, width: Int(width), height: Int(height)) }
        var offset = 0, length = 0
        let found = bytes.withUnsafeBufferPointer { tl_webp_first_frame($0.baseAddress, $0.count, &offset, &length, &width, &height) }
        guard found == 1, offset + length <= bytes.count else { throw .damaged("it is an animated WebP whose first frame cannot be read") }
        return Still(range: offset..<(offset + length), width: Int(width), height: Int(height))
    }

    /// RGBA pixels of a WebP whose size `probe` gave (and the pixel limit allowed).
    static func decode(_ bytes: [UInt8], _ still: Still) throws(ImageError) -> [UInt8] {
        var rgba = [UInt8](repeating: 0, count: still.width * still.height * 4)
        let status = rgba.withUnsafeMutableBufferPointer { output in
            bytes[still.range].withUnsafeBufferPointer {
                tl_webp_decode_rgba_into($0.baseAddress, $0.count, output.baseAddress, output.count, Int32(still.width),
                                         Int32(still.height))
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
