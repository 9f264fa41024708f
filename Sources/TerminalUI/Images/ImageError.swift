/// Why a picture is not shown, in words for the annotator.
public enum ImageError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAnImage
    case unsupported(ImageFormat)
    case tooLarge(width: Int, height: Int, limit: Int)
    case fileTooLarge(bytes: Int, limit: Int)
    case damaged(String)

    public var description: String {
        switch self {
        case .notAnImage: "not an image (no PNG, JPEG, GIF, BMP or WebP signature)"
        case .unsupported(let format): "\(format.rawValue) images are not supported (PNG, JPEG, GIF, BMP and WebP are)"
        case .tooLarge(let width, let height, let limit):
            "too large: \(width) x \(height) pixels (the limit is \(limit / 1_000_000) megapixels)"
        case .fileTooLarge(let bytes, let limit):
            "too large: \(bytes / 1_048_576) MB or more (the limit is \(limit / 1_048_576) MB)"
        case .damaged(let reason): "damaged image: \(reason)"
        }
    }
}
