import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TerminalUI

/// Reads a picture's bytes: a local file, or a web address through URLSession with a timeout and a
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

        var description: String {
            switch self {
            case .http(let code): "HTTP \(code) \(HTTPURLResponse.localizedString(forStatusCode: code))"
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
            cache?.write(result.bytes, for: url)
            return result
        }
    }

    private static func download(_ url: URL, timeout: Double) throws(Failure) -> (bytes: [UInt8], contentType: String?) {
        let download = LimitedDownload(limit: ImageDecoder.byteLimit)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 3
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration, delegate: download, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        session.dataTask(with: url).resume()
        // The resource timeout ends the task; the extra second is for its completion to arrive.
        guard download.done.wait(timeout: .now() + timeout * 3 + 1) == .success else { throw .timedOut(seconds: timeout) }
        return try download.result(timeout: timeout)
    }
}

/// Collects a download's bytes and stops it at the first sign it is not wanted (an HTTP error,
/// a body past the limit).
private final class LimitedDownload: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let limit: Int
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var status = 200
    private var contentType: String?
    private var failure: ImageFetcher.Failure?
    private var error: URLError?

    init(limit: Int) { self.limit = limit }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        lock.withLock {
            status = http?.statusCode ?? 200
            contentType = http?.value(forHTTPHeaderField: "Content-Type")
            if !(200..<300).contains(status) { failure = .http(status) }
            if response.expectedContentLength > Int64(limit) { failure = .tooLarge(limit) }
        }
        completionHandler(lock.withLock { failure == nil } ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = lock.withLock {
            bytes.append(contentsOf: data)
            if bytes.count > limit { failure = .tooLarge(limit) }
            return failure != nil
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.withLock { self.error = error as? URLError ?? error.map { _ in URLError(.unknown) } }
        done.signal()
    }

    func result(timeout: Double) throws(ImageFetcher.Failure) -> (bytes: [UInt8], contentType: String?) {
        let (bytes, contentType, failure, error) = lock.withLock { (self.bytes, self.contentType, self.failure, self.error) }
        if let failure { throw failure }
        if let error {
            switch error.code {
            case .timedOut: throw .timedOut(seconds: timeout)
            case .cannotConnectToHost, .cannotFindHost, .networkConnectionLost, .notConnectedToInternet, .dnsLookupFailed:
                throw .unreachable(error.code == .cannotConnectToHost ? "connection refused" : "\(error.localizedDescription)")
            default: throw .unreachable(error.localizedDescription)
            }
        }
        return (bytes, contentType)
    }
}
