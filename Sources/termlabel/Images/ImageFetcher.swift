import CCurlFetch
import Foundation
import TerminalUI

/// Reads a picture's bytes: a local file, or a web address through libcurl with a timeout and a
/// size limit (the download stops past `ImageDecoder.byteLimit`). Runs on the loader's threads,
/// never on the input thread.
enum ImageFetcher {
    /// Why a picture could not be read, in words for the annotator.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case http(Int)
        case timedOut(seconds: Double)
        case unreachable(String)
        case noFile
        case unreadable(String)
        case tooLarge(Int)

        static let reasons: [Int: String] = [
            400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 408: "Request Timeout", 410: "Gone",
            429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
        ]

        var description: String {
            switch self {
            case .http(let code): "HTTP \(code)\(Self.reasons[code].map { " " + $0 } ?? "")"
            case .timedOut(let seconds): "timed out after \(seconds.formatted(.number.precision(.fractionLength(0...1)))) s"
            case .unreachable(let why): "cannot be fetched: \(why)"
            case .noFile: "no such file"
            case .unreadable(let why): "cannot be read: \(why)"
            case .tooLarge(let limit): "too large: more than \(limit / 1_048_576) MB"
            }
        }
    }

    /// The bytes, and the content type the server gave (nil for files).
    static func fetch(_ location: ImageReference.Location, timeout: Double, cache: ImageCache?) throws(Failure) -> (bytes: [UInt8], contentType: String?) {
        switch location {
        case .file(let path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { throw .noFile }
            let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
            guard size <= ImageDecoder.byteLimit else { throw .tooLarge(ImageDecoder.byteLimit) }
            guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable("permission denied") }
            defer { try? handle.close() }
            let data = (try? handle.read(upToCount: ImageDecoder.byteLimit + 1)) ?? Data()
            guard data.count <= ImageDecoder.byteLimit else { throw .tooLarge(ImageDecoder.byteLimit) }
            return (Array(data), nil)
        case .web(let url):
            if let cached = cache?.read(url) { return (cached, nil) }
            let result = try download(url, timeout: timeout)
            // Only pictures are kept: a page or an error body is fetched again next time.
            if ImageFormat.sniff(result.bytes) != nil { cache?.write(result.bytes, for: url) }
            return result
        }
    }

    private static func download(_ url: URL, timeout: Double) throws(Failure) -> (bytes: [UInt8], contentType: String?) {
        var result = tl_fetch_result()
        let code = tl_fetch(url.absoluteString, Int(timeout * 1000), ImageDecoder.byteLimit, &result)
        defer { tl_fetch_free(&result) }
        let error = withUnsafeBytes(of: result.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let type = withUnsafeBytes(of: result.contentType) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        switch Int(code) {
        case 0: break
        case Int(TL_FETCH_TIMED_OUT): throw .timedOut(seconds: timeout)
        case Int(TL_FETCH_TOO_LARGE): throw .tooLarge(ImageDecoder.byteLimit)
        case Int(TL_FETCH_WRITE_ERROR) where result.overLimit == 1: throw .tooLarge(ImageDecoder.byteLimit)
        case Int(TL_FETCH_COULD_NOT_CONNECT): throw .unreachable("connection refused")
        case Int(TL_FETCH_COULD_NOT_RESOLVE): throw .unreachable("unknown host \(url.host ?? "")")
        default: throw .unreachable(error)
        }
        guard (200..<300).contains(result.status) else { throw .http(result.status) }
        let bytes = result.bytes.map { Array(UnsafeBufferPointer(start: $0, count: result.length)) } ?? []
        return (bytes, type.isEmpty ? nil : type)
    }
}
