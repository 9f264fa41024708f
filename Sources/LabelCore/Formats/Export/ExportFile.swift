import Foundation

/// Where an export goes: standard output, or a file written under a temporary name and renamed
/// into place only when complete, so a reader never sees half an export.
enum ExportFile {
    static func write(to path: String?, _ body: (inout FileOutput) throws -> Int) throws -> Int {
        guard let path else {
            var out = FileOutput(handle: FileHandle.standardOutput)
            let n = try body(&out)
            try out.flush()
            return n
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

    /// Writes records as a JSON array (one per line inside it) or as JSON Lines.
    static func records<Out: ThrowingTextOutput>(
        _ store: any ProjectStore, stage: Stage?, jsonLines: Bool, to out: inout Out, _ record: (TaskRecord) -> JSONValue
    ) throws -> Int {
        var count = 0
        let writer = JSONWriter()
        if !jsonLines { out.write("[") }
        try store.forEachTask(in: stage) { task in
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
