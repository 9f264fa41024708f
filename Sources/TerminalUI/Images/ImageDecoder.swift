import CStbImage

/// Decodes PNG, JPEG, GIF (its first frame) and BMP with stb_image. The header is read first and
/// a picture of more than `pixelLimit` pixels is refused before any pixel is decoded, so a file
/// claiming 100,000 x 100,000 costs nothing; no single allocation may pass
/// `tl_stb_allocation_limit`, which bounds a decompression bomb. Large pictures are scaled down to
/// `maxSide` after decoding: a terminal never shows more.
public enum ImageDecoder {
    /// 40 megapixels (a 7,300 x 5,500 photograph).
    public static let pixelLimit = 40_000_000
    /// Files above this are not read (64 MB).
    public static let byteLimit = 64 * 1_048_576
    /// The longest side kept after decoding.
    public static let maxSide = 2_048

    /// The format and size from the header, without decoding.
    public static func probe(_ bytes: [UInt8]) throws(ImageError) -> (format: ImageFormat, width: Int, height: Int) {
        guard let format = ImageFormat.sniff(bytes) else { throw .notAnImage }
        guard format.isDecodable else { throw .unsupported(format) }
        guard bytes.count <= byteLimit else { throw .fileTooLarge(bytes: bytes.count, limit: byteLimit) }
        var width: Int32 = 0, height: Int32 = 0, channels: Int32 = 0
        let known = bytes.withUnsafeBufferPointer { tl_stb_info($0.baseAddress, Int32($0.count), &width, &height, &channels) }
        guard known == 1 else { throw .damaged(reason()) }
        guard width > 0, height > 0 else { throw .damaged("it says it is \(width) x \(height) pixels") }
        guard Int(width) * Int(height) <= pixelLimit else { throw .tooLarge(width: Int(width), height: Int(height), limit: pixelLimit) }
        return (format, Int(width), Int(height))
    }

    public static func decode(_ bytes: [UInt8], maxSide: Int = maxSide) throws(ImageError) -> DecodedImage {
        let (format, _, _) = try probe(bytes)
        var width: Int32 = 0, height: Int32 = 0
        let pixels = bytes.withUnsafeBufferPointer { tl_stb_decode_rgba($0.baseAddress, Int32($0.count), &width, &height) }
        guard let pixels else { throw .damaged(reason()) }
        defer { tl_stb_free(pixels) }
        let w = Int(width), h = Int(height)
        let (outW, outH) = scaledSize(width: w, height: h, maxSide: maxSide)
        if outW == w && outH == h {
            let rgba = Array(UnsafeBufferPointer(start: pixels, count: w * h * 4))
            return DecodedImage(width: w, height: h, rgba: rgba, format: format, byteCount: bytes.count)
        }
        var scaled = [UInt8](repeating: 0, count: outW * outH * 4)
        let ok = scaled.withUnsafeMutableBufferPointer { tl_stb_resize_rgba(pixels, width, height, $0.baseAddress, Int32(outW), Int32(outH)) }
        guard ok == 1 else { throw .damaged("could not be scaled down (\(w) x \(h))") }
        return DecodedImage(width: outW, height: outH, rgba: scaled, format: format, originalWidth: w, originalHeight: h,
                            byteCount: bytes.count)
    }

    /// A size whose longer side is at most `maxSide`, aspect kept.
    static func scaledSize(width: Int, height: Int, maxSide: Int) -> (Int, Int) {
        let longest = max(width, height)
        guard longest > maxSide else { return (width, height) }
        return (max(1, width * maxSide / longest), max(1, height * maxSide / longest))
    }

    private static func reason() -> String {
        let raw = String(cString: tl_stb_failure())
        return switch raw {
        case "outofmem": "it needs more memory than a picture may take (a decompression bomb?)"
        case "too large": "its size is beyond what is decoded"
        case "bad png", "unknown image type": "the data is not a picture stb_image can read"
        default: raw.contains("Corrupt") || raw.hasPrefix("bad") || raw.hasPrefix("no ") ? "the file is truncated or corrupt (\(raw))" : raw
        }
    }
}
