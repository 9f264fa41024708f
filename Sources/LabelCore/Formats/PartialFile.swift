import Foundation

/// The temporary file an export is written to before it is renamed into place:
/// `.NAME.PID.partial` beside the target. A failed export removes its own; one left by a killed
/// export (whose process is gone) is removed by the next export to the same target.
public enum PartialFile {
    public static func path(for target: String, pid: Int32 = getpid()) -> String {
        let url = URL(fileURLWithPath: target)
        return (url.deletingLastPathComponent().path as NSString).appendingPathComponent(".\(url.lastPathComponent).\(pid).partial")
    }

    /// Removes the partial files of `target` left by processes that no longer run; returns their paths.
    @discardableResult
    public static func removeStale(for target: String) -> [String] {
        let url = URL(fileURLWithPath: target)
        let directory = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".partial") {
            let middle = name.dropFirst(prefix.count).dropLast(".partial".count)
            guard let pid = Int32(middle), pid > 0, pid != getpid() else { continue }
            // Signal 0 only asks whether the process exists; ESRCH means it is gone.
            if kill(pid, 0) == -1 && errno == ESRCH {
                let path = (directory as NSString).appendingPathComponent(name)
                if unlink(path) == 0 { removed.append(path) }
            }
        }
        return removed
    }
}
