import TerminalUI

/// How pictures are shown on this terminal: the protocol, the colours symbols may use and a
/// cell's size in pixels (for sixel and kitty).
struct ImageDisplay: Equatable, Sendable {
    var kind: ImageProtocol
    var colors: SymbolColors
    var cellPixels: Size?
    /// Inside tmux with kitty or iTerm2 asked for: the pictures go through tmux's passthrough.
    var tmuxPassthrough = false

    /// Pictures off: assets that point at pictures show as their path or URL.
    static let off = ImageDisplay(kind: .none, colors: .none, cellPixels: nil)

    /// From what was asked (`--image`, else the project's setting, else auto) and the terminal:
    /// its environment, and its answer to the graphics query when it was asked.
    static func choose(_ asked: ImageProtocol, environment: [String: String], answered: ImageProtocol? = nil, colorCount: Int,
                       cellPixels: Size?) -> ImageDisplay {
        var kind = ImageProtocol.resolve(asked, environment: environment, answered: answered)
        // Without Unicode there are no block symbols to draw with: the path or URL is shown instead.
        if kind == .symbols, !TerminalLocale.prepare() { kind = .none }
        let inTmux = environment["TMUX"].map { !$0.isEmpty } ?? false
        return ImageDisplay(kind: kind, colors: SymbolColors(colorCount: colorCount), cellPixels: cellPixels,
                            tmuxPassthrough: inTmux && (kind == .kitty || kind == .iterm))
    }
}

/// What the metadata key shows of a picture.
struct ImageInfo: Equatable, Sendable {
    var format: String
    var width: Int
    var height: Int
    var bytes: Int
    var source: String
}

/// The picture part of a frame's state: the open task's picture (nil: its asset is text),
/// whether it is zoomed to the whole screen and whether its metadata shows.
struct ImageState {
    var frame: ImageFrame?
    var zoomed = false
    var showInfo = false
}

/// What a frame shows of the open task's picture, settled before the frame is drawn.
struct ImageFrame {
    enum Content {
        case loading
        case failed(String)
        case picture(SymbolPicture)
        case graphic(PixelGraphic)
    }

    var reference: ImageReference
    var content: Content
    /// Where the picture may go.
    var area: Rect
    /// The picture's own cells: its fitted size, centred in `area`.
    var placed: Rect
    var info: ImageInfo?
}
