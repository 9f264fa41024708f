import TerminalUI

/// Where each pane goes for a terminal size. At 80x24 the queue takes 24 columns and the asset
/// a third of the height; from 150 columns the asset and the form stand side by side.
struct ScreenLayout: Equatable {
    static let minimumWidth = 60
    static let minimumHeight = 14
    static let sideBySideWidth = 150

    var queue: Rect
    var asset: Rect
    var form: Rect
    var message: Rect
    var status: Rect

    init?(size: Size) {
        guard size.width >= Self.minimumWidth, size.height >= Self.minimumHeight else { return nil }
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (body, bottom) = screen.split(bottomHeight: 2)
        message = bottom.row(0)
        status = bottom.row(1)
        let queueWidth = size.width >= 160 ? 44 : size.width >= 120 ? 36 : max(24, size.width * 3 / 10)
        let (left, right) = body.split(leftWidth: queueWidth)
        queue = left
        if size.width >= Self.sideBySideWidth {
            // Wide terminals: asset and form side by side, both the full height.
            (asset, form) = right.split(leftWidth: right.width * 11 / 20)
        } else {
            let assetHeight = max(6, min(body.height * 2 / 5, 20))
            (asset, form) = right.split(topHeight: assetHeight)
        }
    }
}
