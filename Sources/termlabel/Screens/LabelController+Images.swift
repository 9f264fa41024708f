import LabelCore
import TerminalUI

/// The open task's picture: asked for when the task opens (with the next two tasks' pictures,
/// fetched ahead), settled before each frame, zoomed on a key.
extension LabelController {
    /// Whether the frame is the zoomed picture (and keys go to the zoom's table).
    var showsZoomedImage: Bool { images.zoomed && images.settled != nil && mode == .normal }

    /// Before a frame of `size`: the picture of the open task, sized for where it goes.
    func settleImage(_ size: Size) {
        guard let open, let reference = images.reference(of: open.task) else {
            images.followed = open?.task.id
            images.settle(nil, in: Rect(x: 0, y: 0, width: 0, height: 0))
            return
        }
        if images.followed != open.task.id {
            images.followed = open.task.id
            images.loader.request([reference] + upcomingImages())
        }
        let area: Rect
        if images.zoomed {
            area = ImageView.zoomArea(size)
        } else if let layout = ScreenLayout(size: size) {
            let inner = Box.inner(layout.asset)
            area = ImageView.pictureArea(assetInner: inner, headerRows: AssetView.header(task: open.task, history: open.history, stage: stage, width: inner.width, flag: open.benchmarkFlag).count)
        } else {
            area = Rect(x: 0, y: 0, width: 0, height: 0)
        }
        images.settle(reference, in: area)
    }

    /// The pictures of the next two tasks in the list, to fetch ahead.
    private func upcomingImages() -> [ImageReference] {
        guard let openId = open?.task.id else { return [] }
        let start = queue.row(queue.selected)?.id == openId ? queue.selected + 1 : queue.selected
        return (start..<(start + 2)).compactMap { index in
            guard let row = queue.row(index), row.id != openId, let task = try? store.task(id: row.id) else { return nil }
            return images.reference(task.asset)
        }
    }

    func zoomImage() {
        guard images.settled != nil else {
            message = Message(text: "This task's asset is not a picture: there is nothing to zoom.", isError: true)
            return
        }
        images.zoomed = true
    }

    /// A key while the picture is zoomed: the zoom's table, and any other key comes back.
    func zoomed(_ event: InputEvent) throws {
        switch keymap.command(for: event, in: .zoom, stage: stage) {
        case .imageInfo: images.showInfo.toggle()
        case .quit: session.quit()
        default: images.zoomed = false
        }
    }
}
