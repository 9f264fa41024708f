import Foundation

/// The lines of a file, read a block at a time: memory holds one block and one line, whatever
/// the file's size. Lines are given without their line end (LF or CRLF), with their 1-based
/// number; blank lines (spaces and tabs only) are passed over, as `AssetSource.eachLine` does.
struct FileLines {
    let path: String
    static let blockSize = 1 << 20

    /// The file's size in bytes, for progress.
    var size: Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// Calls `body` with each line, its number and the bytes read so far, while it returns true.
    func forEach(_ body: (_ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ bytesRead: Int) throws -> Bool) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw DiagnosticsError(Diagnostic(.error, exists ? "cannot read the file (permission?)" : "no such file", file: path))
        }
        defer { close(fd) }
        var pending: [UInt8] = []
        var block = [UInt8](repeating: 0, count: Self.blockSize)
        var number = 0
        var bytesRead = 0
        func emit(_ line: UnsafeBufferPointer<UInt8>) throws -> Bool {
            number += 1
            var line = line
            if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }
            return try body(line, number, bytesRead)
        }
        while true {
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DiagnosticsError(Diagnostic(.error, "cannot read the file: \(String(cString: strerror(errno)))", file: path))
            }
            if n == 0 { break }
            bytesRead += n
            let going = try block.withUnsafeBufferPointer { whole -> Bool in
                let data = UnsafeBufferPointer(rebasing: whole[0..<n])
                var start = 0
                while let end = data[start...].firstIndex(of: 0x0A) {
                    let going: Bool
                    if pending.isEmpty {
                        going = try emit(UnsafeBufferPointer(rebasing: data[start..<end]))
                    } else {
                        pending.append(contentsOf: data[start..<end])
                        going = try pending.withUnsafeBufferPointer { try emit($0) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    if !going { return false }
                    start = end + 1
                }
                pending.append(contentsOf: data[start...])
                return true
            }
            if !going { return }
        }
        if !pending.isEmpty { _ = try pending.withUnsafeBufferPointer { try emit($0) } }
    }
}
