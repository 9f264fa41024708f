import Foundation
import LabelCore
import TerminalUI

/// The pictures of a labeling session: the loader, how this terminal shows them, and the
/// picture settled for the next frame (rendered once per picture and size, then reused, so a
/// key that changes nothing in the pane costs nothing here).
final class ImagePane {
    let loader: ImageLoader
    let display: ImageDisplay
    let projectDirectory: String?
    /// The picture is zoomed to the whole screen.
    var zoomed = false
    /// The picture's metadata is shown over it.
    var showInfo = false
    /// What the next frame shows (nil: the asset is not a picture, or pictures are off).
    private(set) var settled: ImageFrame?
    /// The loader's generation when the frame was settled: a newer one means a picture landed.
    private var settledGeneration = -1
    /// The task whose pictures were last asked for (its own and the next ones').
    var followed: Int64?
    /// The last task whose asset was searched for a picture, and what was found.
    private var lookedUp: (taskId: Int64, reference: ImageReference?)?
    private var rendered: [RenderKey: ImageFrame.Content] = [:]
    private var renderOrder: [RenderKey] = []

    private struct RenderKey: Hashable {
        var reference: ImageReference
        var size: Size
    }

    init(display: ImageDisplay, loader: ImageLoader = .standard(), projectDirectory: String?) {
        self.display = display
        self.loader = loader
        self.projectDirectory = projectDirectory
    }

    /// Pictures off: every asset shows as text.
    static func off(projectDirectory: String? = nil) -> ImagePane {
        ImagePane(display: .off, loader: ImageLoader(), projectDirectory: projectDirectory)
    }

    /// Whether a picture finished loading since the last frame.
    var hasNews: Bool { display.kind != .none && loader.generation != settledGeneration }

    /// The picture an asset points at, when pictures are on.
    func reference(_ asset: JSONValue) -> ImageReference? {
        guard display.kind != .none else { return nil }
        return ImageReference.from(asset, projectDirectory: projectDirectory)
    }

    /// The picture of a task's asset, looked for once per task (not on every frame: the search
    /// walks the asset).
    func reference(of task: LabelTask) -> ImageReference? {
        if let lookedUp, lookedUp.taskId == task.id { return lookedUp.reference }
        let found = reference(task.asset)
        lookedUp = (task.id, found)
        return found
    }

    /// Settles what the next frame shows of `reference` in `area`.
    func settle(_ reference: ImageReference?, in area: Rect) {
        settledGeneration = loader.generation
        guard let reference else { settled = nil; return }
        switch loader.status(of: reference) {
        case nil, .loading?:
            settled = ImageFrame(reference: reference, content: .loading, area: area, placed: area, info: nil)
        case .notImage?:
            settled = nil
        case .failed(let why)?:
            settled = ImageFrame(reference: reference, content: .failed(why), area: area, placed: area, info: nil)
        case .ready(let image)?:
            let size = ChafaRenderer.fit(width: image.width, height: image.height, in: area.size)
            let placed = Rect(x: area.x + (area.width - size.width) / 2, y: area.y + (area.height - size.height) / 2,
                              width: size.width, height: size.height)
            let info = ImageInfo(format: image.format.rawValue, width: image.originalWidth, height: image.originalHeight,
                                 bytes: image.byteCount, source: reference.shown)
            settled = ImageFrame(reference: reference, content: render(image, reference: reference, in: placed),
                                 area: area, placed: placed, info: info)
        }
    }

    private func render(_ image: DecodedImage, reference: ImageReference, in placed: Rect) -> ImageFrame.Content {
        let key = RenderKey(reference: reference, size: placed.size)
        if var content = rendered[key] {
            if case .graphic(var graphic) = content {
                graphic.rect = placed
                content = .graphic(graphic)
            }
            return content
        }
        let content: ImageFrame.Content
        switch display.kind {
        case .kitty, .iterm, .sixel:
            let sequence = ChafaRenderer.sequence(image, size: placed.size, kind: display.kind, cellPixels: display.cellPixels)
            let bytes = display.tmuxPassthrough ? ChafaRenderer.tmuxPassthrough(sequence) : sequence
            content = .graphic(PixelGraphic(rect: placed, kind: display.kind == .kitty ? .kitty : .inCells,
                                            identity: key.hashValue, bytes: bytes))
        default:
            content = .picture(ChafaRenderer.symbols(image, size: placed.size, colors: display.colors))
        }
        rendered[key] = content
        renderOrder.append(key)
        // A few renderings: the open picture at the pane's size and zoomed, and one before a resize.
        if renderOrder.count > 4 { rendered[renderOrder.removeFirst()] = nil }
        return content
    }
}
