import Foundation

/// Fetched pictures on disk, so the next session (and the next task) does not fetch them again:
/// one file per URL in `$XDG_CACHE_HOME/termlabel/images` (else `~/.cache/termlabel/images`),
/// at most `limit` bytes in all; the least recently used go first (a hit renews a file's
/// modification time). `TERMLABEL_IMAGE_CACHE_MB` sets the limit (200 by default; 0 turns the
/// cache off).
struct ImageCache: Sendable {
    let directory: String
    let limit: Int

    static let defaultLimit = 200 * 1_048_576

    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ImageCache {
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".cache")
        let limit = environment["TERMLABEL_IMAGE_CACHE_MB"].flatMap(Int.init).map { max(0, $0) * 1_048_576 } ?? defaultLimit
        return ImageCache(directory: ((base as NSString).appendingPathComponent("termlabel") as NSString).appendingPathComponent("images"),
                          limit: limit)
    }

    /// The file a URL is kept in: a 64-bit FNV-1a hash of the URL and its length.
    func path(for url: URL) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let bytes = Array(url.absoluteString.utf8)
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return (directory as NSString).appendingPathComponent(String(hash, radix: 16) + "-\(bytes.count).img")
    }

    func read(_ url: URL) -> [UInt8]? {
        guard limit > 0 else { return nil }
        let file = path(for: url)
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file)
        return Array(data)
    }

    func write(_ bytes: [UInt8], for url: URL) {
        guard limit > 0, bytes.count <= limit else { return }
        let file = path(for: url)
        let manager = FileManager.default
        try? manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Written aside and renamed, so another session never reads half a file.
        let temporary = file + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard manager.createFile(atPath: temporary, contents: Data(bytes)) else { return }
        if rename(temporary, file) != 0 { try? manager.removeItem(atPath: temporary) }
        trim()
    }

    /// Deletes the least recently used files until the cache fits its limit.
    func trim() {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return }
        var files: [(path: String, size: Int, used: Date)] = []
        for name in names where name.hasSuffix(".img") {
            let file = (directory as NSString).appendingPathComponent(name)
            guard let attributes = try? manager.attributesOfItem(atPath: file) else { continue }
            files.append((file, (attributes[.size] as? NSNumber)?.intValue ?? 0, attributes[.modificationDate] as? Date ?? .distantPast))
        }
        var total = files.reduce(0) { $0 + $1.size }
        for file in files.sorted(by: { $0.used < $1.used }) where total > limit {
            try? manager.removeItem(atPath: file.path)
            total -= file.size
        }
    }
}
