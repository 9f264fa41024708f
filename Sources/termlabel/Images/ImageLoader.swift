import Foundation
import Synchronization
import TerminalUI

/// What is known of a picture so far.
enum ImageStatus: Sendable {
    case loading
    case ready(DecodedImage)
    /// Why it is not shown (HTTP 404, timed out, not an image, too large…).
    case failed(String)
    /// Fetched, and not a picture, from an asset whose extension did not say picture: shown as text.
    case notImage
}

/// Fetches and decodes pictures on its own threads, so keys never wait for a download. The run
/// loop asks `generation` on each tick and redraws when a result landed. Keeps the last few
/// pictures decoded (the open task's and the next ones', fetched ahead).
final class ImageLoader: Sendable {
    private struct State {
        var statuses: [ImageReference: ImageStatus] = [:]
        /// Oldest first: the first go when more than `kept` are held.
        var recent: [ImageReference] = []
        var generation = 0
    }

    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "termlabel.images", qos: .userInitiated, attributes: .concurrent)
    /// At most two fetches or decodes at once.
    private let slots = DispatchSemaphore(value: 2)
    let timeout: Double
    let cache: ImageCache?
    /// Pictures kept decoded (each at most 2048 x 2048, so 16 MB).
    static let kept = 6

    init(timeout: Double = 15, cache: ImageCache? = nil) {
        self.timeout = timeout
        self.cache = cache
    }

    /// The loader of a labeling session: `TERMLABEL_IMAGE_TIMEOUT` seconds (15 by default), the
    /// standard disk cache.
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ImageLoader {
        let timeout = environment["TERMLABEL_IMAGE_TIMEOUT"].flatMap(Double.init).map { min(max($0, 0.1), 600) } ?? 15
        return ImageLoader(timeout: timeout, cache: .standard(environment: environment))
    }

    func status(of reference: ImageReference) -> ImageStatus? {
        state.withLock { $0.statuses[reference] }
    }

    /// Changes whenever a picture finished loading (or failed).
    var generation: Int { state.withLock { $0.generation } }

    /// Starts loading what is not loaded yet: the open task's picture first, then the ones
    /// fetched ahead.
    func request(_ references: [ImageReference]) {
        let started: [ImageReference] = state.withLock { state in
            var started: [ImageReference] = []
            for reference in references {
                state.recent.removeAll { $0 == reference }
                state.recent.append(reference)
                if state.statuses[reference] == nil {
                    state.statuses[reference] = .loading
                    started.append(reference)
                }
            }
            while state.recent.count > Self.kept {
                let dropped = state.recent.removeFirst()
                if case .loading = state.statuses[dropped] { continue }
                state.statuses[dropped] = nil
            }
            return started
        }
        for reference in started {
            queue.async { [self] in
                slots.wait()
                defer { slots.signal() }
                let status = load(reference)
                state.withLock { state in
                    if state.recent.contains(reference) { state.statuses[reference] = status } else { state.statuses[reference] = nil }
                    state.generation += 1
                }
            }
        }
    }

    /// Waits (tests only) until nothing is loading, at most `seconds`.
    func waitUntilSettled(seconds: Double = 10) {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            let busy = state.withLock { $0.statuses.values.contains { if case .loading = $0 { true } else { false } } }
            if !busy { return }
            usleep(5_000)
        }
    }

    private func load(_ reference: ImageReference) -> ImageStatus {
        let fetched: (bytes: [UInt8], contentType: String?)
        do {
            fetched = try ImageFetcher.fetch(reference.location, timeout: timeout, cache: cache)
        } catch {
            return .failed(error.description)
        }
        let saysImage = reference.claimsImage || fetched.contentType?.lowercased().hasPrefix("image/") == true
        if ImageFormat.sniff(fetched.bytes) == nil && !saysImage { return .notImage }
        do {
            return .ready(try ImageDecoder.decode(fetched.bytes))
        } catch {
            if case .notAnImage = error, let type = fetched.contentType, !type.lowercased().hasPrefix("image/") {
                return .failed("not an image (the server says \(type))")
            }
            return .failed(error.description)
        }
    }
}
