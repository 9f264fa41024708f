import Foundation
import LabelCore

/// Where an asset's picture is: a local file (a path, absolute or relative to the project, or a
/// `file://` URL) or a web address. An asset is a picture reference when its `data` is one such
/// string with nothing else around it; whether it really is a picture is known by its extension,
/// else by its content type or first bytes once fetched.
struct ImageReference: Hashable, Sendable {
    enum Location: Hashable, Sendable {
        case file(String)
        case web(URL)
    }

    var location: Location
    /// The asset as written, for captions and messages.
    var shown: String
    /// The extension says picture: content that is not one is an error, not text.
    var claimsImage: Bool

    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "jpe", "gif", "bmp", "webp", "tif", "tiff", "svg"]
    /// Extensions that are surely not pictures: such assets stay text and are never fetched.
    static let otherExtensions: Set<String> = [
        "txt", "md", "html", "htm", "json", "jsonl", "csv", "tsv", "xml", "pdf", "mp3", "wav", "mp4", "mov", "avi", "zip", "gz",
    ]

    /// The picture an asset points at, or nil when it is text (or a link to something else).
    static func from(_ asset: JSONValue, projectDirectory: String?) -> ImageReference? {
        guard case .string(let raw) = asset else { return nil }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 4096, !text.contains(where: { $0.isWhitespace || $0.isNewline }) else { return nil }
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            guard let url = URL(string: text), url.host != nil else { return nil }
            return make(.web(url), shown: text, fileExtension: url.pathExtension)
        }
        if lower.hasPrefix("file://") {
            guard let url = URL(string: text), url.isFileURL else { return nil }
            return make(.file(url.path), shown: text, fileExtension: url.pathExtension)
        }
        let fileExtension = (text as NSString).pathExtension
        let explicit = text.hasPrefix("/") || text.hasPrefix("./") || text.hasPrefix("../") || text.hasPrefix("~/")
        guard explicit || imageExtensions.contains(fileExtension.lowercased()) else { return nil }
        var path = (text as NSString).expandingTildeInPath
        if !path.hasPrefix("/") {
            let base = projectDirectory ?? FileManager.default.currentDirectoryPath
            path = ((base as NSString).appendingPathComponent(path) as NSString).standardizingPath
        }
        return make(.file(path), shown: text, fileExtension: fileExtension)
    }

    private static func make(_ location: Location, shown: String, fileExtension: String) -> ImageReference? {
        let ext = fileExtension.lowercased()
        if otherExtensions.contains(ext) { return nil }
        return ImageReference(location: location, shown: shown, claimsImage: imageExtensions.contains(ext))
    }
}
