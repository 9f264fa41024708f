/// What kind of picture a file is, known from its first bytes (its magic number).
public enum ImageFormat: String, Sendable, Equatable {
    case png = "PNG", jpeg = "JPEG", gif = "GIF", bmp = "BMP", webp = "WebP", tiff = "TIFF", svg = "SVG", raw = "RGBA"

    /// Whether termlabel decodes it (stb_image: PNG, JPEG, GIF's first frame, BMP; libwebp: WebP).
    public var isDecodable: Bool { self == .png || self == .jpeg || self == .gif || self == .bmp || self == .webp || self == .raw }

    /// The format of `bytes`, or nil when they start like no picture known.
    public static func sniff<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> ImageFormat? {
        let head = Array(bytes.prefix(16))
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<(offset + magic.count)]) == magic
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("BM".utf8)) { return .bmp }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        let text = String(decoding: head, as: UTF8.self).drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        if text.hasPrefix("<svg") || text.hasPrefix("<?xml") { return .svg }
        return nil
    }
}
