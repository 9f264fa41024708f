/// A picture sent to the terminal in its own graphics protocol, placed over `rect` (in cells).
/// Two graphics are equal when they show the same picture (`identity`) at the same place: the
/// renderer resends one only when that changes or when cells under it were rewritten.
public struct PixelGraphic: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Drawn into the cells (sixel, iTerm2): text written over it erases it.
        case inCells
        /// Kept by the terminal above the text (kitty): deleted explicitly.
        case kitty
    }

    public var rect: Rect
    public var kind: Kind
    public var identity: Int
    /// The escape sequence that draws the picture at the cursor.
    public var bytes: [UInt8]

    public init(rect: Rect, kind: Kind, identity: Int, bytes: [UInt8]) {
        self.rect = rect
        self.kind = kind
        self.identity = identity
        self.bytes = bytes
    }
}

extension PixelGraphic: Equatable {
    public static func == (a: PixelGraphic, b: PixelGraphic) -> Bool {
        a.rect == b.rect && a.kind == b.kind && a.identity == b.identity && a.bytes.count == b.bytes.count
    }
}
