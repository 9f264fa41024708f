/// A decoded picture: RGBA pixels, 4 bytes each, row by row; with what it was before decoding
/// (its format, its own size, its size in bytes), for the metadata shown on a key.
public struct DecodedImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var rgba: [UInt8]
    public var format: ImageFormat
    /// The picture's own size: `width` x `height` may be smaller when it was scaled down on decoding.
    public var originalWidth: Int
    public var originalHeight: Int
    /// The encoded file's size.
    public var byteCount: Int

    public init(width: Int, height: Int, rgba: [UInt8], format: ImageFormat, originalWidth: Int? = nil,
                originalHeight: Int? = nil, byteCount: Int = 0) {
        precondition(rgba.count == width * height * 4, "RGBA pixels: 4 bytes each")
        self.width = width
        self.height = height
        self.rgba = rgba
        self.format = format
        self.originalWidth = originalWidth ?? width
        self.originalHeight = originalHeight ?? height
        self.byteCount = byteCount
    }
}
