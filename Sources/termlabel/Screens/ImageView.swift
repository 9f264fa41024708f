import Foundation
import TerminalUI

/// Draws the open task's picture, as settled for the frame (`ImagePane.settle`): symbols as
/// cells, a graphics protocol's picture as a `PixelGraphic` over blank cells, or what is
/// happening instead ("loading…", why it failed). A caption row under it names the source.
struct ImageView {
    let frame: ImageFrame
    let showInfo: Bool
    /// Where the metadata box may go (the picture's area, with the caption row in the pane).
    var infoArea: Rect? = nil

    /// Where the picture goes in the asset pane: below `headerRows` rows (review notes, the
    /// task's instruction) and above the caption row.
    static func pictureArea(assetInner inner: Rect, headerRows: Int) -> Rect {
        let top = min(headerRows, inner.height)
        return Rect(x: inner.x, y: inner.y + top, width: inner.width, height: max(0, inner.height - top - 1))
    }

    /// Zoomed: the whole screen but its last row (which says how to come back).
    static func zoomArea(_ size: Size) -> Rect {
        Rect(x: 0, y: 0, width: size.width, height: max(0, size.height - 1))
    }

    func draw(on screen: inout Screen) {
        let area = frame.area
        guard !area.isEmpty else { return }
        switch frame.content {
        case .loading:
            put("loading… " + frame.reference.shown, at: area.origin, style: .dim, in: area, on: &screen)
        case .failed(let why):
            // Wrapped, not cut: the reason and the address are what the annotator needs to report.
            let lines = TextWrap.lines("Cannot show the picture: \(why)", width: area.width).map { ($0, Style(foreground: .red, bold: true)) }
                + TextWrap.lines(frame.reference.shown, width: area.width).map { ($0, Style.plain) }
                + [("Labeling goes on: the form works as usual.", Style.dim)]
            for (i, (line, style)) in lines.enumerated() {
                put(line, at: Point(x: area.x, y: area.y + i), style: style, in: area, on: &screen)
            }
        case .picture(let picture):
            screen.draw(picture, at: frame.placed.origin, clip: area)
        case .graphic(let graphic):
            screen.graphics.append(graphic)
        }
        if showInfo, let info = frame.info { drawInfo(info, on: &screen) }
    }

    /// The caption under the picture: its type and size, and where it comes from.
    func caption(width: Int) -> String {
        let source = frame.reference.shown
        guard let info = frame.info else { return TextLayout.truncate(source, to: width) }
        return TextLayout.truncate("\(info.format) \(info.width)×\(info.height) · \(source)", to: width)
    }

    /// The metadata in a box at the picture's top right corner.
    private func drawInfo(_ info: ImageInfo, on screen: inout Screen) {
        let lines = [
            "Size:   \(info.width) × \(info.height) pixels",
            "Type:   \(info.format)",
            "Bytes:  \(info.bytes.formatted(.number.grouping(.automatic)))",
            "Source: \(info.source)",
        ]
        let area = infoArea ?? frame.area
        let width = min(area.width, max(24, lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let box = Rect(x: area.maxX - width, y: area.y, width: width, height: min(area.height, lines.count + 2))
        screen.fill(box)
        Box(title: "Picture", style: .bold).draw(in: box, on: &screen)
        let inner = Box.inner(box)
        for (i, line) in lines.enumerated() where i < inner.height {
            _ = screen.put(TextLayout.truncate(line, to: inner.width), at: Point(x: inner.x, y: inner.y + i), style: .plain, clip: inner)
        }
    }

    private func put(_ text: String, at point: Point, style: Style, in area: Rect, on screen: inout Screen) {
        guard point.y < area.maxY else { return }
        _ = screen.put(TextLayout.truncate(text, to: area.width), at: point, style: style, clip: area)
    }
}
