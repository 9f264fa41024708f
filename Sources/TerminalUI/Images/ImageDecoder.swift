import CStbImage

/// Decodes PNG, JPEG, GIF (its first frame) and BMP with stb_image, and WebP (its first frame)
/// with libwebp. The header is read first and a picture of more than `pixelLimit` pixels is
/// refused before any pixel is decoded, so a file claiming 100,000 x 100,000 costs nothing; no
/// single allocation may pass `tl_stb_allocation_limit`, which bounds a decompression bomb (a WebP
/// is decoded into a buffer of the size its header gave). Large pictures are scaled down to
/// `maxSide` after decoding: a terminal never shows more.
public enum ImageDecoder {
    /// 25 megapixels (a 6,000 x 4,000 photograph): 100 MB decoded.
    public static let pixelLimit = 25_000_000
    /// Files above this are not read (64 MB).
    public static let byteLimit = 64 * 1_048_576
    /// The longest side kept after decoding.
    public static let maxSide = 2_048

    /// The format and size from the header, without decoding.
    public static func probe(_ bytes: [UInt8]) throws(ImageError) -> (format: ImageFormat, width: Int, height: Int) {
        guard let format = ImageFormat.sniff(bytes) else { throw .notAnImage }
        guard format.isDecodable else { throw .unsupported(format) }
        guard bytes.count <= byteLimit else { throw .fileTooLarge(bytes: bytes.count, limit: byteLimit) }
        // The size as the header writes it, checked before stb looks (it refuses some sizes itself,
        // with a reason that names no size).
        if let (w, h) = headerSize(bytes, format: format), w * h > pixelLimit { throw .tooLarge(width: w, height: h, limit: pixelLimit) }
        let width: Int, height: Int
        if format == .webp {
            let still = try WebPDecoder.probe(bytes)
            (width, height) = (still.width, still.height)
        } else {
            var w: Int32 = 0, h: Int32 = 0, channels: Int32 = 0
            let known = bytes.withUnsafeBufferPointer { tl_stb_info($0.baseAddress, Int32($0.count), &w, &h, &channels) }
            guard known == 1 else { throw .damaged(reason()) }
            (width, height) = (Int(w), Int(h))
        }
        guard width > 0, height > 0 else { throw .damaged("it says it is \(width) x \(height) pixels") }
        guard width * height <= pixelLimit else { throw .tooLarge(width: width, height: height, limit: pixelLimit) }
        return (format, width, height)
    }

    public static func decode(_ bytes: [UInt8], maxSide: Int = maxSide) throws(ImageError) -> DecodedImage {
        let (format, _, _) = try probe(bytes)
        if format == .webp {
            let still = try WebPDecoder.probe(bytes)
            let rgba = try WebPDecoder.decode(bytes, still)
            return try rgba.withUnsafeBufferPointer { pixels throws(ImageError) in
                try finish(pixels.baseAddress!, width: still.width, height: still.height, format: format,
                           byteCount: bytes.count, maxSide: maxSide)
            }
        }
        var width: Int32 = 0, height: Int32 = 0
        let pixels = bytes.withUnsafeBufferPointer { tl_stb_decode_rgba($0.baseAddress, Int32($0.count), &width, &height) }
        guard let pixels else { throw .damaged(reason()) }
        defer { tl_stb_free(pixels) }
        return try finish(pixels, width: Int(width), height: Int(height), format: format, byteCount: bytes.count, maxSide: maxSide)
    }

    /// The decoded pixels as a `DecodedImage`, scaled down when a side passes `maxSide`.
    private static func finish(_ pixels: UnsafePointer<UInt8>, width w: Int, height h: Int, format: ImageFormat, byteCount: Int,
                               maxSide: Int) throws(ImageError) -> DecodedImage {
        let (outW, outH) = scaledSize(width: w, height: h, maxSide: maxSide)
        if outW == w && outH == h {
            let rgba = Array(UnsafeBufferPointer(start: pixels, count: w * h * 4))
            return DecodedImage(width: w, height: h, rgba: rgba, format: format, byteCount: byteCount)
        }
        var scaled = [UInt8](repeating: 0, count: outW * outH * 4)
        let ok = scaled.withUnsafeMutableBufferPointer {
            tl_stb_resize_rgba(pixels, Int32(w), Int32(h), $0.baseAddress, Int32(outW), Int32(outH))
        }
        guard ok == 1 else { throw .damaged("could not be scaled down (\(w) x \(h))") }
        return DecodedImage(width: outW, height: outH, rgba: scaled, format: format, originalWidth: w, originalHeight: h,
                            byteCount: byteCount)
    }

    /// Width and height from a PNG, GIF, BMP or extended WebP header (JPEG's sit in a segment stb finds).
    static func headerSize(_ bytes: [UInt8], format: ImageFormat) -> (Int, Int)? {
        func bigEndian(_ at: Int) -> Int? {
            guard bytes.count >= at + 4 else { return nil }
            return bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) }
        }
        func littleEndian(_ at: Int, _ count: Int) -> Int? {
            guard bytes.count >= at + count else { return nil }
            return bytes[at..<(at + count)].reversed().reduce(0) { $0 << 8 | Int($1) }
        }
        switch format {
        case .webp:
            // The extended format's canvas (24 bits a side, so up to 16,777,216): libwebp refuses an
            // area past 2^32 itself, with a reason that names no size. VP8 and VP8L sizes come from libwebp.
            guard bytes.count >= 30, Array(bytes[12..<16]) == Array("VP8X".utf8) else { return nil }
            return littleEndian(24, 3).flatMap { w in littleEndian(27, 3).map { (w + 1, $0 + 1) } }
        case .png: return bigEndian(16).flatMap { w in bigEndian(20).map { (w, $0) } }
        case .gif: return littleEndian(6, 2).flatMap { w in littleEndian(8, 2).map { (w, $0) } }
        case .bmp:
            // Heights may be negative (rows top down).
            return littleEndian(18, 4).flatMap { w in
                littleEndian(22, 4).map { (abs(Int(Int32(truncatingIfNeeded: w))), abs(Int(Int32(truncatingIfNeeded: $0)))) }
            }
        default: return nil
        }
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
        case "too large": "its header gives a size too large to decode"
        case "outofdata": "the file is truncated (it ends before its pixels do)"
        case "unknown image type": "the data is not a picture stb_image can read"
        default: "the file is corrupt (\(raw))"
        }
    }
}
