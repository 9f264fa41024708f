import Foundation

/// Where an export goes: a file written under a temporary name and renamed into place only when
/// complete (a reader never sees half an export), or standard output. Every export format
/// streams its tasks through here, so memory does not grow with the project.
public enum ExportFile {
    /// Told the count of tasks written so far, every thousand tasks, while an export runs (the
    /// command's progress line). Set by the one command a process runs, before it exports; a
    /// task-local value would be the tidier home, but pushing one outside a task crashes release
    /// builds on Linux (swift_task_localValuePush).
    nonisolated(unsafe) public static var progress: ((Int) -> Void)?

    /// Runs `body` with the output; returns what it returns (the count of tasks written).
    public static func write(to path: String?, _ body: (inout FileOutput) throws -> Int) throws -> Int {
        guard let path else { return try direct(FileHandle.standardOutput, body) }
        // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written as it is: renaming
        // a finished file over it would replace the device with a regular file.
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG, info.st_mode & S_IFMT != S_IFDIR {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw Diagnostic(.error, "cannot write to it", file: path, hint: "check that it can be written")
            }
            defer { try? handle.close() }
            return try direct(handle, body)
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        PartialFile.removeStale(for: path)
        let temporary = PartialFile.path(for: path)
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw Diagnostic(.error, "cannot write in \(directory)", file: path, hint: "check that the directory exists and is writable")
        }
        do {
            var out = FileOutput(handle: handle)
            let n = try body(&out)
            try out.flush()
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, path) == 0 else {
                throw Diagnostic(.error, "cannot move the export into place: \(String(cString: strerror(errno)))", file: path)
            }
            return n
        } catch {
            try? handle.close()
            unlink(temporary)
            throw error
        }
    }
}

extension ExportFile {
    static func direct(_ handle: FileHandle, _ body: (inout FileOutput) throws -> Int) throws -> Int {
        var out = FileOutput(handle: handle)
        let n = try body(&out)
        try out.flush()
        return n
    }
}

/// A text output that can fail (a full disk): errors surface at `check()` and `flush()`.
public protocol ThrowingTextOutput: TextOutputStream {
    mutating func check() throws
    /// UTF-8 text as bytes (whole characters), written as they are: what a store holds is copied
    /// into the output without a `String` made of it.
    mutating func write(utf8 bytes: UnsafeRawBufferPointer)
}

extension ThrowingTextOutput {
    public mutating func write(utf8 bytes: UnsafeRawBufferPointer) { write(String(decoding: bytes, as: UTF8.self)) }
}

/// Buffers text and writes it to a file in pieces of 1 MiB (a million tasks make a gigabyte:
/// fewer, larger writes); text is copied into the buffer with `memcpy`.
public struct FileOutput: ThrowingTextOutput {
    let handle: FileHandle
    var buffer: [UInt8]
    /// How much of `buffer` holds text not yet written.
    var used = 0
    /// How much has been written to the file: where the next block goes.
    var written = 0
    var failure: Error?
    /// Each writer checks once per task written: the count for `ExportFile.progress`.
    var checks = 0
    let progress = ExportFile.progress

    init(handle: FileHandle) {
        self.handle = handle
        buffer = [UInt8](repeating: 0, count: Self.blockSize)
    }

    static let blockSize = 1 << 20

    public mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { write(utf8: UnsafeRawBufferPointer($0)) }
    }

    public mutating func write(utf8 bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if used + bytes.count > buffer.count {
            try? flush()
            // A failed write is told at the next `check()` or `flush()`; nothing more is written.
            if failure != nil { return }
            // More than the buffer holds: written as it is.
            if bytes.count > buffer.count {
                failure = put(bytes, at: written)
                written += bytes.count
                return
            }
        }
        let at = used
        buffer.withUnsafeMutableBytes { _ = memcpy($0.baseAddress! + at, source, bytes.count) }
        used += bytes.count
    }

    mutating func flush() throws {
        if let failure { throw failure }
        guard used > 0 else { return }
        let count = used
        used = 0
        let offset = written
        failure = buffer.withUnsafeBytes { put(UnsafeRawBufferPointer(rebasing: $0[..<count]), at: offset) }
        if let failure { throw failure }
        written += count
    }

    /// Writes to the file; the error for people if that failed. The kernel is asked to start
    /// writing the block to the disk now (`POSIX_FADV_DONTNEED` on dirty pages starts their
    /// writeback without waiting for it), so that the flush before the rename waits for the last
    /// blocks, not for the whole export (a million tasks: 2 s of 7). A pipe or a terminal says
    /// no, which changes nothing.
    private func put(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Error? {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            return Diagnostic(.error, "writing the export failed: \(error.localizedDescription)", hint: "is the disk full?")
        }
        _ = posix_fadvise(handle.fileDescriptor, off_t(offset), off_t(bytes.count), POSIX_FADV_DONTNEED)
        return nil
    }

    public mutating func check() throws {
        if let failure { throw failure }
        checks += 1
        if checks % 1_000 == 0, let progress { progress(checks) }
    }
}

extension ExportFile {
    /// Writes records as a JSON array (one per line inside it) or as JSON Lines.
    static func records<Out: ThrowingTextOutput>(
        _ store: any ProjectStore, stage: Stage?, jsonLines: Bool, to out: inout Out, _ record: (TaskRecord) -> JSONValue
    ) throws -> Int {
        var count = 0
        let writer = JSONWriter()
        if !jsonLines { out.write("[") }
        try store.forEachTask(in: stage) { task in
            guard task.task.benchmark == nil else { return }
            if !jsonLines { out.write(count == 0 ? "\n" : ",\n") }
            writer.write(record(task), to: &out)
            if jsonLines { out.write("\n") }
            count += 1
            try out.check()
        }
        if !jsonLines { out.write(count == 0 ? "]\n" : "\n]\n") }
        return count
    }
}
