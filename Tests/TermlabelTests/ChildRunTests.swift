import Foundation
import Testing

import LabelCore

@testable import termlabel

/// The benchmarks' children: each one's peak memory is its own.
@Suite("Benchmarks: a child process's own peak memory", .serialized)
struct ChildRunTests {
    static let parentMB = 300

    /// Makes this process's high-water mark at least `parentMB` (the pages written, not only reserved).
    static func withLargeParent<T>(_ body: () throws -> T) rethrows -> T {
        let bytes = parentMB << 20
        let block = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 4096)
        defer { block.deallocate() }
        memset(block, 1, bytes)
        return try body()
    }

    @Test("a small child reads small after the parent held 300 MB (wait4's ru_maxrss reads the parent's mark)")
    func smallChild() throws {
        try Self.withLargeParent {
            let run = try ChildRun.run(["/bin/sh", "-c", "sleep 0.2"])
            #expect(run.peakMB < 16, "\(run.peakMB) MB")
            // Why the benchmark reads VmHWM: the same child, reaped with wait4, reports the parent's mark.
            var pid: pid_t = 0
            let words: [String] = ["/bin/sh", "-c", "sleep 0.05"]
            let args: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
            defer { args.forEach { free($0) } }
            #expect(posix_spawn(&pid, "/bin/sh", nil, nil, args, environ) == 0)
            var status: Int32 = 0
            var usage = rusage()
            wait4(pid, &status, 0, &usage)
            #expect(usage.ru_maxrss / 1024 >= Self.parentMB)
        }
    }

    @Test("a child that holds 50 MB of text reads at least that, and not the parent's 300 MB")
    func growingChild() throws {
        try Self.withLargeParent {
            // dash keeps the 50,000,000 characters in a buffer it grows: about 100 MB at its peak.
            let run = try ChildRun.run(["/bin/sh", "-c", #"x=$(head -c 50000000 /dev/zero | tr "\0" a); sleep 0.3"#])
            #expect(run.peakMB >= 47 && run.peakMB < 200, "\(run.peakMB) MB")
        }
    }

    @Test("a failing child is an error naming it")
    func failingChild() throws {
        #expect(throws: Diagnostic.self) { try ChildRun.run(["/bin/sh", "-c", "exit 3"]) }
    }
}
